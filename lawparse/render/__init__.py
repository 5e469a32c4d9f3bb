"""Renderers: the model back to text, and out to JSON, Akoma Ntoso, Markdown and HTML."""

# Eager, because the functions shadow their modules of the same name (render.akn, .html,
# .markdown): once bound here, a later import of the module does not rebind the name. The
# modules are light; lxml loads with the first document built.
from .akn import akn
from .html import html, html_index
from .json import to_json
from .markdown import markdown
from .schema import json_schema
from .text import text

__all__ = ["akn", "html", "html_index", "json_schema", "markdown", "text", "to_json"]
