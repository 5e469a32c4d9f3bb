"""lawparse: regulation text into typed, dated, queryable law.

>>> import lawparse
>>> reg = lawparse.parse("Article 1 These Provisions apply. Article 2 They take effect.")
>>> [article.number for article in reg.articles]
[1, 2]
"""

from typing import TYPE_CHECKING, Any

from . import render
from .errors import (
    DecodeError,
    EmptyInputError,
    InvalidDateError,
    LawParseError,
    NoStructureError,
    StructureError,
)
from .model import (
    Article,
    Chapter,
    Clause,
    Diagnostic,
    Event,
    EventKind,
    Item,
    Part,
    Point,
    Regulation,
    Schedule,
    Section,
    Source,
    Span,
)
from .pipeline import detect_language, interleaved_languages, parse, parse_file
from .validate import validate  # eager: the function shadows its module of the same name

if TYPE_CHECKING:
    from .alignment import AlignedPair, Alignment, align
    from .corpus import Applicable, Change, Corpus
    from .temporal import Applicability, Bound, Status

# The query and validation layers load on first use: `import lawparse` stays about as quick
# as importing pydantic itself.
_LAZY = {
    "AlignedPair": "alignment",
    "Alignment": "alignment",
    "align": "alignment",
    "Applicable": "corpus",
    "Change": "corpus",
    "Corpus": "corpus",
    "Applicability": "temporal",
    "Bound": "temporal",
    "Status": "temporal",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lawparse' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "AlignedPair",
    "Alignment",
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
    "EmptyInputError",
    "Event",
    "EventKind",
    "InvalidDateError",
    "Item",
    "LawParseError",
    "NoStructureError",
    "Part",
    "Point",
    "Regulation",
    "Schedule",
    "Section",
    "Source",
    "Span",
    "Status",
    "StructureError",
    "__version__",
    "align",
    "detect_language",
    "interleaved_languages",
    "parse",
    "parse_file",
    "render",
    "validate",
]
