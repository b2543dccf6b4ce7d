"""Diagrams drawn at build time: each renders as inline SVG with a text alternative, its labels come
from the rows it draws, data values are escaped, and each sits on the page that teaches it."""

import re

import pytest
from bs4 import BeautifulSoup

from built import DATA, article, built_page
from macros import diagrams as d
from macros.models import ConfusionMatrix

# Where each diagram is drawn: the page that teaches it
PAGES = {
    "confusion-matrix": "formulas/classification.md",
    "roc-curve": "formulas/classification.md",
    "pr-curve": "formulas/classification.md",
    "bias-variance": "modeling/model-fit.md",
    "early-stopping": "modeling/model-fit.md",
    "k-fold": "modeling/evaluation.md",
    "algorithm-tree": "modeling/algorithm-chooser.md",
    "inference-chooser": "ml-implementation-operations/deployment.md",
    "kinesis-family": "data-engineering/streaming.md",
    "training-flow": "modeling/training.md",
    "traffic-shifting": "ml-implementation-operations/deployment-strategies.md",
}


def decision(slug: str):
    return next(row for row in DATA.decisions if row.slug == slug)


def service(slug: str):
    return next(row for row in DATA.services if row.slug == slug)


def figure(markup: str):
    soup = BeautifulSoup(markup, "html.parser")
    figures = soup.find_all("figure")
    assert len(figures) == 1
    return figures[0]


def svg_text(markup: str) -> str:
    """Every label drawn in the SVG, one per line."""
    return "\n".join(text.get_text() for text in figure(markup).svg.find_all("text"))


def test_there_are_at_least_eight_diagrams():
    assert len(d.DIAGRAMS) >= 8
    assert set(PAGES) == set(d.DIAGRAMS)


@pytest.mark.parametrize("name", sorted(d.DIAGRAMS))
def test_diagram_renders_inline_svg_with_a_text_alternative(name):
    markup = d.draw(name, DATA)
    assert markup.startswith("\n\n<figure") and markup.endswith("</figure>\n\n")
    assert "\n\n" not in markup.strip(), "a blank line would end the raw HTML block"
    fig = figure(markup)
    assert fig["data-diagram"] == name and fig.has_attr("data-search-exclude")
    svg = fig.svg
    assert svg["role"] == "img"
    title = svg.find(id=svg["aria-labelledby"])
    desc = svg.find(id=svg["aria-describedby"])
    assert title.name == "title" and len(title.get_text()) > 10
    assert desc.name == "desc" and len(desc.get_text().split()) >= 20
    assert fig.figcaption.get_text().strip()
    width = float(svg["viewbox"].split()[2])
    assert width <= d.WIDTH, "wider drawings would shrink their text on a phone"
    # No script, no network: nothing to fetch or run
    assert not fig.find_all(["script", "image", "foreignobject", "style"])
    for tag in fig.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not (attribute.startswith("on") or re.search(r"https?:|javascript:", str(value))) \
                   or (attribute == "xmlns"), f"{name}: {tag.name} {attribute}={value}"
    # Painted with the theme: colours come from currentColor and the stylesheet, never hard-coded
    assert not re.search(r'(fill|stroke)="#', markup)


# --- Labels from data -----------------------------------------------------------------------


def test_confusion_matrix_shows_the_worked_example_of_the_metric_rows():
    matrix = d.worked_matrix(DATA.metrics)
    assert matrix == next(m for m in DATA.metrics if m.slug == "precision").example.confusion
    shown = svg_text(d.confusion_matrix(DATA.metrics))
    for label, count in (("TP", matrix.tp), ("FP", matrix.fp), ("FN", matrix.fn), ("TN", matrix.tn)):
        assert f"{label} = {count}" in shown
    assert f"= {d.fmt(matrix.tp / (matrix.tp + matrix.fp))}" in shown


def test_curve_example_agrees_with_the_worked_matrix():
    assert d.counts_at(d.THRESHOLD) == d.worked_matrix(DATA.metrics)


def test_curves_stop_the_build_when_the_rows_change_their_worked_example():
    changed = [m.model_copy(update={"example": m.example.model_copy(
        update={"confusion": ConfusionMatrix(tp=4, fp=1, fn=0, tn=5)})}) if m.example.confusion else m
        for m in DATA.metrics]
    with pytest.raises(ValueError, match="worked example"):
        d.roc_curve(changed)
    mixed = [changed[0], *DATA.metrics[1:]]
    with pytest.raises(ValueError, match="one worked confusion matrix"):
        d.confusion_matrix(mixed)


