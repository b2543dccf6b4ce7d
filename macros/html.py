"""Small, pure helpers that turn escaped text into HTML fragments.

Every value from the data files passes through `inline` before it reaches a page, so a `|`,
`<script>` or `{{` in a description renders as text. The one markup allowed in data is
`backticks` for code.
"""

import base64
import html
import re

_CODE = re.compile(r"`([^`]+)`")
# Characters that Jinja, Markdown or a table would otherwise interpret, as numeric entities
_MARKUP = str.maketrans({char: f"&#{ord(char)};" for char in "{}|*_[]\\"})


def inline(text: str) -> str:
    """Escape `text` for HTML and Markdown; turn `backticks` into <code>."""
    escaped = html.escape(text, quote=True).translate(_MARKUP)
    return _CODE.sub(r"<code>\1</code>", escaped)


def joined(items, separator: str = ", ") -> str:
    return separator.join(inline(item) for item in items)


def bullets(items) -> str:
    return "<ul>" + "".join(f"<li>{inline(item)}</li>" for item in items) + "</ul>"


# Material's search plugin skips elements carrying this attribute (and strips it from the page)
NOT_SEARCHED = ' data-search-exclude="true"'


def unsearchable(html_fragment: str) -> str:
    """Keep a fragment out of the search index."""
    return f"<span{NOT_SEARCHED}>{html_fragment}</span>"


def table(headers, rows, css_class: str = "data-table", searchable: bool = True) -> str:
    """An HTML table in a classed wrapper (Material styles and scrolls only class-less tables);
    `rows` hold cells that are already HTML. Tables that repeat facts indexed elsewhere on the
    site pass searchable=False, which keeps the search index small and its results unique."""
    head = "".join(f"<th>{inline(header)}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    exclude = "" if searchable else NOT_SEARCHED
    return f'<div class="{css_class}"{exclude}><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def admonition(kind: str, title: str, body_html: str) -> str:
    return f'<div class="admonition {kind}"><p class="admonition-title">{inline(title)}</p>{body_html}</div>'


def heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading, so the table of contents and search link to it."""
    return f"\n{'#' * level} {inline(text)} {{#{anchor}}}\n\n"


_PACKED_BLOCK = re.compile(r'<div class="data-block" data-html="([A-Za-z0-9+/=]*)"></div>')


def block(html_fragment: str) -> str:
    """Pack finished HTML into one empty placeholder, so Markdown does not re-parse it;
    `unpack_blocks` puts it back once the page is converted."""
    packed = base64.b64encode(html_fragment.encode("utf-8")).decode("ascii")
    return f'\n<div class="data-block" data-html="{packed}"></div>\n\n'


def unpack_blocks(page_html: str) -> str:
    return _PACKED_BLOCK.sub(
        lambda match: f'<div class="data-block">{base64.b64decode(match.group(1)).decode("utf-8")}</div>', page_html)
