"""Practice mode: exam-style questions, progress tables, flashcards and timed mock exams.

Pure functions: validated rows (Question, Exam, Decision, GlossaryEntry) and a `link` callable in,
page text out. `link(target)` turns a row slug or 'page.md#anchor' into the relative `.md` URL of
the section that teaches it; those links are written as Markdown links inside `markdown` blocks
(md_in_html), so MkDocs rewrites them for every build and `--strict` checks them.

What the browser needs is written as data attributes (question slugs and task tags, answer keys,
domain weights, mock-exam quotas), all drawn from data/; docs/assets/practice.js reads them and
keeps progress in localStorage. Answers, explanations and card backs carry `data-search-exclude`,
so search never gives an answer away. Material's search parser matches excluded elements by tag
name, so an excluded element never contains another element with its own tag.
"""

import hashlib
import html
import math
from collections.abc import Callable, Iterable, Sequence

from . import markup as h
from .models import Decision, Exam, GlossaryEntry, Question, QuestionKind

Link = Callable[[str], str]
Title = Callable[[str], str]

EXCLUDED = " " + h.NOT_SEARCHED
LETTERS = "ABCDEFGHIJKLMNOP"
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th"]


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def humanize(target: str) -> str:
    """Fallback link text: 'modeling/model-fit.md#early-stopping' -> 'Early stopping'."""
    name = target.partition("#")[2] or target.rpartition("/")[2].removesuffix(".md")
    words = name.replace("-", " ").strip() or target
    return words[:1].upper() + words[1:]


# --- Tags, domains, quotas -------------------------------------------------------------


def tasks_attr(q: Question) -> str:
    """'MLS-C01:3.2 MLA-C02:2.1': every exam task the question serves."""
    return " ".join(f"{code}:{task}" for code, tasks in q.exams.items() for task in tasks)


def for_exam(questions: Iterable[Question], exam: Exam) -> list[Question]:
    return [q for q in questions if q.exams.get(exam.code)]


def practised_exams(exams: Iterable[Exam], questions: Sequence[Question]) -> list[Exam]:
    """Exams that get practice pages: those with questions, except an exam replaced by a newer
    version (its questions are tagged for, and practised on the page of, the successor)."""
    return [e for e in exams if not e.replaced_by and for_exam(questions, e)]


def home_task(q: Question, exam: Exam) -> str:
    """The task a question is filed under on the exam's page: its first task for that exam."""
    tasks = q.exams.get(exam.code) or []
    if not tasks:
        raise ValueError(f"question '{q.slug}' has no {exam.code} task")
    if tasks[0] not in exam.tasks:
        raise ValueError(f"question '{q.slug}': {exam.code} has no task {tasks[0]} "
                         f"(its tasks: {', '.join(exam.tasks)})")
    return tasks[0]


def home_domain(q: Question, exam: Exam) -> int:
    return int(home_task(q, exam).split(".")[0])


def mock_quotas(weights: dict[int, int], pool: dict[int, int], count: int) -> dict[int, int]:
    """How many questions to draw from each domain: shares of `count` by weight, never more than a
    domain's pool holds (the shortfall goes to the other domains by weight), rounded by largest remainder."""
    count = min(count, sum(pool.get(d, 0) for d in weights))
    quota = {d: 0 for d in weights}
    active = [d for d in weights if pool.get(d, 0) > 0]
    left = count
    while True:
        total = sum(weights[d] for d in active)
        ideal = {d: left * weights[d] / total for d in active} if total else {}
        full = [d for d in active if ideal[d] >= pool[d]]
        if not full:
            break
        for d in full:
            quota[d] = pool[d]
            left -= pool[d]
            active.remove(d)
    for d in active:
        quota[d] = math.floor(ideal[d])
    spare = left - sum(quota[d] for d in active)
    by_remainder = sorted(active, key=lambda d: (-(ideal[d] - math.floor(ideal[d])), -weights[d], d))
    for d in by_remainder[:spare]:
        quota[d] += 1
    return quota


def mock_plan(exam: Exam, questions: Sequence[Question]) -> tuple[dict[int, int], dict[int, int], int, int]:
    """(quota by domain, pool by domain, questions drawn, minutes allowed) for the exam's mock."""
    pool = {d.number: 0 for d in exam.domains}
    for q in for_exam(questions, exam):
        pool[home_domain(q, exam)] += 1
    quota = mock_quotas({d.number: d.weight for d in exam.domains}, pool, exam.questions)
    drawn = sum(quota.values())
    minutes = math.ceil(exam.minutes * drawn / exam.questions) if drawn else 0
    return quota, pool, drawn, minutes


