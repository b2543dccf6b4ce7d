"""Assertions on the built HTML: data rows rendered, links resolve, nothing raw left behind."""

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from macros.loader import load_site_data

ROOT = Path(__file__).resolve().parent.parent
DATA = load_site_data(ROOT / "data")
ALGORITHMS_PAGE = "modeling/built-in-algorithms/index.html"
OFFLINE_ZIP = "mls-c01-offline.zip"  # added to the site by the deploy workflow; tested in test_offline_a11y
DOMAIN_PAGES = ["data-engineering", "exploratory-data-analysis", "modeling", "ml-implementation-operations"]


def built_page(md_path: str) -> str:
    """docs/ path ('a/b.md' or 'a/index.md') -> built file ('a/b/index.html' or 'a/index.html')."""
    stem = md_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5] + "index.html"
    return stem + "/index.html"


def visible_text(page_html: str) -> str:
    main = page_html.split('<article', 1)[-1].split("</article>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def ids(page_html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page_html))


def table_rows(page_html: str, wrapper_class: str) -> list[list[str]]:
    match = re.search(rf'<div class="{wrapper_class}"><table>(.*?)</table>', page_html, re.S)
    assert match, f"no table with wrapper class {wrapper_class!r}"
    body = match.group(1).split("<tbody>", 1)[1]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_algorithm_page_has_one_row_per_algorithm_with_its_cells(html_pages):
    rows = table_rows(html_pages[ALGORITHMS_PAGE], "data-table algorithms")
    assert len(rows) == len(DATA.algorithms)
    by_name = {row[0]: row for row in rows}
    for algorithm in DATA.algorithms:
        row = by_name[algorithm.name]
        assert row[2] == algorithm.learning.value
        assert row[3] == "".join(algorithm.input_formats)  # joined by <br>
        assert row[5] == algorithm.instances.training.value
        assert row[7] == ("Yes" if algorithm.instances.multi_instance else "No")


def test_algorithm_filtered_view_shows_only_gpu_only_rows(html_pages):
    page = html_pages[ALGORITHMS_PAGE]
    tables = re.findall(r'<div class="data-table algorithms"><table>.*?</table>', page, re.S)
    expected = sorted(a.name for a in DATA.algorithms if a.gpu_only)
    assert any(sorted(re.findall(r"<strong>([^<]+)</strong>", t)) == expected for t in tables), \
        "no table lists exactly the GPU-only algorithms"


def test_no_raw_template_syntax_anywhere(html_pages):
    for path, page in html_pages.items():
        text = visible_text(page)
        for raw in ("{{", "}}", "{%", "%}"):
            assert raw not in text, f"{path}: raw {raw!r} in the page text"


def test_every_algorithm_service_and_metric_is_rendered_on_its_page(html_pages):
    for algorithm in DATA.algorithms:
        assert algorithm.slug in ids(html_pages[ALGORITHMS_PAGE]), algorithm.slug
    for row in (*DATA.services, *DATA.metrics):
        page = built_page(row.page)
        assert page in html_pages, f"{row.slug}: page {row.page} was not built"
        assert row.slug in ids(html_pages[page]), f"{row.slug} is not rendered on {row.page}"
        assert row.name in visible_text(html_pages[page])


def test_every_decision_table_is_on_the_decisions_page_and_a_topic_page(html_pages):
    decisions_page = html_pages["decisions/index.html"]
    topic_pages = [page for path, page in html_pages.items()
                   if not path.startswith(("decisions/", "cheatsheets/"))]
    for decision in DATA.decisions:
        assert decision.slug in ids(decisions_page), decision.slug
        for scenario in decision.scenarios:
            assert scenario.scenario in visible_text(decisions_page)
        assert any(decision.slug in ids(page) for page in topic_pages), \
            f"decision '{decision.slug}' is only on the Decision tables page"


def test_every_glossary_entry_links_to_an_existing_heading(html_pages):
    glossary = html_pages["glossary/index.html"]
    links = re.findall(r'<a href="([^"]+)"><strong>', glossary)
    assert len(links) >= len(DATA.glossary) + len(DATA.algorithms) + len(DATA.services) + len(DATA.metrics)
    for entry in DATA.glossary:
        page = built_page(entry.link.partition("#")[0])
        anchor = entry.link.partition("#")[2]
        assert page in html_pages, f"glossary '{entry.term}' links to missing page {entry.link}"
        assert not anchor or anchor in ids(html_pages[page]), f"glossary '{entry.term}': no #{anchor} on {page}"


def test_every_source_is_an_official_aws_url():
    rows = [*DATA.algorithms, *DATA.services, *DATA.metrics, *DATA.glossary]
    rows += [s for d in DATA.decisions for s in d.scenarios]
    rows += [r for d in DATA.decisions if d.compare for r in d.compare.rows]
    for row in rows:
        host = urlsplit(row.source).hostname
        assert row.source.startswith("https://") and (host.endswith(".amazon.com") or host in {
            "d1.awsstatic.com", "sagemaker.readthedocs.io", "repost.aws"}), row.source


def _resolve(site_dir: Path, page_path: str, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    base = (site_dir / page_path).parent
    target = (base / unquote(parts.path)).resolve() if parts.path else (site_dir / page_path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_internal_links_and_anchors_resolve(site_dir, html_pages):
    broken = []
    id_cache: dict[Path, set[str]] = {}
    for path, page in html_pages.items():
        if path.startswith("404"):
            continue
        for href in re.findall(r'<a [^>]*href="([^"]+)"', page):
            href = html.unescape(href)
            if re.match(r"^[a-z]+:", href) or href.startswith("//") or href == OFFLINE_ZIP:
                continue
            target, fragment = _resolve(site_dir, path, href)
            if not target.exists():
                broken.append(f"{path}: {href} (no file)")
                continue
            if fragment and target.suffix == ".html":
                if target not in id_cache:
                    id_cache[target] = ids(target.read_text(encoding="utf-8"))
                if fragment not in id_cache[target]:
                    broken.append(f"{path}: {href} (no #{fragment})")
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_formulas_render_as_mathml_with_no_raw_latex(html_pages):
    for metric in DATA.metrics:
        page = html_pages[built_page(metric.page)]
        section = page.split(f'id="{metric.slug}"', 1)[1][:6000]
        assert "<math" in section, f"{metric.slug}: formula is not MathML"
    for path, page in html_pages.items():
        text = visible_text(re.sub(r"<math\b.*?</math>", " ", page, flags=re.S))
        text = re.sub(r"<(code|pre)\b.*?</\1>", " ", text, flags=re.S)
        assert not re.search(r"\\(frac|sum|sqrt|cdot|text|hat|log)\b", text), f"{path}: raw LaTeX left as text"


def _coverage_terms() -> list[str]:
    terms = []
    for file in sorted((ROOT / "tests" / "coverage_terms").glob("*.txt")):
        terms += [line.strip() for line in file.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return terms


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", text.lower())


@pytest.fixture(scope="module")
def site_text(html_pages) -> str:
    return _normalise(" ".join(visible_text(page) for page in html_pages.values()))


@pytest.mark.parametrize("term", _coverage_terms())
def test_coverage_term_is_taught_on_the_site(term, site_text):
    assert _normalise(term) in site_text


def test_coverage_list_is_substantial():
    assert len(_coverage_terms()) >= 350


@pytest.mark.parametrize("domain", DOMAIN_PAGES)
def test_domain_overview_states_weight_and_links_its_pages(domain, html_pages):
    page = html_pages[f"{domain}/index.html"]
    assert re.search(r"\b(20|24|36) ?%", visible_text(page))
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    linked = {f"{domain}/{href}index.html" for href in re.findall(r'href="([a-z0-9\-]+/)"', article)}
    sub_pages = {p for p in html_pages if p.startswith(domain + "/") and p != f"{domain}/index.html"}
    assert sub_pages <= linked, f"{domain} overview does not link: {sorted(sub_pages - linked)}"
