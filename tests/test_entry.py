"""The entry point in-process, as either engine drives it: `define_env` registers macros on an env,
each macro finds its rows, renders them for the current page, and refuses what does not exist."""

from types import SimpleNamespace

import pytest

import macros
from built import DATA, ROOT
from macros.errors import DataError


class FakeEnv:
    """The part of the mkdocs-macros / Zensical env the entry point uses."""

    def __init__(self, url: str):
        self.project_dir = str(ROOT)
        self.conf = {"docs_dir": str(ROOT / "docs"), "extra": {"facts_date": "November 2026"}}
        self.page = SimpleNamespace(url=url)
        self.macros = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def env_for(url: str) -> FakeEnv:
    env = FakeEnv(url)
    macros.define_env(env)
    return env


def test_every_registered_macro_is_used_by_a_page():
    """No dead macros: each one the entry point registers is called from docs/."""
    pages = " ".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs").rglob("*.md"))
    unused = [name for name in env_for("").macros if f"{name}(" not in pages]
    assert not unused


def test_service_renders_on_its_home_page_with_links_relative_to_it():
    service = next(s for s in DATA.services if s.key == "kinesis-data-streams")
    env = env_for("data-engineering/streaming/")
    assert env.macros["service"]("kinesis-data-streams").startswith(f"\n### {service.name} {{#kinesis-data-streams}}")


def test_a_section_rendered_away_from_its_home_is_refused():
    env = env_for("modeling/tuning/")
    with pytest.raises(DataError, match="docs/modeling/tuning.md: the service 'kinesis-data-streams' is taught on "
                                        "data-engineering/streaming.md"):
        env.macros["service"]("kinesis-data-streams")


@pytest.mark.parametrize("macro, args, message", [
    ("service", ("amazon-s4",), "docs/data-engineering/storage.md: no service 'amazon-s4'"),
    ("decision", ("no-such-table",), "no decision 'no-such-table'"),
    ("metric", ("f2",), "no metric 'f2'"),
    ("algorithm", ("xgbost",), "no algorithm 'xgbost'"),
    ("exam_page", ("MLX-C09",), "no exam 'MLX-C09'"),
    ("cheat_sheet", ("MLS-C01", "cooking"), "MLS-C01 has no domain 'cooking'"),
    ("algorithms_table", ("gpu",), "unknown algorithm view 'gpu'"),
])
def test_unknown_names_stop_the_build_naming_the_page(macro, args, message):
    with pytest.raises(DataError, match=message):
        env_for("data-engineering/storage/").macros[macro](*args)


def test_links_are_relative_md_paths_from_the_current_page():
    letter = env_for("glossary/k/").macros["glossary_letter"]("K")
    assert "](../data-engineering/streaming.md#kinesis-data-streams)" in letter
    deeper = env_for("cheatsheets/mls-c01/data-engineering/").macros["cheat_sheet"]("MLS-C01", "data-engineering")
    assert "](../../data-engineering/streaming.md#kinesis-data-streams)" in deeper


def test_offline_urls_resolve_to_the_same_page():
    assert env_for("glossary/k.html").macros["glossary_letter"]("K") == env_for("glossary/k/").macros["glossary_letter"]("K")


def test_page_tags_come_from_the_page_s_front_matter():
    tags = env_for("modeling/tuning/").macros["page_tags"]()
    assert "[MLS-C01 3.4](../exams/mls-c01.md#task-3-4)" in tags


def test_exam_macros_read_the_registry():
    env = env_for("exam/")
    assert env.macros["exam_fact"]("MLS-C01", "retired_on") == "31 March 2026"
    assert "| [**MLA-C02**](exams/mla-c02.md) |" in env.macros["exams_table"]()
    assert "[MLS-C01 domain 3 · 36% of the scored exam.](exams/mls-c01.md#domain-3)" in \
        env.macros["domain_line"]("MLS-C01", "modeling")


def test_decision_index_and_sheet_index_list_the_registry_s_domains():
    env = env_for("decisions/")
    index = env.macros["decisions_index"]("MLA-C02", 3)
    assert all(f"{{#mla-c02-{d.slug}}}" in index for d in DATA.exams[2].domains if d.number <= 2)
    sheets = env_for("cheatsheets/").macros["cheat_sheets_index"]("MLS-C01")
    assert "[Open](mls-c01/modeling.md)" in sheets and "36%" in sheets


def test_metrics_table_filters_by_kind():
    table = env_for("formulas/").macros["metrics_table"]("regression")
    assert "Root mean squared error" in table or "RMSE" in table
    assert "Accuracy" not in table


def test_changes_lists_dated_events_newest_first():
    table = env_for("changes/").macros["changes_table"]()
    assert table.index("30 September 2026") < table.index("December 2025") < table.index("5 January 2023")
