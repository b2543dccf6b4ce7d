"""Practice pages in the states the real data does not show today: an exam without questions, an exam
in beta or still current, ties when sharing out a mock exam, link text made from a page path, and the
exact refusal when a question names a task its exam lacks."""

import pytest

from macros import practice
from test_practice_render import DECISION, FIXTURE, TERM, by_slug, exam, link, with_changes


def status_of(page: str) -> str:
    """The status sentence at the top of a practice page."""
    return page.split('<p class="pq-status">', 1)[1].split(". ", 1)[0] + "."


# --- An exam without questions --------------------------------------------------------------------


def test_a_mock_exam_without_questions_says_so_and_cannot_start():
    page = practice.mock_page(exam(), [], link)
    assert ("The real exam has 65 questions in 180 minutes. There are no MLS-C01 questions yet, "
            "so there is no mock exam.</p>") in page
    assert 'data-count="0" data-minutes="0"' in page
    assert 'data-action="start-mock" disabled>Start the mock exam</button>' in page


def test_a_mock_exam_that_can_start_has_its_start_button_enabled():
    page = practice.mock_page(exam(), FIXTURE, link)
    assert 'data-action="start-mock">Start the mock exam</button>' in page


def test_a_small_pool_keeps_the_exam_s_pace_per_question():
    page = practice.mock_page(exam(), FIXTURE, link)
    drawn = len(practice.for_exam(FIXTURE, exam()))
    minutes = -(-180 * drawn // 65)
    assert f"so this mock exam draws {drawn} and allows {minutes} minutes, the exam's pace of 2.8 minutes a question." in page
    assert f'data-minutes="{minutes}"' in page


def test_a_pool_as_large_as_the_exam_is_drawn_like_the_real_exam():
    many = [with_changes(by_slug("fixture-stream-to-s3"), slug=f"fixture-copy-{n}",
                         exams={"MLS-C01": [task]})
            for n, task in enumerate(["1.1", "2.1", "3.1", "4.1"] * 20)]
    page = practice.mock_page(exam(), many, link)
    assert "Like the real exam: 65 questions in 180 minutes, drawn from a pool of 80 MLS-C01 questions." in page
    assert 'data-count="65" data-minutes="180"' in page


def test_an_exam_page_without_questions_marks_every_task_empty_and_prints_no_key():
    page = practice.exam_page(exam(), [], link)
    assert page.count('<p class="pq-empty">No questions for this task yet.</p>\n') == len(exam().tasks)
    assert "This page holds 0 questions for it." in page and 'class="pq-key"' not in page


def test_the_practice_home_without_questions_says_so_and_still_offers_the_flashcards():
    page = practice.overview([exam()], [], link, 7)
    assert page.startswith("<p>No practice questions yet.</p>\n\n## Flashcards {#flashcards}")
    assert 'data-cards="7"' in page


# --- Exam status sentences ------------------------------------------------------------------------


@pytest.mark.parametrize("changes, sentence", [
    ({}, "MLS-C01 (Test exam) could be taken until 31 March 2026."),
    ({"status": "replaced", "replaced_by": "MLA-C02", "retired_on": "2026-09-28"},
     "MLS-C01 (Test exam) could be taken until 28 September 2026, replaced by MLA-C02."),
    ({"status": "current", "retired_on": None, "available_from": "2026-09-29"},
     "MLS-C01 (Test exam) is the current exam, available since 29 September 2026."),
    ({"status": "current", "retired_on": None}, "MLS-C01 (Test exam) is the current exam."),
    ({"status": "beta", "retired_on": None, "available_from": "2026-05-04"},
     "MLS-C01 (Test exam) is in beta, available since 4 May 2026."),
    ({"status": "current", "retired_on": "2027-01-31"}, "MLS-C01 (Test exam) is the current exam."),
])
def test_each_exam_status_reads_as_one_sentence(changes, sentence):
    assert status_of(practice.exam_page(exam(**changes), [], link)) == sentence


# --- Sharing a mock exam out ------------------------------------------------------------------------


def test_equal_remainders_go_to_the_heavier_domain_first():
    assert practice.mock_quotas({1: 10, 2: 30}, {1: 9, 2: 9}, 2) == {1: 0, 2: 2}
    assert practice.mock_quotas({1: 1, 2: 3}, {1: 9, 2: 9}, 2) == {1: 0, 2: 2}
    assert practice.mock_quotas({1: 3, 2: 1}, {1: 9, 2: 9}, 2) == {1: 2, 2: 0}


def test_a_domain_missing_from_the_pool_gets_no_questions():
    assert practice.mock_quotas({1: 50, 2: 50}, {1: 10}, 65) == {1: 10, 2: 0}
    assert practice.mock_quotas({1: 50, 2: 50}, {2: 4}, 3) == {1: 0, 2: 3}


def test_no_questions_at_all_gives_empty_quotas():
    assert practice.mock_quotas({1: 50, 2: 50}, {}, 65) == {1: 0, 2: 0}


# --- Link text, hints and refusals ----------------------------------------------------------------


@pytest.mark.parametrize("target, text", [
    ("modeling/model-fit.md#early-stopping", "Early stopping"),
    ("modeling/deep/model-fit.md", "Model fit"),
    ("index.md", "Index"),
])
def test_link_text_falls_back_to_the_anchor_or_the_page_name(target, text):
    assert practice.humanize(target) == text


def test_a_question_with_many_right_options_gives_the_count_as_a_number():
    q = by_slug("fixture-stream-to-s3")
    options = [{**o.model_dump(mode="json"), "text": f"Option {n}", "correct": n > 0} for n, o in
               enumerate(q.options * 2)]
    many = with_changes(q, kind="multiple", options=options[:8])
    assert '<span class="pq-hint">(Choose 7.)</span>' in practice.question(many, 1, link)


@pytest.mark.parametrize("ending", ["?", "!", ")"])
def test_an_option_ending_in_a_question_mark_or_bracket_gets_no_added_full_stop(ending):
    q = by_slug("fixture-stream-to-s3")
    options = [{**o.model_dump(mode="json"), "text": f"Option {n}{ending}"} for n, o in enumerate(q.options)]
    page = practice.question(with_changes(q, options=options), 1, link)
    assert f"Option 0{ending} " in page and f"Option 0{ending}." not in page


def test_a_question_outside_an_exam_page_carries_no_domain():
    page = practice.question(by_slug("fixture-stream-to-s3"), 1, link)
    assert page.startswith('\n<form class="pq" id="q-fixture-stream-to-s3"') and "data-domain" not in page
    assert 'data-answer="' in page and '" data-search-exclude="true" markdown="1">' in page.split("\n")[1]


def test_a_question_without_a_task_of_the_exam_is_refused_by_name():
    stray = with_changes(by_slug("fixture-stream-to-s3"), exams={"MLA-C02": ["1.1"]})
    with pytest.raises(ValueError) as caught:
        practice.home_task(stray, exam())
    assert str(caught.value) == "question 'fixture-stream-to-s3' has no MLS-C01 task"


def test_a_question_filed_under_a_task_the_exam_lacks_names_it_and_the_exam_s_tasks():
    stray = with_changes(by_slug("fixture-stream-to-s3"), exams={"MLS-C01": ["9.9", "1.1"]})
    with pytest.raises(ValueError) as caught:
        practice.exam_page(exam(), [stray], link)
    assert str(caught.value) == ("question 'fixture-stream-to-s3': MLS-C01 has no task 9.9 (its tasks: 1.1, 1.2, "
                                 "1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 3.5, 4.1, 4.2, 4.3, 4.4)")


# --- Flashcards -----------------------------------------------------------------------------------


def test_flashcards_offer_an_exam_filter_for_exams_tagged_by_glossary_terms_too():
    term = TERM.model_copy(update={"exams": {"MLA-C02": ["1.1"]}})
    page = practice.flashcards([DECISION], [term], [exam(), exam("MLA-C02"), exam("AIP-C01")], link)
    assert ('<select id="fc-exam"><option value="">Any exam</option><option value="MLS-C01">MLS-C01</option>'
            '<option value="MLA-C02">MLA-C02</option></select>') in page


def test_flashcards_without_exam_tags_offer_no_exam_filter():
    page = practice.flashcards([], [TERM], [exam()], link)
    assert "fc-exam" not in page and '<option value="glossary">Glossary terms (1)</option></select></div>' in page
