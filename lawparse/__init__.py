"""lawparse: regulation text into typed, dated, queryable law.

>>> import lawparse
>>> reg = lawparse.parse("Article 1 These Provisions apply. Article 2 They take effect.")
>>> [article.number for article in reg.articles]
[1, 2]
"""

from . import render
from .align import AlignedPair, Alignment, align
from .corpus import Applicable, Change, Corpus
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
from .temporal import Applicability, Bound, Status
from .validate import validate

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
