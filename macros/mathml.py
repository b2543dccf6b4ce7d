"""LaTeX to MathML at build time, so formulas need no script, no font download and print as text.

Used two ways: `to_mathml` by the macros for formulas stored in data/, and as a MkDocs hook
(`on_page_content`) that converts the `$...$` and `$$...$$` that pages write through
pymdownx.arithmatex (generic mode). This file imports nothing from the package so MkDocs can
load it as a hook by path.
"""

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


def on_page_content(html_text: str, page, **_) -> str:
    def convert_match(display: bool):
        def replace(match: re.Match) -> str:
            latex = html.unescape(match.group(1))
            try:
                return to_mathml(latex, display)
            except ValueError as error:
                from mkdocs.exceptions import PluginError

                raise PluginError(f"{page.file.src_path}: {error}") from None

        return replace

    html_text = _BLOCK.sub(convert_match(True), html_text)
    return _INLINE.sub(convert_match(False), html_text)
