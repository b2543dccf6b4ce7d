"""The glossary: every named thing in data/ with a one-line definition and a link to where it is taught."""

from typing import NamedTuple

from . import markup as m
from .loader import SiteData
from .render import Link


class Entry(NamedTuple):
    term: str
    aliases: list
    definition: str
    home: str  # 'page.md#anchor' of the section that teaches it


def entries(data: SiteData) -> list[Entry]:
    """The glossary rows and every named data row, sorted by term."""
    rows = [Entry(g.term, list(g.aliases), g.definition, g.home) for g in data.glossary]
    rows += [Entry(a.name, list(a.aliases), a.summary, a.home) for a in data.algorithms]
    rows += [Entry(x.name, list(x.aliases), x.measures, x.home) for x in data.metrics]
    rows += [Entry(s.name, list(s.former_names), s.purpose, s.home) for s in data.services]
    return sorted(rows, key=lambda row: row.term.lower())


def glossary_table(data: SiteData, link: Link) -> str:
    """Terms and aliases feed search; definitions do not, since the linked sections teach the same."""
    rows = [
        [m.link(m.bold(m.inline(entry.term)), link(entry.home))
         + (f"<br><small>{m.joined(entry.aliases)}</small>" if entry.aliases else ""),
         f'<span {m.NOT_SEARCHED}>{m.inline(entry.definition)}</span>']
        for entry in entries(data)
    ]
    return m.table(["Term", "Definition"], rows, "data-table glossary")
