"""Exams as data: each exam's page, the task tags under page titles, facts quoted in prose, and the
decision tables grouped by an exam's domains. Everything is read from data/exams.yml and the tags."""

from collections.abc import Iterable

from . import markup as m
from .loader import Site
from .models import Exam, ExamStatus, Task
from .render import Link

KINDS_ON_EXAM_PAGES = (("services", "Services"), ("decisions", "Decision tables"), ("algorithms", "Algorithms"),
                       ("metrics", "Formulas"), ("glossary", "Concepts"))


def task_anchor(task_id: str) -> str:
    return "task-" + task_id.replace(".", "-")


def _date(value) -> str:
    return f"{value:%-d %B %Y}"


def status_text(exam: Exam) -> str:
    if exam.status is ExamStatus.retired:
        return f"Retired on {_date(exam.retired_on)}"
    if exam.status is ExamStatus.replaced:
        return f"Replaced by {exam.replaced_by} after {_date(exam.retired_on)}"
    since = f" since {_date(exam.available_from)}" if exam.available_from else ""
    return f"{exam.status.value.capitalize()}{since}"


FACTS = {
    "title": lambda e: e.title,
    "status": status_text,
    "retired_on": lambda e: _date(e.retired_on),
    "available_from": lambda e: _date(e.available_from),
    "questions": lambda e: str(e.questions),
    "minutes": lambda e: str(e.minutes),
    "passing_score": lambda e: f"{e.passing_score} of 1,000",
    "fee": lambda e: f"USD {e.fee_usd}",
    "level": lambda e: e.level.value,
}


def fact(exam: Exam, field: str) -> str:
    """One fact of an exam, formatted for prose, so pages quote the registry instead of retyping it."""
    if field not in FACTS:
        raise ValueError(f"unknown exam fact '{field}'; choose one of: {', '.join(FACTS)}")
    return m.inline(FACTS[field](exam))


def domain_line(exam: Exam, domain, link: Link) -> str:
    """'**MLS-C01 domain 1 · 20% of the scored exam.**', linked to the domain on the exam page."""
    return m.bold(m.link(f"{exam.code} domain {domain.number} · {domain.weight}% of the scored exam.",
                         link(f"{exam.page}#domain-{domain.number}")))


def _format(exam: Exam) -> str:
    scored = f" ({exam.scored} scored)" if exam.scored else ""
    return f"{exam.questions} questions{scored}, {exam.minutes} minutes"


def exams_table(exams: Iterable[Exam], link: Link) -> str:
    rows = [[m.link(m.bold(exam.code), link(exam.page)), m.inline(exam.title), m.inline(status_text(exam)),
             m.inline(_format(exam)), m.inline(f"{exam.passing_score}"), m.inline(f"USD {exam.fee_usd}")]
            for exam in exams]
    return m.table(["Exam", "Title", "Status", "Format", "Pass", "Fee"], rows, "data-table exams")


def _chips(exam: Exam, tasks: list[str], link: Link) -> list[str]:
    if set(tasks) == set(exam.tasks):  # a page about the whole exam: one chip, not dozens
        return [m.link(f"{exam.code} all tasks", link(exam.page))]
    return [m.link(f"{exam.code} {task}", link(f"{exam.page}#{task_anchor(task)}")) for task in tasks]


def page_tags(tags: dict, exams: Iterable[Exam], link: Link) -> str:
    """'MLS-C01 3.2 · MLA-C02 2.1', each task linked to its place on the exam page."""
    chips = [chip for exam in exams if exam.code in tags for chip in _chips(exam, tags[exam.code], link)]
    return m.paragraph("Exam tasks: " + " · ".join(chips), "exam-tags") if chips else ""


def _teaching(site: Site, exam: Exam, task: Task) -> list[tuple[str, list[tuple[str, str]]]]:
    """(kind label, [(text, target)]) for every page and row tagged with this task. Pages that serve
    every task of the exam (indexes, the glossary) are left out: they would be listed everywhere."""
    code = exam.code
    found = [("Pages", [(p.title, p.path) for p in site.pages.values()
                        if task.id in p.exams.get(code, ()) and set(p.exams[code]) != set(exam.tasks)])]
    for kind, label in KINDS_ON_EXAM_PAGES:
        found.append((label, [(row.label, row.home) for row in getattr(site.data, kind)
                              if task.id in row.exams.get(code, ())]))
    return [(label, items) for label, items in found if items]


