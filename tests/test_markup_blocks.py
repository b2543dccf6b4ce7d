"""Markdown building blocks and renderers in the cases the pages rarely show: a wrapper without a class,
an admonition whose body has a blank line, a page without exam tags, an empty cheat sheet, a row never
checked, unknown names, and an engine that leaves docs_dir unset."""

import pytest

import macros
from built import DATA
from macros import cheatsheet, exams, render
from macros import markup as m
from test_entry import FakeEnv, env_for


def test_a_block_without_a_class_is_a_bare_markdown_div():
    assert m.block(" text \n") == "\n<div markdown>\n\ntext\n\n</div>\n\n"
    assert m.block("text", searchable=False) == '\n<div data-search-exclude="true" markdown>\n\ntext\n\n</div>\n\n'


def test_an_admonition_keeps_blank_lines_of_its_body_empty():
    assert m.admonition("warning", "Exam trap", "First.\n\nSecond.\n") == \
        '\n!!! warning "Exam trap"\n\n    First.\n\n    Second.\n\n'


def test_bullets_in_a_cell_are_separated_by_line_breaks():
    assert m.bullets(["a|b", "c"]) == "• a&#124;b<br>• c"
    assert m.bullet_list(["a", "b*"]) == "- a\n- b&#42;"


def test_a_table_of_three_columns_becomes_cards_and_two_columns_stay_a_table():
    assert m.table(["A", "B"], [["1", "2"]]).startswith('\n<div class="data-table" markdown>')
    three = m.table(["A", "B", "C"], [["1", "", "3"]])
    assert three.startswith('\n<div class="data-table cards" markdown>')
    assert '| 1 |  | 3 {: data-label="C" } |' in three


def test_a_page_without_exam_tags_shows_no_tag_line():
    assert exams.page_tags({}, DATA.exams, str) == ""
    assert exams.page_tags({"XYZ-C01": ["1.1"]}, DATA.exams, str) == ""


def test_an_engine_that_leaves_docs_dir_unset_reads_pages_from_docs():
    env = FakeEnv("modeling/tuning/")
    del env.conf["docs_dir"]
    macros.define_env(env)
    assert env.macros["page_tags"]() == env_for("modeling/tuning/").macros["page_tags"]()
    assert env.macros["glossary_letter"]("K") == env_for("modeling/tuning/").macros["glossary_letter"]("K")


def test_a_sheet_selecting_no_rows_shows_no_empty_sections():
    sheet = cheatsheet.render_sheet(DATA, "Empty sheet", lambda row: False, str, "November 2026")
    assert "## " not in sheet
    assert sheet.endswith("Print this cheat sheet</button></p>\n\nEmpty sheet · facts checked November 2026 · "
                          "generated from the site's data files\n{: .sheet-meta }\n\n</div>\n\n")


def test_a_running_header_escapes_everything_but_plain_text_for_css():
    header = cheatsheet.running_header('MLS-C01 "A/B" · 1', "May")
    assert 'content: "MLS-C01 \\000022A\\00002fB\\000022 \\0000b7 1";' in header
    assert 'content: "Facts checked May";' in header


def test_a_row_never_checked_shows_its_source_without_a_date():
    service = next(s for s in DATA.services if s.checked is not None)
    unchecked = service.model_copy(update={"checked": None})
    assert render.service_section(unchecked).endswith(
        f"Source: <{service.source}>\n{{: .source data-search-exclude=\"true\" }}\n\n")
    assert f"Source: <{service.source}> · checked " in render.service_section(service)


def test_an_unknown_exam_fact_lists_the_facts_there_are():
    with pytest.raises(ValueError) as caught:
        exams.fact(DATA.exams[0], "colour")
    assert str(caught.value) == f"unknown exam fact 'colour'; choose one of: {', '.join(exams.FACTS)}"


def test_an_unknown_algorithm_view_lists_the_views_there_are():
    with pytest.raises(ValueError) as caught:
        render.algorithm_table(DATA.algorithms, str, "gpu")
    assert str(caught.value) == f"unknown algorithm view 'gpu'; choose one of: {', '.join(render.ALGORITHM_VIEWS)}"
