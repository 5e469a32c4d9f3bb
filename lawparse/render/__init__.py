"""Renderers: the model back to text, and out to JSON, Akoma Ntoso, Markdown and HTML."""

from typing import TYPE_CHECKING, Any

from .json import to_json
from .text import text

if TYPE_CHECKING:
    from .akn import akn
    from .html import html, html_index
    from .markdown import markdown
    from .schema import json_schema

__all__ = ["akn", "html", "html_index", "json_schema", "markdown", "text", "to_json"]

# Loaded on first use: Akoma Ntoso needs lxml, which ``render.text`` does not.
_LAZY = {
    "akn": "akn",
    "html": "html",
    "html_index": "html",
    "json_schema": "schema",
    "markdown": "markdown",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lawparse.render' has no attribute {name!r}")
