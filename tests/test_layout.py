"""Layout in Chromium: pages that fit a phone, tables that become cards there, readable formulas, and
a search index that waits until the reader reaches for search.

A phone here is 390 x 844 CSS pixels. No page may scroll sideways there; a table may scroll inside
its own box, but at most 5% of all tables may need to. Formulas are never smaller than body text.
"""

import re

import pytest

from built import DATA, built_page, parse
from test_browser import all_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MAX_SCROLLING_TABLES = 0.05

# For every table: does its scroll box need sideways scrolling? Material wraps each table in a
# scroll container once its script has run; a table that is not wrapped is measured against its parent.
TABLES_THAT_SCROLL = """() => [...document.querySelectorAll('article table')].map(table => {
    const box = table.closest('.md-typeset__scrollwrap') || table.parentElement;
    return box.scrollWidth > box.clientWidth + 1
        ? (table.closest('[class*=data-table]') || {className: 'table'}).className + ': '
          + table.rows[0].textContent.trim().slice(0, 40)
        : null;
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def _page_of(rows) -> str:
    return next(row.page for row in rows)


def url_of(md_path: str) -> str:
    return built_page(md_path).removesuffix("index.html")


# Headings inside a block that skips its layout while off screen (content-visibility: auto). Material's
# table of contents reads every heading's position on load, which lays such a block out at once: on
# a cheat sheet that cost 300 ms of style work in Lighthouse's mobile run.
HIDDEN_HEADINGS = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)[id]')]
    .filter(heading => { for (let e = heading.parentElement; e; e = e.parentElement)
        if (getComputedStyle(e).contentVisibility === 'auto') return true; return false; })
    .map(heading => heading.id)"""


def test_no_page_scrolls_sideways_on_a_phone_and_few_tables_scroll(phone, site_dir, base_url):
    pages = all_pages(site_dir)
    wide_pages, scrolling, tables, hidden_headings = [], [], 0, []
    for path in pages:
        phone.goto(base_url + path, wait_until="load")
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide_pages.append(f"{path or 'home'} ({overflow} px)")
        found = phone.evaluate(TABLES_THAT_SCROLL)
        tables += len(found)
        scrolling += [f"{path or 'home'}: {table}" for table in found if table]
        hidden_headings += [f"{path or 'home'}#{anchor}" for anchor in phone.evaluate(HIDDEN_HEADINGS)]
    assert not wide_pages, f"pages wider than a 390 px phone: {wide_pages}"
    assert tables >= 300
    assert len(scrolling) <= MAX_SCROLLING_TABLES * tables, (
        f"{len(scrolling)} of {tables} tables scroll sideways on a phone: {scrolling[:10]}")
    assert not hidden_headings, f"headings inside blocks that skip layout off screen: {hidden_headings[:10]}"


def test_decision_scenarios_are_labelled_cards_on_a_phone_and_a_table_on_a_desktop(browser, phone, base_url):
    page_url = base_url + url_of(_page_of(DATA.decisions))
    phone.goto(page_url, wait_until="load")
    cards = phone.evaluate("""() => [...document.querySelectorAll('.scenarios tbody tr')].map(row => {
        const cells = [...row.cells].filter(c => c.textContent.trim());
        const stacked = cells.every((c, i) => i === 0
            || c.getBoundingClientRect().top >= cells[i - 1].getBoundingClientRect().bottom - 1);
        const labels = cells.slice(1).map(c => getComputedStyle(c, '::before').content);
        return {stacked, labels, right: row.getBoundingClientRect().right};
    })""")
    assert cards, "no decision scenarios on the page"
    assert all(card["stacked"] for card in cards), "scenario cells sit side by side on a phone"
    assert all(card["right"] <= PHONE["width"] for card in cards), "a scenario card is wider than the phone"
    labels = " ".join(label for card in cards for label in card["labels"])
    for column in ("Best choice", "Why", "Tempting wrong answer"):
        assert column in labels, f"scenario cards do not label '{column}'"
    assert phone.evaluate("document.querySelector('.scenarios thead').getBoundingClientRect().height") <= 1

    context = browser.new_context(viewport=DESKTOP)
    desktop = context.new_page()
    desktop.goto(page_url, wait_until="load")
    assert desktop.evaluate("document.querySelector('.scenarios thead').getBoundingClientRect().height") > 10
    context.close()


