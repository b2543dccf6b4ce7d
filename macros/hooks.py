"""MkDocs hooks: finish each page's HTML after Markdown has converted it.

MkDocs loads this file by path, so it imports the package through the project folder.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.html import unpack_blocks  # noqa: E402
from macros.mathml import convert_arithmatex  # noqa: E402


def on_page_content(html_text: str, page, **_) -> str:
    try:
        return convert_arithmatex(unpack_blocks(html_text))
    except ValueError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from None
