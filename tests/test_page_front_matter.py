"""What the site reads from each page before rendering it: the title (for links that name the page) and
the exam tags of its front matter; a broken front matter stops the build naming the page and field."""

import pytest

from macros.errors import DataError
from macros.pages import read_page, read_pages, source_of


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "docs").mkdir()
    return tmp_path / "docs"


def page(docs, path: str, text: str):
    file = docs / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def test_title_and_tags_come_from_the_page(docs):
    file = page(docs, "modeling/tuning.md", '---\nexams:\n  MLS-C01: ["3.4"]\nsearch:\n  boost: 2\n---\n'
                                            "# Hyperparameter tuning {#tuning}\n\nText.\n")
    info = read_page(docs, file)
    assert (info.path, info.title, info.exams) == ("modeling/tuning.md", "Hyperparameter tuning", {"MLS-C01": ["3.4"]})


def test_the_title_is_the_first_level_one_heading_of_the_body_not_a_comment_in_the_front_matter(docs):
    file = page(docs, "a.md", "---\n# a YAML comment\nexams: {}\n---\n\nIntro.\n\n## Section\n\n# Real title  \n")
    assert read_page(docs, file).title == "Real title"


def test_a_title_on_the_first_line_of_a_page_without_front_matter_is_found(docs):
    file = page(docs, "b.md", "# First line\n\n# Second heading\n")
    info = read_page(docs, file)
    assert (info.title, info.exams) == ("First line", {})


def test_a_page_without_a_title_is_called_by_its_path(docs):
    assert read_page(docs, page(docs, "glossary/x.md", "No heading here.\n")).title == "glossary/x.md"


def test_non_ascii_titles_are_read_as_utf8(docs):
    assert read_page(docs, page(docs, "c.md", "# Café – naïve Bayes\n")).title == "Café – naïve Bayes"


def test_an_empty_front_matter_declares_no_tags(docs):
    assert read_page(docs, page(docs, "d.md", "---\n\n---\n# D\n")).exams == {}


@pytest.mark.parametrize("path, front_matter, problem", [
    ("e.md", "exams: [1\n", "front matter: YAML syntax error: expected ',' or ']', but got '<stream end>'"),
    ("f/g.md", 'exams:\n  MLS-C01: ["three"]\n',
     "front matter: field 'exams': Value error, MLS-C01: 'three' is not a task id like '2.1'"),
    ("h.md", "exams:\n  MLS-C01: [3.4]\n", "front matter: field 'exams.MLS-C01.0': Input should be a valid string"),
], ids=["yaml-syntax", "task-id", "nested-type"])
def test_a_front_matter_fault_names_the_page_and_the_field(docs, path, front_matter, problem):
    file = page(docs, path, f"---\n{front_matter}---\n# Title\n")
    with pytest.raises(DataError) as caught:
        read_page(docs, file)
    assert str(caught.value) == f"docs/{path}: {problem}"


def test_every_page_is_read_and_keyed_by_its_docs_path(docs):
    page(docs, "index.md", "# Home\n")
    page(docs, "a/b.md", "# B\n")
    assert {path: info.title for path, info in read_pages(docs).items()} == {"a/b.md": "B", "index.md": "Home"}


@pytest.mark.parametrize("url, expected", [
    ("/", "index.md"), ("index.html", "index.md"), ("indexing/", "indexing.md"), ("/indexing.html", "indexing.md"),
    ("/a/", "a/index.md"), ("/a/b", "a/b.md"),
])
def test_urls_with_slashes_or_index_in_a_page_name_find_the_page_they_serve(docs, url, expected):
    """tests/test_render.py covers the plain URL styles; these are the edges."""
    for path in ("index.md", "indexing.md", "a/index.md", "a/b.md"):
        page(docs, path, "# P\n")
    assert source_of(url, docs) == expected


def test_a_url_no_page_serves_is_refused_with_the_url(docs):
    page(docs, "index.md", "# Home\n")
    with pytest.raises(DataError) as caught:
        source_of("nowhere/", docs)
    assert str(caught.value) == "no page in docs/ is served at 'nowhere/'"


def test_a_page_whose_name_ends_in_index_is_found(docs):
    page(docs, "search-index.md", "# Search index\n")
    assert source_of("search-index/", docs) == "search-index.md"
