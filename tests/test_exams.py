"""Exams as data, on the built site: a page per exam listing every task with what teaches it, task tags
under page titles, sheets per exam domain holding every row their domain selects."""

import pytest

from built import DATA, SITE, article, built_page, parse, section, section_text, text_of
from macros.cheatsheet import exam_day, in_domain
from macros.exams import sheet_page, task_anchor
from macros.models import Priority

EXAMS = {exam.code: exam for exam in DATA.exams}
SHEET_EXAMS = [EXAMS["MLS-C01"], EXAMS["MLA-C02"]]
SHEETS = [(exam, domain) for exam in SHEET_EXAMS for domain in exam.domains]
# Pages that teach: everything but the generated indexes, sheets and practice pages
CONTENT_PAGES = sorted(path for path in SITE.pages
                       if not path.startswith(("exams/", "cheatsheets/", "practice/")) and path != "decisions/index.md")
TAGGED_KINDS = ("algorithms", "services", "decisions", "metrics", "glossary")


@pytest.mark.parametrize("exam", DATA.exams, ids=lambda e: e.code)
def test_exam_page_lists_every_task_with_what_teaches_it_or_a_gap(html_pages, exam):
    page = html_pages[built_page(exam.page)]
    for task in exam.tasks.values():
        shown = section_text(page, task_anchor(task.id))
        assert task.title in shown
        assert "teach this task" in shown or "Nothing on the site teaches this task yet." in shown, task.id


@pytest.mark.parametrize("exam", SHEET_EXAMS, ids=lambda e: e.code)
def test_exam_page_counts_the_rows_tagged_with_each_task(html_pages, exam):
    page = html_pages[built_page(exam.page)]
    for task in exam.tasks.values():
        rows = [row for kind in TAGGED_KINDS for row in getattr(DATA, kind) if task.id in row.exams.get(exam.code, ())]
        shown = section_text(page, task_anchor(task.id))
        assert all(row.label.replace("`", "") in shown for row in rows), task.id
        assert rows, f"{exam.code} {task.id}: no row teaches it"


@pytest.mark.parametrize("exam", DATA.exams, ids=lambda e: e.code)
def test_exam_page_states_status_format_and_weights_from_the_registry(html_pages, exam):
    text = text_of(article(html_pages[built_page(exam.page)]))
    assert f"{exam.questions} questions" in text and f"{exam.minutes} minutes" in text
    for domain in exam.domains:
        assert f"Domain {domain.number}: {domain.title} ({domain.weight}%)" in text


def test_the_exam_page_tells_the_current_state(html_pages):
    text = text_of(article(html_pages["exam/index.html"]))
    assert "MLS-C01 (AWS Certified Machine Learning – Specialty): Retired on 31 March 2026" in text
    assert "MLA-C01 (AWS Certified Machine Learning Engineer – Associate): Replaced by MLA-C02 after 28 September 2026" \
        in text
    for code in ("AIP-C01", "AIF-C01"):
        assert f"{code} (" in text


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_content_page_carries_mls_and_mla_c02_tags_linked_under_its_title(html_pages, path):
    tags = SITE.pages[path].exams
    assert tags.get("MLS-C01") and tags.get("MLA-C02"), f"{path}: tags {tags}"
    body = article(html_pages[built_page(path)])
    line = body.select_one("p.exam-tags")
    assert line is not None and line.find_previous_sibling("h1"), f"{path}: no tags under the title"
    shown = {a.get_text() for a in line.find_all("a")}
    every_task = set(tags["MLA-C02"]) == set(EXAMS["MLA-C02"].tasks)
    expected = {"MLA-C02 all tasks"} if every_task else {f"MLA-C02 {task}" for task in tags["MLA-C02"]}
    assert expected <= shown
    assert all("exams/" in a["href"] for a in line.find_all("a"))


def test_every_row_states_where_it_stands_in_mls_c01_and_mla_c02():
    """Each row declares both exams: the tasks it serves, or an empty list when it was checked against
    that guide and is not in it (MLS-C01 never covered Bedrock or CI/CD tooling; MLA-C02 dropped Neo and
    BYOC). A missing key would mean nobody checked. Nearly every row serves MLA-C02."""
    rows = [row for kind in TAGGED_KINDS for row in getattr(DATA, kind)]
    unchecked = [row.key for row in rows if "MLS-C01" not in row.exams or "MLA-C02" not in row.exams]
    assert not unchecked, f"{len(unchecked)} rows do not declare both MLS-C01 and MLA-C02: {unchecked[:20]}"
    with_mla = [row for row in rows if row.exams["MLA-C02"]]
    assert len(with_mla) >= 0.95 * len(rows), f"{len(with_mla)} of {len(rows)} rows carry MLA-C02 tasks"


