"""Turn validated rows into Markdown sections and tables.

Every function is pure: rows in, Markdown out. Links arrive through `link`, a callable that turns a
row's home ('page.md#anchor') into a path relative to the page being rendered, so the engine rewrites
and checks them. Formulas leave as `$...$` and become MathML during Markdown conversion.
"""

from collections.abc import Callable, Iterable

from . import markup as m
from .models import UNAVAILABLE, Algorithm, Decision, InputMode, Learning, Metric, Service, ServiceStatus

Link = Callable[[str], str]

# --- Built-in algorithms -----------------------------------------------------------


def _accepts(fragment: str) -> Callable[[Algorithm], bool]:
    return lambda algorithm: any(fragment in fmt.lower() for fmt in algorithm.input_formats)


# Views of the one algorithm table, each a predicate over the rows
ALGORITHM_VIEWS: dict[str, tuple[str, Callable[[Algorithm], bool]]] = {
    "all": ("Every built-in algorithm", lambda a: True),
    "recordio": ("Accepts RecordIO-protobuf", _accepts("recordio")),
    "csv": ("Accepts CSV", _accepts("csv")),
    "pipe": ("Trains in Pipe mode", lambda a: InputMode.pipe in a.input_modes),
    "gpu-only": ("Trains on GPU only", lambda a: a.gpu_only),
    "cpu-only": ("Trains on CPU only", lambda a: a.instances.training.value == "CPU"),
    "multi-instance": ("Trains on several instances", lambda a: a.instances.multi_instance),
    "single-instance": ("Trains on one instance only", lambda a: not a.instances.multi_instance),
    "supervised": ("Supervised", lambda a: a.learning in (Learning.supervised, Learning.both)),
    "unsupervised": ("Unsupervised", lambda a: a.learning in (Learning.unsupervised, Learning.both)),
}


def _yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


def row_link(row, link: Link, text: str | None = None) -> str:
    """The row's name, bold, linked to the section that teaches it."""
    return m.link(m.bold(m.inline(text or row.name)), link(row.home))


def _by_name(rows: Iterable) -> list:
    return sorted(rows, key=lambda row: row.name.lower())


def algorithm_table(algorithms: Iterable[Algorithm], link: Link, view: str = "all") -> str:
    if view not in ALGORITHM_VIEWS:
        raise ValueError(f"unknown algorithm view '{view}'; choose one of: {', '.join(ALGORITHM_VIEWS)}")
    keep = ALGORITHM_VIEWS[view][1]
    rows = [
        [
            row_link(a, link),
            m.joined(a.problem_types),
            m.inline(a.learning.value),
            m.joined(a.input_formats, "<br>"),
            m.joined(mode.value for mode in a.input_modes),
            m.inline(a.instances.training.value),
            m.inline(a.instances.inference.value),
            _yes_no(a.instances.multi_instance),
        ]
        for a in _by_name(algorithms)
        if keep(a)
    ]
    headers = ["Algorithm", "Problem type", "Learning", "Training input", "Input mode",
               "Trains on", "Infers on", "Multi-instance"]
    # Filtered views repeat rows of the full table: only the full table feeds search
    return m.table(headers, rows, "data-table algorithms", searchable=view == "all")


def algorithm_tuning_table(algorithms: Iterable[Algorithm], link: Link) -> str:
    rows = [
        [
            row_link(a, link),
            m.joined(a.hyperparameters.required) or "None",
            m.joined(a.hyperparameters.tuning),
            m.joined(a.metrics),
        ]
        for a in _by_name(algorithms)
    ]
    headers = ["Algorithm", "Required hyperparameters", "Worth tuning", "Metrics reported"]
    return m.table(headers, rows, "data-table algorithm-tuning", searchable=False)


def _facts(rows: list[list[str]]) -> str:
    return m.table(["Fact", "Value"], rows, "data-table facts")


def algorithm_section(a: Algorithm, level: int = 2) -> str:
    instances = (f"Training: {m.inline(a.instances.training.value)}; inference: "
                 f"{m.inline(a.instances.inference.value)}; multi-instance: "
                 f"{_yes_no(a.instances.multi_instance)}; multi-GPU: {_yes_no(a.instances.multi_gpu)}"
                 + (f". {m.inline(a.instances.note)}" if a.instances.note else ""))
    facts = [
        ["Problem type", m.joined(a.problem_types)],
        ["Learning", m.inline(a.learning.value)],
        ["Training input", m.joined(a.input_formats)],
        ["Input mode", m.joined(mode.value for mode in a.input_modes)],
        ["Instances", instances],
        ["Required hyperparameters", m.joined(a.hyperparameters.required) or "None"],
        ["Worth tuning", m.joined(a.hyperparameters.tuning)],
        ["Metrics", m.joined(a.metrics)],
        ["Cue words", m.joined(a.cue_words)],
    ]
    parts = [m.heading(level, a.name, a.slug), m.paragraph(m.inline(a.summary))]
    if a.aliases:
        parts.append(m.paragraph(f"*Also called:* {m.joined(a.aliases)}"))
    if a.status:
        parts.append(m.admonition("info", "Status today", m.inline(a.status)))
    parts += [_facts(facts), m.admonition("warning", "Exam traps", m.bullet_list(a.traps)), _checked(a)]
    return "".join(parts)


