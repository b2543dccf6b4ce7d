"""The built site, read with an HTML parser: every field a row shows is on its page, links resolve in
both builds, formulas are MathML, coverage terms are taught, nothing raw is left behind."""

import copy
import datetime
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from built import DATA, ROOT, SITE, article, built_page, hrefs, ids, section, section_text, tables, text_of
from macros import glossary
from macros.render import exam_era
from macros.models import ServiceStatus

ALGORITHMS_PAGE = built_page("modeling/built-in-algorithms.md")
OFFLINE_ZIP = "mls-c01-offline.zip"  # added to the site by the deploy workflow; tested in test_offline_a11y


def plain(text: str) -> str:
    """Data text as a reader sees it: `code` marks dropped, white space folded."""
    return re.sub(r"\s+", " ", text.replace("`", "")).strip()


def squashed(text: str) -> str:
    """Text with no white space: the parser puts spaces around inline elements such as <code>."""
    return re.sub(r"\s+", "", text.replace("`", ""))


def assert_shows(shown: str, where: str, *values: str):
    missing = [value for value in values if squashed(value) not in squashed(shown)]
    assert not missing, f"{where}: not shown: {missing[:3]}"


# --- Every field of every row is on its page -------------------------------------------


def test_algorithm_table_has_one_row_per_algorithm_with_its_cells(html_pages):
    full = tables(html_pages[ALGORITHMS_PAGE], "data-table algorithms")[0]
    assert len(full) == len(DATA.algorithms)
    by_name = {row[0]: row for row in full}
    for algorithm in DATA.algorithms:
        row = by_name[algorithm.name]
        assert row[1] == ", ".join(algorithm.problem_types)
        assert row[2] == algorithm.learning.value
        assert row[3] == " ".join(algorithm.input_formats)  # one per line
        assert row[4] == ", ".join(mode.value for mode in algorithm.input_modes)
        assert row[5] == algorithm.instances.training.value
        assert row[6] == algorithm.instances.inference.value
        assert row[7] == ("Yes" if algorithm.instances.multi_instance else "No")


def test_filtered_view_shows_exactly_the_gpu_only_algorithms(html_pages):
    expected = sorted(a.name for a in DATA.algorithms if a.gpu_only)
    views = tables(html_pages[ALGORITHMS_PAGE], "data-table algorithms")
    assert any(sorted(row[0] for row in view) == expected for view in views[1:])


def test_tuning_table_has_every_algorithm_and_column(html_pages):
    rows = {row[0]: row for row in tables(html_pages[ALGORITHMS_PAGE], "data-table algorithm-tuning")[0]}
    for algorithm in DATA.algorithms:
        required, tuning, metrics = rows[algorithm.name][1:]
        assert required == (", ".join(algorithm.hyperparameters.required) or "None")
        assert tuning == ", ".join(algorithm.hyperparameters.tuning)
        assert metrics == ", ".join(algorithm.metrics)


@pytest.mark.parametrize("algorithm", DATA.algorithms, ids=lambda a: a.slug)
def test_algorithm_section_shows_every_field(html_pages, algorithm):
    shown = section_text(html_pages[ALGORITHMS_PAGE], algorithm.slug)
    assert_shows(shown, algorithm.slug, algorithm.summary, *algorithm.problem_types, *algorithm.cue_words,
                 *algorithm.traps, *algorithm.hyperparameters.tuning, *algorithm.metrics,
                 *([algorithm.status] if algorithm.status else []))


@pytest.mark.parametrize("service", DATA.services, ids=lambda s: s.slug)
def test_service_section_shows_every_field(html_pages, service):
    shown = section_text(html_pages[built_page(service.page)], service.slug)
    assert_shows(shown, service.slug, service.title, service.purpose, service.choose_when, *service.limits,
                 *service.integrations, *service.traps, service.source)
    if service.status is not ServiceStatus.current:
        assert_shows(shown, service.slug, f"Status today: {service.status.value}", service.status_note)
    if service.checked:
        assert f"checked {service.checked:%d %B %Y}" in shown


@pytest.mark.parametrize("decision", DATA.decisions, ids=lambda d: d.slug)
def test_decision_section_shows_every_scenario_and_comparison(html_pages, decision):
    shown = section_text(html_pages[built_page(decision.page)], decision.slug)
    assert_shows(shown, decision.slug, decision.summary)
    for scenario in decision.scenarios:
        assert_shows(shown, decision.slug, scenario.scenario, scenario.choice, scenario.why, scenario.wrong,
                     scenario.wrong_why)
        if scenario.today:
            assert_shows(shown, decision.slug, f"Exam answer ({exam_era(decision)}): {scenario.choice}",
                         f"Today on AWS: {scenario.today.choice}", scenario.today.why)
    if decision.compare:
        for row in decision.compare.rows:
            assert_shows(shown, decision.slug, row.option, *row.values)


@pytest.mark.parametrize("metric", DATA.metrics, ids=lambda m: m.slug)
def test_metric_section_shows_formula_and_every_field(html_pages, metric):
    page = html_pages[built_page(metric.page)]
    shown = section_text(page, metric.slug)
    assert_shows(shown, metric.slug, metric.measures, metric.prefer_when, metric.trap, metric.example.given,
                 metric.example.steps, metric.example.result)
    assert any(node.find("math") for node in section(page, metric.slug)), f"{metric.slug}: no MathML"


def test_closed_service_is_never_today_s_answer_without_its_status(html_pages):
    closed = [s for s in DATA.services if s.status in (ServiceStatus.closed, ServiceStatus.ended)]
    assert closed
    for decision in DATA.decisions:
        shown = section_text(html_pages[built_page(decision.page)], decision.slug)
        for scenario in decision.scenarios:
            if scenario.service in {s.key for s in closed}:
                assert squashed(f"Today on AWS: {scenario.today.choice}") in squashed(shown), scenario.scenario