# --- One question ----------------------------------------------------------------------


def _scramble(items: Sequence[str], seed: str) -> list[int]:
    """A fixed, build-independent shuffle (never the original order) so pages render the same every time."""
    order = sorted(range(len(items)),
                   key=lambda i: hashlib.sha256(f"{seed}|{i}|{items[i]}".encode()).hexdigest())
    if len(order) > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _matching_answers(q: Question) -> list[str]:
    answers = list(dict.fromkeys(pair.answer for pair in q.pairs))
    return [answers[i] for i in _scramble(answers, q.slug)]


def shown_options(q: Question) -> list:
    """Options in a fixed shuffled order, so the right answer's letter does not follow from how the
    row was written."""
    return [q.options[i] for i in _scramble([o.text for o in q.options], q.slug)]


def _sentence(text: str) -> str:
    text = h.inline(text)
    return text if text.endswith((".", "?", "!", ")")) else text + "."


def answer_key(q: Question) -> str:
    """The answer as practice.js compares it with the reader's pick: option indexes, or per row a value."""
    if q.kind in (QuestionKind.single, QuestionKind.multiple):
        return " ".join(str(i) for i, option in enumerate(shown_options(q)) if option.correct)
    if q.kind is QuestionKind.ordering:
        return " ".join(str(i + 1) for i in _scramble(q.steps, q.slug))
    answers = _matching_answers(q)
    return " ".join(str(answers.index(pair.answer)) for pair in q.pairs)


def _choose_hint(q: Question) -> str:
    if q.kind is QuestionKind.multiple:
        n = sum(o.correct for o in q.options)
        return f" <span class=\"pq-hint\">(Choose {COUNT_WORDS.get(n, n)}.)</span>"
    if q.kind is QuestionKind.ordering:
        return ' <span class="pq-hint">(Give each step its place.)</span>'
    if q.kind is QuestionKind.matching:
        return ' <span class="pq-hint">(Pick a match for each item.)</span>'
    return ""


def _inputs(q: Question, uid: str) -> str:
    if q.kind in (QuestionKind.single, QuestionKind.multiple):
        kind = "radio" if q.kind is QuestionKind.single else "checkbox"
        return "".join(
            f'<label class="pq-option"><input type="{kind}" name="{uid}" value="{i}"> '
            f'<span class="pq-letter">{LETTERS[i]}.</span> <span class="pq-text">{h.inline(o.text)}</span></label>\n'
            for i, o in enumerate(shown_options(q)))
    if q.kind is QuestionKind.ordering:
        order = _scramble(q.steps, q.slug)
        places = "".join(f'<option value="{n + 1}">{ORDINALS[n]}</option>' for n in range(len(q.steps)))
        return "".join(
            f'<div class="pq-row"><label for="{uid}-{row}">{h.inline(q.steps[i])}</label>'
            f'<select id="{uid}-{row}" name="{uid}-{row}"><option value="">Place…</option>{places}</select></div>\n'
            for row, i in enumerate(order))
    answers = _matching_answers(q)
    choices = "".join(f'<option value="{n}">{h.inline(a)}</option>' for n, a in enumerate(answers))
    return "".join(
        f'<div class="pq-row"><label for="{uid}-{row}">{h.inline(pair.prompt)}</label>'
        f'<select id="{uid}-{row}" name="{uid}-{row}"><option value="">Match…</option>{choices}</select></div>\n'
        for row, pair in enumerate(q.pairs))


