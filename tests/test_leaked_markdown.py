"""No Markdown or template syntax shows on any built page: each page is parsed with an HTML parser and
only the text a reader sees is searched (code, keyboard keys and formulas may quote the syntax)."""

import pytest
from bs4 import BeautifulSoup

# What leaks, and what usually caused it
LEAKS = {
    "++": "keyboard keys (++ctrl+k++) without pymdownx.keys",
    "!!!": "an admonition that did not render (indentation, or inside HTML without markdown)",
    "???": "a collapsible admonition that did not render (pymdownx.details)",
    "{:": "an attribute list (attr_list) that did not attach",
    "{{": "a macro call that did not run",
    "}}": "a macro call that did not run",
    "{%": "a Jinja statement that did not run",
    "%}": "a Jinja statement that did not run",
    "$$": "display math that did not become MathML",
}
# Where the syntax may appear on purpose, as the thing being shown
QUOTING = ("code", "pre", "kbd", "math", "script", "style", "template", "noscript")
# Words that contain a marker and are not syntax
ALLOWED = ("C++",)


def visible_text(page_html: str) -> str:
    """What a reader sees on the page, including the navigation and the SVG labels."""
    soup = BeautifulSoup(page_html, "html.parser")
    for element in soup.find_all(QUOTING):
        element.decompose()
    for element in soup.find_all(attrs={"hidden": True}):
        element.decompose()
    body = soup.body or soup
    return " ".join(body.stripped_strings)


def leaks(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    found = []
    for marker, cause in LEAKS.items():
        at = text.find(marker)
        while at != -1:
            found.append(f"{marker!r} in '…{text[max(0, at - 40):at + 40]}…': {cause}")
            at = text.find(marker, at + len(marker))
    return found


def test_every_built_page_shows_no_markdown_or_template_syntax(html_pages):
    assert len(html_pages) >= 45
    problems = [f"{path}: {leak}" for path, page in html_pages.items() for leak in leaks(visible_text(page))]
    assert not problems, "\n".join(problems[:30])


def test_home_page_shows_keyboard_keys(html_pages):
    soup = BeautifulSoup(html_pages["index.html"], "html.parser")
    keys = [kbd.get_text() for kbd in soup.select("span.keys kbd")]
    assert "/" in keys


@pytest.mark.parametrize("markup, leaked", [
    ("<p>Press ++slash++ to search</p>", ["++", "++"]),
    ('<p>!!! warning "Exam trap"</p>', ["!!!"]),
    ("<p>??? note</p>", ["???"]),
    ("<p>Heading {: #anchor }</p>", ["{:"]),
    ('<p>{{ service("x") }}</p>', ["{{", "}}"]),
    ("<p>{% if x %}</p>", ["{%", "%}"]),
    ("<p>$$ x^2 $$</p>", ["$$", "$$"]),
    ("<p>Written in C++ and Java</p>", []),
    ("<p>Type <code>++ctrl+k++</code> or <kbd>{{</kbd></p>", []),
    ("<p>A <math><mi>$$</mi></math> formula</p>", []),
    ('<svg><text>{{ leaked }}</text></svg>', ["{{", "}}"]),
])
def test_the_check_finds_syntax_only_where_a_reader_sees_it(markup, leaked):
    found = leaks(visible_text(f"<html><body>{markup}</body></html>"))
    assert [item.split(" in ")[0].strip("'") for item in found] == leaked