# --- Links -----------------------------------------------------------------------------


def _broken_links(site_dir: Path, directory_urls: bool) -> list[str]:
    broken, id_cache = [], {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith(("404", "assets/")):
            continue
        for href in hrefs(path.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith("//") or href.endswith(OFFLINE_ZIP):
                continue
            parts = urlsplit(href)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{relative}: {href} (no file)")
            elif parts.fragment and target.suffix == ".html":
                if target not in id_cache:
                    id_cache[target] = ids(target.read_text(encoding="utf-8"))
                if parts.fragment not in id_cache[target]:
                    broken.append(f"{relative}: {href} (no #{parts.fragment})")
    return broken


def test_internal_links_and_anchors_resolve(site_dir):
    broken = _broken_links(site_dir, directory_urls=True)
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_internal_links_and_anchors_resolve_in_the_offline_build(offline_site_dir):
    broken = _broken_links(offline_site_dir, directory_urls=False)
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_data_links_point_at_the_row_s_home(html_pages):
    """A link the macros write lands on the section of the row it names: each service's glossary entry
    links to the heading that teaches it."""
    for service in DATA.services:
        letter_page = html_pages[built_page(glossary.page_of(glossary.letter_of(service.name)))]
        taught_in = [a["href"] for node in section(letter_page, service.key) for a in node.select("p.glossary-home a")]
        expected = "../../" + built_page(service.page).removesuffix("index.html") + "#" + service.slug
        assert taught_in == [expected], service.slug


def test_every_source_is_an_official_aws_url():
    rows = [*DATA.algorithms, *DATA.services, *DATA.metrics, *DATA.glossary, *DATA.questions, *DATA.exams]
    rows += [s for d in DATA.decisions for s in d.scenarios]
    rows += [r for d in DATA.decisions if d.compare for r in d.compare.rows]
    for row in rows:
        host = urlsplit(row.source).hostname
        assert row.source.startswith("https://") and (host.endswith(".amazon.com") or host in {
            "d1.awsstatic.com", "sagemaker.readthedocs.io", "repost.aws"}), row.source


# --- Freshness ---------------------------------------------------------------------------


def stale(rows, today: datetime.date, max_age_days: int = 365) -> list[str]:
    """Rows never checked, or last checked against their source more than `max_age_days` ago."""
    return [row.key for row in rows if row.checked is None or (today - row.checked).days > max_age_days]


def test_every_row_was_checked_within_twelve_months():
    rows = [row for kind in ("algorithms", "services", "decisions", "metrics", "glossary", "questions")
            for row in getattr(DATA, kind)]
    assert not stale(rows, datetime.date.today())


def test_a_row_checked_thirteen_months_ago_is_stale():
    row = DATA.services[0].model_copy(update={"checked": datetime.date.today() - datetime.timedelta(days=396)})
    assert stale([row, DATA.services[1]], datetime.date.today()) == [row.key]


# --- Nothing raw, formulas as MathML -------------------------------------------------------


def test_no_raw_template_syntax_anywhere(html_pages):
    for path, page in html_pages.items():
        text = text_of(article(page))
        for raw in ("{{", "}}", "{%", "%}", "{##"):
            assert raw not in text, f"{path}: raw {raw!r} in the page text"


def test_formulas_render_as_mathml_with_no_raw_latex(html_pages):
    for path, page in html_pages.items():
        if article(page) is None:
            continue
        body = copy.copy(article(page))  # parsed pages are cached and shared: change a copy
        for math in body.find_all("math"):
            math.decompose()
        for code in body.find_all(["code", "pre"]):
            code.decompose()
        assert not re.search(r"\\(frac|sum|sqrt|cdot|text|hat|log|mathrm)\b|\$\$", text_of(body)), \
            f"{path}: raw LaTeX left as text"


# --- Coverage -------------------------------------------------------------------------------


def _coverage_terms() -> list[str]:
    terms = []
    for file in sorted((ROOT / "tests" / "coverage_terms").glob("*.txt")):
        terms += [line.strip() for line in file.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return terms


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", text.lower())


@pytest.fixture(scope="module")
def site_text(html_pages) -> str:
    return _normalise(" ".join(text_of(article(page)) for page in html_pages.values()))


@pytest.mark.parametrize("term", _coverage_terms())
def test_coverage_term_is_taught_on_the_site(term, site_text):
    assert _normalise(term) in site_text


def test_coverage_list_is_substantial():
    assert len(_coverage_terms()) >= 350


# --- Domain overviews ----------------------------------------------------------------------


MLS = next(exam for exam in DATA.exams if exam.code == "MLS-C01")


@pytest.mark.parametrize("domain", MLS.domains, ids=lambda d: d.slug)
def test_domain_overview_states_weight_from_the_registry_and_links_its_pages(domain, html_pages):
    page = html_pages[f"{domain.slug}/index.html"]
    assert f"MLS-C01 domain {domain.number} · {domain.weight}% of the scored exam." in text_of(article(page))
    linked = {href for href in (a["href"] for a in article(page).find_all("a", href=True))}
    sub_pages = {p.removeprefix(domain.slug + "/").removesuffix("index.html") for p in html_pages
                 if p.startswith(domain.slug + "/") and p != f"{domain.slug}/index.html"}
    assert sub_pages <= linked, f"{domain.slug} overview does not link: {sorted(sub_pages - linked)}"


def test_every_page_in_docs_was_read_for_tags():
    assert set(SITE.pages) == {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