def test_algorithm_matrix_is_one_card_per_algorithm_on_a_phone(phone, base_url):
    phone.goto(base_url + url_of(_page_of(DATA.algorithms)), wait_until="load")
    cards = phone.evaluate("""() => [...document.querySelector('.algorithms').querySelectorAll('tbody tr')].map(row => {
        const box = row.getBoundingClientRect(), name = row.cells[0].getBoundingClientRect();
        return {left: box.left, right: box.right, nameWidth: name.width, width: box.width,
                text: row.cells[0].textContent.trim()};
    })""")
    assert len(cards) == len(DATA.algorithms)
    for card in cards:
        assert card["left"] >= 0 and card["right"] <= PHONE["width"], f"{card['text']}: card off screen"
        assert card["nameWidth"] >= 0.8 * card["width"], f"{card['text']}: the name does not head its card"


def _formula_pages() -> list[str]:
    pages = {url_of(row.page) for row in DATA.metrics}
    return sorted(pages | {"formulas/", "modeling/classical-ml/", "cheatsheets/mls-c01/modeling/"})


FORMULA_SIZES = """() => {
    const body = parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize);
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    const small = [], overlapping = [];
    for (const math of document.querySelectorAll('article math')) {
        if (!math.getBoundingClientRect().width) continue;
        const label = (math.getAttribute('alttext') || '').slice(0, 50);
        if (size(math) < body - 0.01) small.push(`${label}: ${size(math)} px`);
        for (const fraction of math.querySelectorAll('mfrac')) {
            const [top, bottom] = fraction.children;
            if (top.getBoundingClientRect().bottom > bottom.getBoundingClientRect().top + 0.5)
                overlapping.push(label);
            // In a table cell, the outermost fraction's parts keep the body size (display style)
            if (math.closest('td') && !fraction.parentElement.closest('mfrac, msub, msup, msubsup, munderover')
                    && (size(top) < body - 0.01 || size(bottom) < body - 0.01))
                small.push(`${label}: fraction at ${size(top)} px`);
        }
    }
    return {body, small, overlapping, count: document.querySelectorAll('article math').length};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_formulas_are_at_least_body_size_and_do_not_overlap(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    seen = 0
    for path in _formula_pages():
        page.goto(base_url + path, wait_until="load")
        found = page.evaluate(FORMULA_SIZES)
        seen += found["count"]
        assert not found["small"], f"{path}: formulas smaller than body text ({found['body']} px): {found['small'][:5]}"
        assert not found["overlapping"], f"{path}: fraction parts overlap: {found['overlapping'][:5]}"
    assert seen >= 50
    context.close()


_CAPITAL = re.compile(r"^[A-Z]$")


def _italic_capital(node) -> bool:
    return (node is not None and node.name == "mi" and bool(_CAPITAL.match(node.get_text()))
            and node.get("mathvariant") != "normal")


def test_multi_letter_names_in_formulas_are_upright(html_pages):
    """'TP' set as two italic variables T P reads as a product: names are \\text{TP} or \\mathrm{TP}."""
    offenders = sorted({f"{path}: {math.get('alttext', '')[:70]}"
                        for path, page_html in html_pages.items() for math in parse(page_html).find_all("math")
                        if any(_italic_capital(mi) and _italic_capital(mi.find_next_sibling())
                               for mi in math.find_all("mi"))})
    assert not offenders, f"formulas with italic multi-letter names: {offenders[:10]}"


def test_search_index_waits_until_the_reader_reaches_for_search(page, base_url, network_log):
    requested = []
    page.on("request", lambda request: requested.append(request.url) if "search_index" in request.url else None)
    page.goto(base_url + "modeling/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not requested, "the search index loads with the page"
    box = page.locator("input.md-search__input")
    box.fill("xgboos")
    box.press("t")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert requested, "the search index never loaded"
    network_log.assert_clean("search after a deferred index")


def test_a_page_opened_from_a_search_result_highlights_at_once(page, base_url):
    page.goto(base_url + url_of(_page_of(DATA.algorithms)) + "?h=xgboost", wait_until="networkidle")
    page.wait_for_selector("mark[data-md-highlight]", timeout=5000)
