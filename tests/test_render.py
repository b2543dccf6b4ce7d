"""The rendering functions on their own: escaping, filtered views, ordering, relative links."""

import re

import pytest

from macros import html as h
from macros import render
from macros.glossary import relative_url
from macros.models import Algorithm, Decision, Service

BASE_ALGORITHM = {
    "summary": "Test row.",
    "problem_types": ["regression"],
    "learning": "supervised",
    "input_formats": ["text/csv"],
    "input_modes": ["File"],
    "instances": {"training": "CPU", "inference": "CPU", "multi_instance": False, "multi_gpu": False},
    "hyperparameters": {"required": ["k"], "tuning": ["eta"]},
    "metrics": ["validation:rmse"],
    "cue_words": ["numbers"],
    "traps": ["None."],
    "source": "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html",
}


def algorithm(name: str, **changes) -> Algorithm:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Algorithm.model_validate({**BASE_ALGORITHM, "name": name, "slug": slug, **changes})


ZOO = [
    algorithm("Zeta", input_formats=["application/x-recordio-protobuf"], input_modes=["File", "Pipe"]),
    algorithm("alpha", learning="unsupervised",
              instances={"training": "GPU", "inference": "CPU or GPU", "multi_instance": True, "multi_gpu": True}),
    algorithm("Mid", learning="supervised and unsupervised", problem_types=["regression", "clustering"]),
]


def html_of(fragment: str) -> str:
    """The fragment as it ends up on the page, after the build hook unpacks data blocks."""
    return h.unpack_blocks(fragment)


def row_names(table_html: str) -> list[str]:
    return re.findall(r"<tr><td><a [^>]*><strong>([^<]+)</strong>", table_html)


def test_inline_escapes_html_markdown_and_jinja():
    escaped = h.inline("a | b <script>alert(1)</script> {{ x }} *bold* [link](u)")
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "|" not in escaped and "{{" not in escaped and "*" not in escaped and "[" not in escaped


def test_inline_turns_backticks_into_code_after_escaping():
    assert h.inline("set `num_round` <b>") == "set <code>num&#95;round</code> &lt;b&gt;"


def test_pipe_and_script_in_a_description_render_as_text():
    nasty = algorithm("Nasty", summary="Uses a | pipe and <script>x()</script>")
    section = html_of(render.algorithm_section(nasty))
    assert "<script>" not in section and "&lt;script&gt;x()&lt;/script&gt;" in section
    assert "&#124; pipe" in section


def test_full_table_lists_every_algorithm_sorted_by_name():
    assert row_names(html_of(render.algorithm_table(ZOO))) == ["alpha", "Mid", "Zeta"]


@pytest.mark.parametrize(
    "view, expected",
    [
        ("recordio", ["Zeta"]),
        ("pipe", ["Zeta"]),
        ("gpu-only", ["alpha"]),
        ("cpu-only", ["Mid", "Zeta"]),
        ("unsupervised", ["alpha", "Mid"]),
        ("supervised", ["Mid", "Zeta"]),
        ("multi-instance", ["alpha"]),
        ("single-instance", ["Mid", "Zeta"]),
    ],
)
def test_filtered_views_keep_only_matching_rows(view, expected):
    assert row_names(html_of(render.algorithm_table(ZOO, view))) == expected


def test_unknown_view_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="unknown algorithm view 'gpu'.*gpu-only"):
        html_of(render.algorithm_table(ZOO, "gpu"))


def test_table_cells_follow_the_row():
    table = html_of(render.algorithm_table([ZOO[1]], page_prefix="../modeling/built-in-algorithms/"))
    cells = re.findall(r"<td>(.*?)</td>", table)
    assert cells[0] == '<a href="../modeling/built-in-algorithms/#alpha"><strong>alpha</strong></a>'
    assert cells[1:] == ["regression", "unsupervised", "text/csv", "File", "GPU", "CPU or GPU", "Yes"]


def test_chooser_groups_algorithms_by_problem_type():
    chooser = html_of(render.algorithm_chooser(ZOO))
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(.*?)</td>", chooser)
    assert [problem for problem, _ in rows] == ["clustering", "regression"]
    assert row_names("<tr><td>" + rows[1][1].replace(", ", "</td></tr><tr><td>")) == ["alpha", "Mid", "Zeta"]


def test_section_heading_carries_a_stable_anchor():
    assert render.algorithm_section(ZOO[0], level=3).startswith("\n### Zeta {#zeta}\n")


def test_blocks_survive_packing_unchanged():
    fragment = '<table><tr><td>k-NN &amp; "F1" ✓</td></tr></table>'
    packed = h.block(fragment)
    assert "<table>" not in packed
    assert html_of(packed).strip() == f'<div class="data-block">{fragment}</div>'


def test_decision_renders_comparison_and_scenarios_in_order():
    decision = Decision.model_validate({
        "title": "Pick one", "slug": "pick-one", "domain": "modeling", "summary": "S.",
        "compare": {"columns": ["Speed"], "rows": [
            {"option": "A", "values": ["fast"], "source": "https://aws.amazon.com/a"},
            {"option": "B", "values": ["slow"], "source": "https://aws.amazon.com/b"}]},
        "scenarios": [{"scenario": f"case {n}", "choice": "A", "why": "w", "wrong": "B", "wrong_why": "x",
                       "source": "https://aws.amazon.com/a"} for n in (1, 2)],
    })
    section = html_of(render.decision_section(decision))
    assert section.index("<strong>A</strong></td><td>fast") < section.index("<strong>B</strong></td><td>slow")
    assert section.index("case 1") < section.index("case 2")
    assert "B: x" in section


def test_service_status_note_is_shown_for_renamed_services():
    service = Service.model_validate({
        "name": "Amazon Data Firehose", "slug": "firehose", "page": "data-engineering/streaming.md",
        "purpose": "Delivers streams.", "choose_when": "Delivery without code.", "traps": ["No replay."],
        "status": "renamed", "status_note": "Was Kinesis Data Firehose until 2024.",
        "source": "https://docs.aws.amazon.com/firehose/latest/dev/what-is-this-service.html",
    })
    section = html_of(render.service_section(service))
    assert "Status today: renamed" in section and "Was Kinesis Data Firehose until 2024." in section


@pytest.mark.parametrize(
    "page_url, target, expected",
    [
        ("glossary/", "modeling/deep-learning.md#dropout", "../modeling/deep-learning/#dropout"),
        ("", "modeling/deep-learning.md", "modeling/deep-learning/"),
        ("cheatsheets/modeling/", "formulas/index.md#f1", "../../formulas/#f1"),
        ("formulas/", "formulas/index.md#f1", "#f1"),
        ("modeling/", "data-engineering/index.md", "../data-engineering/"),
    ],
)
def test_relative_url(page_url, target, expected):
    assert relative_url(page_url, target) == expected
