"""The loader's messages, word for word: a fault in a data file names the file (relative to where the
build runs), the line, the entry and the field, then the problem, so an author can go straight to it.

These tests write small YAML files and validate them with a small schema of their own, so they
check the loader's mechanics (lines, labels, nesting, ordering) apart from the site's schemas, which
tests/test_data_validation.py covers with the real models."""

import os
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, model_validator

from built import DATA, ROOT, SITE
from macros.errors import DataError
from macros.loader import load_rows, load_site, load_site_data


class Entry(BaseModel):
    """Any of the names the loader labels entries by; `size` and `parts` give nested fields."""
    model_config = ConfigDict(extra="forbid")
    slug: str | None = None
    code: str | None = None
    name: str | None = None
    title: str | None = None
    term: str | None = None
    size: int = 0
    amount: int | list[int] = 0
    parts: list[int] = []
    limits: dict[str, int] = {}

    @model_validator(mode="after")
    def _named(self):
        if self.key == "nameless":
            raise ValueError("needs a name")
        return self

    @property
    def key(self) -> str:
        return str(self.slug or self.code or self.name or self.title or self.term)


@pytest.fixture
def write(tmp_path, monkeypatch):
    """Write data/<name> under a temporary working directory; messages show paths relative to it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()

    def write(name: str, text: str) -> Path:
        path = tmp_path / "data" / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


INT = "Input should be a valid integer, unable to parse string as an integer"


def message(path: Path, model=Entry) -> str:
    with pytest.raises(DataError) as caught:
        load_rows(path, model)
    return str(caught.value)


@pytest.mark.parametrize("key", ["slug", "code", "name", "title", "term"])
def test_an_entry_is_named_by_its_first_identifying_field(write, key):
    path = write("rows.yml", f"- slug: first\n- {key}: Second one\n  size: big\n")
    assert message(path) == f"data/rows.yml: line 3: entry 2 ('Second one'): field 'size': {INT}"


def test_slug_names_an_entry_before_the_other_identifying_fields(write):
    path = write("rows.yml", "- term: T\n  title: Ti\n  name: N\n  code: C\n  slug: s\n  size: x\n")
    assert message(path).startswith("data/rows.yml: line 6: entry 1 ('s'): field 'size'")
    path = write("rows.yml", "- term: T\n  title: Ti\n  size: x\n")
    assert message(path).startswith("data/rows.yml: line 3: entry 1 ('Ti'): field 'size'")


@pytest.mark.parametrize("text, expected", [
    pytest.param("- slug: a\n- slug: b\n- slug: 3\n",
                 "data/rows.yml: line 3: entry 3: field 'slug': Input should be a valid string",
                 id="an entry without a text name is named by its number"),
    pytest.param("- slug: a\n  parts:\n    - 1\n    - 2\n    - three\n",
                 f"data/rows.yml: line 5: entry 1 ('a'): field 'parts.2': {INT}",
                 id="a fault in a list item points at the item's line"),
    pytest.param("- slug: a\n  limits:\n    ok: 1\n    bad: many\n",
                 f"data/rows.yml: line 4: entry 1 ('a'): field 'limits.bad': {INT}",
                 id="a fault in a nested mapping points at its key's line"),
    pytest.param("- slug: a\n  size: 1\n\n  amount: lots\n",
                 f"data/rows.yml: line 4: entry 1 ('a'): field 'amount.int': {INT}\n"
                 "data/rows.yml: line 4: entry 1 ('a'): field 'amount.list[int]': Input should be a valid list",
                 id="a value that fits no alternative lists each on the field's line"),
    pytest.param("- slug: a\n- slug: nameless\n",
                 "data/rows.yml: line 2: entry 2 ('nameless'): field '(entry)': Value error, needs a name",
                 id="a fault of the whole entry is reported as the entry"),
    pytest.param("- slug: a\n- slug: b\n  limits:\n    x: 1\n    y: 2\n    x: 3\n",
                 "data/rows.yml: line 6: key 'x' appears twice (first on line 4)",
                 id="a key written twice inside a nested mapping names both lines"),
    pytest.param("- slug: a\n- slug: Kinesis\n- slug: b\n- slug: kinesis\n",
                 "data/rows.yml: line 4: entry 4 ('kinesis'): duplicate 'kinesis' (already used by entry 2)",
                 id="keys differing only in case are duplicates"),
    pytest.param("- slug: a\n  parts: [1\n",
                 "data/rows.yml: line 3, column 1: YAML syntax error: did not find expected ',' or ']'",
                 id="a YAML syntax error gives line and column"),
    pytest.param("- slug: \x07\n",
                 "data/rows.yml: YAML syntax error: unacceptable character #x0007: "
                 "control characters are not allowed\n  in \"<unicode string>\", position 8",
                 id="a YAML error without a position is reported whole"),
    pytest.param("- slug: a\n- just text\n", "data/rows.yml: line 2: entry 2: must be a mapping of fields",
                 id="an entry that is not a mapping is refused"),
])
def test_a_faulty_file_is_reported_word_for_word(write, text, expected):
    assert message(write("rows.yml", text)) == expected


def test_every_fault_of_an_entry_is_listed_in_line_order(write):
    path = write("rows.yml", "- slug: a\n  parts: [x]\n  size: y\n  colour: blue\n")
    assert message(path).splitlines() == [
        f"data/rows.yml: line 2: entry 1 ('a'): field 'parts.0': {INT}",
        f"data/rows.yml: line 3: entry 1 ('a'): field 'size': {INT}",
        "data/rows.yml: line 4: entry 1 ('a'): field 'colour': unknown field (not in the schema; check the spelling)",
    ]


def test_a_missing_field_points_at_the_entry_s_first_line(write):
    class Named(BaseModel):
        slug: str
        purpose: str

        @property
        def key(self):
            return self.slug
    path = write("rows.yml", "- slug: a\n  purpose: p\n\n- slug: b\n  extra: 1\n")
    assert message(path, Named) == "data/rows.yml: line 4: entry 2 ('b'): field 'purpose': missing required field"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[]\n", "slug: a\n"])
def test_a_file_that_is_not_a_list_of_entries_is_refused(write, text):
    path = write("rows.yml", text)
    assert message(path) == "data/rows.yml: must be a non-empty list of entries (each starting with '- ')"


def test_a_file_that_cannot_be_read_says_why(write):
    path = write("rows.yml", "- slug: a\n")
    path.unlink()
    path.mkdir()
    assert message(path) == "data/rows.yml: cannot be read (Is a directory)"


def test_a_path_outside_the_working_directory_is_shown_in_full(write, tmp_path, monkeypatch):
    path = write("rows.yml", "- a\n")
    monkeypatch.chdir(ROOT)
    assert message(path) == f"{path}: line 1: entry 1: must be a mapping of fields"


def test_a_kind_without_any_file_is_reported_missing(write, tmp_path):
    assert not list((tmp_path / "data").iterdir())
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    assert str(caught.value) == "data/exams.yml: file is missing"


def test_a_key_used_in_two_files_of_a_kind_names_both_places(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    storage = tmp_path / "data" / "services-storage.yml"
    shutil.copy(storage, tmp_path / "data" / "services-zz.yml")
    lines = storage.read_text(encoding="utf-8").splitlines()
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("- "))
    slug = next(line.split(":", 1)[1].strip() for line in lines[first - 1:] if line.startswith("  slug:"))
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    assert str(caught.value) == (f"data/services-zz.yml: line {first}: entry 1 ('{slug}'): duplicate '{slug}' "
                                 f"(already used in data/services-storage.yml: line {first}: entry 1 ('{slug}'))")


DECISION_WITH_FAULTS = """\
- title: Fixture decision
  slug: fixture-decision
  page: exploratory-data-analysis/labeling.md
  summary: Who labels the data.
  exams: {MLX-C09: ["1.1"], MLS-C01: ["9.9"]}
  checked: 2026-11-28
  scenarios:
    - scenario: A scenario without a service.
      choice: Anything
      why: Because.
      wrong: Something else
      wrong_why: Costs more.
      source: https://docs.aws.amazon.com/sagemaker/latest/dg/sms.html
    - scenario: A scenario naming a service that is not there.
      choice: Amazon S4
      service: amazon-s4
      why: Because.
      wrong: Something else
      wrong_why: Costs more.
      source: https://docs.aws.amazon.com/sagemaker/latest/dg/sms.html
