"""Load the YAML data files and validate every row against its schema.

Any fault -- YAML syntax, a duplicate key, a wrong type, an unknown or missing field, a
duplicate slug -- raises DataError with one message naming the file, the entry, the field,
the problem and the line, so the build can stop before a single page is rendered.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .models import MODELS_BY_FILE


# libyaml's parser when PyYAML was built with it (the PyPI wheels are), else the pure-Python one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Kinds whose files are still being written (TEMPORARY during the exams/practice work)
OPTIONAL_KINDS = {"exams", "questions"}


class DataError(Exception):
    """A data file is broken; the message says where and how."""


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
        for key in ("slug", "name", "title", "term"):
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


def load_rows(path: Path, model: type[BaseModel]) -> tuple:
    """Parse one YAML file holding a list of rows and validate each row with `model`."""
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
        if not isinstance(item, dict):
            raise DataError(f"{_shown(path)}: line {node.start_mark.line + 1}: {label}: must be a mapping of fields")
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
        key = getattr(row, "slug", None) or getattr(row, "term", None) or row.code
        if key.lower() in seen:
            raise DataError(
                f"{_shown(path)}: line {node.start_mark.line + 1}: {label}: duplicate '{key}' "
                f"(already used by entry {seen[key.lower()]})"
            )
        seen[key.lower()] = index + 1
        rows.append(row)
    return tuple(rows)


def _data_files(data_dir: Path, stem: str) -> list[Path]:
    return sorted(data_dir.glob(f"{stem}.yml")) + sorted(data_dir.glob(f"{stem}-*.yml"))


def load_site_data(data_dir: Path) -> SiteData:
    loaded = {}
    for stem, model in MODELS_BY_FILE.items():
        files = _data_files(data_dir, stem)
        if not files and stem in OPTIONAL_KINDS:
            loaded[stem] = ()
            continue
        if not files:
            raise DataError(f"{data_dir / (stem + '.yml')}: file is missing")
        rows = tuple(row for path in files for row in load_rows(path, model))
        keys = [getattr(row, "slug", None) or getattr(row, "term") for row in rows]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise DataError(f"{data_dir}: {stem} entries share a slug across files: {', '.join(duplicates)}")
        loaded[stem] = rows
    return SiteData(**loaded)
