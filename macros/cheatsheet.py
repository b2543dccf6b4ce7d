"""One printable sheet per exam domain, drawn from the same rows as the domain pages.

Tables are two or three columns wide so they fit the three-column print layout.
"""

from collections.abc import Callable

from . import html as h
from .loader import SiteData
from .mathml import to_mathml
from .models import DOMAIN_TITLES, Domain, ServiceStatus


def _labelled(label: str, text: str) -> str:
    return f"<b>{label}:</b> {text}"


def _services(data: SiteData, domain: Domain, link: Callable[[str], str]) -> str:
    rows = []
    for s in data.services:
        if s.domain is not domain:
            continue
        name = f'<a href="{h.inline(link(s.page + "#" + s.slug))}"><strong>{h.inline(s.name)}</strong></a>'
        if s.status is not ServiceStatus.current:
            name += f" ({h.inline(s.status.value)})"
        facts = [_labelled("Use", h.inline(s.choose_when))]
        if s.limits:
            facts.append(_labelled("Numbers", "; ".join(h.inline(x) for x in s.limits)))
        facts.append(_labelled("Trap", " ".join(h.inline(t) for t in s.traps)))
        rows.append([name, "<br>".join(facts)])
    return "<h2>Services: key numbers and traps</h2>" + h.table(["Service", "Key facts"], rows) if rows else ""


def _decisions(data: SiteData, domain: Domain) -> str:
    parts = [
        f"<h3>{h.inline(d.title)}</h3>" + h.table(
            ["Scenario", "Choose (not)"],
            [[h.inline(s.scenario), f"<strong>{h.inline(s.choice)}</strong> (not {h.inline(s.wrong)})"]
             for s in d.scenarios])
        for d in data.decisions if d.domain is domain
    ]
    return "<h2>Decisions</h2>" + "".join(parts) if parts else ""


def _algorithms(data: SiteData) -> str:
    rows = [[f"<strong>{h.inline(a.name)}</strong>",
             f"{h.joined(a.problem_types)}; {h.inline(a.learning.value)}",
             f"{h.joined(a.input_formats)}; {h.inline(a.instances.training.value)}"
             f"{'; multi-instance' if a.instances.multi_instance else ''}. Cues: {h.joined(a.cue_words)}"]
            for a in sorted(data.algorithms, key=lambda a: a.name.lower())]
    return "<h2>Built-in algorithms</h2>" + h.table(["Algorithm", "Problem; learning", "Input; instances"], rows)


def _metrics(data: SiteData) -> str:
    rows = [[f"<strong>{h.inline(m.name)}</strong>", to_mathml(m.formula), h.inline(m.prefer_when)]
            for m in data.metrics]
    # Formulas do not wrap: this table spans the sheet's full width instead of one column
    return '<div class="sheet-wide"><h2>Formulas</h2>' + h.table(["Metric", "Formula", "Use when"], rows) + "</div>"


def render_sheet(data: SiteData, domain: Domain, link: Callable[[str], str], facts_date: str) -> str:
    body = _services(data, domain, link) + _decisions(data, domain)
    if domain is Domain.modeling:
        body = _algorithms(data) + _metrics(data) + body
    meta = (f'<p class="sheet-meta">{h.inline(DOMAIN_TITLES[domain])} · facts checked {h.inline(facts_date)} · '
            f'generated from the site\'s data files</p>')
    controls = ('<p class="sheet-controls"><button type="button" class="md-button md-button--primary" '
                'onclick="window.print()">Print this cheat sheet</button></p>')
    return h.block(f'<div class="cheat-sheet">{controls}{meta}{body}</div>')
