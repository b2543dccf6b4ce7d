"""Turn validated rows into page fragments: Markdown headings around escaped HTML blocks."""

from collections.abc import Callable, Iterable

from . import html as h
from .mathml import to_mathml
from .models import Algorithm, Decision, InputMode, Learning, Metric, Service, ServiceStatus

# --- Built-in algorithms -----------------------------------------------------------


def _accepts(fragment: str) -> Callable[[Algorithm], bool]:
    return lambda algorithm: any(fragment in fmt.lower() for fmt in algorithm.input_formats)


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


def _algorithm_link(algorithm: Algorithm, page_prefix: str) -> str:
    return f'<a href="{page_prefix}#{algorithm.slug}"><strong>{h.inline(algorithm.name)}</strong></a>'


def algorithm_table(algorithms: Iterable[Algorithm], view: str = "all", page_prefix: str = "") -> str:
    if view not in ALGORITHM_VIEWS:
        raise ValueError(f"unknown algorithm view '{view}'; choose one of: {', '.join(ALGORITHM_VIEWS)}")
    keep = ALGORITHM_VIEWS[view][1]
    rows = [
        [
            _algorithm_link(a, page_prefix),
            h.joined(a.problem_types),
            h.inline(a.learning.value),
            h.joined(a.input_formats, "<br>"),
            h.joined(mode.value for mode in a.input_modes),
            h.inline(a.instances.training.value),
            h.inline(a.instances.inference.value),
            _yes_no(a.instances.multi_instance),
        ]
        for a in sorted(algorithms, key=lambda a: a.name.lower())
        if keep(a)
    ]
    headers = ["Algorithm", "Problem type", "Learning", "Training input", "Input mode",
               "Trains on", "Infers on", "Multi-instance"]
    # Filtered views repeat rows of the full table: only the full table feeds search
    return h.block(h.table(headers, rows, "data-table algorithms", searchable=view == "all"))


def algorithm_tuning_table(algorithms: Iterable[Algorithm], page_prefix: str = "") -> str:
    rows = [
        [
            _algorithm_link(a, page_prefix),
            h.joined(a.hyperparameters.required) or "None",
            h.joined(a.hyperparameters.tuning),
            h.joined(a.metrics),
        ]
        for a in sorted(algorithms, key=lambda a: a.name.lower())
    ]
    headers = ["Algorithm", "Required hyperparameters", "Worth tuning", "Metrics reported"]
    return h.block(h.table(headers, rows, "data-table algorithm-tuning", searchable=False))


def algorithm_section(a: Algorithm, level: int = 2) -> str:
    facts = [
        ["Problem type", h.joined(a.problem_types)],
        ["Learning", h.inline(a.learning.value)],
        ["Training input", h.joined(a.input_formats)],
        ["Input mode", h.joined(mode.value for mode in a.input_modes)],
        ["Instances", f"Training: {h.inline(a.instances.training.value)}; inference: "
                      f"{h.inline(a.instances.inference.value)}; multi-instance: "
                      f"{_yes_no(a.instances.multi_instance)}; multi-GPU: {_yes_no(a.instances.multi_gpu)}"
                      + (f". {h.inline(a.instances.note)}" if a.instances.note else "")],
        ["Required hyperparameters", h.joined(a.hyperparameters.required) or "None"],
        ["Worth tuning", h.joined(a.hyperparameters.tuning)],
        ["Metrics", h.joined(a.metrics)],
        ["Cue words", h.joined(a.cue_words)],
    ]
    body = f"<p>{h.inline(a.summary)}</p>"
    if a.aliases:
        body += f"<p><em>Also called:</em> {h.joined(a.aliases)}</p>"
    if a.status:
        body += h.admonition("info", "Status today", f"<p>{h.inline(a.status)}</p>")
    body += h.table(["Fact", "Value"], facts, "data-table facts")
    body += h.admonition("warning", "Exam traps", h.bullets(a.traps))
    body += _source(a.source)
    return h.heading(level, a.name, a.slug) + h.block(body)


