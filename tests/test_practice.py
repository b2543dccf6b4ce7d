"""The practice pages in Chromium: checking answers, the score, progress kept over a reload and
cleared by reset, flashcard marks, the timed mock exam, no-JavaScript and print fallbacks, phone
layout, axe. The tests read answer keys from the page, so they work with whatever questions exist."""

from pathlib import Path

import pytest

from conftest import NetworkLog, render_everything
from macros import practice
from macros.loader import load_site_data

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data")


@pytest.fixture(scope="module")
def exam_code(data) -> str:
    """The practised exam with the most questions (MLA-C02 has every kind of question)."""
    exams = practice.practised_exams(data.exams, data.questions)
    assert exams, "no exam has practice questions"
    return max(exams, key=lambda e: len(practice.for_exam(data.questions, e))).code


@pytest.fixture
def practice_page(page, base_url, exam_code):
    """The exam's practice page with every domain shown ("All domains" in the filter)."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base_url}practice/{exam_code.lower()}/?domain=", wait_until="networkidle")
    return page


def pick(form, right: bool = True) -> None:
    """Fill in the right answer from the form's key, or a wrong one."""
    kind = form.get_attribute("data-kind")
    key = form.get_attribute("data-answer").split()
    if kind in ("single", "multiple"):
        values = [i.get_attribute("value") for i in form.locator("input").all()]
        chosen = key if right else [next(v for v in values if v not in key)]
        for value in chosen:
            form.locator(f'input[value="{value}"]').check()
    else:
        for n, select in enumerate(form.locator("select").all()):
            value = key[n]
            if not right and n == 0:
                values = [o.get_attribute("value") for o in select.locator("option").all()]
                value = next(v for v in values if v not in ("", key[n]))
            select.select_option(value)


def check(form, right: bool = True) -> str:
    pick(form, right)
    form.locator('button[type="submit"]').click()
    return form.locator(".pq-result").inner_text()


def totals(page) -> tuple[str, str]:
    row = page.locator(".pq-progress tr[data-total]")
    return row.locator('[data-cell="answered"]').inner_text(), row.locator('[data-cell="right"]').inner_text()


def test_checking_shows_the_verdict_the_explanation_and_the_teaching_link(practice_page, network_log):
    page = practice_page
    form = page.locator('form.pq[data-kind="single"]').first
    assert check(form, right=False).startswith("Wrong. The answer is ")
    answer = form.locator("details.pq-answer")
    assert answer.get_attribute("open") is not None
    assert answer.locator(".pq-why").is_visible() and form.locator(".pq-mistake").count() == 1
    link = answer.locator(".pq-teach a").first
    assert link.is_visible()
    target = link.get_attribute("href")
    assert check(form, right=True) == "Right."
    link.click()
    page.wait_for_load_state()
    anchor = target.split("#")[1] if "#" in target else None
    if anchor:
        assert page.locator(f'[id="{anchor}"]').count() == 1, f"the teaching link {target} has no target"
    network_log.assert_clean("practice page")


def test_every_kind_of_question_accepts_its_right_answer(practice_page):
    page = practice_page
    kinds = {form.get_attribute("data-kind") for form in page.locator("form.pq").all()}
    for kind in sorted(kinds):
        form = page.locator(f'form.pq[data-kind="{kind}"]').first
        assert check(form, right=True) == "Right.", kind
        assert form.locator("details.pq-answer .pq-teach").is_visible(), kind


def test_score_counts_reload_keeps_progress_and_reset_clears_it(practice_page, base_url):
    page = practice_page
    forms = page.locator("form.pq")
    first, second = forms.nth(0), forms.nth(1)
    check(first, right=True)
    check(second, right=False)
    assert totals(page) == ("2", "1")
    domain = first.get_attribute("data-domain")
    assert int(page.locator(f'.pq-progress tr[data-domain="{domain}"] [data-cell="answered"]').inner_text()) >= 1

    page.reload(wait_until="networkidle")
    assert totals(page) == ("2", "1")
    assert forms.nth(0).locator(".pq-result").inner_text() == "Right."
    assert forms.nth(1).locator(".pq-result").inner_text().startswith("Wrong")

    page.select_option("#pq-show", "mistakes")
    assert page.locator("form.pq:visible").count() == 1
    assert "review=mistakes" in page.url

    page.locator('[data-action="reset-exam"]').click()
    assert totals(page) == ("0", "0")
    page.reload(wait_until="networkidle")
    assert totals(page) == ("0", "0")
    assert forms.nth(0).locator(".pq-result").inner_text() == ""


