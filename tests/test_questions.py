"""The practice questions as data: enough per task, every format, and each explanation's deciding fact
really stated in the section the question links to."""

import re

import pytest

from built import DATA, SITE, built_page, section_text

EXAMS = {exam.code: exam for exam in DATA.exams}


def _squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("`", "")).strip().lower()


def _home(target: str) -> str:
    return target if "#" in target else SITE.row(target).home


@pytest.mark.parametrize("question", DATA.questions, ids=lambda q: q.key)
def test_the_first_taught_section_states_the_deciding_fact(html_pages, question):
    page, _, anchor = _home(question.teaches[0]).partition("#")
    shown = section_text(html_pages[built_page(page)], anchor)
    assert _squashed(question.expect) in _squashed(shown), f"{question.key}: '{question.expect}' not in #{anchor}"


@pytest.mark.parametrize("code", ["MLS-C01", "MLA-C02"])
def test_every_task_has_at_least_three_questions(code):
    counts = {task: 0 for task in EXAMS[code].tasks}
    for question in DATA.questions:
        for task in question.exams.get(code, ()):
            counts[task] += 1
    assert all(count >= 3 for count in counts.values()), {t: c for t, c in counts.items() if c < 3}


def test_the_pool_is_large_and_uses_every_format():
    assert len(DATA.questions) >= 150
    mla = [q for q in DATA.questions if "MLA-C02" in q.exams]
    assert {q.kind.value for q in mla} == {"single", "multiple", "ordering", "matching"}
    assert {q.difficulty.value for q in DATA.questions} == {"easy", "medium", "hard"}


def test_every_wrong_option_says_why_it_is_wrong():
    for question in DATA.questions:
        assert all(option.why.strip() for option in question.options), question.key
