"""The site in Chromium: loads with the network cut, search finds things, formulas print."""

import re

import pytest

from conftest import NetworkLog

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type `query` into the site's search box as a person would; return the result links shown, in order."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")  # Material's shortcut opens search on narrow screens
    box.fill(query[:-1])
    box.press(query[-1])  # the last keystroke, as a person types it, triggers the query
    # Results arrive from a web worker, one answer per keystroke: wait until the list stops changing
    page.wait_for_function(
        """(query) => {
            const input = document.querySelector('input.md-search__input');
            const list = document.querySelector('.md-search-result__list');
            const meta = document.querySelector('.md-search-result__meta');
            const state = input.value + '|' + meta.textContent + '|' + list.innerHTML.length;
            const now = performance.now();
            if (window.__searchState !== state) { window.__searchState = state; window.__searchSince = now; }
            return input.value === query && !/Type to start|Initializing/i.test(meta.textContent)
                && now - window.__searchSince > 250;
        }""",
        arg=query,
        polling=50,
        timeout=10000,
    )
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def test_home_page_loads_offline_without_errors(page, base_url, network_log):
    page.goto(base_url, wait_until="networkidle")
    assert "AWS Certified Machine Learning" in page.locator("h1").inner_text()
    network_log.assert_clean("home page")


def test_searching_xgboost_links_to_the_algorithm_page(page, base_url, network_log):
    page.goto(base_url, wait_until="networkidle")
    links = search(page, "XGBoost")
    assert any("/modeling/built-in-algorithms/" in link for link in links[:3]), links[:5]
    network_log.assert_clean("search")


def all_pages(site_dir) -> list[str]:
    """URL paths of every built page, '' for the home page."""
    folders = (p.relative_to(site_dir).parent.as_posix() for p in site_dir.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders
                  if not folder.startswith(("assets", "search")))


def test_every_page_loads_with_no_outside_request_console_error_or_404(browser, site_dir, base_url):
    context = browser.new_context()
    page = context.new_page()
    log = NetworkLog(page)
    pages = all_pages(site_dir)
    assert len(pages) >= 45
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        log.assert_clean(path or "home")
        assert page.locator("h1").count() >= 1, f"{path}: no title"
    context.close()


def test_formula_page_renders_mathml_and_prints_offline(page, base_url, network_log, tmp_path):
    page.goto(base_url + "formulas/classification/", wait_until="networkidle")
    width = page.eval_on_selector("math", "m => m.getBoundingClientRect().width")
    assert width > 20, "MathML did not lay out"
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10000
    network_log.assert_clean("formula page")


def test_palette_toggle_switches_to_dark(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_wide_algorithm_table_scrolls_instead_of_overflowing(page, base_url):
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(base_url + "modeling/built-in-algorithms/", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert re.search(r"XGBoost", page.locator("article").inner_text())