def test_practice_home_shows_the_same_scores_and_resets_everything(practice_page, base_url, exam_code):
    page = practice_page
    check(page.locator("form.pq").first, right=True)
    page.goto(f"{base_url}practice/", wait_until="networkidle")
    table = page.locator(f'.pq-progress[data-exam="{exam_code}"]')
    assert table.locator('tr[data-total] [data-cell="answered"]').inner_text() == "1"
    assert "review=mistakes" in page.locator("a.pq-review-link").first.get_attribute("href")
    page.locator('[data-action="reset-all"]').click()
    assert table.locator('tr[data-total] [data-cell="answered"]').inner_text() == "0"
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('practice'))") == []


def test_filters_by_task_and_by_domain_from_the_address(page, base_url, exam_code):
    page.goto(f"{base_url}practice/{exam_code.lower()}/?task=1.1", wait_until="networkidle")
    visible = page.locator("form.pq:visible").all()
    assert visible and all(f"{exam_code}:1.1" in form.get_attribute("data-tasks").split() for form in visible)
    assert page.locator("#task-2-1").is_hidden()
    page.goto(f"{base_url}practice/{exam_code.lower()}/?domain=2", wait_until="networkidle")
    assert all(any(t.startswith(f"{exam_code}:2.") for t in form.get_attribute("data-tasks").split())
               for form in page.locator("form.pq:visible").all())
    assert page.locator("#domain-1").is_hidden() and page.locator("#domain-2").is_visible()


def test_page_opens_on_the_first_domain_and_all_domains_is_one_choice_away(page, base_url, exam_code):
    page.goto(f"{base_url}practice/{exam_code.lower()}/", wait_until="networkidle")
    everything = page.locator("form.pq").count()
    shown = page.locator("form.pq:visible").all()
    assert shown and all(form.get_attribute("data-domain") == "1" for form in shown)
    assert page.locator("#domain-2").is_hidden()
    assert f"Showing {len(shown)} of {everything} questions." in page.locator(".pq-filter-status").inner_text()
    page.select_option("#pq-domain", "")
    assert page.locator("form.pq:visible").count() == everything
    assert page.url.endswith("?domain=")
    page.reload(wait_until="networkidle")
    assert page.locator("form.pq:visible").count() == everything


def test_a_link_to_a_later_domain_opens_that_domain(page, base_url, exam_code):
    page.goto(f"{base_url}practice/{exam_code.lower()}/#task-3-2", wait_until="networkidle")
    assert page.locator("#task-3-2").is_visible() and page.locator("#domain-1").is_hidden()
    page.evaluate("window.location.hash = 'task-2-1'")
    page.wait_for_function("document.getElementById('task-2-1').offsetParent !== null")
    assert page.locator("#domain-3").is_hidden()


def test_without_javascript_answers_open_as_details(browser, base_url, exam_code):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}practice/{exam_code.lower()}/")
    assert page.locator("form.pq:visible").count() == page.locator("form.pq").count()
    form = page.locator("form.pq").first
    assert form.locator('button[type="submit"]').is_hidden()
    explanation = form.locator("details.pq-answer .pq-why")
    assert explanation.is_hidden()
    form.locator("details.pq-answer summary").click()
    assert explanation.is_visible()
    context.close()


