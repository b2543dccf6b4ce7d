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
