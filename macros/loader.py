"""Load the YAML data files and validate every row against its schema.

Any fault -- YAML syntax, a duplicate key, a wrong type, an unknown or missing field, a
duplicate slug -- raises DataError with one message naming the file, the entry, the field,
the problem and the line, so the build can stop before a single page is rendered.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError
from .models import MODELS_BY_FILE
from .pages import read_pages
from .references import check_references, tag_problems


# libyaml's parser when PyYAML was built with it (the PyPI wheels are), else the pure-Python one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SiteData:
    exams: tuple
    algorithms: tuple
    services: tuple
    decisions: tuple
    metrics: tuple
    glossary: tuple
    questions: tuple


def _shown(path: Path) -> str:
    """The path as the author knows it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _entry_label(item: dict | object, index: int) -> str:
    if isinstance(item, dict):
        for key in ("slug", "code", "name", "title", "term"):
            if isinstance(item.get(key), str):
                return f"entry {index + 1} ('{item[key]}')"
    return f"entry {index + 1}"


def _field_line(node: yaml.Node, location: tuple) -> int:
    """Line (1-based) of the deepest node of `location` that exists in the YAML tree."""
    line = node.start_mark.line + 1
    for step in location:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == step]
            if not match:
                break
            key = next(k for k, v in node.value if k.value == step)
            line, node = key.start_mark.line + 1, match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _check_duplicate_keys(node: yaml.Node, path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            if key.value in seen:
                raise DataError(
                    f"{_shown(path)}: line {key.start_mark.line + 1}: key '{key.value}' appears twice "
                    f"(first on line {seen[key.value]})"
                )
            seen[key.value] = key.start_mark.line + 1
            _check_duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _check_duplicate_keys(child, path)


def _describe(error: dict) -> str:
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown field (not in the schema; check the spelling)"
    elif error["type"] == "missing":
        message = "missing required field"
    return message


def _load_file(path: Path, model: type[BaseModel]) -> list[tuple]:
    """Parse one YAML file holding a list of rows; validate each with `model`; keep where each row is."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{_shown(path)}: cannot be read ({error.strerror})") from None
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()  # nodes keep line numbers for the error messages
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{_shown(path)}: {where}YAML syntax error: {problem}") from None
    if not isinstance(data, list) or not data:
        raise DataError(f"{_shown(path)}: must be a non-empty list of entries (each starting with '- ')")
    _check_duplicate_keys(root, path)

    rows, seen = [], {}
    for index, (item, node) in enumerate(zip(data, root.value)):
        label = _entry_label(item, index)
        where = f"{_shown(path)}: line {node.start_mark.line + 1}: {label}"
        if not isinstance(item, dict):
            raise DataError(f"{where}: must be a mapping of fields")
        try:
            row = model.model_validate(item)
        except ValidationError as error:
            problems = sorted(
                (_field_line(node, tuple(e["loc"])), ".".join(str(p) for p in e["loc"]) or "(entry)", _describe(e))
                for e in error.errors()
            )
            raise DataError("\n".join(
                f"{_shown(path)}: line {line}: {label}: field '{field}': {problem}"
                for line, field, problem in problems
            )) from None
        if row.key.lower() in seen:
            raise DataError(f"{where}: duplicate '{row.key}' (already used by entry {seen[row.key.lower()]})")
        seen[row.key.lower()] = index + 1
        rows.append((row, where))
    return rows


def load_rows(path: Path, model: type[BaseModel]) -> tuple:
    """Parse one YAML file holding a list of rows and validate each row with `model`."""
    return tuple(row for row, _ in _load_file(path, model))


def _data_files(data_dir: Path, stem: str) -> list[Path]:
    return sorted(data_dir.glob(f"{stem}.yml")) + sorted(data_dir.glob(f"{stem}-*.yml"))


def load_site_data(data_dir: Path) -> SiteData:
    """Every kind's rows, validated one by one and then against each other."""
    loaded, where = {}, {}
    for stem, model in MODELS_BY_FILE.items():
        files = _data_files(data_dir, stem)
        if not files:
            raise DataError(f"{_shown(data_dir / (stem + '.yml'))}: file is missing")
        located = [pair for path in files for pair in _load_file(path, model)]
        seen = {}
        for row, row_where in located:
            if row.key in seen:
                raise DataError(f"{row_where}: duplicate '{row.key}' (already used in {seen[row.key]})")
            seen[row.key] = row_where
            where[id(row)] = row_where
        loaded[stem] = tuple(row for row, _ in located)
    data = SiteData(**loaded)
    check_references(data, lambda row: where[id(row)])
    return data


# Kinds whose rows have a section of their own that links and questions can point at
LINKABLE_KINDS = ("services", "decisions", "metrics", "algorithms", "glossary")


@dataclass(frozen=True)
class Site:
    """Everything the macros read: the validated rows and what each page declares."""
    data: SiteData
    pages: dict

    def row(self, key: str):
        """The row with this key, of whichever linkable kind."""
        for kind in LINKABLE_KINDS:
            for row in getattr(self.data, kind):
                if row.key == key:
                    return row
        raise DataError(f"no row '{key}' in data/ ({', '.join(LINKABLE_KINDS)})")

    def title_of(self, target: str, fallback) -> str:
        """How a link to 'page.md#anchor' reads: the row taught there, else fallback(target)."""
        for kind in LINKABLE_KINDS:
            for row in getattr(self.data, kind):
                if row.home == target:
                    return row.label
        return fallback(target)


def _fingerprint(project_dir: Path) -> tuple:
    files = sorted((project_dir / "data").glob("*.yml")) + sorted((project_dir / "docs").rglob("*.md"))
    return tuple((str(path), path.stat().st_mtime_ns) for path in files)


def load_site(project_dir: Path) -> Site:
    """Load and validate once per build: later calls reuse the result until a data file or page changes."""
    return _load_site(project_dir, _fingerprint(project_dir))


@functools.lru_cache(maxsize=1)
def _load_site(project_dir: Path, _fingerprint: tuple) -> Site:
    data = load_site_data(project_dir / "data")
    pages = read_pages(project_dir / "docs")
    exams = {exam.code: exam for exam in data.exams}
    problems = [f"docs/{page.path}: front matter: {problem}"
                for page in pages.values() for problem in tag_problems(exams, page.exams)]
    if problems:
        raise DataError("\n".join(problems))
    return Site(data, pages)
