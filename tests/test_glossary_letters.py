"""Glossary letters and their pages, with the exact words of each refusal: a term under a letter without
a page, a page without a term, two terms with one anchor, a letter that does not exist."""

import pytest

from macros import glossary as g
from test_entry import env_for
from macros.errors import DataError


def entry(term: str, anchor: str) -> g.Entry:
    return g.Entry(term, (), "A definition.", f"topic.md#{anchor}", anchor, True)


ROWS = [entry("Amazon Athena", "athena"), entry("Bagging", "bagging"), entry("AWS Batch", "batch"),
        entry("Kinesis", "kinesis"), entry("Ékinoxe", "ekinoxe"), entry("3D point clouds", "point-clouds")]


def test_entries_are_grouped_under_their_letter_pages_in_alphabet_order_with_digits_last():
    grouped = g.by_letter(ROWS, {"A", "B", "E", "K", "0-9"})
    assert list(grouped) == ["A", "B", "E", "K", "0-9"]
    assert [e.term for e in grouped["B"]] == ["Bagging", "AWS Batch"]


def test_terms_under_letters_without_a_page_name_each_letter_an_example_and_the_page_to_create():
    with pytest.raises(ValueError) as caught:
        g.by_letter([*ROWS, entry("Kappa", "kappa")], {"A", "B", "0-9"})
    assert str(caught.value) == (
        "terms sort under letters with no glossary page (E: Ékinoxe; K: Kinesis): create docs/glossary/e.md, "
        "docs/glossary/k.md like the other letter pages and add them to the nav in mkdocs.yml")


def test_letter_pages_without_terms_are_named_with_the_pages_to_remove():
    with pytest.raises(ValueError) as caught:
        g.by_letter(ROWS, {"A", "B", "E", "K", "0-9", "Y", "Z"})
    assert str(caught.value) == "no term sorts under Y, Z: remove docs/glossary/y.md, docs/glossary/z.md and its nav entry"


def test_two_terms_sharing_an_anchor_are_both_named_with_the_page():
    """The later term is named first, then the one that took the anchor."""
    with pytest.raises(ValueError) as caught:
        g.by_letter([*ROWS, entry("Bag of words", "bagging")], {"A", "B", "E", "K", "0-9"})
    assert str(caught.value) == "'Bag of words' and 'Bagging' share the anchor #bagging on docs/glossary/b.md"


def test_the_same_anchor_under_two_letters_is_allowed():
    grouped = g.by_letter([entry("Alpha", "same"), entry("Beta", "same")], {"A", "B"})
    assert [len(listed) for listed in grouped.values()] == [1, 1]


@pytest.mark.parametrize("term, letter", [("Ångström", "A"), ("AWS AWS Glue", "A"), ("ß-test", "S"),
                                         ("Ålesund", "A")])
def test_accented_and_repeated_prefix_terms_sort_under_their_first_letter(term, letter):
    assert g.letter_of(term) == letter


def test_only_one_leading_amazon_or_aws_is_ignored():
    assert g.sort_key("Amazon AWS Thing") == ("aws thing", "amazon aws thing")


def test_az_bar_offers_digits_only_when_a_term_starts_with_one():
    assert ">0-9<" not in g.az_bar({"A"}, str) and "0-9" not in g.az_bar({"A"}, str)
    assert "[0-9](glossary/0-9.md)" in g.az_bar({"A", "0-9"}, str)


def test_an_unknown_letter_page_is_refused_with_the_letters_that_exist():
    with pytest.raises(DataError) as caught:
        env_for("glossary/k/").macros["glossary_letter"]("Ä")
    message = str(caught.value)
    assert message.startswith("docs/glossary/k.md: no glossary letter 'Ä' (letters: A, B, C, ")