def _solution(q: Question) -> str:
    """The right answer and why each option is right or wrong, as HTML."""
    if q.kind in (QuestionKind.single, QuestionKind.multiple):
        options = shown_options(q)
        right = ", ".join(LETTERS[i] for i, o in enumerate(options) if o.correct)
        items = "".join(
            f'<li class="{"pq-is-right" if o.correct else "pq-is-wrong"}"><strong>{LETTERS[i]}. '
            f'{"Right" if o.correct else "Wrong"}:</strong> {_sentence(o.text)} {h.inline(o.why)}</li>'
            for i, o in enumerate(options))
        return f'<p><strong>Answer: {right}.</strong> {h.inline(q.explanation)}</p>\n<ul class="pq-why">{items}</ul>\n'
    if q.kind is QuestionKind.ordering:
        steps = "".join(f"<li>{h.inline(step)}</li>" for step in q.steps)
        return f'<p><strong>Right order:</strong></p>\n<ol class="pq-why">{steps}</ol>\n<p>{h.inline(q.explanation)}</p>\n'
    pairs = "".join(f"<li>{h.inline(p.prompt)}: <strong>{h.inline(p.answer)}</strong></li>" for p in q.pairs)
    return f'<p><strong>Matches:</strong></p>\n<ul class="pq-why">{pairs}</ul>\n<p>{h.inline(q.explanation)}</p>\n'


def _solution_text(q: Question) -> str:
    """The compact answer printed in the answer key at the end of the page."""
    if q.kind in (QuestionKind.single, QuestionKind.multiple):
        return ", ".join(LETTERS[i] for i, o in enumerate(shown_options(q)) if o.correct)
    if q.kind is QuestionKind.ordering:
        return " → ".join(h.inline(step) for step in q.steps)
    return "; ".join(f"{h.inline(p.prompt)}: {h.inline(p.answer)}" for p in q.pairs)


def _teaching_links(q: Question, link: Link, title: Title) -> str:
    links = " · ".join(f"[{h.inline(title(t))}]({link(t)})" for t in q.teaches)
    return f'<p class="pq-teach" markdown="1">Where this is taught: {links}</p>\n'


def _task_list(q: Question) -> str:
    return " · ".join(f"{h.inline(code)} task {h.inline(task)}" for code, tasks in q.exams.items() for task in tasks)


def question(q: Question, number: int, link: Link, title: Title = humanize, *,
             exam: Exam | None = None, prefix: str = "q") -> str:
    """One question: a form whose inputs are labelled, a Check button (shown by practice.js), a
    status line for the verdict, and the answer in a <details> block that opens without JavaScript."""
    uid = f"{prefix}-{q.slug}"
    domain = f' data-domain="{home_domain(q, exam)}"' if exam else ""
    return (
        f'\n<form class="pq" id="{uid}" data-question="{_attr(q.slug)}" data-tasks="{_attr(tasks_attr(q))}"'
        f' data-kind="{q.kind.value}" data-answer="{_attr(answer_key(q))}"{domain}{EXCLUDED} markdown="1">\n'
        f'<fieldset>\n<legend><span class="pq-num">Question {number}</span> '
        f'<span class="pq-stem">{h.inline(q.stem)}</span>{_choose_hint(q)}</legend>\n'
        f'<p class="pq-meta">{_task_list(q)} · {q.difficulty.value}</p>\n'
        f'<div class="pq-inputs">\n{_inputs(q, uid)}</div>\n</fieldset>\n'
        f'<div class="pq-actions"><button type="submit" class="md-button" hidden>Check answer</button>'
        f'<span class="pq-result" role="status"></span></div>\n'
        f'<details class="pq-answer" markdown="1">\n<summary>Answer and explanation</summary>\n'
        f'{_solution(q)}{_teaching_links(q, link, title)}'
        f'<p class="pq-source"><a href="{_attr(q.source)}">AWS source for this answer</a></p>\n'
        f'</details>\n</form>\n'
    )


def printed_key(numbered: Iterable[tuple[int, Question]]) -> str:
    """Answers for paper: hidden on screen, printed after the last question."""
    items = "".join(
        f'<li value="{n}"><strong>{_solution_text(q)}</strong>: {h.inline(q.explanation)}</li>'
        for n, q in numbered)
    return (f'\n<section class="pq-key"{EXCLUDED}>\n<h2>Answers</h2>\n<ol>{items}</ol>\n</section>\n\n')


# --- Progress tables -------------------------------------------------------------------


