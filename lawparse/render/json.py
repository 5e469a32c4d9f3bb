"""The model as JSON (pydantic's serialisation, with every field)."""

from __future__ import annotations

from ..model import Regulation

__all__ = ["to_json"]


def to_json(reg: Regulation, *, indent: int | None = 2) -> str:
    """The regulation as JSON; ``Regulation.model_validate_json`` reads it back equal."""
    return reg.model_dump_json(indent=indent)
