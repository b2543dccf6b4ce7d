"""The renderers on their own: escaping, filtered views, ordering, links, and golden snapshots.

Each renderer's Markdown is converted with the site's own Markdown extensions, so the assertions read
the HTML a reader gets. Snapshots (syrupy, tests/__snapshots__/) pin a few representative rows:
run `pytest tests/test_render.py --snapshot-update` after an intended change and review the diff.
"""

import datetime
import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from built import ROOT
from macros import cheatsheet, exams, glossary, markup, render
from macros.loader import Site, SiteData
from macros.models import Algorithm, Decision, Exam, GlossaryEntry, Metric, Service
from macros.pages import PageInfo, relative_link, source_of

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)


def _extensions():
    names, configs = [], {}
    for entry in CONFIG["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = {key: value == "true" if value in ("true", "false") else value
                         for key, value in (options or {}).items()}
    return names, configs


def to_html(text: str) -> BeautifulSoup:
    """Markdown -> HTML with the extensions mkdocs.yml enables, as the engine would convert a page."""
    names, configs = _extensions()
    return BeautifulSoup(markdown.markdown(text, extensions=names, extension_configs=configs), "html.parser")


def link(target: str) -> str:
    """Stand-in for the entry point's link: shows which home a renderer linked to."""
    return "LINK/" + target


SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"
BASE_ALGORITHM = {
    "summary": "Test row.", "problem_types": ["regression"], "learning": "supervised",
    "input_formats": ["text/csv"], "input_modes": ["File"],
    "instances": {"training": "CPU", "inference": "CPU", "multi_instance": False, "multi_gpu": False},
    "hyperparameters": {"required": ["k"], "tuning": ["eta"]}, "metrics": ["validation:rmse"],
    "cue_words": ["numbers"], "traps": ["None."], "source": SOURCE, "checked": "2026-11-28",
    "exams": {"MLS-C01": ["3.2"], "MLA-C02": ["2.1"]},
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

SERVICE = Service.model_validate({
    "name": "Amazon Example Labels", "slug": "example-labels", "page": "exploratory-data-analysis/labeling.md",
    "purpose": "Labels data | fast <b>.", "choose_when": "You need `labels`.", "limits": ["Up to 5 workers"],
    "integrations": ["S3"], "traps": ["It *closed*."], "status": "ended", "status_note": "Shut down.",
    "status_date": "2026-09-30", "former_names": ["Old Labels"], "source": SOURCE, "checked": "2026-11-28",
    "exams": {"MLS-C01": ["2.1"], "MLA-C02": ["1.3"]}, "priority": 1,
})

DECISION = Decision.model_validate({
    "title": "Pick one", "slug": "pick-one", "page": "modeling/framing.md", "summary": "S.",
    "exams": {"MLS-C01": ["3.2"], "MLA-C02": ["2.1"]}, "checked": "2026-11-28",
    "compare": {"columns": ["Speed"], "rows": [
        {"option": "A", "values": ["fast"], "source": "https://aws.amazon.com/a"},
        {"option": "B", "values": ["slow"], "source": "https://aws.amazon.com/b"}]},
    "scenarios": [
        {"scenario": "case 1", "choice": "A", "why": "w", "wrong": "B", "wrong_why": "x", "priority": 1,
         "source": "https://aws.amazon.com/a"},
        {"scenario": "case 2", "choice": "Old Labels", "service": "example-labels", "why": "cheap", "wrong": "B",
         "wrong_why": "x", "today": {"choice": "New Labels", "why": "still open", "source": "https://aws.amazon.com/n"},
         "source": "https://aws.amazon.com/a"},
    ],
})

METRIC = Metric.model_validate({
    "name": "Mean absolute error", "slug": "mae", "kind": "regression",
    "formula": r"\text{MAE} = \frac{1}{n}\sum_{i=1}^{n}\left|y_i - \hat{y}_i\right|", "measures": "Average miss.",
    "prefer_when": "Outliers should not dominate.", "trap": "Not squared.",
    "example": {"given": "Misses 1 and 3.", "steps": "(1 + 3) / 2", "result": "2", "actual": [1, 3],
                "predicted": [0, 0], "value": 2},
    "source": SOURCE, "checked": "2026-11-28", "exams": {"MLS-C01": ["3.5"], "MLA-C02": ["2.3"]},
})

GLOSSARY_ENTRY = GlossaryEntry.model_validate({
    "term": "Dropout", "aliases": ["drop-out"], "definition": "Randomly silences units while training.",
    "link": "modeling/deep-learning.md#dropout", "source": SOURCE, "checked": "2026-11-28",
    "exams": {"MLS-C01": ["3.3"], "MLA-C02": ["2.2"]},
})

EXAM = Exam.model_validate({
    "code": "TST-C01", "title": "Test exam", "level": "Associate", "status": "current",
    "available_from": "2026-01-01", "questions": 10, "minutes": 30, "passing_score": 700, "fee_usd": 50,
    "question_types": ["multiple choice"], "summary": "A small exam.", "source": SOURCE, "checked": "2026-11-28",
    "domains": [{"number": 1, "slug": "one", "title": "First", "weight": 60,
                 "tasks": [{"id": "1.1", "title": "Taught task", "skills": ["Pick well"]}]},
                {"number": 2, "slug": "two", "title": "Second", "weight": 40,
                 "tasks": [{"id": "2.1", "title": "Untaught task"}]}],
})
TEST_DATA = SiteData(exams=(EXAM,), algorithms=tuple(ZOO), services=(SERVICE,), decisions=(DECISION,),
                     metrics=(METRIC,), glossary=(GLOSSARY_ENTRY,), questions=())


def cells(soup: BeautifulSoup) -> list[list[str]]:
    return [[td.get_text() for td in tr.find_all("td")] for tr in soup.select("tbody tr")]


def names(soup: BeautifulSoup) -> list[str]:
    return [row[0] for row in cells(soup)]


# --- Escaping ----------------------------------------------------------------------------


def test_inline_escapes_html_markdown_jinja_and_math():
    escaped = markup.inline("a | b <script>alert(1)</script> {{ x }} *bold* [link](u) $5 # x")
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    for raw in ("|", "{{", "*", "[", "$", "#"):
        assert raw not in escaped.replace("&#", ""), raw


def test_inline_turns_backticks_into_code_after_escaping():
    assert markup.inline("set `num_round` <b>") == "set <code>num&#95;round</code> &lt;b&gt;"


def test_quotes_and_apostrophes_reach_the_reader_intact():
    soup = to_html(markup.paragraph(markup.inline('the "deploy" tool\'s job')))
    assert soup.get_text().strip() == 'the "deploy" tool\'s job'


def test_pipe_and_script_in_a_description_render_as_text():
    nasty = algorithm("Nasty", summary="Uses a | pipe and <script>x()</script>")
    soup = to_html(render.algorithm_section(nasty))
    assert soup.find("script") is None
    assert "Uses a | pipe and <script>x()</script>" in soup.get_text()


# --- Algorithm tables --------------------------------------------------------------------


def test_full_table_lists_every_algorithm_sorted_by_name():
    assert names(to_html(render.algorithm_table(ZOO, link))) == ["alpha", "Mid", "Zeta"]


@pytest.mark.parametrize(
    "view, expected",
    [
        ("all", ["alpha", "Mid", "Zeta"]),
        ("recordio", ["Zeta"]),
        ("csv", ["alpha", "Mid"]),
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
    assert names(to_html(render.algorithm_table(ZOO, link, view))) == expected


def test_only_the_full_table_feeds_search():
    assert to_html(render.algorithm_table(ZOO, link)).find(attrs={"data-search-exclude": True}) is None
    assert to_html(render.algorithm_table(ZOO, link, "csv")).find(attrs={"data-search-exclude": True})


def test_unknown_view_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="unknown algorithm view 'gpu'.*gpu-only"):
        render.algorithm_table(ZOO, link, "gpu")


def test_table_cells_follow_the_row_and_link_its_home():
    soup = to_html(render.algorithm_table([ZOO[1]], link))
    assert soup.select_one("tbody a")["href"] == "LINK/modeling/built-in-algorithms.md#alpha"
    assert cells(soup)[0][1:] == ["regression", "unsupervised", "text/csv", "File", "GPU", "CPU or GPU", "Yes"]


def test_tuning_table_has_required_tuning_and_metrics_columns():
    row = cells(to_html(render.algorithm_tuning_table([ZOO[0], algorithm("Free", hyperparameters={
        "required": [], "tuning": ["a", "b"]})], link)))
    assert row == [["Free", "None", "a, b", "validation:rmse"], ["Zeta", "k", "eta", "validation:rmse"]]


def test_chooser_groups_algorithms_by_problem_type_with_their_cues():
    rows = cells(to_html(render.algorithm_chooser(ZOO, link)))
    assert [row[0] for row in rows] == ["clustering", "regression"]
    assert rows[1][1] == "alpha, Mid, Zeta" and rows[1][2] == "numbers"


def test_section_heading_carries_a_stable_anchor():
    assert render.algorithm_section(ZOO[0], level=3).startswith("\n### Zeta {#zeta}\n")
    assert to_html(render.algorithm_section(ZOO[0], level=3)).find("h3", id="zeta")


# --- Services, decisions, metrics ------------------------------------------------------------


def test_ended_service_shows_its_status_with_the_date_and_its_former_name():
    soup = to_html(render.service_section(SERVICE))
    assert soup.find("h3", id="example-labels").get_text().rstrip("¶") == "Amazon Example Labels (formerly Old Labels)"
    assert "Status today: ended since 30 September 2026" in soup.get_text()
    assert soup.select_one(".admonition.danger")


def test_current_service_has_no_status_box():
    current = SERVICE.model_copy(update={"status": SERVICE.status.current, "status_note": None})
    assert "Status today" not in to_html(render.service_section(current)).get_text()


def test_section_ends_with_source_and_check_date_kept_out_of_search():
    source = to_html(render.service_section(SERVICE)).select_one("p.source")
    assert source.get_text() == f"Source: {SOURCE} · checked 28 November 2026"
    assert source.has_attr("data-search-exclude")


def test_decision_renders_comparison_then_scenarios_in_order():
    soup = to_html(render.decision_section(DECISION))
    compare, scenarios = soup.select(".compare tbody"), soup.select(".scenarios tbody tr")
    assert [row[:2] for row in cells(compare[0])] == [["A", "fast"], ["B", "slow"]]
    assert [tr.td.get_text() for tr in scenarios] == ["case 1", "case 2"]
    assert scenarios[0].find_all("td")[3].get_text() == "B: x"


def test_scenario_with_a_closed_answer_shows_the_exam_answer_and_today_s():
    row = to_html(render.decision_section(DECISION)).select(".scenarios tbody tr")[1]
    choice, why = (" ".join(td.get_text(" ").split()) for td in row.find_all("td")[1:3])
    assert choice == "Exam answer (MLS-C01 era): Old Labels Today on AWS: New Labels"
    assert why == "cheap Today: still open"


def test_a_closed_answer_of_a_table_mls_c01_never_had_names_the_guides_it_came_from():
    newer = DECISION.model_copy(update={"exams": {"MLS-C01": [], "MLA-C02": ["3.1"], "AIP-C01": ["2.1"]}})
    row = to_html(render.decision_section(newer)).select(".scenarios tbody tr")[1]
    choice = " ".join(row.find_all("td")[1].get_text(" ").split())
    assert choice == "Exam answer (MLA-C02 and AIP-C01 guides): Old Labels Today on AWS: New Labels"


def test_metric_formula_becomes_display_mathml_and_the_example_is_shown():
    soup = to_html(render.metric_section(METRIC))
    assert soup.select_one("div.formula math[display=block]")
    assert "Result: 2" in soup.get_text()


def test_formula_in_a_table_keeps_its_absolute_value_bars_inside_one_cell():
    rows = to_html(render.metric_table([METRIC], link)).select("tbody tr")
    assert len(rows) == 1 and len(rows[0].find_all("td")) == 3
    assert rows[0].find_all("td")[1].find("math")


# --- Glossary, cheat sheets, exams ----------------------------------------------------------------


def test_glossary_letter_page_gives_each_term_its_anchor_and_a_link_home():
    pages = {"A", "D", "E", "M", "Z"}
    soup = to_html(glossary.letter_page(TEST_DATA, pages, {}, link, "E"))
    heading = soup.find("h2", id="example-labels")
    assert heading.get_text().rstrip("¶") == "Amazon Example Labels" and heading.has_attr("data-search-exclude")
    home = heading.find_next("p", class_="glossary-home").a
    assert home["href"] == "LINK/exploratory-data-analysis/labeling.md#example-labels"
    concept = to_html(glossary.letter_page(TEST_DATA, pages, {}, link, "D")).find("h2", id="dropout")
    assert not concept.has_attr("data-search-exclude")  # concepts are search entries of their own


def test_domain_sheet_selects_rows_by_their_tasks_with_decisions_first():
    mls = yaml.safe_load((ROOT / "data" / "exams.yml").read_text())[0]
    mls_exam = Exam.model_validate(mls)
    modeling = next(d for d in mls_exam.domains if d.number == 3)
    text = to_html(cheatsheet.render_sheet(TEST_DATA, "T", cheatsheet.in_domain(mls_exam, modeling), link,
                                           "today")).get_text()
    assert text.index("Decisions") < text.index("Built-in algorithms") < text.index("Formulas")
    assert "case 1" in text and "alpha" in text and "Mean absolute error" in text
    assert "Example Labels" not in text  # tagged with domain 2 only


def test_page_only_rows_stay_off_the_sheet():
    mls_exam = Exam.model_validate(yaml.safe_load((ROOT / "data" / "exams.yml").read_text())[0])
    page_only = ZOO[0].model_copy(update={"priority": 3})
    data = SiteData(**{**TEST_DATA.__dict__, "algorithms": (page_only,)})
    sheet = cheatsheet.render_sheet(data, "T", cheatsheet.in_domain(mls_exam, mls_exam.domains[2]), link, "d")
    assert "Zeta" not in sheet


def test_exam_day_sheet_holds_only_priority_one_rows_and_scenarios():
    exam_day = EXAM.model_copy(update={"code": "MLS-C01"})
    text = to_html(cheatsheet.render_sheet(TEST_DATA, "T", cheatsheet.exam_day(exam_day), link, "d",
                                           scenario_selects=cheatsheet.is_exam_day)).get_text()
    assert "case 1" in text and "case 2" not in text
    assert "Example Labels" in text and "Zeta" not in text


def test_exam_page_counts_what_teaches_each_task_and_shows_gaps():
    site = Site(TEST_DATA, {"a.md": PageInfo("a.md", "Page A", {"TST-C01": ["1.1"]})})
    tagged = SERVICE.model_copy(update={"exams": {"TST-C01": ["1.1"]}})
    site = Site(SiteData(**{**TEST_DATA.__dict__, "services": (tagged,)}), site.pages)
    soup = to_html(exams.exam_page(EXAM, site, link))
    taught = soup.find(id="task-1-1").find_next("p").get_text()
    assert taught == "2 sections and rows teach this task."
    assert soup.find("a", string="Page A")["href"] == "LINK/a.md"
    assert "Nothing on the site teaches this task yet." in soup.find(id="task-2-1").find_next("div").get_text()
    assert [row[1:3] for row in cells(soup.select_one(".domains"))] == [["First", "60%"], ["Second", "40%"]]


def test_page_tags_link_each_task_to_the_exam_page():
    soup = to_html(exams.page_tags({"TST-C01": ["1.1"]}, [EXAM], link))
    assert soup.a.get_text() == "TST-C01 1.1" and soup.a["href"] == "LINK/exams/tst-c01.md#task-1-1"


def test_exam_facts_are_formatted_from_the_registry():
    assert exams.fact(EXAM, "status") == "Current since 1 January 2026"
    retired = EXAM.model_copy(update={"status": EXAM.status.retired, "retired_on": datetime.date(2026, 3, 31)})
    assert exams.fact(retired, "status") == "Retired on 31 March 2026"
    with pytest.raises(ValueError, match="unknown exam fact"):
        exams.fact(EXAM, "colour")


# --- Links between pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page, target, expected",
    [
        ("glossary.md", "modeling/deep-learning.md#dropout", "modeling/deep-learning.md#dropout"),
        ("index.md", "modeling/deep-learning.md", "modeling/deep-learning.md"),
        ("cheatsheets/mls-c01/modeling.md", "formulas/index.md#f1", "../../formulas/index.md#f1"),
        ("formulas/index.md", "formulas/index.md#f1", "index.md#f1"),
        ("modeling/index.md", "data-engineering/index.md", "../data-engineering/index.md"),
    ],
)
def test_relative_link(page, target, expected):
    assert relative_link(page, target) == expected


def test_relative_link_refuses_a_target_that_is_not_a_page():
    with pytest.raises(ValueError, match="Markdown page"):
        relative_link("index.md", "modeling/")


@pytest.mark.parametrize(
    "url, expected",
    [("", "index.md"), ("modeling/", "modeling/index.md"), ("modeling/tuning/", "modeling/tuning.md"),
     ("modeling/tuning.html", "modeling/tuning.md"), ("modeling/index.html", "modeling/index.md")],
)
def test_source_of_a_served_url(url, expected):
    assert source_of(url, ROOT / "docs") == expected


# --- Golden snapshots ---------------------------------------------------------------------------


SNAPSHOTS = {
    "algorithm_section": lambda: render.algorithm_section(ZOO[1]),
    "algorithm_table": lambda: render.algorithm_table(ZOO, link),
    "service_section": lambda: render.service_section(SERVICE),
    "decision_section": lambda: render.decision_section(DECISION),
    "metric_section": lambda: render.metric_section(METRIC),
    "glossary_letter": lambda: glossary.letter_page(TEST_DATA, {"A", "D", "E", "M", "Z"}, {}, link, "D"),
    "exam_page": lambda: exams.exam_page(EXAM, Site(TEST_DATA, {}), link),
}


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_renderer_output_matches_its_snapshot(name, snapshot):
    assert SNAPSHOTS[name]() == snapshot


def test_capitals_side_by_side_are_one_upright_name_and_single_letters_stay_italic():
    from macros.mathml import to_mathml
    markup = to_mathml(r"\frac{TP}{TP + F} \cdot x")
    assert markup.count('<mi mathvariant="normal">TP</mi>') == 2
    assert "<mi>F</mi>" in markup and "<mi>x</mi>" in markup