def test_printed_answers_come_after_the_last_question(practice_page):
    page = practice_page
    page.emulate_media(media="print")
    assert page.locator("details.pq-answer").first.is_hidden()
    key = page.locator(".pq-key")
    assert key.is_visible()
    assert page.evaluate("""() => {
        const forms = document.querySelectorAll('form.pq');
        const key = document.querySelector('.pq-key');
        return Boolean(forms[forms.length - 1].compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert key.locator("li").count() == page.locator("form.pq").count()


def test_flashcards_due_cards_first_and_marks_persist(page, base_url):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base_url}practice/flashcards/", wait_until="networkidle")
    front = page.locator(".fc-front-now")
    first = front.inner_text()
    assert first and "Due now: 0." in page.locator(".fc-stats").inner_text()
    page.click('[data-action="show"]')
    assert page.locator(".fc-back-now").is_visible()
    assert "Best choice" in page.locator(".fc-back-now").inner_text() or page.locator(".fc-back-now a").count()
    page.click('[data-action="again"]')
    assert front.inner_text() == first, "a card marked again is due at once and comes before new cards"
    page.click('[data-action="show"]')
    page.click('[data-action="good"]')
    assert front.inner_text() != first
    page.reload(wait_until="networkidle")
    assert "Not due yet: 1." in page.locator(".fc-stats").inner_text()
    assert front.inner_text() != first
    page.click('[data-action="reset-cards"]')
    assert front.inner_text() == first


def test_mock_exam_draws_by_weight_and_scores_by_domain(page, base_url, data, exam_code):
    page.on("dialog", lambda dialog: dialog.accept())
    exam = next(e for e in data.exams if e.code == exam_code)
    quota, pool, drawn, minutes = practice.mock_plan(exam, data.questions)
    page.goto(f"{base_url}practice/mock-{exam_code.lower()}/", wait_until="networkidle")
    shown_quota = {int(r.get_attribute("data-domain")): int(r.get_attribute("data-quota"))
                   for r in page.locator(".pq-mock tr[data-quota]").all()}
    assert shown_quota == quota and sum(quota.values()) == min(exam.questions, sum(pool.values()))

    page.click('[data-action="start-mock"]')
    assert page.locator(".pq-timer").is_visible()
    clock = [int(part) for part in page.locator(".pq-timer").inner_text().removeprefix("Time left: ").split(":")]
    seconds = sum(part * 60 ** power for power, part in enumerate(reversed(clock)))
    assert minutes * 60 - 5 <= seconds <= minutes * 60
    questions = page.locator(".pq-mock-questions form.pq")
    assert questions.count() == drawn
    counted = {}
    for form in questions.all():
        domain = int(form.get_attribute("data-domain"))
        counted[domain] = counted.get(domain, 0) + 1
    assert counted == {d: n for d, n in quota.items() if n}
    assert page.locator(".pq-mock-questions details.pq-answer:visible").count() == 0

    first = questions.first
    pick(first, right=True)
    page.reload(wait_until="networkidle")
    assert page.locator(".pq-mock-questions form.pq").first.get_attribute("id") == first.get_attribute("id")
    page.click('[data-action="finish-mock"]')
    domain = first.get_attribute("data-domain")
    row = page.locator(f'.pq-mock tr[data-domain="{domain}"]')
    assert row.locator('[data-cell="right"]').inner_text() == f"1 of {quota[int(domain)]}"
    assert page.locator(".pq-mock-status").inner_text().startswith(f"You got 1 of {drawn} right")
    links = page.locator(".pq-mock-review a")
    assert links.count() == drawn
    for href in [a.get_attribute("href") for a in links.all()[:5]]:
        assert page.locator(href).count() == 1
    assert "right" in links.first.inner_text()


def test_practice_pages_fit_a_phone(browser, base_url, exam_code):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in (f"practice/{exam_code.lower()}/", "practice/flashcards/", f"practice/mock-{exam_code.lower()}/",
                 "practice/"):
        page.goto(base_url + path, wait_until="networkidle")
        if path.startswith("practice/mock"):
            page.click('[data-action="start-mock"]')
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path}: the page is {width} px wide on a 390 px phone"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_pages_in_use_have_no_serious_accessibility_violation(browser, base_url, exam_code, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    problems = []

    def audit(where):
        render_everything(page)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS:
                problems.append(f"{where}: {violation['id']}: {[n['target'] for n in violation['nodes'][:3]]}")

    page.goto(f"{base_url}practice/{exam_code.lower()}/", wait_until="networkidle")
    for kind in ("single", "multiple", "ordering", "matching"):
        form = page.locator(f'form.pq[data-kind="{kind}"]').first
        if form.count():
            check(form, right=False)
    audit("questions, checked")
    page.goto(f"{base_url}practice/", wait_until="networkidle")
    audit("practice home")
    page.goto(f"{base_url}practice/flashcards/", wait_until="networkidle")
    page.click('[data-action="show"]')
    audit("flashcard, answer shown")
    page.goto(f"{base_url}practice/mock-{exam_code.lower()}/", wait_until="networkidle")
    page.click('[data-action="start-mock"]')
    audit("mock exam, running")
    page.click('[data-action="finish-mock"]')
    audit("mock exam, scored")
    context.close()
    assert not problems, "\n".join(problems)


def test_offline_copy_checks_answers_and_keeps_progress_from_disk(browser, offline_site_dir, exam_code):
    context = browser.new_context()
    page = context.new_page()
    log = NetworkLog(page, allowed_prefixes=("file://", "data:", "blob:"))
    page.goto((offline_site_dir / "practice" / f"{exam_code.lower()}.html").as_uri(), wait_until="load")
    form = page.locator("form.pq").first
    assert check(form, right=True) == "Right."
    page.reload(wait_until="load")
    assert page.locator("form.pq").first.locator(".pq-result").inner_text() == "Right."
    link = page.locator("form.pq").first.locator(".pq-teach a").first.get_attribute("href")
    assert ".html" in link, f"offline links must name the .html file: {link}"
    assert not log.outside and not log.console_errors, (log.outside, log.console_errors)
    context.close()


# --- Nothing moves while a practice page loads (Lighthouse counts it as layout shift) ---------------

# Layout shifts the page has recorded, apart from those right after the reader's own input
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


def _phone_layout_shift(browser, url: str, prepare=None) -> float:
    """Cumulative layout shift of `url` loaded on a phone with a CPU four times slower (as
    Lighthouse's mobile run has it), so the page paints before its scripts have run."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    if prepare:
        prepare(page)
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    return shift


def test_practice_pages_do_not_move_while_they_load(browser, base_url, exam_code):
    for path in ("practice/", f"practice/{exam_code.lower()}/", "practice/flashcards/",
                 f"practice/mock-{exam_code.lower()}/"):
        shift = _phone_layout_shift(browser, base_url + path)
        assert shift < 0.05, f"{path}: the page moved while it loaded (layout shift {shift:.3f})"


def test_flashcards_do_not_move_for_a_returning_reader(browser, base_url):
    def mark_two_cards(page):
        page.goto(f"{base_url}practice/flashcards/", wait_until="networkidle")
        for _ in range(2):
            page.click('[data-action="show"]')
            page.click('[data-action="good"]')

    shift = _phone_layout_shift(browser, f"{base_url}practice/flashcards/", mark_two_cards)
    assert shift < 0.05, f"the flashcards moved while they loaded for a returning reader (layout shift {shift:.3f})"


def test_flashcard_player_is_in_the_page_as_a_first_visit_sees_it(page, base_url, site_dir):
    """The player is written into the HTML in the state the script shows on a first visit, so the
    script changes nothing a reader sees; the card lists below are folded."""
    built = (site_dir / "practice" / "flashcards" / "index.html").read_text(encoding="utf-8")
    page.goto(f"{base_url}practice/flashcards/", wait_until="networkidle")
    for selector in (".fc-stats", ".fc-context-now", ".fc-front-now"):
        shown = page.locator(selector).inner_text()
        assert shown and f">{shown}<" in built.replace("&#39;", "'").replace("&quot;", '"'), \
            f"{selector}: the script shows {shown!r}, the page was built with something else"
    lists = page.locator("details.fc-list")
    assert lists.count() == 2 and page.locator("details.fc-list[open]").count() == 0
    lists.first.locator(":scope > summary").click()
    assert page.locator("details.fc-card").first.is_visible()


def test_without_javascript_flashcards_are_a_list_and_the_player_is_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}practice/flashcards/")
    assert page.locator(".fc-app").is_hidden()
    page.locator("details.fc-list > summary").first.click()
    card = page.locator("details.fc-card").first
    assert card.is_visible()
    card.locator(":scope > summary").click()
    assert "Best choice" in card.inner_text()
    context.close()