def algorithm_chooser(algorithms: Iterable[Algorithm], link: Link) -> str:
    """Problem type -> the algorithms that solve it, built from each row's problem_types."""
    by_problem: dict[str, list[Algorithm]] = {}
    for a in algorithms:
        for problem in a.problem_types:
            by_problem.setdefault(problem, []).append(a)
    rows = [
        [
            m.inline(problem),
            ", ".join(row_link(a, link) for a in _by_name(found)),
            m.joined(sorted({cue for a in found for cue in a.cue_words}, key=str.lower)),
        ]
        for problem, found in sorted(by_problem.items(), key=lambda item: item[0].lower())
    ]
    return m.table(["Problem", "Built-in algorithms", "Cue words in the question"], rows, "data-table chooser")


# --- Shared pieces -----------------------------------------------------------------


def _checked(row) -> str:
    """The row's source and the day it was last checked against it, kept out of search."""
    when = f" · checked {row.checked:%d %B %Y}" if row.checked else ""
    return m.paragraph(f"Source: <{row.source}>{when}", "source", searchable=False)


def status_label(s: Service) -> str:
    when = f" since {s.status_date:%d %B %Y}" if s.status_date else ""
    return f"{s.status.value}{when}"


# --- Services ----------------------------------------------------------------------


def service_section(s: Service, level: int = 3) -> str:
    parts = [m.heading(level, s.title, s.slug), m.paragraph(m.inline(s.purpose))]
    if s.status is not ServiceStatus.current:
        parts.append(m.admonition("danger" if s.status in UNAVAILABLE else "info",
                                  f"Status today: {status_label(s)}", m.inline(s.status_note)))
    facts = [["Choose it when", m.inline(s.choose_when)]]
    if s.limits:
        facts.append(["Key numbers and limits", m.bullets(s.limits)])
    if s.integrations:
        facts.append(["Works with", m.joined(s.integrations)])
    parts += [_facts(facts), m.admonition("warning", "Exam traps", m.bullet_list(s.traps)), _checked(s)]
    return "".join(parts)


# --- Decision tables ---------------------------------------------------------------


def exam_era(d: Decision) -> str:
    """Whose answer a closed service was: MLS-C01's when the table served it, else the guides it serves."""
    if d.exams.get("MLS-C01"):
        return "MLS-C01 era"
    return " and ".join(code for code, tasks in d.exams.items() if tasks) + " guides"


def best_choice(scenario, era: str) -> str:
    """The best choice; where the exam-era answer is closed or ended, both answers, labelled."""
    if scenario.today is None:
        return m.bold(m.inline(scenario.choice))
    return (f"Exam answer ({era}): {m.bold(m.inline(scenario.choice))}<br>"
            f"Today on AWS: {m.bold(m.inline(scenario.today.choice))}")


def _reason(scenario) -> str:
    if scenario.today is None:
        return m.inline(scenario.why)
    return f"{m.inline(scenario.why)}<br>Today: {m.inline(scenario.today.why)}"


def decision_section(d: Decision, level: int = 3) -> str:
    parts = [m.heading(level, d.title, d.slug), m.paragraph(m.inline(d.summary))]
    if d.compare:
        rows = [[m.bold(m.inline(r.option)), *(m.inline(v) for v in r.values)] for r in d.compare.rows]
        parts.append(m.table(["Option", *d.compare.columns], rows, "data-table compare"))
    rows = [[m.inline(s.scenario), best_choice(s, exam_era(d)), _reason(s),
             f"{m.inline(s.wrong)}: {m.inline(s.wrong_why)}"] for s in d.scenarios]
    parts.append(m.table(["Scenario", "Best choice", "Why", "Tempting wrong answer"], rows, "data-table scenarios"))
    return "".join(parts)


# --- Metrics -----------------------------------------------------------------------


def formula(latex: str) -> str:
    """Inline math that survives a table row: '|' would split the cell, so it becomes \\vert."""
    return "$" + latex.replace("|", r"\vert ").strip() + "$"


def metric_section(metric: Metric, level: int = 3) -> str:
    parts = [m.heading(level, metric.name, metric.slug),
             m.block(f"$$\n{metric.formula}\n$$", "formula")]
    if metric.aliases:
        parts.append(m.paragraph(f"*Also called:* {m.joined(metric.aliases)}"))
    example = metric.example
    facts = [
        ["Measures", m.inline(metric.measures)],
        ["Prefer it when", m.inline(metric.prefer_when)],
        ["Worked example", f"{m.inline(example.given)}<br>{m.inline(example.steps)}<br>"
                           f"{m.bold('Result: ' + m.inline(example.result))}"],
    ]
    parts += [_facts(facts), m.admonition("warning", "Exam trap", m.inline(metric.trap)), _checked(metric)]
    return "".join(parts)


def metric_table(metrics: Iterable[Metric], link: Link) -> str:
    rows = [[row_link(metric, link), formula(metric.formula), m.inline(metric.prefer_when)] for metric in metrics]
    return m.table(["Metric", "Formula", "Prefer it when"], rows, "data-table metrics")
