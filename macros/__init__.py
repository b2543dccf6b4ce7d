"""Entry point of the macros, under MkDocs (mkdocs-macros) and Zensical alike: it only wires.

Each macro finds its rows in the loaded site and hands them to a pure renderer in `render`,
`cheatsheet`, `glossary` or `exams`. MkDocs calls `define_env` once per build and Zensical once per
page; `load_site` caches, so the data is read and validated once either way, and a broken file stops
the build with a DataError naming the file, entry and field. Imports are absolute because Zensical
loads this file by path.
"""

from pathlib import Path

from macros import changes, cheatsheet, diagrams, exams, glossary, practice, render
from macros.errors import DataError
from macros.loader import load_site
from macros.pages import relative_link, source_of


def define_env(env) -> None:
    project = Path(env.project_dir)
    docs_dir = project / env.conf.get("docs_dir", "docs")
    site = load_site(project)
    data = site.data
    facts_date = env.conf["extra"]["facts_date"]
    site_changes = changes.events(changes.all_rows(data))

    def current_page() -> str:
        return source_of(env.page.url, docs_dir)

    def link(target: str) -> str:
        """A row's home ('page.md#anchor') as a link relative to the page being rendered."""
        return relative_link(current_page(), target)

    def find(rows, key: str, kind: str):
        for row in rows:
            if row.key == key:
                return row
        raise DataError(f"docs/{current_page()}: no {kind} '{key}' in data/{kind}*.yml")

    def at_home(row, kind: str):
        """A row's section is rendered on its own page, so its links and anchor are found there."""
        if current_page() != row.page:
            raise DataError(f"docs/{current_page()}: the {kind} '{row.key}' is taught on {row.page}; "
                            f"render its section there and link to it from here")
        return row

    def exam(code: str):
        return find(data.exams, code, "exam")

    def exam_domain(code: str, domain_slug: str):
        for domain in exam(code).domains:
            if domain.slug == domain_slug:
                return domain
        raise DataError(f"docs/{current_page()}: {code} has no domain '{domain_slug}' in data/exams.yml")

    @env.macro
    def algorithms_table(view: str = "all") -> str:
        try:
            return render.algorithm_table(data.algorithms, link, view)
        except ValueError as error:
            raise DataError(f"docs/{current_page()}: {error}") from None

    @env.macro
    def algorithms_tuning_table() -> str:
        return render.algorithm_tuning_table(data.algorithms, link)

    @env.macro
    def algorithm_chooser() -> str:
        return render.algorithm_chooser(data.algorithms, link)

    @env.macro
    def algorithm(slug: str, level: int = 2) -> str:
        return render.algorithm_section(at_home(find(data.algorithms, slug, "algorithm"), "algorithm"), level)

    @env.macro
    def service(slug: str, level: int = 3) -> str:
        return render.service_section(at_home(find(data.services, slug, "service"), "service"), level)

    @env.macro
    def decision(slug: str, level: int = 3) -> str:
        return render.decision_section(at_home(find(data.decisions, slug, "decision"), "decision"), level)

    @env.macro
    def metric(slug: str, level: int = 3) -> str:
        return render.metric_section(at_home(find(data.metrics, slug, "metric"), "metric"), level)

    @env.macro
    def metrics_table(kind: str | None = None) -> str:
        return render.metric_table([x for x in data.metrics if kind is None or x.kind.value == kind], link)

    @env.macro
    def changes_table() -> str:
        return changes.changes_table(site_changes, link)

    @env.macro
    def page_changes() -> str:
        """The changes of the rows taught on this page, linked to the "What changed" page."""
        return changes.page_changes(site_changes, current_page(), link)

    # --- glossary (macros/glossary.py): a front page and one page per letter in docs/glossary/ ---

    def glossary_call(render_page, *args):
        letters = {path.stem.upper() for path in (docs_dir / "glossary").glob("*.md")}
        titles = {path: info.title for path, info in site.pages.items()}
        try:
            return render_page(data, letters, titles, link, *args)
        except ValueError as error:
            raise DataError(f"docs/{current_page()}: {error}") from None

    @env.macro
    def glossary_table() -> str:
        return glossary_call(glossary.index_page)

    @env.macro
    def glossary_letter(letter: str) -> str:
        return glossary_call(glossary.letter_page, letter)

    @env.macro
    def diagram(name: str) -> str:
        """An inline SVG diagram (macros/diagrams.py), drawn from the rows it names."""
        try:
            return diagrams.draw(name, data)
        except ValueError as error:
            raise DataError(f"docs/{current_page()}: {error}") from None

    @env.macro
    def decisions_index(code: str, level: int = 2) -> str:
        return exams.decisions_by_domain(exam(code), data.decisions, link, level)

    @env.macro
    def cheat_sheets_index(*codes: str) -> str:
        return exams.sheets_index([exam(code) for code in codes], link)

    @env.macro
    def cheat_sheet(code: str, domain_slug: str) -> str:
        chosen = exam(code), exam_domain(code, domain_slug)
        return cheatsheet.render_sheet(data, f"{code} domain {chosen[1].number}: {chosen[1].title}",
                                       cheatsheet.in_domain(*chosen), link, facts_date)

    @env.macro
    def exam_day_sheet(code: str) -> str:
        return cheatsheet.render_sheet(data, f"{code} exam day", cheatsheet.exam_day(exam(code)), link, facts_date,
                                       scenario_selects=cheatsheet.is_exam_day)

    @env.macro
    def page_tags() -> str:
        """The exam tasks this page serves, under its title, linked to the exam pages."""
        return exams.page_tags(site.pages[current_page()].exams, data.exams, link)

    @env.macro
    def exam_page(code: str) -> str:
        return exams.exam_page(exam(code), site, link)

    @env.macro
    def exam_fact(code: str, field: str) -> str:
        return exams.fact(exam(code), field)

    @env.macro
    def domain_line(code: str, domain_slug: str) -> str:
        return exams.domain_line(exam(code), exam_domain(code, domain_slug), link)

    @env.macro
    def exams_table() -> str:
        return exams.exams_table(data.exams, link)

    # --- practice pages (macros/practice.py): questions, flashcards, timed mock exams ---

    def practice_link(target: str) -> str:
        """A row slug or 'page.md#anchor' as a link relative to the page being rendered."""
        return link(target if "#" in target or target.endswith(".md") else site.row(target).home)

    def practice_title(target: str) -> str:
        if "#" in target or target.endswith(".md"):
            return site.title_of(target, practice.humanize)
        return site.row(target).label

    def practice_call(render_page, *args):
        try:
            return render_page(*args)
        except ValueError as error:
            raise DataError(f"docs/{current_page()}: {error}") from None

    @env.macro
    def practice_overview() -> str:
        for practised in practice.practised_exams(data.exams, data.questions):
            for page in (f"{practised.slug}.md", f"mock-{practised.slug}.md"):
                if not (docs_dir / "practice" / page).exists():
                    raise DataError(f"{practised.code} has practice questions but no docs/practice/{page}: "
                                    f"copy the MLA-C02 page and change the exam code")
        cards = len(practice.decision_cards(data.decisions, practice_link)) + len(data.glossary)
        return practice_call(practice.overview, data.exams, data.questions, practice_link, cards)

    @env.macro
    def practice_exam(code: str) -> str:
        return practice_call(practice.exam_page, exam(code), data.questions, practice_link, practice_title)

    @env.macro
    def practice_mock(code: str) -> str:
        return practice_call(practice.mock_page, exam(code), data.questions, practice_link, practice_title)

    @env.macro
    def practice_flashcards() -> str:
        return practice_call(practice.flashcards, data.decisions, data.glossary, data.exams, practice_link)
