"""The project's own error type, raised for any fault in data/ or in a page's exam tags."""

try:  # MkDocs reports its build errors as one clean message; Zensical reports any exception
    from mkdocs.exceptions import PluginError as _EngineError
except ImportError:  # pragma: no cover - only where MkDocs is not installed
    _EngineError = Exception


class DataError(_EngineError):
    """A data file or page is broken; the message says where and how."""
