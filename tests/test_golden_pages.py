"""Golden files of every page's macro output: each docs/ page that calls macros is rendered in-process,
as mkdocs-macros renders it, and what each call returns must equal tests/golden/<page>.md.

A change to a renderer, a diagram or a data row shows here as a readable diff of the Markdown a page
receives. When the change is intended, refresh the golden files and review their diff in git:

    make golden        # or: GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/test_golden_pages.py

Only the macro calls are recorded (not the prose around them), so editing a page's text never
touches its golden file; adding, removing or changing a call, or the rows it renders, does.
"""

import difflib
import os
import re

import jinja2
import pytest

from built import ROOT, built_page
from test_entry import env_for

DOCS = ROOT / "docs"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CALL = re.compile(r"\{\{(.*?)\}\}", re.S)
COMMENT = re.compile(r"\{##.*?##\}", re.S)  # the macros plugin's comment delimiters (mkdocs.yml)

PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")
               if CALL.search(COMMENT.sub("", FRONT_MATTER.sub("", path.read_text(encoding="utf-8")))))


def calls_of(page: str) -> list[str]:
    """The page's macro calls in order, each once, as written (white space folded)."""
    body = COMMENT.sub("", FRONT_MATTER.sub("", (DOCS / page).read_text(encoding="utf-8")))
    return list(dict.fromkeys(" ".join(call.split()) for call in CALL.findall(body)))


def rendered(page: str) -> str:
    """Each call of the page and what it renders, in the jinja2 environment mkdocs.yml configures."""
    env = env_for(built_page(page))
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, comment_start_string="{##",
                               comment_end_string="##}")
    jinja.globals.update(env.macros)
    jinja.globals.update(env.conf["extra"])
    parts = [f"<!-- golden output of the macro calls in docs/{page} -->\n"]
    for call in calls_of(page):
        parts.append(f"<!-- {{{{ {call} }}}} -->\n{jinja.from_string('{{ ' + call + ' }}').render()}\n")
    return "\n".join(parts)


def test_every_page_with_macro_calls_has_a_golden_file_and_no_golden_file_is_orphaned():
    golden = sorted(path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md"))
    if UPDATE:
        for orphan in set(golden) - set(PAGES):
            (GOLDEN / orphan).unlink()
        return
    assert golden == PAGES, (
        f"pages without a golden file: {sorted(set(PAGES) - set(golden))}; golden files without a page: "
        f"{sorted(set(golden) - set(PAGES))}. Run `make golden`.")


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_the_macro_output_recorded_in_its_golden_file(page):
    actual = rendered(page)
    golden = GOLDEN / page
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file tests/golden/{page}: run `make golden`"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"tests/golden/{page}", f"docs/{page} rendered now", n=2))
        pytest.fail(f"docs/{page} renders differently from its golden file (if intended, run `make golden` "
                    f"and review the diff):\n{diff[:6000]}", pytrace=False)
