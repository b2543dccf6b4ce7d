"""Checks that span files: exam tags name real tasks, scenarios name real services, questions name
real rows. Each fault raises DataError naming the row's file, line and entry, the field and the problem."""

from collections.abc import Callable, Iterable

from .errors import DataError
from .models import UNAVAILABLE, Exam


def tag_problems(exams: dict[str, Exam], tags: dict[str, list[str]]) -> Iterable[str]:
    """Why each exam code or task id in `tags` is unknown (nothing when all are known)."""
    for code, tasks in tags.items():
        exam = exams.get(code)
        if exam is None:
            yield f"field 'exams.{code}': unknown exam '{code}' (known: {', '.join(exams)})"
            continue
        for task in tasks:
            if task not in exam.tasks:
                yield (f"field 'exams.{code}': '{task}' is not a task of {code} "
                       f"(its tasks: {', '.join(exam.tasks)})")


def check_references(data, where: Callable[[object], str]) -> None:
    exams = {exam.code: exam for exam in data.exams}
    problems = []
    for kind in ("algorithms", "services", "decisions", "metrics", "glossary", "questions"):
        for row in getattr(data, kind):
            problems += [f"{where(row)}: {problem}" for problem in tag_problems(exams, row.exams)]

    services = {service.key: service for service in data.services}
    for decision in data.decisions:
        for number, scenario in enumerate(decision.scenarios):
            field = f"field 'scenarios.{number}"
            if scenario.service is None:
                continue
            service = services.get(scenario.service)
            if service is None:
                problems.append(f"{where(decision)}: {field}.service': no service '{scenario.service}'")
            elif service.status in UNAVAILABLE and scenario.today is None:
                problems.append(f"{where(decision)}: {field}.today': the best choice, {service.name}, is "
                                f"{service.status.value}; add what to choose today")

    keys = {row.key for kind in ("algorithms", "services", "decisions", "metrics", "glossary")
            for row in getattr(data, kind)}
    for question in data.questions:
        for target in question.teaches:
            if "#" not in target and target not in keys:
                problems.append(f"{where(question)}: field 'teaches': no row '{target}' "
                                f"(use a row slug or 'page.md#anchor')")
    if problems:
        raise DataError("\n".join(problems))
