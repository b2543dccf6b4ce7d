"""Every data file loads; each kind of fault stops loading with a message naming file, entry, field and line."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import DataError, load_rows, load_site_data
from macros.models import Algorithm, Decision, Metric, Service

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "broken"


def test_every_data_file_loads():
    data = load_site_data(ROOT / "data")
    assert len(data.algorithms) >= 24
    assert data.services and data.decisions and data.metrics and data.glossary


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
    ],
)
def test_broken_file_names_file_entry_field_and_problem(fixture, model, expected):
    with pytest.raises(DataError) as caught:
        load_rows(FIXTURES / fixture, model)
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert "Traceback" not in message


def test_broken_data_stops_the_build_with_one_clear_message(tmp_path):
    """A real `mkdocs build` on a copy of the project with one broken row: no traceback, nothing written."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site*", "tests", "*.zip"))
    services = project / "data" / "services.yml"
    services.write_text(services.read_text().replace("page: data-engineering/storage.md",
                                                     "page: data-engineering/storage.md\n  colour: blue", 1))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "out")],
                            cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1",
                                                                               "PATH": "/usr/bin:/bin"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/services.yml: line" in output and "field 'colour': unknown field" in output
    assert "Traceback" not in output
    assert not (project / "out" / "index.html").exists()
