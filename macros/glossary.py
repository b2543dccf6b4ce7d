"""The glossary: every named thing in data/ with a one-line definition and a link to where it is taught.

Terms are split by letter, one page each (`docs/glossary/<letter>.md`), with an A-Z bar on every
page and on the front page (`docs/glossary.md`), which lists every term. Each term is a heading with
an anchor of its own. Terms from `data/glossary*.yml` are search entries of their own (term, aliases
and definition); services, algorithms and metrics are not, because search already finds the sections
that teach them under the same name. A leading "Amazon" or "AWS" does not decide where a term sorts.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

from . import markup as m
from .loader import SiteData

Link = Callable[[str], str]

LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
OTHER = "0-9"  # terms that start with a digit or a sign
_VENDOR = re.compile(r"^(?:amazon|aws)\s+", re.IGNORECASE)


class Entry(NamedTuple):
    term: str
    aliases: tuple
    definition: str
    home: str  # 'page.md#anchor' of the section that teaches it
    anchor: str  # its own anchor on its letter page
    searchable: bool  # a search entry of its own; other rows are found where they are taught


def sort_key(term: str) -> tuple[str, str]:
    """'Amazon Kinesis Data Streams' sorts as 'Kinesis Data Streams'; the full name breaks ties."""
    return _VENDOR.sub("", term, count=1).casefold(), term.casefold()


def letter_of(term: str) -> str:
    first = unicodedata.normalize("NFKD", sort_key(term)[0][:1]).upper()[:1]
    return first if first in LETTERS else OTHER


def page_of(letter: str) -> str:
    """The docs/ page of a letter: 'glossary/k.md'."""
    return f"glossary/{letter.lower()}.md"


def entries(data: SiteData) -> list[Entry]:
    """The glossary rows and every named data row, in glossary order."""
    rows = [Entry(g.term, tuple(g.aliases), g.definition, g.home, g.key, True) for g in data.glossary]
    rows += [Entry(a.name, tuple(a.aliases), a.summary, a.home, a.key, False) for a in data.algorithms]
    rows += [Entry(x.name, tuple(x.aliases), x.measures, x.home, x.key, False) for x in data.metrics]
    rows += [Entry(s.name, tuple(s.former_names), s.purpose, s.home, s.key, False) for s in data.services]
    return sorted(rows, key=lambda row: sort_key(row.term))


def by_letter(rows: Iterable[Entry], pages: set[str]) -> dict[str, list[Entry]]:
    """Entries under each letter that has a page. Every entry needs its letter's page, every page a term."""
    found: dict[str, list[Entry]] = {}
    for entry in rows:
        found.setdefault(letter_of(entry.term), []).append(entry)
    missing = sorted(set(found) - pages)
    if missing:
        examples = "; ".join(f"{letter}: {found[letter][0].term}" for letter in missing)
        raise ValueError(f"terms sort under letters with no glossary page ({examples}): create "
                         + ", ".join(f"docs/{page_of(letter)}" for letter in missing)
                         + " like the other letter pages and add them to the nav in mkdocs.yml")
    empty = sorted(pages - set(found))
    if empty:
        raise ValueError("no term sorts under " + ", ".join(empty) + ": remove "
                         + ", ".join(f"docs/{page_of(letter)}" for letter in empty) + " and its nav entry")
    for letter, listed in found.items():
        seen: dict[str, str] = {}
        for entry in listed:
            if entry.anchor in seen:
                raise ValueError(f"'{entry.term}' and '{seen[entry.anchor]}' share the anchor "
                                 f"#{entry.anchor} on docs/{page_of(letter)}")
            seen[entry.anchor] = entry.term
    return {letter: found[letter] for letter in (*LETTERS, OTHER) if letter in found}


def az_bar(letters: Iterable[str], link: Link, current: str | None = None) -> str:
    """Every letter; those with terms link to their page, the current one is marked."""
    letters = set(letters)
    cells = []
    for letter in (*LETTERS, *([OTHER] if OTHER in letters else [])):
        if letter == current:
            cells.append(f'<span class="glossary-az__here" aria-current="page">{letter}</span>')
        elif letter in letters:
            cells.append(m.link(letter, link(page_of(letter))))
        else:
            cells.append(f'<span class="glossary-az__none" title="No terms under {letter}">{letter}</span>')
    return (f'\n<nav class="glossary-az" aria-label="Glossary A to Z" {m.NOT_SEARCHED} markdown>\n\n'
            + " ".join(cells) + "\n\n</nav>\n\n")


def _heading(entry: Entry) -> str:
    hidden = "" if entry.searchable else f" {m.NOT_SEARCHED}"
    return f"\n## {m.inline(entry.term)} {{#{entry.anchor}{hidden}}}\n\n"


def letter_page(data: SiteData, pages: set[str], titles: dict[str, str], link: Link, letter: str) -> str:
    """One letter: the A-Z bar, then each term as a heading with its aliases, definition and home."""
    letter = letter.upper()
    grouped = by_letter(entries(data), pages)
    if letter not in grouped:
        raise ValueError(f"no glossary letter '{letter}' (letters: {', '.join(grouped)})")
    listed = grouped[letter]
    count = f"{len(listed)} term{'s' if len(listed) != 1 else ''}"
    parts = [az_bar(grouped, link, letter),
             m.paragraph(f"{count} under {letter}. Each links to the section that teaches it.", searchable=False)]
    for entry in listed:
        parts.append(_heading(entry))
        if entry.aliases:
            parts.append(m.paragraph("Also: " + m.joined(entry.aliases), "glossary-aliases"))
        parts.append(m.paragraph(m.inline(entry.definition)))
        where = titles.get(entry.home.partition("#")[0], entry.home)
        parts.append(m.paragraph("Taught in " + m.link(m.inline(where), link(entry.home)), "glossary-home",
                                 searchable=False))
    return "".join(parts)


def index_page(data: SiteData, pages: set[str], titles: dict[str, str], link: Link) -> str:
    """The front page: the A-Z bar and every term under its letter, linked to its definition."""
    grouped = by_letter(entries(data), pages)
    total = sum(len(listed) for listed in grouped.values())
    own = sum(entry.searchable for listed in grouped.values() for entry in listed)
    lines = [f"**{m.link(letter, link(page_of(letter)))}** "
             + " · ".join(m.link(m.inline(entry.term), link(f"{page_of(letter)}#{entry.anchor}")) for entry in listed)
             for letter, listed in grouped.items()]
    return (az_bar(grouped, link)
            + m.paragraph(f"{total} terms: {own} concepts, and every service, built-in algorithm and metric "
                          f"the site teaches. A leading Amazon or AWS is ignored when sorting.", searchable=False)
            + m.block("\n\n".join(lines), "glossary-index", searchable=False))
