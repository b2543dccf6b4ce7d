"""macros/practice.py on its own (quotas, answer keys, escaping, page structure), and the built
search index: no answer, explanation or option reason is searchable."""

import html
import json
import re
from pathlib import Path

import pytest

from macros import practice
from macros.loader import load_rows, load_site_data
from macros.models import Decision, Exam, GlossaryEntry, Question

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = load_rows(ROOT / "tests" / "fixtures" / "practice" / "questions.yml", Question)


def exam(code: str = "MLS-C01", **changes) -> Exam:
    """A small exam in the registry's shape, with the real MLS-C01 weights and task ids."""
    domains = [
        {"number": 1, "slug": "data-engineering", "title": "Data Engineering", "weight": 20,
         "tasks": [{"id": f"1.{i}", "title": f"Task 1.{i}"} for i in (1, 2, 3)]},
        {"number": 2, "slug": "exploratory-data-analysis", "title": "Exploratory <Data> Analysis", "weight": 24,
         "tasks": [{"id": f"2.{i}", "title": f"Task 2.{i}"} for i in (1, 2, 3)]},
        {"number": 3, "slug": "modeling", "title": "Modeling", "weight": 36,
         "tasks": [{"id": f"3.{i}", "title": f"Task 3.{i}"} for i in (1, 2, 3, 4, 5)]},
        {"number": 4, "slug": "ml-implementation-operations", "title": "ML Implementation and Operations",
         "weight": 20, "tasks": [{"id": f"4.{i}", "title": f"Task 4.{i}"} for i in (1, 2, 3, 4)]},
    ]
    row = {"code": code, "title": "Test exam", "level": "Specialty", "status": "retired",
           "retired_on": "2026-03-31", "questions": 65, "minutes": 180, "passing_score": 750, "fee_usd": 300,
           "question_types": ["multiple choice"], "summary": "A test exam.",
           "source": "https://aws.amazon.com/certification/", "checked": "2026-11-28", "domains": domains}
    return Exam.model_validate({**row, **changes})


def link(target: str) -> str:
    """Stands in for the engine's resolver: slugs live on one page, 'page.md#anchor' stays as is."""
    return "../" + (target if ".md" in target else f"topic.md#{target}")


def by_slug(slug: str) -> Question:
    return next(q for q in FIXTURE if q.slug == slug)


def with_changes(q: Question, **changes) -> Question:
    return Question.model_validate({**q.model_dump(mode="json"), **changes})


# --- Mock exam quotas -----------------------------------------------------------------------------


def test_quotas_follow_the_weights_and_add_up_to_the_exam_length():
    quota = practice.mock_quotas({1: 20, 2: 24, 3: 36, 4: 20}, {1: 50, 2: 50, 3: 50, 4: 50}, 65)
    assert quota == {1: 13, 2: 16, 3: 23, 4: 13}


def test_a_short_domain_gives_its_share_to_the_others_by_weight():
    quota = practice.mock_quotas({1: 20, 2: 24, 3: 36, 4: 20}, {1: 3, 2: 50, 3: 50, 4: 50}, 65)
    assert quota[1] == 3 and sum(quota.values()) == 65
    assert quota[3] > quota[2] > quota[4]


def test_a_pool_smaller_than_the_exam_is_drawn_whole():
    pool = {1: 2, 2: 0, 3: 5, 4: 1}
    assert practice.mock_quotas({1: 20, 2: 24, 3: 36, 4: 20}, pool, 65) == pool


