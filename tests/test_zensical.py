"""Zensical, the second builder, reads the same mkdocs.yml: every page keeps its data sections, tables,
MathML formulas and links. The MkDocs build is the reference."""

import copy

import pytest

from built import article, parse, text_of

pytestmark = pytest.mark.zensical


def _content(page_html: str) -> dict:
    body = article(page_html)
    return {
        "headings": [h.get("id") for h in body.find_all(["h1", "h2", "h3", "h4"])],
        "table rows": len(body.select("div.data-table tbody tr, .cheat-sheet tbody tr")),
        "formulas": len(body.find_all("math")),
        "links": len([a for a in body.find_all("a", href=True) if not a["href"].startswith(("http", "#"))]),
        "admonitions": len(body.select(".admonition, details")),
    }


@pytest.fixture(scope="module")
def zensical_pages(zensical_site_dir) -> dict[str, str]:
    return {path.relative_to(zensical_site_dir).as_posix(): path.read_text(encoding="utf-8")
            for path in zensical_site_dir.rglob("index.html")}


def test_zensical_builds_every_page(html_pages, zensical_pages):
    pages = {path for path in html_pages if path.endswith("index.html")}
    assert pages <= set(zensical_pages), sorted(pages - set(zensical_pages))[:10]


def test_every_page_keeps_its_data_tables_formulas_links_and_sections(html_pages, zensical_pages):
    different = []
    for path, page in html_pages.items():
        if path.endswith("index.html") and path != "404.html" and article(page) is not None:
            reference, built = _content(page), _content(zensical_pages[path])
            if reference != built:
                different.append(f"{path}: {reference} != {built}")
    assert not different, "\n".join(different[:10])


def _text_without_theme_tags(page_html: str) -> str:
    """The page's text; Zensical shows front matter `tags` as chips, which MkDocs' Material does not."""
    body = copy.copy(article(page_html))  # parsed pages are cached and shared: change a copy
    for chips in body.select(".md-tags"):
        chips.decompose()
    return text_of(body)


def test_data_text_is_the_same_under_both_engines(html_pages, zensical_pages):
    for path in ("modeling/built-in-algorithms/index.html", "glossary/index.html", "exams/mla-c02/index.html",
                 "cheatsheets/mls-c01/modeling/index.html"):
        assert _text_without_theme_tags(html_pages[path]) == _text_without_theme_tags(zensical_pages[path]), path


def test_no_placeholder_or_raw_macro_left(zensical_pages):
    for path, page in zensical_pages.items():
        text = text_of(parse(page))
        assert "{{" not in text and "Macro Rendering Error" not in text and "data-block" not in page, path