def algorithm_chooser(algorithms: Iterable[Algorithm], page_prefix: str = "") -> str:
    """Problem type -> the algorithms that solve it, built from each row's problem_types."""
    by_problem: dict[str, list[Algorithm]] = {}
    for a in algorithms:
        for problem in a.problem_types:
            by_problem.setdefault(problem, []).append(a)
    rows = [
        [
            h.inline(problem),
            ", ".join(_algorithm_link(a, page_prefix) for a in sorted(found, key=lambda a: a.name.lower())),
            h.joined(sorted({cue for a in found for cue in a.cue_words}, key=str.lower)),
        ]
        for problem, found in sorted(by_problem.items(), key=lambda item: item[0].lower())
    ]
    return h.block(h.table(["Problem", "Built-in algorithms", "Cue words in the question"], rows,
                           "data-table chooser"))


# --- Services ----------------------------------------------------------------------


def _source(url: str) -> str:
    # Shown for checking, not searched: URLs would only bloat the search index
    return f'<p class="source"{h.NOT_SEARCHED}>Source: <a href="{h.inline(url)}">{h.inline(url)}</a></p>'


def service_section(s: Service, level: int = 3) -> str:
    body = f"<p>{h.inline(s.purpose)}</p>"
    if s.status is not ServiceStatus.current:
        body += h.admonition("info", f"Status today: {s.status.value}", f"<p>{h.inline(s.status_note)}</p>")
    facts = [["Choose it when", h.inline(s.choose_when)]]
    if s.limits:
        facts.append(["Key numbers and limits", h.bullets(s.limits)])
    if s.integrations:
        facts.append(["Works with", h.joined(s.integrations)])
    body += h.table(["Fact", "Value"], facts, "data-table facts")
    body += h.admonition("warning", "Exam traps", h.bullets(s.traps))
    body += _source(s.source)
    title = f"{s.name} (formerly {' and '.join(s.former_names)})" if s.former_names else s.name
    return h.heading(level, title, s.slug) + h.block(body)


# --- Decision tables ---------------------------------------------------------------


def decision_section(d: Decision, level: int = 3) -> str:
    body = f"<p>{h.inline(d.summary)}</p>"
    if d.compare:
        rows = [[f"<strong>{h.inline(r.option)}</strong>"] + [h.inline(v) for v in r.values]
                for r in d.compare.rows]
        body += h.table(["Option", *d.compare.columns], rows, "data-table compare")
    rows = [
        [h.inline(s.scenario), f"<strong>{h.inline(s.choice)}</strong>", h.inline(s.why),
         f"{h.inline(s.wrong)}: {h.inline(s.wrong_why)}"]
        for s in d.scenarios
    ]
    body += h.table(["Scenario", "Best choice", "Why", "Tempting wrong answer"], rows, "data-table scenarios")
    return h.heading(level, d.title, d.slug) + h.block(body)


# --- Metrics -----------------------------------------------------------------------


def metric_section(m: Metric, level: int = 3) -> str:
    body = f'<div class="formula">{to_mathml(m.formula, display=True)}</div>'
    if m.aliases:
        body += f"<p><em>Also called:</em> {h.joined(m.aliases)}</p>"
    facts = [
        ["Measures", h.inline(m.measures)],
        ["Prefer it when", h.inline(m.prefer_when)],
        ["Worked example", f"{h.inline(m.example.given)}<br>{h.inline(m.example.steps)}<br>"
                           f"<strong>Result: {h.inline(m.example.result)}</strong>"],
    ]
    body += h.table(["Fact", "Value"], facts, "data-table facts")
    body += h.admonition("warning", "Exam trap", f"<p>{h.inline(m.trap)}</p>")
    body += _source(m.source)
    return h.heading(level, m.name, m.slug) + h.block(body)


def metric_table(metrics: Iterable[Metric]) -> str:
    rows = [[f"<strong>{h.inline(m.name)}</strong>", to_mathml(m.formula), h.inline(m.prefer_when)]
            for m in metrics]
    return h.block(h.table(["Metric", "Formula", "Prefer it when"], rows, "data-table metrics"))
