"""Changes since the exam guides come from the rows: the "What changed" page lists every one with a
stable anchor, and each teaching page's box lists exactly the changes of the rows taught there."""

import datetime
from urllib.parse import urlsplit

import pytest

from built import DATA, ROOT, built_page, ids, parse
from macros import changes
from macros.models import GlossaryEntry

CHANGES_PAGE = built_page("changes.md")
BOX_CALL = "{{ page_changes() }}"
PAGES_WITH_BOX = sorted(str(path.relative_to(ROOT / "docs")) for path in (ROOT / "docs").rglob("*.md")
                        if BOX_CALL in path.read_text(encoding="utf-8"))
SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html"
EVENTS = changes.events(changes.all_rows(DATA))


def entry(term: str, page: str, *dated: tuple[str, str]) -> GlossaryEntry:
    return GlossaryEntry.model_validate({
        "term": term, "definition": "A term.", "link": f"{page}#{term.lower()}", "source": SOURCE,
        "changes": [{"date": date, "what": what, "source": SOURCE} for date, what in dated]})


def link(target: str) -> str:
    return f"LINK({target})"


# --- the renderer --------------------------------------------------------------------


def test_a_page_whose_rows_have_no_changes_renders_nothing():
    rows = [entry("Quiet", "a.md"), entry("Elsewhere", "b.md", ("2025-01-02", "Moved"))]
    assert changes.page_changes(changes.events(rows), "a.md", link) == ""


def test_box_lists_only_this_pages_changes_newest_first_with_both_links():
    rows = [entry("Old", "a.md", ("2021-03-04", "First")), entry("Other", "b.md", ("2026-01-01", "Not here")),
            entry("New", "a.md", ("2025-05-06", "Second"), ("2023-07-08", "Between"))]
    box = changes.page_changes(changes.events(rows), "a.md", link)
    assert box.lstrip().startswith('!!! info "Changed since the exam guide"')
    assert "Not here" not in box
    assert box.index("6 May 2025") < box.index("8 July 2023") < box.index("4 March 2021")
    assert "LINK(a.md#new)" in box and "LINK(changes.md#change-new-2025-05-06)" in box
    assert "LINK(changes.md#change-old-2021-03-04)" in box


def test_a_change_dated_by_month_only_shows_no_invented_day():
    row = entry("Tiers", "generative-ai/operations.md", ("2025-11", "Priority tier added"),
                ("2025-10-15", "Flex tier added"))
    box = changes.page_changes(changes.events([row]), "generative-ai/operations.md", link)
    assert "- **November 2025**: " in box and "- **15 October 2025**: " in box
    assert "1 November" not in box


def test_box_escapes_data_text():
    rows = [entry("Nasty", "a.md", ("2025-01-01", "Now <script>alert(1)</script> {{ x }} [a](b) | *b*"))]
    box = changes.page_changes(changes.events(rows), "a.md", link)
    assert "<script>" not in box and "{{" not in box and "[a](b)" not in box and "|" not in box
    assert "&lt;script&gt;" in box


def test_two_changes_of_a_row_on_one_day_get_distinct_anchors():
    rows = [entry("Twice", "a.md", ("2025-01-01", "One"), ("2025-01-01", "Two"))]
    anchors = [event.anchor for event in changes.row_events(rows)]
    assert anchors == ["change-twice-2025-01-01", "change-twice-2025-01-01-2"]


def test_anchors_on_a_page_match_the_whole_site_list():
    """A page's box anchors its links the same way the "What changed" page does."""
    everything = {(e.row.key, e.what): e.anchor for e in EVENTS}
    for event in changes.row_events(changes.all_rows(DATA)):
        if event.row.page in PAGES_WITH_BOX:
            assert everything[(event.row.key, event.what)] == event.anchor


def test_status_changes_are_listed_with_their_date():
    closed = [s for s in DATA.services if s.status.value != "current" and s.status_date]
    assert closed
    found = {(e.row.key, e.date) for e in EVENTS}
    assert all((s.slug, s.status_date) in found for s in closed)


# --- the pages -----------------------------------------------------------------------


def test_no_hand_written_changed_since_box_remains():
    boxes = [f"{path.relative_to(ROOT)}:{number}"
             for path in (ROOT / "docs").rglob("*.md")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.lstrip().startswith(("!!!", "???")) and "Changed since" in line]
    assert not boxes, boxes


def test_every_page_teaching_a_changed_row_shows_the_box():
    pages = {event.row.page for event in EVENTS}
    assert sorted(pages - set(PAGES_WITH_BOX)) == []


@pytest.mark.parametrize("page", PAGES_WITH_BOX)
def test_box_is_placed_once(page):
    assert (ROOT / "docs" / page).read_text(encoding="utf-8").count(BOX_CALL) == 1


def box_items(page_html: str):
    boxes = [box for box in parse(page_html).select("article div.admonition.info")
             if box.select_one(".admonition-title").get_text(strip=True) == changes.BOX_TITLE]
    assert len(boxes) <= 1
    return boxes[0].select("li") if boxes else []


@pytest.mark.parametrize("page", PAGES_WITH_BOX)
def test_each_box_lists_exactly_the_changes_of_its_rows(page, html_pages):
    expected = [e for e in EVENTS if e.row.page == page]
    items = box_items(html_pages[built_page(page)])
    assert len(items) == len(expected)
    listed = [urlsplit(item.find_all("a")[-1]["href"]).fragment for item in items]
    assert listed == [e.anchor for e in expected]
    dates = [e.date or datetime.date.min for e in expected]  # undated statuses come last
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("page", PAGES_WITH_BOX)
def test_box_links_resolve_to_the_changes_page_and_the_rows(page, html_pages):
    targets = ids(html_pages[CHANGES_PAGE])
    own = ids(html_pages[built_page(page)])
    for item in box_items(html_pages[built_page(page)]):
        row_link, change_link = item.find_all("a")[0]["href"], item.find_all("a")[-1]["href"]
        assert urlsplit(change_link).path.rstrip("/").endswith("changes")
        assert urlsplit(change_link).fragment in targets
        assert urlsplit(row_link).fragment in own


def test_every_event_has_an_anchor_on_the_changes_page(html_pages):
    targets = ids(html_pages[CHANGES_PAGE])
    missing = [e.anchor for e in EVENTS if e.anchor not in targets]
    assert not missing


def test_a_dated_change_shows_on_its_page(html_pages):
    """Mechanical Turk's closure (a status) and Snowcone's end (a dated change) reach their pages."""
    labeling = " ".join(li.get_text(" ") for li in box_items(html_pages[built_page("exploratory-data-analysis/labeling.md")]))
    assert "30 September 2026" in labeling and "Mechanical Turk" in labeling
    transfer = " ".join(li.get_text(" ") for li in box_items(html_pages[built_page("data-engineering/data-transfer.md")]))
    assert "12 November 2024" in transfer and "Snowcone" in transfer
    assert datetime.date(2024, 11, 12) in {e.date for e in EVENTS}
