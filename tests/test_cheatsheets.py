"""Every printable sheet printed to A4 PDF by Chromium: within its page limit, type no smaller than 7 pt
(median at least 7.5 pt), decisions first, a running header and page numbers, nothing lost, nothing cut.

The sheets come from the exam registry (data/exams.yml): every domain of an exam that has a folder
under docs/cheatsheets/, and each exam's exam-day sheet where there is one.
"""

import html
import io
import re
import statistics
from collections import Counter

import pytest
from pypdf import PdfReader

from built import DATA, ROOT, built_page
from conftest import NetworkLog
from macros.exams import sheet_page

pytestmark = pytest.mark.browser

DOMAIN_SHEET_PAGES = 4
EXAM_DAY_PAGES = 1
MIN_PT = 7.0
MEDIAN_PT = 7.5
# A reader's system without a narrow face (no Arial Narrow, Liberation Sans Narrow or Roboto
# Condensed): the sheet falls back to the ordinary sans serif, as site.css lists it after them
WITHOUT_NARROW_FACE = '.cheat-sheet { font-family: "Helvetica Neue", Arial, sans-serif !important; }'


def sheets() -> dict[str, int]:
    """docs path of every printable sheet -> the most A4 pages it may take."""
    found = {}
    for exam in DATA.exams:
        if (ROOT / "docs" / "cheatsheets" / exam.slug).is_dir():
            found |= {sheet_page(exam, domain): DOMAIN_SHEET_PAGES for domain in exam.domains}
        exam_day = f"cheatsheets/exam-day-{exam.slug}.md"
        if (ROOT / "docs" / exam_day).is_file():
            found[exam_day] = EXAM_DAY_PAGES
    return found


SHEETS = sheets()


def url_path(md_path: str) -> str:
    return built_page(md_path).removesuffix("index.html")


def _words(text: str) -> str:
    text = html.unescape(text).replace("\u00ad", "")
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def type_sizes(reader: PdfReader) -> Counter:
    """Printed size in points -> number of characters set at that size, over every page of the PDF."""
    sizes = Counter()
    for pdf_page in reader.pages:
        def visit(text, cm, tm, font, font_size):
            if text.strip():
                scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
                sizes[round(font_size * scale, 2)] += len(text.strip())
        pdf_page.extract_text(visitor_text=visit)
    return sizes


def fonts(reader: PdfReader) -> list[str]:
    """Names of the faces the PDF embeds ('LiberationSansNarrow-Bold'), without subset prefixes."""
    names = set()
    for pdf_page in reader.pages:
        for font in ((pdf_page.get("/Resources") or {}).get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont", "")).lstrip("/").split("+")[-1])
    return sorted(names)


def test_the_sheet_list_comes_from_the_registry_and_every_sheet_exists():
    assert sum(limit == DOMAIN_SHEET_PAGES for limit in SHEETS.values()) >= 8
    assert sum(limit == EXAM_DAY_PAGES for limit in SHEETS.values()) >= 2
    missing = [path for path in SHEETS if not (ROOT / "docs" / path).is_file()]
    assert not missing, f"exam domains without a cheat sheet page: {missing}"


@pytest.fixture(scope="module")
def printed(browser, base_url):
    """docs path -> what Chromium printed and what the print layout shows."""
    results = {}
    for path in SHEETS:
        context = browser.new_context()
        page = context.new_page()
        log = NetworkLog(page)
        page.goto(base_url + url_path(path), wait_until="networkidle")
        assert page.locator("button", has_text="Print this").is_visible()
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
        sections = page.eval_on_selector_all(".cheat-sheet h2", "hs => hs.map(h => h.textContent.replace('¶', '').trim())")
        title = page.locator(".cheat-sheet .sheet-meta").inner_text().split(" · ")[0]
        pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
        page.add_style_tag(content=WITHOUT_NARROW_FACE)
        wide = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False, prefer_css_page_size=True)))
        log.assert_clean(f"sheet {path}")
        reader = PdfReader(io.BytesIO(pdf))
        results[path] = {
            "pages": [p.extract_text() for p in reader.pages], "sizes": type_sizes(reader), "rows": rows,
            "overflowing": overflowing, "hidden": hidden, "chrome": chrome_visible, "sections": sections,
            "title": title, "fonts": fonts(reader), "pages_without_narrow_face": len(wide.pages),
            "sizes_without_narrow_face": type_sizes(wide),
        }
        context.close()
    return results


