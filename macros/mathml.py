"""LaTeX to MathML at build time, so formulas need no script, no font download and print as text.

`to_mathml` serves the formulas stored in data/; `convert_arithmatex` the `$...$` and `$$...$$`
that pages write through pymdownx.arithmatex (generic mode).
"""

import functools
import html
import re

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


_LEFTOVER_COMMAND = re.compile(r">[^<]*\\[A-Za-z]+")


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
    return markup.replace("<math ", f'<math alttext="{html.escape(latex, quote=True)}" ', 1)


def convert_arithmatex(page_html: str) -> str:
    """Replace arithmatex's script-rendered spans and divs with MathML."""

    def replacer(display: bool):
        return lambda match: to_mathml(html.unescape(match.group(1)), display)

    return _INLINE.sub(replacer(False), _BLOCK.sub(replacer(True), page_html))
