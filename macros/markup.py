"""Small, pure helpers that turn escaped data into Markdown the engine converts.

Macros write Markdown, not finished HTML, so the engine owns headings, tables, admonitions and links:
MkDocs rewrites and checks every `.md` link, and search indexes every heading. Every value from the
data files passes through `inline` first, so a `|`, `<script>` or `{{` in a description renders as
text. The one markup allowed in data is `backticks` for code.
"""

import html
import re
from collections.abc import Iterable

_CODE = re.compile(r"`([^`]+)`")
# Characters that Jinja, Markdown or a table would otherwise interpret, as numeric entities
_MARKUP = str.maketrans({char: f"&#{ord(char)};" for char in "{}|*_[]\\#`$"} | {"\n": " "})

# Material's search plugin skips elements carrying this attribute (and strips it from the page)
NOT_SEARCHED = 'data-search-exclude="true"'


def _escaped(text: str) -> str:
    # Quotes become &quot; (titles sit in quotes); apostrophes stay, as a numeric entity would be re-escaped
    return html.escape(text, quote=False).replace('"', "&quot;").translate(_MARKUP)


def inline(text: str) -> str:
    """Escape `text` for HTML and Markdown; turn `backticks` into <code>."""
    parts = _CODE.split(text)  # even items are prose, odd items code
    return "".join(f"<code>{_escaped(part)}</code>" if index % 2 else _escaped(part)
                   for index, part in enumerate(parts))


def joined(items: Iterable[str], separator: str = ", ") -> str:
    return separator.join(inline(item) for item in items)


def link(text_markdown: str, url: str) -> str:
    """A Markdown link; `url` is a relative `.md` path the engine rewrites and checks."""
    return f"[{text_markdown}]({url})"


def bold(text_markdown: str) -> str:
    return f"**{text_markdown}**"


def block(markdown: str, css_class: str = "", searchable: bool = True) -> str:
    """Wrap Markdown in a classed <div> whose content the engine still converts (md_in_html)."""
    attributes = (f' class="{css_class}"' if css_class else "") + ("" if searchable else f" {NOT_SEARCHED}")
    return f"\n<div{attributes} markdown>\n\n{markdown.strip()}\n\n</div>\n\n"


# Tables this wide become one card per row on phones (class `cards`, styled in docs/assets/site.css)
CARD_COLUMNS = 3


def _labels(headers: list[str]) -> list[str]:
    """attr_list suffixes giving each cell after the first its column name as `data-label`, which
    the phone layout shows in front of the value; the first cell heads the card."""
    return [""] + [f' {{: data-label="{_escaped(header)}" }}' for header in headers[1:]]


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], css_class: str = "data-table",
          searchable: bool = True) -> str:
    """A Markdown table in a classed wrapper. Cells are inline Markdown, already escaped. Tables that
    repeat facts indexed elsewhere pass searchable=False, which keeps search results unique.
    Tables of CARD_COLUMNS or more columns turn into labelled cards on phones."""
    headers = list(headers)
    cards = len(headers) >= CARD_COLUMNS
    labels = _labels(headers) if cards else []
    lines = ["| " + " | ".join(inline(header) for header in headers) + " |", "|" + " --- |" * len(headers)]
    # An empty cell takes no label: attr_list needs text in front of it, and the card skips it anyway
    lines += ["| " + " | ".join(cell + (labels[i] if i < len(labels) and cell.strip() else "")
                                for i, cell in enumerate(row)) + " |" for row in rows]
    return block("\n".join(lines), f"{css_class} cards" if cards else css_class, searchable)


def bullets(items: Iterable[str]) -> str:
    """A list that also fits inside a table cell."""
    return "<br>".join(f"• {inline(item)}" for item in items)


def admonition(kind: str, title: str, body_markdown: str, collapsed: bool = False) -> str:
    """An admonition; collapsed ones open on a click (pymdownx.details) and in print."""
    indented = "\n".join(f"    {line}" if line else "" for line in body_markdown.strip().splitlines())
    return f'\n{"???" if collapsed else "!!!"} {kind} "{inline(title)}"\n\n{indented}\n\n'


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {inline(item)}" for item in items)


def heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading, so the table of contents and search link to it."""
    return f"\n{'#' * level} {inline(text)} {{#{anchor}}}\n\n"


def paragraph(markdown: str, css_class: str = "", searchable: bool = True) -> str:
    attributes = " ".join(filter(None, [f".{css_class}" if css_class else "", "" if searchable else NOT_SEARCHED]))
    return f"{markdown}\n{{: {attributes} }}\n\n" if attributes else f"{markdown}\n\n"