@pytest.mark.parametrize("path", SHEETS)
def test_sheet_prints_within_its_page_limit(printed, path):
    """With the faces this system has (CI: Debian's chromium and the fonts it brings)."""
    pages = len(printed[path]["pages"])
    assert 1 <= pages <= SHEETS[path], \
        f"{path}: {pages} A4 pages (at most {SHEETS[path]}), printed in {printed[path]['fonts']}"


@pytest.mark.parametrize("path", SHEETS)
def test_sheet_fits_its_page_limit_without_a_narrow_face(printed, path):
    """A narrow face is a bonus, not the budget: the selection must fit in the ordinary sans serif."""
    pages = printed[path]["pages_without_narrow_face"]
    assert 1 <= pages <= SHEETS[path], (
        f"{path}: {pages} A4 pages without a narrow face (at most {SHEETS[path]}); move lower-value rows "
        f"to priority 3 (page only) rather than shrinking the type")
    sizes = printed[path]["sizes_without_narrow_face"]
    assert min(sizes) >= MIN_PT - 0.05 and statistics.median(sorted(sizes.elements())) >= MEDIAN_PT


@pytest.mark.parametrize("path", SHEETS)
def test_sheet_prints_at_seven_points_or_more(printed, path):
    sizes = printed[path]["sizes"]
    small = {size: count for size, count in sizes.items() if size < MIN_PT - 0.05}
    assert not small, f"{path}: characters printed under {MIN_PT} pt (size: count): {small}"
    median = statistics.median(sorted(sizes.elements()))
    assert median >= MEDIAN_PT, f"{path}: median text size {median} pt"


@pytest.mark.parametrize("path", SHEETS)
def test_every_table_row_of_the_sheet_is_in_the_pdf(printed, path):
    rows = printed[path]["rows"]
    assert len(rows) >= 10
    pdf_words = _words(" ".join(printed[path]["pages"]))
    missing = [row[0][:60] for row in rows if _words(row[0]) not in pdf_words]
    assert not missing, f"{path}: rows missing from the PDF: {missing[:5]}"
    # Whole rows, not just their names: the start and the end of every text cell are printed
    lost = [cell[:60] for row in rows for cell in row
            if _words(cell)[:60] not in pdf_words or _words(cell)[-60:] not in pdf_words]
    assert not lost, f"{path}: cells cut in the PDF: {lost[:5]}"


@pytest.mark.parametrize("path", SHEETS)
def test_decisions_come_first(printed, path):
    sections = printed[path]["sections"]
    assert sections and sections[0] == "Decisions", f"{path}: sections in order: {sections}"
    text = " ".join(printed[path]["pages"])
    later = [text.find(name) for name in sections[1:]]
    assert all(position > text.find("Decisions") for position in later)


@pytest.mark.parametrize("path", SHEETS)
def test_nothing_overflows_or_hides_in_print(printed, path):
    result = printed[path]
    assert not result["overflowing"], f"{path}: elements wider than their box in print: {result['overflowing'][:5]}"
    assert result["hidden"] == 0
    assert not result["chrome"], f"{path}: site chrome printed: {result['chrome']}"


@pytest.mark.parametrize("path", SHEETS)
def test_every_printed_page_has_the_running_header_and_its_number(printed, path):
    pages, title = printed[path]["pages"], printed[path]["title"]
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert title in flat, f"{path}: page {number} lacks the running header '{title}'"
        assert "Facts checked" in flat, f"{path}: page {number} lacks the facts date"
        assert f"Page {number} of {len(pages)}" in flat, f"{path}: page {number} is not numbered"
