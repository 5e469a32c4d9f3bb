"""Renderers: the model back to text, and out to JSON."""

from .json import to_json
from .text import text

__all__ = ["text", "to_json"]
