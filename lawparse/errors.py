"""Typed errors: every failure a caller can see is a :class:`LawParseError`."""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "DecodeError",
    "EmptyInputError",
    "InvalidDateError",
    "LawParseError",
    "NoStructureError",
    "StructureError",
]


class LawParseError(ValueError):
    """A problem in the input, with where it is.

    ``line`` and ``column`` are 1-based, ``offset`` is a 0-based character offset (a byte
    offset for :class:`DecodeError`, which happens before there are characters), ``length``
    is how many characters the problem covers (the impossible date's wording, say), ``code``
    is stable across releases and ``excerpt`` shows the source line with a caret under it.

    >>> import lawparse
    >>> try:
    ...     lawparse.parse("   ")
    ... except lawparse.LawParseError as error:
    ...     print(error.code)
    LP001
    """

    code: ClassVar[str] = "LP000"

    def __init__(
        self,
        message: str,
        *,
        line: int = 1,
        column: int = 1,
        offset: int = 0,
        excerpt: str = "",
        length: int = 0,
    ) -> None:
        self.message = message
        self.length = length
        self.line = line
        self.column = column
        self.offset = offset
        self.excerpt = excerpt
        where = f"line {line}, column {column}"
        text = f"{self.code}: {message} ({where})"
        if excerpt:
            text = f"{text}\n{excerpt}"
        super().__init__(text)


class EmptyInputError(LawParseError):
    """The input is empty or only whitespace."""

    code = "LP001"


class NoStructureError(LawParseError):
    """The input has text but no article, chapter, numbered point or title to anchor it."""

    code = "LP002"


class DecodeError(LawParseError):
    """The bytes are not valid in the declared encoding; ``offset`` is the byte offset."""

    code = "LP003"


class StructureError(LawParseError):
    """The structure grammar rejected the token stream (a bug or a very unusual layout)."""

    code = "LP004"


class InvalidDateError(LawParseError):
    """A date that does not exist in the calendar, such as February 30."""

    code = "LP101"
