"""LaTeX to MathML at build time, so formulas need no script, no font download and print as text.

`to_mathml` checks and converts one formula; `MathMLExtension` converts every `$...$` and `$$...$$`
of a page (pymdownx.arithmatex finds them; data sections write them the same way).
"""

import functools
import html
import re

from latex2mathml.converter import convert
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_LEFTOVER_COMMAND = re.compile(r">[^<]*\\[A-Za-z]+")
# Capitals written side by side are one name on this site (TP, FN, MAE), never a product: set upright
_CAPITAL_RUN = re.compile(r"(?:<mi>[A-Z]</mi>){2,}")


def _upright_names(markup: str) -> str:
    return _CAPITAL_RUN.sub(lambda run: f'<mi mathvariant="normal">{re.sub("<[^>]+>", "", run.group(0))}</mi>', markup)


def _braces_balance(latex: str) -> bool:
    depth = 0
    for previous, char in zip(" " + latex, latex):
        if previous == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@functools.lru_cache(maxsize=None)  # the same formula is validated, shown on its page and on a cheat sheet
def to_mathml(latex: str, display: bool = False) -> str:
    try:
        if not _braces_balance(latex):
            raise ValueError("unbalanced braces")
        markup = convert(latex, display="block" if display else "inline")
        leftover = _LEFTOVER_COMMAND.search(markup)
        if leftover:
            raise ValueError(f"unknown command {leftover.group(0)[1:]!r}")
    except Exception as error:  # latex2mathml raises many kinds of errors for bad input
        raise ValueError(f"LaTeX formula cannot be converted ({error or type(error).__name__}): {latex}") from None
    return _upright_names(markup).replace("<math ", f'<math alttext="{html.escape(latex, quote=True)}" ', 1)


class _ArithmatexToMathML(Treeprocessor):
    """pymdownx.arithmatex (generic mode) leaves `\\(...\\)` in a span and `\\[...\\]` in a div;
    this swaps each for the MathML of its formula, stashed so later steps leave the markup alone."""

    def run(self, root):
        for element in root.iter():
            if element.get("class") != "arithmatex" or element.text is None:
                continue
            display = element.tag == "div"
            latex = element.text.strip()[2:-2]
            element.text = self.md.htmlStash.store(to_mathml(html.unescape(latex.strip()), display))
            del element.attrib["class"]
            element.set("class", "formula" if display else "formula-inline")


class MathMLExtension(Extension):
    """Formulas become MathML while Markdown converts the page: no script, no network."""

    def extendMarkdown(self, md):
        # After the inline patterns (priority 20) make the arithmatex elements, before anything serialises them
        md.treeprocessors.register(_ArithmatexToMathML(md), "mathml", 15)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return MathMLExtension(**kwargs)
