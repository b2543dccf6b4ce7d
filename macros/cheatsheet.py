"""Printable sheets, drawn from the same rows as the topic pages.

A domain sheet holds every row tagged with a task of that exam domain whose priority reaches the
sheet (1 or 2); the exam-day sheet holds the priority-1 rows of the whole exam. Decisions come first.
Tables are two or three columns wide so they fit the three-column print layout.
"""

from collections.abc import Callable

from . import markup as m
from .loader import SiteData
from .models import Decision, Exam, ExamDomain, Priority, ServiceStatus
from .render import Link, best_choice, exam_era, formula, row_link, status_label

Selects = Callable[[object], bool]


def in_domain(exam: Exam, domain: ExamDomain) -> Selects:
    """Rows tagged with a task of `domain` whose priority reaches a cheat sheet."""
    tasks = {task.id for task in domain.tasks}
    return lambda row: bool(tasks.intersection(row.exams.get(exam.code, ()))) and row.priority <= Priority.cheat_sheet


def exam_day(exam: Exam) -> Selects:
    """Priority-1 rows of the exam; a decision table is opened and its priority-1 scenarios kept."""
    return lambda row: exam.code in row.exams and (isinstance(row, Decision) or row.priority is Priority.exam_day)


def is_exam_day(row) -> bool:
    return row.priority is Priority.exam_day


def _labelled(label: str, text: str) -> str:
    return f"{m.bold(label + ':')} {text}"


def _decisions(data: SiteData, selects: Selects, scenario_selects: Callable[[object], bool]) -> str:
    parts = []
    for decision in data.decisions:
        scenarios = [s for s in decision.scenarios if scenario_selects(s)] if selects(decision) else []
        if scenarios:
            rows = [[m.inline(s.scenario), f"{best_choice(s, exam_era(decision))} (not {m.inline(s.wrong)})"]
                    for s in scenarios]
            parts.append(f"### {m.inline(decision.title)}\n\n" + m.table(["Scenario", "Choose (not)"], rows))
    return "## Decisions\n\n" + "".join(parts) if parts else ""


def _services(data: SiteData, selects: Selects, link: Link) -> str:
    rows = []
    for s in filter(selects, data.services):
        name = row_link(s, link)
        if s.status is not ServiceStatus.current:
            name += f" ({m.inline(status_label(s))})"
        facts = [_labelled("Use", m.inline(s.choose_when))]
        if s.limits:
            facts.append(_labelled("Numbers", "; ".join(m.inline(x) for x in s.limits)))
        facts.append(_labelled("Trap", " ".join(m.inline(t) for t in s.traps)))
        rows.append([name, "<br>".join(facts)])
    return "## Services: key numbers and traps\n\n" + m.table(["Service", "Key facts"], rows) if rows else ""


def _algorithms(data: SiteData, selects: Selects, link: Link) -> str:
    rows = [[row_link(a, link),
             f"{m.joined(a.problem_types)}; {m.inline(a.learning.value)}",
             f"{m.joined(a.input_formats)}; {m.inline(a.instances.training.value)}"
             f"{'; multi-instance' if a.instances.multi_instance else ''}. Cues: {m.joined(a.cue_words)}"]
            for a in sorted(filter(selects, data.algorithms), key=lambda a: a.name.lower())]
    return "## Built-in algorithms\n\n" + m.table(["Algorithm", "Problem; learning", "Input; instances"],
                                                   rows) if rows else ""


def _metrics(data: SiteData, selects: Selects, link: Link) -> str:
    rows = [[row_link(x, link), formula(x.formula), m.inline(x.prefer_when)] for x in filter(selects, data.metrics)]
    # Formulas do not wrap: this table spans the sheet's full width instead of one column
    return m.block("## Formulas\n\n" + m.table(["Metric", "Formula", "Use when"], rows), "sheet-wide") if rows else ""


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string: anything but letters, digits and plain punctuation becomes a
    CSS escape, so no data value can end the string, the rule or the <style> element."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:()-")
    return '"' + "".join(char if char in safe else f"\\{ord(char):06x}" for char in text) + '"'


def running_header(title: str, facts_date: str) -> str:
    """The sheet's title and facts date at the top of every printed page (CSS page margin boxes;
    their font and the page numbers at the foot are in docs/assets/site.css)."""
    return (f"<style>@page {{ @top-left {{ content: {_css_string(title)}; }} "
            f"@top-right {{ content: {_css_string('Facts checked ' + facts_date)}; }} }}</style>\n\n")


def render_sheet(data: SiteData, title: str, selects: Selects, link: Link, facts_date: str,
                 scenario_selects: Callable[[object], bool] | None = None) -> str:
    """The sheet for one selection; `scenario_selects` narrows the decision scenarios (default: all
    whose priority reaches a sheet)."""
    scenario_selects = scenario_selects or (lambda s: s.priority <= Priority.cheat_sheet)
    body = (_decisions(data, selects, scenario_selects) + _services(data, selects, link)
            + _algorithms(data, selects, link) + _metrics(data, selects, link))
    meta = m.paragraph(f"{m.inline(title)} · facts checked {m.inline(facts_date)} · "
                       f"generated from the site's data files", "sheet-meta")
    controls = ('<p class="sheet-controls"><button type="button" class="md-button md-button--primary" '
                'onclick="window.print()">Print this cheat sheet</button></p>')
    return running_header(title, facts_date) + m.block(f"{controls}\n\n{meta}{body}", "cheat-sheet")
