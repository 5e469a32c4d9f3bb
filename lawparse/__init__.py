"""lawparse: regulation text into typed, dated, queryable law.

>>> import lawparse
>>> reg = lawparse.parse("Article 1 These Provisions apply. Article 2 They take effect.")
>>> [article.number for article in reg.articles]
[1, 2]
"""

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
    Event,
    EventKind,
    Item,
    Point,
    Regulation,
    Schedule,
    Section,
    Source,
    Span,
)
from .pipeline import detect_language, parse, parse_file

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Chapter",
    "Clause",
    "DecodeError",
    "EmptyInputError",
    "Event",
    "EventKind",
    "InvalidDateError",
    "Item",
    "LawParseError",
    "NoStructureError",
    "Point",
    "Regulation",
    "Schedule",
    "Section",
    "Source",
    "Span",
    "StructureError",
    "__version__",
    "detect_language",
    "parse",
    "parse_file",
    "render",
]
