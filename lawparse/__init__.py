"""lawparse: regulation text into typed, dated, queryable law.

>>> import lawparse
>>> reg = lawparse.parse("Article 1 These Provisions apply. Article 2 They take effect.")
>>> [article.number for article in reg.articles]
[1, 2]
"""

from typing import TYPE_CHECKING, Any

# Eager, because the functions shadow their modules of the same name: once bound here, a later
# import of the module lawparse.validate, lawparse.diff or lawparse.amend does not rebind it.
# All three are light.
from .amend import amend
from .diff import diff
from .errors import (
    DecodeError,
    EmptyInputError,
    InvalidDateError,
    LawParseError,
    NoStructureError,
    StructureError,
)
from .validate import validate

if TYPE_CHECKING:
    from . import render
    from .alignment import AlignedPair, Alignment, align
    from .amending import Instrument, Operation, Target, read_instrument
    from .collection.corpus import Applicable, Change, Corpus
    from .collection.store import AmbiguousWork, ProvisionWording
    from .comparison import Diff, Edit, render_diff
    from .model import (
        Applicability,
        Article,
        Bound,
        Chapter,
        Clause,
        Diagnostic,
        Event,
        EventKind,
        Item,
        Part,
        Period,
        Point,
        Reference,
        Regulation,
        Schedule,
        Section,
        Source,
        Span,
        Status,
    )
    from .pipeline import detect_language, interleaved_languages, parse, parse_file


# Everything else loads on first use (PEP 562): `import lawparse` costs the error classes,
# and pydantic, lark and the phrase readers load when the first text is parsed.
_LAZY_MODULES = {
    "model": (
        "Applicability", "Article", "Bound", "Chapter", "Clause", "Diagnostic", "Event",
        "EventKind", "Item", "Part", "Period", "Point", "Reference", "Regulation", "Schedule",
        "Section",
        "Source", "Span", "Status",
    ),
    "pipeline": ("detect_language", "interleaved_languages", "parse", "parse_file"),
    "alignment": ("AlignedPair", "Alignment", "align"),
    "amending": ("Instrument", "Operation", "Target", "read_instrument"),
    "collection.corpus": ("Applicable", "Change", "Corpus"),
    "collection.store": ("AmbiguousWork", "ProvisionWording"),
    "comparison": ("Diff", "Edit", "render_diff"),
}  # fmt: skip
_LAZY = {name: module for module, names in _LAZY_MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "render":
        return importlib.import_module(".render", __name__)
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lawparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "AlignedPair",
    "Alignment",
    "AmbiguousWork",
    "Applicability",
    "Applicable",
    "Article",
    "Bound",
    "Change",
    "Chapter",
    "Clause",
    "Corpus",
    "DecodeError",
    "Diagnostic",
    "Diff",
    "Edit",
    "EmptyInputError",
    "Event",
    "EventKind",
    "Instrument",
    "InvalidDateError",
    "Item",
    "LawParseError",
    "NoStructureError",
    "Operation",
    "Part",
    "Period",
    "Point",
    "ProvisionWording",
    "Reference",
    "Regulation",
    "Schedule",
    "Section",
    "Source",
    "Span",
    "Status",
    "StructureError",
    "Target",
    "__version__",
    "align",
    "amend",
    "detect_language",
    "diff",
    "interleaved_languages",
    "parse",
    "parse_file",
    "read_instrument",
    "render",
    "render_diff",
    "validate",
]