def progress_table(exam: Exam, questions: Sequence[Question]) -> str:
    """Score by domain and by task for one exam. Weights and task lists come from exams.yml;
    practice.js fills the answered, right and score cells from localStorage."""
    mine = for_exam(questions, exam)

    def count(tasks: set[str]) -> int:
        return sum(1 for q in mine if tasks & set(q.exams[exam.code]))

    cells = ('<td data-cell="answered">0</td><td data-cell="right">0</td>'
             '<td data-cell="score">–</td>')
    domain_rows = "".join(
        f'<tr data-domain="{d.number}" data-weight="{d.weight}" data-tasks="{" ".join(t.id for t in d.tasks)}">'
        f'<th scope="row">{d.number}. {h.inline(d.title)}</th><td>{d.weight}%</td>'
        f'<td>{count({t.id for t in d.tasks})}</td>{cells}</tr>'
        for d in exam.domains)
    task_rows = "".join(
        f'<tr data-task="{t.id}"><th scope="row">{t.id} {h.inline(t.title)}</th>'
        f'<td>{count({t.id})}</td>{cells}</tr>'
        for d in exam.domains for t in d.tasks)
    code = h.inline(exam.code)
    return (
        f'\n<section class="pq-progress" data-exam="{_attr(exam.code)}"{EXCLUDED}>\n'
        f'<table><caption>Your {code} score by domain</caption>'
        f'<thead><tr><th scope="col">Domain</th><th scope="col">Weight</th><th scope="col">Questions</th>'
        f'<th scope="col">Answered</th><th scope="col">Right</th><th scope="col">Score</th></tr></thead>'
        f'<tbody>{domain_rows}</tbody>'
        f'<tfoot><tr data-total><th scope="row">Weighted by the exam</th><td>100%</td><td>{len(mine)}</td>{cells}</tr></tfoot>'
        f'</table>\n'
        f'<details class="pq-tasks"><summary>Score by task</summary>'
        f'<table><caption>Your {code} score by task</caption><thead><tr><th scope="col">Task</th>'
        f'<th scope="col">Questions</th><th scope="col">Answered</th><th scope="col">Right</th>'
        f'<th scope="col">Score</th></tr></thead><tbody>{task_rows}</tbody></table></details>\n'
        f'</section>\n\n'
    )


def _status_line(exam: Exam) -> str:
    when = lambda day: f"{day.day} {day:%B %Y}"  # noqa: E731
    name = f"{h.inline(exam.code)} ({h.inline(exam.title)})"
    if exam.status.value in ("retired", "replaced") and exam.retired_on:
        successor = f", replaced by {h.inline(exam.replaced_by)}" if exam.replaced_by else ""
        return f"{name} could be taken until {when(exam.retired_on)}{successor}."
    since = f", available since {when(exam.available_from)}" if exam.available_from else ""
    state = "in beta" if exam.status.value == "beta" else "the current exam"
    return f"{name} is {state}{since}."


def _filter_form(exam: Exam) -> str:
    """Domain and task filters, and the review modes; shown by practice.js (they need it)."""
    domains = "".join(f'<option value="{d.number}">{d.number}. {h.inline(d.title)}</option>' for d in exam.domains)
    tasks = "".join(f'<option value="{t.id}">{t.id} {h.inline(t.title)}</option>'
                    for d in exam.domains for t in d.tasks)
    return (
        f'\n<form class="pq-filter" data-exam="{_attr(exam.code)}" hidden{EXCLUDED}>\n'
        f'<div class="pq-filter-fields">'
        f'<label for="pq-domain">Domain</label><select id="pq-domain" name="domain"><option value="">All domains</option>{domains}</select>'
        f'<label for="pq-task">Task</label><select id="pq-task" name="task"><option value="">All tasks</option>{tasks}</select>'
        f'<label for="pq-show">Show</label><select id="pq-show" name="review"><option value="">Every question</option>'
        f'<option value="unanswered">Not answered yet</option><option value="mistakes">My mistakes</option></select>'
        f'</div>\n<p class="pq-filter-status" role="status"></p>\n'
        f'<p><button type="button" class="md-button" data-action="reset-exam">Reset my {h.inline(exam.code)} answers</button></p>\n'
        f'</form>\n\n'
    )


