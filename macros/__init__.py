"""mkdocs-macros entry point: load and validate data/, then expose the rendering macros.

Nothing here renders by itself; each macro looks rows up and hands them to `render` or
`cheatsheet`. A broken data file stops the build here, before any page is written.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import cheatsheet, glossary, render
from .loader import DataError, SiteData, load_site_data
from .models import Domain

ALGORITHMS_PAGE = "modeling/built-in-algorithms.md"


def _lookup(rows, slug: str, kind: str):
    for row in rows:
        if row.slug == slug:
            return row
    raise PluginError(f"No {kind} with slug '{slug}' in data/{kind}s.yml")


def define_env(env) -> None:
    project = Path(env.project_dir)
    try:
        data: SiteData = load_site_data(project / "data")
    except DataError as error:
        raise PluginError(f"Invalid data: {error}") from None

    def relative(target: str) -> str:
        """URL of docs/`target` as seen from the page being rendered."""
        return glossary.relative_url(env.page.url, target, env.conf["use_directory_urls"])

    def algorithms_prefix() -> str:
        return "" if env.page.file.src_uri == ALGORITHMS_PAGE else relative(ALGORITHMS_PAGE)

    def domain(name: str | None) -> Domain | None:
        try:
            return Domain(name) if name else None
        except ValueError:
            raise PluginError(f"Unknown domain '{name}'; use one of: {', '.join(d.value for d in Domain)}") from None

    @env.macro
    def algorithms_table(view: str = "all") -> str:
        try:
            return render.algorithm_table(data.algorithms, view, algorithms_prefix())
        except ValueError as error:
            raise PluginError(str(error)) from None

    @env.macro
    def algorithms_tuning_table() -> str:
        return render.algorithm_tuning_table(data.algorithms, algorithms_prefix())

    @env.macro
    def algorithm_chooser() -> str:
        return render.algorithm_chooser(data.algorithms, algorithms_prefix())

    @env.macro
    def algorithm(slug: str, level: int = 2) -> str:
        return render.algorithm_section(_lookup(data.algorithms, slug, "algorithm"), level)

    def at_home(row, kind: str):
        """Sections are rendered on the page their row names, so links and the glossary find them."""
        if env.page.file.src_uri != row.page:
            raise PluginError(f"{env.page.file.src_uri}: the {kind} '{row.slug}' is taught on {row.page}; "
                              f"render its section there and link to it from here")
        return row

    @env.macro
    def service(slug: str, level: int = 3) -> str:
        return render.service_section(at_home(_lookup(data.services, slug, "service"), "service"), level)

    @env.macro
    def decision(slug: str, level: int = 3) -> str:
        return render.decision_section(_lookup(data.decisions, slug, "decision"), level)

    @env.macro
    def decisions(domain_name: str | None = None, level: int = 3) -> str:
        wanted = domain(domain_name)
        return "".join(render.decision_section(d, level) for d in data.decisions
                       if wanted is None or d.domain is wanted)

    @env.macro
    def metric(slug: str, level: int = 3) -> str:
        return render.metric_section(at_home(_lookup(data.metrics, slug, "metric"), "metric"), level)

    @env.macro
    def metrics_table(kind: str | None = None) -> str:
        return render.metric_table([m for m in data.metrics if kind is None or m.kind.value == kind])

    @env.macro
    def glossary_table() -> str:
        return glossary.glossary_table(data, relative)

    @env.macro
    def cheat_sheet(domain_name: str) -> str:
        return cheatsheet.render_sheet(data, domain(domain_name), relative, env.conf["extra"]["facts_date"])

    # --- practice (helper) ---
    # Practice pages (docs/practice/): questions, progress tables, flashcards, timed mock exams.
    # Rendering lives in macros/practice.py; `practice_link` below is a temporary stand-in for the
    # lead's shared link resolver: a row slug or 'page.md#anchor' -> a relative .md URL, which
    # MkDocs rewrites for each build and checks under --strict.
    import posixpath

    from . import practice

    practice_rows = {}  # slug -> (page.md#anchor, title)
    for row in data.services:
        practice_rows[row.slug] = (f"{row.page}#{row.slug}", row.name)
    for row in data.decisions:
        practice_rows[row.slug] = (f"{row.page}#{row.slug}", row.title)
    for row in data.metrics:
        practice_rows[row.slug] = (f"{row.page}#{row.slug}", row.name)
    for row in data.algorithms:
        practice_rows[row.slug] = (f"{ALGORITHMS_PAGE}#{row.slug}", row.name)
    practice_titles = {g.link: g.term for g in data.glossary}

    def practice_target(target: str) -> str:
        if target.partition("#")[0].endswith(".md"):
            return target
        if target not in practice_rows:
            raise PluginError(f"{env.page.file.src_uri}: no service, decision, metric or algorithm "
                              f"has the slug '{target}' to link to")
        return practice_rows[target][0]

    def practice_link(target: str) -> str:
        path, _, anchor = practice_target(target).partition("#")
        url = posixpath.relpath(path, posixpath.dirname(env.page.file.src_uri) or ".")
        return url + (f"#{anchor}" if anchor else "")

    def practice_title(target: str) -> str:
        if target in practice_rows:
            return practice_rows[target][1]
        return practice_titles.get(target) or practice.humanize(target)

    def practice_exam_row(code: str):
        for exam in data.exams:
            if exam.code == code:
                return exam
        raise PluginError(f"No exam '{code}' in data/exams.yml")

    def practice_call(render, *args):
        try:
            return render(*args)
        except ValueError as error:
            raise PluginError(f"{env.page.file.src_uri}: {error}") from None

    @env.macro
    def practice_overview() -> str:
        for exam in practice.practised_exams(data.exams, data.questions):
            for page in (f"{exam.slug}.md", f"mock-{exam.slug}.md"):
                if not (Path(env.conf["docs_dir"]) / "practice" / page).exists():
                    raise PluginError(f"{exam.code} has practice questions but no docs/practice/{page}: "
                                      f"copy the MLA-C02 page and change the exam code")
        cards = len(practice.decision_cards(data.decisions, practice_link))
        cards += len(data.glossary)
        return practice_call(practice.overview, data.exams, data.questions, practice_link, cards)

    @env.macro
    def practice_exam(code: str) -> str:
        return practice_call(practice.exam_page, practice_exam_row(code), data.questions, practice_link,
                             practice_title)

    @env.macro
    def practice_mock(code: str) -> str:
        return practice_call(practice.mock_page, practice_exam_row(code), data.questions, practice_link,
                             practice_title)

    @env.macro
    def practice_flashcards() -> str:
        return practice_call(practice.flashcards, data.decisions, data.glossary, data.exams, practice_link)
