"""Each domain cheat sheet printed to A4 PDF by Chromium: within four pages, nothing lost, nothing cut."""

import html
import io
import re

import pytest
from pypdf import PdfReader

from conftest import NetworkLog
from macros.models import Domain

pytestmark = pytest.mark.browser

SHEETS = [domain.value for domain in Domain]
MAX_PAGES = 4


def _words(text: str) -> str:
    text = html.unescape(text).replace("\u00ad", "")
    return re.sub(r"[^a-z0-9]+", "", text.lower())


@pytest.fixture(scope="module")
def printed(browser, base_url):
    """slug -> (pdf pages, pdf text, table rows shown on screen, overflowing elements in print)."""
    results = {}
    for slug in SHEETS:
        context = browser.new_context()
        page = context.new_page()
        log = NetworkLog(page)
        page.goto(f"{base_url}cheatsheets/{slug}/", wait_until="networkidle")
        assert page.locator("button", has_text="Print this cheat sheet").is_visible()
        page.emulate_media(media="print")
        # Row text as printed, formulas left out (MathML extracts from a PDF as loose glyphs)
        rows = page.eval_on_selector_all(".cheat-sheet tbody tr", """rows => rows.map(r =>
            [...r.cells].filter(c => !c.querySelector('math')).map(c => c.innerText))""")
        # Anything wider than the sheet, or spilling out of its table cell (a formula, a long word)
        overflowing = page.evaluate("""() => {
            const sheet = document.querySelector('.cheat-sheet').getBoundingClientRect();
            return [...document.querySelectorAll('.cheat-sheet *')].filter(e => {
                const box = e.getBoundingClientRect(), cell = e.closest('td, th');
                return box.width && (box.right > sheet.right + 1
                    || (cell && cell !== e && box.right > cell.getBoundingClientRect().right + 1));
            }).map(e => e.tagName + ' ' + e.textContent.slice(0, 40));
        }""")
        hidden = page.evaluate("""() => [...document.querySelectorAll('.cheat-sheet details, .cheat-sheet .tabbed-block')]
            .filter(e => e.offsetParent === null).length""")
        chrome_visible = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-search', '.md-tabs']
            .filter(s => { const e = document.querySelector(s); return e && e.offsetParent !== null; })""")
        pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
        log.assert_clean(f"cheat sheet {slug}")
        reader = PdfReader(io.BytesIO(pdf))
        text = " ".join(p.extract_text() for p in reader.pages)
        results[slug] = (len(reader.pages), text, rows, overflowing, hidden, chrome_visible)
        context.close()
    return results


@pytest.mark.parametrize("slug", SHEETS)
def test_sheet_prints_on_at_most_four_a4_pages(printed, slug):
    pages = printed[slug][0]
    assert 1 <= pages <= MAX_PAGES, f"{slug}: {pages} pages"


@pytest.mark.parametrize("slug", SHEETS)
def test_every_table_row_of_the_sheet_is_in_the_pdf(printed, slug):
    _, text, rows, *_ = printed[slug]
    assert len(rows) >= 10
    pdf_words = _words(text)
    missing = [row[0][:60] for row in rows if _words(row[0]) not in pdf_words]
    assert not missing, f"{slug}: rows missing from the PDF: {missing[:5]}"
    # Whole rows, not just their names: the start and the end of every text cell are printed
    lost = [cell[:60] for row in rows for cell in row
            if _words(cell)[:60] not in pdf_words or _words(cell)[-60:] not in pdf_words]
    assert not lost, f"{slug}: cells cut in the PDF: {lost[:5]}"


@pytest.mark.parametrize("slug", SHEETS)
def test_nothing_overflows_or_hides_in_print(printed, slug):
    *_, overflowing, hidden, chrome_visible = printed[slug]
    assert not overflowing, f"{slug}: elements wider than their box in print: {overflowing[:5]}"
    assert hidden == 0
    assert not chrome_visible, f"{slug}: site chrome printed: {chrome_visible}"


@pytest.mark.parametrize("slug", SHEETS)
def test_sheet_carries_title_and_facts_date(printed, slug):
    text = printed[slug][1]
    assert "cheat sheet" in text.lower()
    assert "facts checked" in text.lower()
