"""The JSON Schema (2020-12) of what ``lawparse parse --json`` prints, made from the models."""

from __future__ import annotations

from typing import Any

from ..model import Regulation

__all__ = ["DIALECT", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema of ``parse --json``: one regulation (one file), or a list of them (several
    files or a directory). Made from the models as they serialise, so it follows them.

    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    regulation = Regulation.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    definitions = regulation.pop("$defs", {})
    definitions["Regulation"] = regulation
    return {
        "$schema": DIALECT,
        "$id": "https://pypi.org/project/lawparse/schema/parse.json",
        "title": "lawparse parse --json",
        "description": "A parsed regulation, or a list of them when several files are parsed.",
        "anyOf": [
            {"$ref": "#/$defs/Regulation"},
            {"type": "array", "items": {"$ref": "#/$defs/Regulation"}},
        ],
        "$defs": definitions,
    }