def exam_page(exam: Exam, questions: Sequence[Question], link: Link, title: Title = humanize) -> str:
    """Every question tagged for the exam, filed by domain and task, with the progress table on top
    and the answer key for print at the end."""
    mine = for_exam(questions, exam)
    parts = [f"<p class=\"pq-status\">{_status_line(exam)} This page holds {len(mine)} questions for it. "
             f"Your answers are saved in this browser only.</p>\n",
             progress_table(exam, questions), _filter_form(exam)]
    numbered: list[tuple[int, Question]] = []
    for d in exam.domains:
        parts.append(f'\n## Domain {d.number}: {h.inline(d.title)} ({d.weight}%) '
                     f'{{#domain-{d.number} data-domain="{d.number}"{EXCLUDED}}}\n\n')
        for t in d.tasks:
            anchor = f"task-{t.id.replace('.', '-')}"
            parts.append(f'\n### {t.id} {h.inline(t.title)} {{#{anchor} data-task="{t.id}"{EXCLUDED}}}\n\n')
            group = [q for q in mine if home_task(q, exam) == t.id]
            parts.append(f'<div class="pq-group" data-task="{t.id}" data-domain="{d.number}" '
                         f'data-heading="{anchor}" markdown="1">\n')
            if not group:
                parts.append('<p class="pq-empty">No questions for this task yet.</p>\n')
            for q in group:
                numbered.append((len(numbered) + 1, q))
                parts.append(question(q, len(numbered), link, title, exam=exam))
            parts.append("</div>\n\n")
    if numbered:
        parts.append(printed_key(numbered))
    return "".join(parts)


# --- Timed mock exam -------------------------------------------------------------------


def mock_page(exam: Exam, questions: Sequence[Question], link: Link, title: Title = humanize) -> str:
    """The exam's format from exams.yml, questions drawn per domain by weight from the pool; the pool
    itself is on the page, hidden, and practice.js draws, times and scores."""
    quota, pool, drawn, minutes = mock_plan(exam, questions)
    total_pool = sum(pool.values())
    pace = exam.minutes / exam.questions
    fmt = f"{exam.questions} questions in {exam.minutes} minutes"
    if drawn == 0:
        note = f"The real exam has {fmt}. There are no {h.inline(exam.code)} questions yet, so there is no mock exam."
    elif drawn < exam.questions:
        note = (f"The real exam has {fmt}. The pool holds only {total_pool} {h.inline(exam.code)} questions, "
                f"so this mock exam draws {drawn} and allows {minutes} minutes, the exam's pace of "
                f"{pace:.1f} minutes a question.")
    else:
        note = (f"Like the real exam: {fmt}, drawn from a pool of {total_pool} "
                f"{h.inline(exam.code)} questions.")
    rows = "".join(
        f'<tr data-domain="{d.number}" data-weight="{d.weight}" data-quota="{quota[d.number]}">'
        f'<th scope="row">{d.number}. {h.inline(d.title)}</th><td>{d.weight}%</td>'
        f'<td>{quota[d.number]}</td><td>{pool[d.number]}</td>'
        f'<td data-cell="right">–</td><td data-cell="score">–</td></tr>'
        for d in exam.domains)
    parts = [
        f'\n<section class="pq-mock" data-exam="{_attr(exam.code)}" data-count="{drawn}" '
        f'data-minutes="{minutes}" data-passing="{exam.passing_score}"{EXCLUDED}>\n'
        f'<p class="pq-status">{_status_line(exam)} {note}</p>\n'
        f'<table><caption>Questions drawn from each {h.inline(exam.code)} domain</caption>'
        f'<thead><tr><th scope="col">Domain</th><th scope="col">Weight</th><th scope="col">Drawn</th>'
        f'<th scope="col">In the pool</th><th scope="col">Right</th><th scope="col">Score</th></tr></thead>'
        f'<tbody>{rows}</tbody></table>\n'
        f'<noscript><p>The mock exam needs JavaScript. The practice pages work without it.</p></noscript>\n'
        f'<p class="pq-mock-controls" hidden><button type="button" class="md-button md-button--primary" '
        f'data-action="start-mock"{" disabled" if not drawn else ""}>Start the mock exam</button> '
        f'<button type="button" class="md-button" data-action="finish-mock" hidden>Finish and score</button></p>\n'
        f'<p class="pq-timer" role="timer" aria-live="off" hidden></p>\n'
        f'<p class="pq-mock-status" role="status"></p>\n'
        f'<ol class="pq-mock-review" hidden></ol>\n'
        f'</section>\n\n',
        f'<div class="pq-mock-questions" markdown="1"></div>\n\n',
        f'<div class="pq-pool" hidden markdown="1">\n',
    ]
    for n, q in enumerate(for_exam(questions, exam), 1):
        parts.append(question(q, n, link, title, exam=exam, prefix="m"))
    parts.append("</div>\n\n")
    return "".join(parts)