@pytest.mark.parametrize("exam", SHEET_EXAMS, ids=lambda e: e.code)
def test_exam_page_lists_the_rows_checked_and_found_outside_its_guide(html_pages, exam):
    page = html_pages[built_page(exam.page)]
    outside = [row for kind in TAGGED_KINDS for row in getattr(DATA, kind) if row.exams.get(exam.code) == []]
    shown = section_text(page, "outside-the-guide")
    assert f"{len(outside)} rows were checked against the {exam.code} guide" in shown
    assert all(row.label.replace("`", "") in shown for row in outside)
    linked = {a["href"].split("#")[-1] for node in section(page, "outside-the-guide")[1:]
              for a in node.find_all("a", href=True) if "#" in a["href"]}
    assert linked == {row.home.split("#")[-1] for row in outside}


def _sheet(html_pages, exam, domain):
    return parse(html_pages[built_page(sheet_page(exam, domain))])


@pytest.mark.parametrize("exam, domain", SHEETS, ids=lambda v: getattr(v, "code", None) or v.slug)
def test_domain_sheet_holds_every_row_its_domain_selects(html_pages, exam, domain):
    sheet = text_of(_sheet(html_pages, exam, domain).select_one(".cheat-sheet"))
    selects = in_domain(exam, domain)
    for service in filter(selects, DATA.services):
        assert service.name in sheet and all(trap.replace("`", "") in sheet for trap in service.traps), service.key
    for decision in filter(selects, DATA.decisions):
        for scenario in decision.scenarios:
            if scenario.priority <= Priority.cheat_sheet:
                assert scenario.scenario.replace("`", "") in sheet, scenario.scenario
    for row in [*filter(selects, DATA.algorithms), *filter(selects, DATA.metrics)]:
        assert row.name in sheet, row.key
    assert f"{exam.code} domain {domain.number}: {domain.title}" in sheet


@pytest.mark.parametrize("exam, domain", SHEETS, ids=lambda v: getattr(v, "code", None) or v.slug)
def test_domain_sheet_lists_exactly_the_services_its_domain_selects(html_pages, exam, domain):
    sheet = _sheet(html_pages, exam, domain)
    heading = sheet.find(id="services-key-numbers-and-traps")
    listed = {text_of(row.td.a) for row in heading.find_next("table").tbody.find_all("tr")} if heading else set()
    assert listed == {s.name for s in filter(in_domain(exam, domain), DATA.services)}


@pytest.mark.parametrize("exam", SHEET_EXAMS, ids=lambda e: e.code)
def test_exam_day_sheet_holds_the_priority_one_rows(html_pages, exam):
    sheet = text_of(parse(html_pages[f"cheatsheets/exam-day-{exam.slug}/index.html"]).select_one(".cheat-sheet"))
    selects = exam_day(exam)
    chosen = [s for s in DATA.services if selects(s)]
    assert chosen, f"{exam.code}: no priority-1 service"
    assert all(s.name in sheet for s in chosen)
    scenarios = [s for d in DATA.decisions if selects(d) for s in d.scenarios if s.priority is Priority.exam_day]
    assert 20 <= len(scenarios) + len(chosen) <= 30, "the issue asks for the 20-30 most tested facts"
    assert all(s.scenario.replace("`", "") in sheet for s in scenarios)


def test_decision_index_groups_every_tagged_decision_under_its_domains(html_pages):
    page = html_pages["decisions/index.html"]
    for exam in SHEET_EXAMS:
        for domain in exam.domains:
            tasks = {task.id for task in domain.tasks}
            expected = [d.title for d in DATA.decisions if tasks.intersection(d.exams.get(exam.code, ()))]
            if expected:
                shown = section_text(page, f"{exam.slug}-{domain.slug}")
                assert all(title in shown for title in expected), f"{exam.code} {domain.slug}"


@pytest.mark.browser
@pytest.mark.parametrize("code, task", [("MLA-C02", "3.3"), ("MLS-C01", "1.2"), ("MLA-C02", "2.3")])
def test_searching_an_exam_task_finds_pages_that_serve_it(page, base_url, code, task):
    from test_browser import search

    tagged = {f"{base_url}{built_page(path).removesuffix('index.html')}" for path, info in SITE.pages.items()
              if task in info.exams.get(code, ())}
    tagged.add(f"{base_url}{built_page(EXAMS[code].page).removesuffix('index.html')}")
    page.goto(base_url, wait_until="networkidle")
    shown = [link.split("#")[0].split("?")[0] for link in search(page, f"{code} {task}")[:3]]
    assert shown and all(link in tagged for link in shown), shown
