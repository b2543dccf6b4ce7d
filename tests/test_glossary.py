"""The glossary: one page per letter with an A-Z bar, a heading and anchor per term, search entries of
its own for the concepts, and sorting that ignores a leading Amazon or AWS."""

import json
import re

import pytest
import yaml

from built import DATA, ROOT, article, built_page, parse, text_of
from macros import glossary as g
from macros import markup as m

ENTRIES = g.entries(DATA)
LETTER_PAGES = {path.stem.upper() for path in (ROOT / "docs" / "glossary").glob("*.md")}
GROUPED = g.by_letter(ENTRIES, LETTER_PAGES)


def link(target: str) -> str:
    return f"LINK({target})"


# --- Sorting and letters --------------------------------------------------------------------


@pytest.mark.parametrize("term, letter", [
    ("Amazon Kinesis Data Streams", "K"), ("AWS Glue", "G"), ("Amazon SageMaker AI", "S"),
    ("AUC", "A"), ("amazon athena", "A"), ("k-NN (k-nearest neighbors)", "K"), ("3D point clouds", "0-9"),
])
def test_a_term_sorts_under_its_name_without_amazon_or_aws(term, letter):
    assert g.letter_of(term) == letter


def test_vendor_prefix_does_not_decide_the_order():
    terms = ["AWS Glue", "Amazon Athena", "Bagging", "Amazon Kinesis Data Streams", "Feature Store"]
    assert sorted(terms, key=g.sort_key) == [
        "Amazon Athena", "Bagging", "Feature Store", "AWS Glue", "Amazon Kinesis Data Streams"]


def test_every_term_sorts_under_a_letter_that_has_a_page_and_every_page_has_terms():
    assert set(GROUPED) == LETTER_PAGES
    assert sum(len(listed) for listed in GROUPED.values()) == len(ENTRIES)
    for letter, listed in GROUPED.items():
        assert all(g.letter_of(entry.term) == letter for entry in listed)
        assert listed == sorted(listed, key=lambda entry: g.sort_key(entry.term))


def test_a_term_under_a_letter_with_no_page_stops_the_build():
    with pytest.raises(ValueError, match=r"docs/glossary/k\.md"):
        g.by_letter(ENTRIES, LETTER_PAGES - {"K"})


def test_a_letter_page_with_no_terms_stops_the_build():
    with pytest.raises(ValueError, match="no term sorts under Y"):
        g.by_letter(ENTRIES, LETTER_PAGES | {"Y"})


def test_two_terms_with_one_anchor_on_a_page_stop_the_build():
    twin = ENTRIES[0]._replace(term=ENTRIES[0].term + " (again)")
    with pytest.raises(ValueError, match="share the anchor"):
        g.by_letter([*ENTRIES, twin], LETTER_PAGES)


def test_every_letter_page_is_in_the_navigation():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    flat = json.dumps(config["nav"])
    for letter in LETTER_PAGES:
        assert f'"{g.page_of(letter)}"' in flat, letter


# --- The A-Z bar ----------------------------------------------------------------------------


def test_az_bar_links_letters_with_terms_and_marks_the_current_one():
    bar = g.az_bar({"A", "K"}, link, current="K")
    assert "[A](LINK(glossary/a.md))" in bar
    assert '<span class="glossary-az__here" aria-current="page">K</span>' in bar
    assert "LINK(glossary/b.md)" not in bar and ">B</span>" in bar
    assert m.NOT_SEARCHED in bar


@pytest.mark.parametrize("page", ["glossary/index.html", *(built_page(g.page_of(x)) for x in sorted(LETTER_PAGES))])
def test_every_glossary_page_has_the_az_bar(html_pages, page):
    bar = article(html_pages[page]).find("nav", class_="glossary-az")
    assert bar is not None and bar.get("aria-label")
    linked = {a.get_text() for a in bar.find_all("a")}
    current = {span.get_text() for span in bar.find_all("span", attrs={"aria-current": "page"})}
    assert linked | current == LETTER_PAGES
    assert current == ({page.split("/")[1].upper()} if page != "glossary/index.html" else set())


# --- Each term: heading, anchor, definition, where it is taught ------------------------------


def _term_sections(page_html: str) -> dict[str, dict]:
    """Each <h2> of a letter page: its text, and the paragraphs up to the next heading."""
    found = {}
    for heading in article(page_html).find_all("h2"):
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2"):
                break
            parts.append(sibling)
        found[heading["id"]] = {"title": text_of(heading).rstrip("¶").strip(), "parts": parts}
    return found


@pytest.mark.parametrize("letter", sorted(LETTER_PAGES))
def test_every_term_has_a_heading_definition_and_a_link_to_where_it_is_taught(html_pages, letter):
    page = built_page(g.page_of(letter))
    sections = _term_sections(html_pages[page])
    assert list(sections) == [entry.anchor for entry in GROUPED[letter]]
    for entry in GROUPED[letter]:
        shown = sections[entry.anchor]
        assert shown["title"] == entry.term
        text = " ".join(text_of(part) for part in shown["parts"])
        assert re.sub(r"\s+", "", entry.definition.replace("`", "")) in re.sub(r"\s+", "", text)
        for alias in entry.aliases:
            assert alias.replace("`", "") in text
        home = [a["href"] for part in shown["parts"] if "glossary-home" in (part.get("class") or [])
                for a in part.find_all("a")]
        path, _, anchor = entry.home.partition("#")
        assert home == ["../../" + built_page(path).removesuffix("index.html") + "#" + anchor], entry.term


def test_services_link_to_their_home_section(html_pages):
    """The glossary's link for each service lands on the section its row renders."""
    for service in DATA.services:
        page = built_page(g.page_of(g.letter_of(service.name)))
        section = _term_sections(html_pages[page])[service.key]
        links = [a["href"] for part in section["parts"] for a in part.find_all("a")]
        assert links == ["../../" + built_page(service.page).removesuffix("index.html") + "#" + service.slug]


def test_front_page_lists_every_term_linked_to_its_definition(html_pages):
    body = article(html_pages["glossary/index.html"]).find("div", class_="glossary-index")
    hrefs = [a["href"] for a in body.find_all("a")]
    expected = [f"{letter.lower()}/" for letter in GROUPED]
    expected += [f"{letter.lower()}/#{entry.anchor}" for letter, listed in GROUPED.items() for entry in listed]
    assert sorted(hrefs) == sorted(expected)


# --- Search ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_docs(site_dir) -> dict[str, dict]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in index["docs"]}


def test_concepts_are_search_entries_of_their_own(search_docs):
    for letter, listed in GROUPED.items():
        for entry in listed:
            location = f"glossary/{letter.lower()}/#{entry.anchor}"
            if entry.searchable:
                doc = search_docs[location]
                assert parse(doc["title"]).get_text() == entry.term
                assert doc.get("boost", 1) < 1, "glossary entries must rank below the sections that teach"
            else:
                assert location not in search_docs, f"{entry.term} is found where it is taught, not here"


def test_glossary_rows_are_the_searchable_ones():
    assert {entry.term for entry in ENTRIES if entry.searchable} == {row.term for row in DATA.glossary}


def test_az_bar_and_front_page_list_stay_out_of_search(search_docs):
    shown = " ".join(doc["text"] for location, doc in search_docs.items() if location.startswith("glossary/"))
    assert "Taught in" not in shown
    assert not any(location.startswith("glossary/#") for location in search_docs)