def test_roc_points_and_area_are_computed_from_the_scores():
    points = d.roc_points()
    assert points[0] == (0, 0) and points[-1] == (1, 1)
    assert all(b[0] >= a[0] and b[1] >= a[1] for a, b in zip(points, points[1:]))
    # AUC equals the share of positive-negative pairs ranked correctly
    positives = [s for s, actual in d.EXAMPLE_SCORES if actual]
    negatives = [s for s, actual in d.EXAMPLE_SCORES if not actual]
    pairs = sum(p > n for p in positives for n in negatives) / (len(positives) * len(negatives))
    assert d.area_under(points) == pytest.approx(pairs)
    shown = svg_text(d.roc_curve(DATA.metrics))
    matrix = d.worked_matrix(DATA.metrics)
    assert f"AUC = {d.fmt(pairs)}" in shown
    assert f"FPR {d.fmt(matrix.fp / (matrix.fp + matrix.tn))}, TPR {d.fmt(matrix.tp / (matrix.tp + matrix.fn))}" in shown


def test_pr_curve_marks_the_worked_example_and_the_random_baseline():
    matrix = d.worked_matrix(DATA.metrics)
    shown = svg_text(d.pr_curve(DATA.metrics))
    recall, precision = matrix.tp / (matrix.tp + matrix.fn), matrix.tp / (matrix.tp + matrix.fp)
    assert f"recall {d.fmt(recall)}, precision {d.fmt(precision)}" in shown
    assert (d.fmt(recall), d.fmt(precision)) in {(d.fmt(r), d.fmt(p)) for r, p in d.pr_points()}
    assert "0.4" in shown  # 4 positives in 10
    assert f"average precision = {d.fmt(d.average_precision(d.pr_points()))}" in shown


def test_algorithm_tree_has_every_algorithm_under_each_of_its_problem_types():
    markup = d.algorithm_tree(DATA.algorithms)
    shown = svg_text(markup).replace("\n", " ")
    desc = figure(markup).svg.desc.get_text()
    for algorithm in DATA.algorithms:
        assert algorithm.name in desc, algorithm.slug
        for problem in algorithm.problem_types:
            assert problem.lower() in shown.lower(), problem
    for label in d.LEARNING_BRANCHES.values():
        assert label in shown


def test_inference_chooser_leaves_carry_the_comparison_rows_figures():
    choice = decision("inference-option-choice")
    markup = d.inference_chooser(choice)
    desc = figure(markup).svg.desc.get_text()
    columns = choice.compare.columns
    for row in choice.compare.rows:
        if row.option == "Inference pipeline":
            continue
        assert row.option in desc
        for column in ("Max payload", "Timeout"):
            assert f"{column}: {row.values[columns.index(column)]}" in desc


def test_inference_chooser_stops_the_build_when_an_option_is_gone():
    choice = decision("inference-option-choice")
    fewer = choice.model_copy(update={"compare": choice.compare.model_copy(
        update={"rows": [r for r in choice.compare.rows if r.option != "Batch Transform"]})})
    with pytest.raises(ValueError, match="Batch Transform"):
        d.inference_chooser(fewer)


def test_kinesis_family_names_latency_and_destinations_come_from_the_rows():
    choice = decision("streaming-service-choice")
    desc = figure(d.kinesis_family(DATA.services, choice)).svg.desc.get_text()
    columns = choice.compare.columns
    for row in choice.compare.rows:
        assert row.option in desc
        assert row.values[columns.index("Latency")] in desc
        assert row.values[columns.index("Destinations")] in desc


def test_kinesis_family_arrows_must_be_integrations_the_rows_list():
    cut = [s.model_copy(update={"integrations": [i for i in s.integrations if "Firehose" not in i]})
           if s.slug == "managed-service-for-apache-flink" else s for s in DATA.services]
    with pytest.raises(ValueError, match="Managed Service for Apache Flink -> Amazon Data Firehose"):
        d.kinesis_family(cut, decision("streaming-service-choice"))


