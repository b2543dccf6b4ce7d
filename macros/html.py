"""Small, pure helpers that turn escaped text into HTML fragments.

Every value from the data files passes through `inline` before it reaches a page, so a `|`,
`<script>` or `{{` in a description renders as text. The one markup allowed in data is
`backticks` for code.
"""

import html
import re

_CODE = re.compile(r"`([^`]+)`")
_JINJA = {"{": "&#123;", "}": "&#125;"}


def inline(text: str) -> str:
    """Escape `text` for HTML and Markdown; turn `backticks` into <code>."""
    escaped = html.escape(text, quote=True)
    escaped = "".join(_JINJA.get(char, char) for char in escaped)
    escaped = escaped.replace("|", "&#124;").replace("*", "&#42;").replace("_", "&#95;")
    escaped = escaped.replace("[", "&#91;").replace("]", "&#93;").replace("\\", "&#92;")
    return _CODE.sub(r"<code>\1</code>", escaped)


def joined(items, separator: str = ", ") -> str:
    return separator.join(inline(item) for item in items)


def bullets(items) -> str:
    return "<ul>" + "".join(f"<li>{inline(item)}</li>" for item in items) + "</ul>"


def table(headers, rows, css_class: str = "data-table") -> str:
    """An HTML table in a classed wrapper (Material styles and scrolls only class-less tables);
    `rows` hold cells that are already HTML."""
    head = "".join(f"<th>{inline(header)}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<div class="{css_class}"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def admonition(kind: str, title: str, body_html: str) -> str:
    return f'<div class="admonition {kind}"><p class="admonition-title">{inline(title)}</p>{body_html}</div>'


def heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading, so the table of contents and search link to it."""
    return f"\n{'#' * level} {inline(text)} {{#{anchor}}}\n\n"


def block(html_fragment: str) -> str:
    """Wrap HTML so Markdown leaves it alone and the page keeps flowing after it."""
    return f'\n<div class="data-block">{html_fragment}</div>\n\n'
