"""Read the built site by its structure, with an HTML parser: pages, sections under a heading, tables."""

import functools
import re
from pathlib import Path

import lxml.html
from bs4 import BeautifulSoup, Tag

from macros.loader import load_site

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site(ROOT)
DATA = SITE.data
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def built_page(md_path: str) -> str:
    """docs/ path ('a/b.md' or 'a/index.md') -> built file ('a/b/index.html' or 'a/index.html')."""
    stem = md_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5] + "index.html"
    return stem + "/index.html"


@functools.lru_cache(maxsize=None)
def parse(page_html: str) -> BeautifulSoup:
    """The parsed page, cached: callers must not change it (copy.copy a node first)."""
    return BeautifulSoup(page_html, "lxml")


def article(page_html: str) -> Tag:
    return parse(page_html).find("article")


def text_of(node) -> str:
    """What a reader sees: no scripts or styles, white space folded."""
    if node is None:
        return ""
    pieces = [s for s in node.find_all(string=True) if s.parent.name not in ("script", "style")]
    return re.sub(r"\s+", " ", " ".join(pieces)).strip()


def visible_text(page_html: str) -> str:
    return text_of(article(page_html))


def ids(page_html: str) -> set[str]:
    return set(lxml.html.fromstring(page_html).xpath("//@id"))


def hrefs(page_html: str) -> list[str]:
    """Every link target of a page (lxml alone: the link check reads thousands of them)."""
    return lxml.html.fromstring(page_html).xpath("//a/@href")


def section(page_html: str, anchor: str) -> list[Tag]:
    """The heading with this id and everything after it up to the next heading of its level or higher."""
    heading = parse(page_html).find(id=anchor)
    assert heading is not None and heading.name in HEADINGS, f"no heading #{anchor}"
    level = int(heading.name[1])
    nodes = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADINGS and int(sibling.name[1]) <= level:
            break
        nodes.append(sibling)
    return nodes


def section_text(page_html: str, anchor: str) -> str:
    return " ".join(text_of(node) for node in section(page_html, anchor))


def tables(page_html: str, wrapper_class: str) -> list[list[list[str]]]:
    """Body rows (cell texts) of every table inside a <div> carrying `wrapper_class`."""
    found = []
    for wrapper in parse(page_html).select(f"div.{wrapper_class.replace(' ', '.')}"):
        table = wrapper.find("table")
        found.append([[text_of(cell) for cell in row.find_all("td")] for row in table.tbody.find_all("tr")])
    return found


def links(page_html: str) -> list[str]:
    return [a["href"] for a in article(page_html).find_all("a", href=True)]