def test_bias_variance_regions_are_the_fit_decision_s_diagnoses():
    fit = decision("fit-problem-remedies")
    shown = svg_text(d.bias_variance(fit))
    desc = figure(d.bias_variance(fit)).svg.desc.get_text()
    column = fit.compare.columns.index("Diagnosis")
    for row in fit.compare.rows:
        assert row.option in shown
        assert row.values[column] in desc


def test_training_flow_and_traffic_shifting_name_their_rows():
    rows = [service(slug) for slug in ("training-job", "amazon-ecr", "real-time-endpoint", "batch-transform")]
    desc = figure(d.training_flow(*rows)).svg.desc.get_text()
    assert all(row.name in desc for row in rows)
    strategies = decision("deployment-strategy-choice")
    shown = svg_text(d.traffic_shifting(strategies))
    for option in ("All at once (blue/green)", "Canary", "Linear"):
        assert option in shown


def test_data_values_are_escaped():
    hostile = service("batch-transform").model_copy(update={"name": 'Batch <script>alert("x")</script> & co'})
    markup = d.training_flow(service("training-job"), service("amazon-ecr"), service("real-time-endpoint"), hostile)
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "&amp; co" in markup
    assert 'Batch <script>alert("x")</script> & co' in figure(markup).svg.desc.get_text()


def test_unknown_diagram_names_the_known_ones():
    with pytest.raises(ValueError, match="roc-curve"):
        d.draw("pie-chart", DATA)


# --- On the built pages -----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_diagram_is_on_the_page_that_teaches_it(html_pages, name):
    page = article(html_pages[built_page(PAGES[name])])
    found = page.find_all("figure", attrs={"data-diagram": name})
    assert len(found) == 1
    svg = found[0].svg
    assert svg is not None and svg.find("title") is not None
    others = [p for p, html in html_pages.items() if p != built_page(PAGES[name]) and f'data-diagram="{name}"' in html]
    assert not others, f"{name} is drawn again on {others}"


def test_ids_stay_unique_on_pages_with_diagrams(html_pages):
    for path in {built_page(page) for page in PAGES.values()}:
        ids = [tag["id"] for tag in BeautifulSoup(html_pages[path], "html.parser").find_all(id=True)]
        assert len(ids) == len(set(ids)), path


# --- Both palettes and paper, in Chromium -------------------------------------------------------


def _luminance(rgb: str) -> float:
    values = [float(v) for v in re.findall(r"[\d.]+", rgb)[:3]]
    channels = [v / 255 for v in values]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _over(color: str, background: str) -> str:
    """A translucent colour as it shows over the background."""
    values = [float(v) for v in re.findall(r"[\d.]+", color)]
    if len(values) < 4:
        return color
    under = [float(v) for v in re.findall(r"[\d.]+", background)[:3]]
    alpha = values[3]
    return "rgb(" + ", ".join(str(alpha * c + (1 - alpha) * u) for c, u in zip(values[:3], under)) + ")"


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(_over(a, b)), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


CONTRAST_JS = """() => {
  const solid = (color) => {
    const probe = document.createElement('div');
    probe.style.color = color; document.body.appendChild(probe);
    const value = getComputedStyle(probe).color; probe.remove(); return value;
  };
  const background = getComputedStyle(document.body).backgroundColor;
  return [...document.querySelectorAll('figure.diagram svg text')].map(t =>
    [t.textContent, solid(getComputedStyle(t).fill), background]);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_labels_read_in_both_palettes(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    poor = []
    for path in sorted({built_page(p).removesuffix("index.html") for p in PAGES.values()}):
        page.goto(base_url + path, wait_until="networkidle")
        for label, fill, background in page.evaluate(CONTRAST_JS):
            if _contrast(fill, background) < 4.5:
                poor.append(f"{path}: {label!r} {fill} on {background}")
    context.close()
    assert not poor, "\n".join(poor[:20])


@pytest.mark.browser
def test_diagrams_print_in_black_and_whole(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "formulas/classification/", wait_until="networkidle")
    page.emulate_media(media="print")
    styles = page.evaluate("""() => [...document.querySelectorAll('figure.diagram')].map(f => [
        getComputedStyle(f).breakInside, getComputedStyle(f.querySelector('svg')).color,
        f.querySelector('svg').getBoundingClientRect().width])""")
    context.close()
    assert len(styles) == 3
    for break_inside, color, width in styles:
        assert break_inside == "avoid"
        assert color == "rgb(0, 0, 0)"
        assert width > 200
