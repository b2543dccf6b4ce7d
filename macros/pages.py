"""What the site knows about its pages before rendering them: title and exam tags from each page's
front matter, and relative links between pages written as `.md` paths the engine checks."""

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import DataError
from .models import ExamTags

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)


class PageMeta(BaseModel):
    """The front matter this project reads; other keys (Material's search boost, tags) pass through."""
    model_config = ConfigDict(extra="allow")
    exams: ExamTags = {}


@dataclass(frozen=True)
class PageInfo:
    path: str  # inside docs/, like 'modeling/tuning.md'
    title: str
    exams: dict = field(default_factory=dict)


def read_page(docs_dir: Path, path: Path) -> PageInfo:
    text = path.read_text(encoding="utf-8")
    shown = str(path.relative_to(docs_dir.parent))
    meta = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as error:
            raise DataError(f"{shown}: front matter: YAML syntax error: {getattr(error, 'problem', error)}") from None
    try:
        exams = PageMeta.model_validate(meta).exams
    except ValidationError as error:
        problem = error.errors()[0]
        field_name = ".".join(str(part) for part in problem["loc"])
        raise DataError(f"{shown}: front matter: field '{field_name}': {problem['msg']}") from None
    title = _TITLE.search(text, match.end() if match else 0)
    relative = path.relative_to(docs_dir).as_posix()
    return PageInfo(relative, title.group(1).strip() if title else relative, exams)


def read_pages(docs_dir: Path) -> dict[str, PageInfo]:
    return {info.path: info for info in (read_page(docs_dir, path) for path in sorted(docs_dir.rglob("*.md")))}


def relative_link(from_page: str, target: str) -> str:
    """Link from docs/`from_page` to docs/`target` ('path/page.md#anchor'), as a relative .md path."""
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        raise ValueError(f"link target must be a Markdown page inside docs/: {target}")
    url = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return url + (f"#{anchor}" if anchor else "")


def source_of(url: str, docs_dir: Path) -> str:
    """The docs/ path of the page served at `url`, under either engine and either URL style
    ('a/b/', 'a/b.html', 'a/b/index.html', '' for the home page)."""
    parts = url.strip("/").removesuffix(".html").split("/")
    stem = "/".join(parts[:-1] if parts[-1] == "index" else parts)
    for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        if (docs_dir / candidate).is_file():
            return candidate
    raise DataError(f"no page in docs/ is served at '{url}'")
