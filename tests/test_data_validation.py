"""Every data file loads; each kind of fault stops loading -- and the build, under both engines -- with a
message naming the file, the entry, the field and the problem."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.loader import load_rows, load_site, load_site_data
from macros.models import Algorithm, Decision, Exam, GlossaryEntry, Metric, Question, Service

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "broken"
BIN = Path(sys.executable).parent


def test_every_data_file_loads():
    data = load_site_data(ROOT / "data")
    assert len(data.algorithms) >= 24 and len(data.exams) >= 4
    assert data.services and data.decisions and data.metrics and data.glossary and data.questions


def test_loading_is_cached_until_a_file_changes(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    first = load_site(project)
    assert load_site(project) is first
    (project / "docs" / "new.md").write_text("# New\n")
    assert load_site(project) is not first and "new.md" in load_site(project).pages


@pytest.mark.parametrize(
    "fixture, model, expected",
    [
        ("yaml_syntax.yml", Algorithm, ["yaml_syntax.yml", "line 4", "YAML syntax error"]),
        ("wrong_type.yml", Algorithm, ["wrong_type.yml", "entry 1 ('bad-type')", "field 'instances.multi_instance'",
                                       "line 12", "valid boolean"]),
        ("unknown_field.yml", Service, ["unknown_field.yml", "entry 1 ('s3-typo')", "field 'choose_wen'",
                                        "unknown field"]),
        ("missing_field.yml", Service, ["missing_field.yml", "entry 2 ('no-source')", "field 'source'",
                                        "missing required field"]),
        ("duplicate_slug.yml", Service, ["duplicate_slug.yml", "entry 2 ('amazon-s3')", "duplicate 'amazon-s3'",
                                         "already used by entry 1"]),
        ("bad_enum.yml", Algorithm, ["bad_enum.yml", "field 'learning'", "'supervised'", "line 5"]),
        ("bad_source.yml", Service, ["bad_source.yml", "field 'source'", "official AWS URL"]),
        ("duplicate_key.yml", Service, ["duplicate_key.yml", "key 'purpose' appears twice", "line 5"]),
        ("not_a_list.yml", Service, ["not_a_list.yml", "must be a non-empty list"]),
        ("ragged_compare.yml", Decision, ["ragged_compare.yml", "field 'compare'", "2 values for 3 columns"]),
        ("bad_latex.yml", Metric, ["bad_latex.yml", "field 'formula'", "cannot be converted"]),
        ("blank_text.yml", Service, ["blank_text.yml", "field 'purpose'", "must not be empty"]),
        ("bad_task_id.yml", GlossaryEntry, ["bad_task_id.yml", "entry 1 ('Dropout')", "field 'exams'",
                                            "'three' is not a task id"]),
        ("question_two_correct.yml", Question, ["question_two_correct.yml", "entry 1 ('fixture-two-correct')",
                                                "exactly 1 correct option, found 2"]),
        ("question_no_explanation.yml", Question, ["question_no_explanation.yml", "field 'explanation'",
                                                   "missing required field"]),
        ("ordering_two_steps.yml", Question, ["entry 1 ('fixture-ordering')", "lists 3 to 5 steps"]),
        ("matching_one_pair.yml", Question, ["entry 1 ('fixture-matching')", "lists 3 to 7 pairs"]),
        ("bad_slug.yml", Service, ["bad_slug.yml", "field 'slug'", "lowercase letters, digits and hyphens"]),
        ("bad_page.yml", Service, ["bad_page.yml", "field 'page'", "must be a page inside docs/"]),
        ("status_without_note.yml", Service, ["entry 1 ('amazon-forecast')", "needs a status_note"]),
        ("unpaired_example.yml", Metric, ["entry 1 ('mae')", "field 'example'", "same length"]),
        ("weights_not_100.yml", Exam, ["entry 1 ('TST-C01')", "domain weights add up to 110, not 100"]),
        ("task_outside_domain.yml", Exam, ["entry 1 ('TST-C02')", "field 'domains.0'",
                                           "task 2.9 does not belong to domain 1"]),
        ("retired_without_date.yml", Exam, ["entry 1 ('TST-C03')", "a retired exam needs retired_on"]),
    ],
)
def test_broken_file_names_file_entry_field_and_problem(fixture, model, expected):
    with pytest.raises(DataError) as caught:
        load_rows(FIXTURES / fixture, model)
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "fixture, as_file, expected",
    [
        ("unknown_exam.yml", "glossary-fixture.yml",
         ["glossary-fixture.yml", "entry 1 ('Fixture term')", "field 'exams.MLX-C09'", "unknown exam 'MLX-C09'"]),
        ("unknown_task.yml", "glossary-fixture.yml",
         ["glossary-fixture.yml", "field 'exams.MLA-C02'", "'5.1' is not a task of MLA-C02"]),
        ("closed_without_today.yml", "decisions-fixture.yml",
         ["decisions-fixture.yml", "entry 1 ('labelling-workforce-fixture')", "field 'scenarios.0.today'",
          "Amazon Mechanical Turk, is ended"]),
        ("question_unknown_slug.yml", "questions-fixture.yml",
         ["questions-fixture.yml", "entry 1 ('fixture-unknown-slug')", "field 'teaches'",
          "no row 'kinesis-data-stream'"]),
    ],
)
def test_references_across_files_are_checked(tmp_path, fixture, as_file, expected):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copy(FIXTURES / fixture, data / as_file)
    with pytest.raises(DataError) as caught:
        load_site_data(data)
    for fragment in expected:
        assert fragment in str(caught.value), f"{fragment!r} missing from: {caught.value}"


def test_unknown_task_in_a_page_s_front_matter_names_the_page_and_field(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "docs" / "extra.md").write_text('---\nexams:\n  MLA-C02: ["9.9"]\n---\n# Extra\n')
    with pytest.raises(DataError, match=r"docs/extra.md: front matter: field 'exams.MLA-C02': '9.9' is not a task"):
        load_site(project)


def _project_with(tmp_path: Path, edit) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site*", "tests", "*.zip", ".cache"))
    edit(project)
    return project


def _break_a_service(project: Path):
    services = project / "data" / "services-storage.yml"
    services.write_text(services.read_text().replace("  slug: amazon-efs\n", "  slug: amazon-efs\n  colour: blue\n", 1))


def _environment():
    return {"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin", "SITE_DIR": "out"}


def test_broken_data_stops_the_mkdocs_build_with_one_clear_message(tmp_path):
    project = _project_with(tmp_path, _break_a_service)
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(project / "out")],
                            cwd=project, capture_output=True, text=True, env=_environment())
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/services-storage.yml: line" in output and "field 'colour': unknown field" in output
    assert "Traceback" not in output
    assert not (project / "out" / "index.html").exists()


@pytest.mark.zensical
def test_broken_data_stops_the_zensical_build_with_the_same_message(tmp_path):
    project = _project_with(tmp_path, _break_a_service)
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=project, capture_output=True,
                            text=True, env=_environment())
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "DataError: data/services-storage.yml: line" in output and "field 'colour': unknown field" in output


def test_an_unknown_row_in_a_page_stops_the_build_naming_the_page(tmp_path):
    def edit(project: Path):
        page = project / "docs" / "data-engineering" / "storage.md"
        page.write_text(page.read_text() + '\n{{ service("amazon-s4") }}\n')
    project = _project_with(tmp_path, edit)
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(project / "out")],
                            cwd=project, capture_output=True, text=True, env=_environment())
    assert result.returncode != 0
    assert "docs/data-engineering/storage.md: no service 'amazon-s4'" in result.stdout + result.stderr


def test_the_json_schema_of_each_kind_is_current():
    """Editors validate data/*.yml as they type through these schemas; regenerate with scripts/schemas.py."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "schemas.py"), "--check"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stdout + result.stderr