def _task_section(site: Site, exam: Exam, task: Task, link: Link) -> str:
    teaching = _teaching(site, exam, task)
    count = sum(len(items) for _, items in teaching)
    parts = [m.heading(3, f"{task.id} {task.title}", task_anchor(task.id))]
    if count:
        parts.append(m.paragraph(f"{count} sections and rows teach this task."))
        for label, items in teaching:
            links = ", ".join(m.link(m.inline(text), link(target)) for text, target in items)
            parts.append(m.paragraph(f"{m.bold(label + ':')} {links}"))
    else:
        parts.append(m.admonition("danger", "Gap", "Nothing on the site teaches this task yet."))
    guide = [*(f"Knowledge: {k}" for k in task.knowledge), *(f"Skill: {s}" for s in task.skills)]
    if guide:
        parts.append(m.admonition("abstract", "What the exam guide lists", m.bullet_list(guide), collapsed=True))
    return "".join(parts)


def _outside_the_guide(site: Site, exam: Exam, link: Link) -> str:
    """Rows reviewed against this exam's guide and found outside it (`exams: {CODE: []}`), by page:
    for a holder of this exam, the list of what is new to them."""
    by_page: dict[str, list[str]] = {}
    for kind, _ in KINDS_ON_EXAM_PAGES:
        for row in getattr(site.data, kind):
            if row.exams.get(exam.code) == []:
                by_page.setdefault(row.page, []).append(m.link(m.inline(row.label), link(row.home)))
    if not by_page:
        return ""
    count = sum(len(links) for links in by_page.values())
    lines = [f"- {m.link(m.inline(site.pages[page].title), link(page))}: {', '.join(links)}"
             for page, links in by_page.items()]
    return (m.heading(2, f"Taught here, outside the {exam.code} guide", "outside-the-guide")
            + m.paragraph(f"{count} rows were checked against the {exam.code} guide and are not in it. "
                          "They serve the site's other exams.")
            + "\n".join(lines) + "\n\n")


def exam_page(exam: Exam, site: Site, link: Link) -> str:
    facts = [["Status", m.inline(status_text(exam))], ["Level", m.inline(exam.level.value)],
             ["Format", m.inline(_format(exam))], ["Question types", m.joined(exam.question_types)],
             ["Passing score", m.inline(f"{exam.passing_score} of 1,000 (scaled)")],
             ["Fee", m.inline(f"USD {exam.fee_usd}")]]
    parts = [m.paragraph(m.inline(exam.summary)), m.table(["Fact", "Value"], facts, "data-table facts")]
    for heading, items in (("What it adds", exam.added), ("What it drops", exam.removed)):
        if items:
            parts.append(f"## {heading}\n\n{m.bullet_list(items)}\n\n")
    weights = [[str(d.number), m.inline(d.title), f"{d.weight}%", str(len(d.tasks))] for d in exam.domains]
    parts += ["## Domains\n\n", m.table(["Domain", "Title", "Weight", "Tasks"], weights, "data-table domains")]
    for domain in exam.domains:
        parts.append(m.heading(2, f"Domain {domain.number}: {domain.title} ({domain.weight}%)",
                               f"domain-{domain.number}"))
        parts += [_task_section(site, exam, task, link) for task in domain.tasks]
    parts.append(_outside_the_guide(site, exam, link))
    parts.append(m.paragraph(f"Source: <{exam.source}> · checked {_date(exam.checked)}", "source",
                             searchable=False))
    return "".join(parts)


def sheet_page(exam: Exam, domain) -> str:
    return f"cheatsheets/{exam.slug}/{domain.slug}.md"


def sheets_index(exams: Iterable[Exam], link: Link) -> str:
    """Every exam domain that has a printable sheet, with its weight, read from the registry."""
    rows = [[m.inline(exam.code), m.inline(f"{domain.number}. {domain.title}"), f"{domain.weight}%",
             m.link("Open", link(sheet_page(exam, domain)))] for exam in exams for domain in exam.domains]
    return m.table(["Exam", "Domain", "Weight", "Sheet"], rows, "data-table sheets")


def decisions_by_domain(exam: Exam, decisions: Iterable, link: Link, level: int = 2) -> str:
    """Every decision table tagged with the exam, listed under each domain it serves."""
    parts = []
    for domain in exam.domains:
        tasks = {task.id for task in domain.tasks}
        rows = [[m.link(m.bold(m.inline(d.title)), link(d.home)), m.inline(d.summary), str(len(d.scenarios))]
                for d in decisions if tasks.intersection(d.exams.get(exam.code, ()))]
        if rows:
            parts.append(m.heading(level, f"{exam.code} domain {domain.number}: {domain.title}",
                                   f"{exam.slug}-{domain.slug}"))
            parts.append(m.table(["Decision", "What it decides", "Scenarios"], rows, "data-table decision-index"))
    return "".join(parts)
