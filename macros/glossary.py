"""The glossary: every named thing in data/ with a one-line definition and a link to where it is taught."""

import posixpath
from collections.abc import Callable

from . import html as h
from .loader import SiteData


def relative_url(page_url: str, target: str, use_directory_urls: bool = True) -> str:
    """Link from the page at `page_url` to docs/`target` ('path/page.md#anchor')."""
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        raise ValueError(f"link target must be a Markdown page inside docs/: {target}")
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    if use_directory_urls:
        target_dir = path[:-3].removesuffix("index").rstrip("/") or "."
        rel = posixpath.relpath(target_dir, page_dir.rstrip("/") or ".")
        url = "" if rel == "." else rel + "/"
    else:
        url = posixpath.relpath(path[:-3] + ".html", page_dir.rstrip("/") or ".")
    if not url and not anchor:
        url = "./"
    return url + (f"#{anchor}" if anchor else "")


def entries(data: SiteData) -> list[tuple[str, list[str], str, str]]:
    """(term, aliases, definition, link target) for the glossary rows and every data row."""
    rows = [(g.term, list(g.aliases), g.definition, g.link) for g in data.glossary]
    rows += [(a.name, list(a.aliases), a.summary, f"modeling/built-in-algorithms.md#{a.slug}") for a in data.algorithms]
    rows += [(m.name, list(m.aliases), m.measures, f"{m.page}#{m.slug}") for m in data.metrics]
    rows += [(s.name, list(s.former_names), s.purpose, f"{s.page}#{s.slug}") for s in data.services]
    return sorted(rows, key=lambda row: row[0].lower())


def glossary_table(data: SiteData, link: Callable[[str], str]) -> str:
    """Terms and aliases feed search; definitions do not, since the linked sections teach the same."""
    rows = [
        [f'<a href="{h.inline(link(target))}"><strong>{h.inline(term)}</strong></a>'
         + (f"<br><small>{h.joined(aliases)}</small>" if aliases else ""),
         h.unsearchable(h.inline(definition))]
        for term, aliases, definition, target in entries(data)
    ]
    return h.block(h.table(["Term", "Definition"], rows, "data-table glossary"))