# --- Flashcards ------------------------------------------------------------------------


def _card_id(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def _exam_codes(tags: dict) -> str:
    return " ".join(code for code, tasks in tags.items() if tasks)


def decision_cards(decisions: Iterable[Decision], link: Link) -> list[str]:
    cards = []
    for d in decisions:
        target = f"{d.page}#{d.slug}"
        for s in d.scenarios:
            today = (f'<p><strong>On AWS today:</strong> {h.inline(s.today.choice)}. {h.inline(s.today.why)}</p>'
                     if s.today else "")
            cards.append(
                f'<details class="fc-card" data-card="d-{_card_id(d.slug, s.scenario)}" data-deck="decisions" '
                f'data-exams="{_attr(_exam_codes(d.exams))}" markdown="1">\n'
                f'<summary><span class="fc-context">{h.inline(d.title)}</span> '
                f'<span class="fc-front">{h.inline(s.scenario)}</span></summary>\n'
                f'<p><strong>Best choice:</strong> {h.inline(s.choice)}</p>\n'
                f'<p><strong>Why:</strong> {h.inline(s.why)}</p>\n'
                f'<p><strong>Trap:</strong> {h.inline(s.wrong)}. {h.inline(s.wrong_why)}</p>\n{today}'
                f'<p class="fc-link" markdown="1">Taught in: [{h.inline(d.title)}]({link(target)})</p>\n'
                f'</details>\n')
    return cards


def glossary_cards(glossary: Iterable[GlossaryEntry], link: Link) -> list[str]:
    return [
        f'<details class="fc-card" data-card="g-{_card_id(g.term)}" data-deck="glossary" '
        f'data-exams="{_attr(_exam_codes(g.exams))}" markdown="1">\n'
        f'<summary><span class="fc-context">Term</span> <span class="fc-front">{h.inline(g.term)}</span></summary>\n'
        f'<p>{h.inline(g.definition)}</p>\n'
        f'<p class="fc-link" markdown="1">Taught in: [{h.inline(humanize(g.link))}]({link(g.link)})</p>\n'
        f'</details>\n'
        for g in sorted(glossary, key=lambda g: g.term.lower())
    ]


def _first_card(decisions: Sequence[Decision], glossary: Sequence[GlossaryEntry]) -> tuple[str, str]:
    """(context, front) of the card a first visit starts with: the first card of the first deck,
    as practice.js words it ('No cards match this choice.' when there are none)."""
    for d in decisions:
        for s in d.scenarios:
            return f"{h.inline(d.title)} · new card", h.inline(s.scenario)
    for g in sorted(glossary, key=lambda g: g.term.lower()):
        return "Term · new card", h.inline(g.term)
    return "", "No cards match this choice."


def flashcards(decisions: Sequence[Decision], glossary: Sequence[GlossaryEntry], exams: Sequence[Exam],
               link: Link) -> str:
    """Cards from every decision scenario and glossary term. Without JavaScript they are a list of
    <details>; practice.js shows one at a time, due cards first, and keeps the Leitner boxes.

    The card player is written out in the state a first visit shows (every card new, the first
    card in front), so nothing moves when the script takes over; CSS hides it when scripting is
    off (`@media (scripting: none)`)."""
    decks = decision_cards(decisions, link), glossary_cards(glossary, link)
    first = _first_card(decisions, glossary)
    tagged = {code for d in decisions for code, tasks in d.exams.items() if tasks}
    tagged |= {code for g in glossary for code, tasks in g.exams.items() if tasks}
    exam_options = "".join(f'<option value="{_attr(e.code)}">{h.inline(e.code)}</option>'
                           for e in exams if e.code in tagged)
    app = (
        f'\n<section class="fc-app"{EXCLUDED}>\n'
        f'<div class="fc-controls">'
        f'<label for="fc-deck">Cards</label><select id="fc-deck"><option value="">All cards</option>'
        f'<option value="decisions">Decision scenarios ({len(decks[0])})</option>'
        f'<option value="glossary">Glossary terms ({len(decks[1])})</option></select>'
        + (f'<label for="fc-exam">Exam</label><select id="fc-exam"><option value="">Any exam</option>'
           f'{exam_options}</select>' if exam_options else "")
        + '</div>\n'
        f'<p class="fc-stats" role="status">Due now: 0. New: {len(decks[0]) + len(decks[1])}. Not due yet: 0.</p>\n'
        '<article class="fc-current" aria-labelledby="fc-front-label">\n'
        f'<p class="fc-context-now">{first[0]}</p>\n'
        f'<p class="fc-front-now" id="fc-front-label" tabindex="-1">{first[1]}</p>\n'
        '<div class="fc-back-now" role="group" aria-label="Answer" tabindex="-1" hidden></div>\n'
        '<p class="fc-buttons">'
        '<button type="button" class="md-button md-button--primary" data-action="show">Show answer</button> '
        '<button type="button" class="md-button" data-action="again" hidden>Again</button> '
        '<button type="button" class="md-button md-button--primary" data-action="good" hidden>Good</button> '
        '<button type="button" class="md-button" data-action="ahead" hidden>Review cards not yet due</button>'
        '</p>\n</article>\n'
        '<p><button type="button" class="md-button" data-action="reset-cards">Reset my flashcards</button></p>\n'
        '</section>\n\n'
    )
    return (
        app
        + f'\n## Decision scenarios {{#decision-cards{EXCLUDED}}}\n\n'
        + _card_list("decisions", f"All {len(decks[0])} decision scenario cards", decks[0])
        + f'\n## Glossary terms {{#glossary-cards{EXCLUDED}}}\n\n'
        + _card_list("glossary", f"All {len(decks[1])} glossary term cards", decks[1])
    )


def _card_list(deck: str, title: str, cards: list[str]) -> str:
    """A deck as a list to browse, folded: closed, its hundreds of cards cost the browser no style
    or layout work while the page loads (Lighthouse: Total Blocking Time from about 500 ms to about
    100 ms). The card player reads the cards whether the list is open or not."""
    return (f'<details class="fc-list"{EXCLUDED} markdown="1">\n<summary>{h.inline(title)}</summary>\n'
            f'<div class="fc-deck" data-deck="{deck}"{EXCLUDED} markdown="1">\n' + "".join(cards) + "</div>\n"
            "</details>\n\n")


# --- Overview ----------------------------------------------------------------------------


def overview(exams: Sequence[Exam], questions: Sequence[Question], link: Link, card_count: int) -> str:
    """The practice home: per exam with questions, links and the progress table; the flashcard
    queue; one reset for everything."""
    parts = []
    for exam in practised_exams(exams, questions):
        mine = for_exam(questions, exam)
        quota, pool, drawn, minutes = mock_plan(exam, questions)
        parts.append(
            f'\n## {h.inline(exam.code)}: {h.inline(exam.title)} {{#{exam.slug}}}\n\n'
            f'<p class="pq-status">{_status_line(exam)}</p>\n\n'
            f'<div class="pq-links" markdown="1">\n\n'
            f'- [All {len(mine)} {h.inline(exam.code)} questions, by domain and task]({link(f"practice/{exam.slug}.md")})\n'
            f'- [Review my {h.inline(exam.code)} mistakes]({link(f"practice/{exam.slug}.md")}){{: .pq-review-link }}\n'
            f'- [Timed mock exam: {drawn} questions in {minutes} minutes]({link(f"practice/mock-{exam.slug}.md")})'
            f'{{: .pq-mock-link data-exam="{_attr(exam.code)}" }}\n\n'
            f'</div>\n\n'
            + progress_table(exam, questions))
    if not parts:
        parts.append("<p>No practice questions yet.</p>\n")
    parts.append(
        f'\n## Flashcards {{#flashcards}}\n\n'
        f'<p class="fc-summary" data-cards="{card_count}"{EXCLUDED}>{card_count} cards from the decision tables and '
        f'the glossary.</p>\n\n'
        f'<div class="pq-links" markdown="1">\n\n- [Study the flashcards]({link("practice/flashcards.md")})\n\n</div>\n\n'
        f'\n## Your progress stays here {{#privacy}}\n\n'
        f'<p>Answers, scores and flashcard marks are kept in this browser’s local storage. Nothing is sent '
        f'anywhere, and clearing your browser data or the button below removes them.</p>\n'
        f'<p class="pq-reset-all"{EXCLUDED} hidden><button type="button" class="md-button" data-action="reset-all">'
        f'Reset all my progress</button> <span role="status"></span></p>\n\n')
    return "".join(parts)