def test_mock_plan_scales_the_time_to_the_questions_drawn():
    quota, pool, drawn, minutes = practice.mock_plan(exam(), FIXTURE)
    assert drawn == len(practice.for_exam(FIXTURE, exam())) == sum(pool.values()) == sum(quota.values())
    assert minutes == -(-180 * drawn // 65)


# --- One question ---------------------------------------------------------------------------------


def test_answer_keys_point_at_the_right_options_after_the_fixed_shuffle():
    for q in FIXTURE:
        key = practice.answer_key(q).split()
        if q.kind.value in ("single", "multiple"):
            shown = practice.shown_options(q)
            assert {shown[int(i)].text for i in key} == {o.text for o in q.options if o.correct}
            assert practice.answer_key(q) == practice.answer_key(q)  # the same on every build


def test_ordering_key_gives_each_shown_step_its_place():
    q = by_slug("fixture-endpoint-order")
    rendered = practice.question(q, 1, link)
    shown = re.findall(r'<label for="[^"]+">([^<]+)</label>', rendered)
    key = [int(place) for place in practice.answer_key(q).split()]
    assert shown != list(q.steps), "the steps must not be shown in the right order"
    assert [step for _, step in sorted(zip(key, shown))] == list(q.steps)


def test_matching_key_names_each_prompts_answer():
    q = by_slug("fixture-metric-match")
    rendered = practice.question(q, 1, link)
    choices = re.findall(r'<option value="(\d+)">([^<]+)</option>', rendered.split("</select>")[0])
    names = dict(choices)
    assert [names[i] for i in practice.answer_key(q).split()] == [p.answer for p in q.pairs]


def test_question_carries_its_slug_tasks_labelled_inputs_and_answer_block():
    q = by_slug("fixture-reduce-overfitting")
    rendered = practice.question(q, 7, link, lambda target: "Section " + target)
    assert 'data-question="fixture-reduce-overfitting"' in rendered
    assert 'data-tasks="MLS-C01:3.3 MLA-C02:2.2"' in rendered
    assert rendered.count('<label class="pq-option"><input type="checkbox"') == len(q.options)
    assert "(Choose two.)" in rendered and "Question 7" in rendered
    assert '<details class="pq-answer" markdown="1">' in rendered
    assert "[Section regularization-choice](../topic.md#regularization-choice)" in rendered
    assert 'data-search-exclude="true"' in rendered.split(">")[0]
    for option in q.options:
        assert html.escape(option.why, quote=True) in rendered


def test_single_response_uses_radio_buttons_sharing_one_name():
    rendered = practice.question(by_slug("fixture-stream-to-s3"), 1, link)
    names = set(re.findall(r'<input type="radio" name="([^"]+)"', rendered))
    assert names == {"q-fixture-stream-to-s3"}


def test_data_values_are_escaped():
    nasty = with_changes(by_slug("fixture-stream-to-s3"), stem="Pick <script>alert(1)</script> {{ x }} [a](b) *now*",
                         explanation="A | B <b>")
    rendered = practice.question(nasty, 1, link)
    assert "<script>" not in rendered and "<b>" not in rendered
    assert "{{" not in rendered and "[a](b)" not in rendered and "*now*" not in rendered


def test_a_task_missing_from_the_exam_stops_the_build_with_a_clear_message():
    stray = with_changes(by_slug("fixture-stream-to-s3"), exams={"MLS-C01": ["9.9"]})
    with pytest.raises(ValueError, match=r"fixture-stream-to-s3.*MLS-C01 has no task 9\.9"):
        practice.exam_page(exam(), [stray], link)


# --- Pages ------------------------------------------------------------------------------------------


def test_exam_page_files_questions_under_domain_and_task_headings_with_the_key_last():
    page = practice.exam_page(exam(), FIXTURE, link)
    mine = practice.for_exam(FIXTURE, exam())
    assert page.count('<form class="pq" ') == len(mine)
    assert "## Domain 2: Exploratory &lt;Data&gt; Analysis (24%) {#domain-2" in page
    assert "### 1.2 Task 1.2 {#task-1-2" in page
    # each question sits after its home task's heading and before the next one
    position = page.index('data-question="fixture-stream-to-s3"')
    assert page.rindex("{#task-", 0, position) == page.index("{#task-1-2")
    assert page.index('class="pq-key"') > page.rindex('<form class="pq" ')
    assert 'data-question="fixture-drift-monitor"' not in page  # tagged for MLA-C02 only
    assert page.count('<tr data-domain="') == 4 and 'data-weight="36"' in page


def test_mock_page_states_the_format_and_says_when_the_pool_is_smaller():
    page = practice.mock_page(exam(), FIXTURE, link)
    drawn = len(practice.for_exam(FIXTURE, exam()))
    assert "The real exam has 65 questions in 180 minutes" in page
    assert f"so this mock exam draws {drawn} and allows" in page
    assert f'data-count="{drawn}"' in page and 'data-quota="' in page
    assert 'id="m-fixture-stream-to-s3"' in page


def test_overview_skips_exams_replaced_by_a_newer_version():
    old = exam("MLA-C01", status="replaced", replaced_by="MLA-C02", retired_on="2026-09-28")
    tagged = [with_changes(q, exams={**q.exams, "MLA-C01": ["1.1"]}) for q in FIXTURE]
    page = practice.overview([exam(), old], tagged, link, 10)
    assert "practice/mls-c01.md" in page and "mla-c01.md" not in page


DECISION = Decision.model_validate({
    "title": "Batch or stream", "slug": "batch-or-stream", "page": "data-engineering/ingestion-patterns.md",
    "summary": "How fresh the data must be.",
    "exams": {"MLS-C01": ["1.2"]},
    "scenarios": [{"scenario": "Nightly retrain on a day of records.", "choice": "Batch job",
                   "why": "Hours of delay are fine.", "wrong": "A stream", "wrong_why": "Costs more for nothing.",
                   "source": "https://aws.amazon.com/what-is/batch-processing/"}],
})
TERM = GlossaryEntry.model_validate({
    "term": "Data lake", "definition": "One central store of raw data.", "link": "data-engineering/storage.md#data-lake",
    "source": "https://aws.amazon.com/what-is/data-lake/"})


def test_flashcards_have_the_scenario_in_front_and_choice_why_and_trap_behind():
    page = practice.flashcards([DECISION], [TERM], [exam()], link)
    assert page.count('<details class="fc-card"') == 2
    card = page[page.index('data-deck="decisions"'):]
    front, back = card.split("</summary>", 1)
    assert "Nightly retrain on a day of records." in front
    for part in ("Batch job", "Hours of delay are fine.", "A stream", "Costs more for nothing."):
        assert part in back
    assert "(../data-engineering/ingestion-patterns.md#batch-or-stream)" in back
    assert 'class="fc-deck" data-deck="decisions" data-search-exclude="true"' in page


def test_card_ids_stay_the_same_between_builds():
    first = re.findall(r'data-card="([^"]+)"', practice.flashcards([DECISION], [TERM], [], link))
    again = re.findall(r'data-card="([^"]+)"', practice.flashcards([DECISION], [TERM], [], link))
    assert first == again and len(set(first)) == 2


# --- The built site -------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("`", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def test_search_index_holds_no_answer_or_explanation(site_dir):
    """No explanation or option reason is searchable, except a sentence that a teaching row (a
    service, decision, metric, algorithm or glossary entry) states itself: that is the lesson."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = _plain(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    data = load_site_data(ROOT / "data")
    taught = _plain(json.dumps([row.model_dump(mode="json") for kind in
                                (data.services, data.decisions, data.metrics, data.algorithms, data.glossary)
                                for row in kind], ensure_ascii=False))
    leaks = []
    for q in data.questions or FIXTURE:
        secrets = [q.explanation] + [o.why for o in q.options] + [q.stem]
        leaks += [f"{q.slug}: {s[:60]}" for s in secrets if _plain(s) in searchable and _plain(s) not in taught]
    assert not leaks, "answers in the search index:\n" + "\n".join(leaks[:20])
    practice_docs = [doc for doc in index["docs"] if doc["location"].startswith("practice/")]
    assert practice_docs, "the practice pages' titles and introductions should stay searchable"
    assert not any("data-question" in doc["text"] or "Check answer" in doc["text"] for doc in practice_docs)