"""


def test_every_cross_file_fault_is_listed_one_per_line(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "decisions-fixture.yml").write_text(DECISION_WITH_FAULTS, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    where = "data/decisions-fixture.yml: line 1: entry 1 ('fixture-decision')"
    mls = next(exam for exam in DATA.exams if exam.code == "MLS-C01")
    assert str(caught.value).splitlines() == [
        f"{where}: field 'exams.MLX-C09': unknown exam 'MLX-C09' (known: {', '.join(e.code for e in DATA.exams)})",
        f"{where}: field 'exams.MLS-C01': '9.9' is not a task of MLS-C01 (its tasks: {', '.join(mls.tasks)})",
        f"{where}: field 'scenarios.1.service': no service 'amazon-s4'",
    ]


def test_an_unknown_row_slug_is_refused_naming_the_kinds_searched():
    with pytest.raises(DataError) as caught:
        SITE.row("no-such-row")
    assert str(caught.value) == "no row 'no-such-row' in data/ (services, decisions, metrics, algorithms, glossary)"


def test_editing_a_data_file_reloads_the_site(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    first = load_site(tmp_path)
    assert load_site(tmp_path) is first
    exams = tmp_path / "data" / "exams.yml"
    os.utime(exams, ns=(exams.stat().st_atime_ns, exams.stat().st_mtime_ns + 10**9))
    assert load_site(tmp_path) is not first
