"""The tokens the lexers hand the structure grammar, and the contract they keep.

Every token is a Lark ``Token`` whose value is the exact slice of the text it covers; a
heading or item token is a :class:`MarkerToken` and carries its :class:`Marker` (kind,
number, label as written), so no later stage looks a marker up by offset.

The contract of a lexer's output (checked by :func:`contract_violation`, and by property
tests against the grammar, which accepts every stream that keeps it):

* tokens are in text order and never overlap; each token's ``end_pos`` is the next token's
  ``start_pos`` and the last one ends at the end of the text;
* only ``TEXT`` and ``PARA`` come before the first heading (the preface);
* ``PARA`` stands only between two ``TEXT`` tokens;
* ``CAPTION`` follows a heading token directly;
* a ``SECTION`` stands inside a chapter: a ``CHAPTER`` comes before it, with no ``PART``
  between them;
* a translated heading (``ARTICLE_TR`` ...) follows a heading of its own kind, with only
  content between them, and at most once per heading;
* ``SCHEDULES`` and ``SCHEDULE`` come after every other heading, ``SCHEDULES`` at most once
  and first among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lark import Token

__all__ = [
    "CONTENT",
    "HEADINGS",
    "TRANSLATED",
    "ContentToken",
    "LexedText",
    "Marker",
    "MarkerToken",
    "contract_violation",
    "grouped",
    "text_token",
]

HEADINGS = frozenset({"ARTICLE", "CHAPTER", "SECTION", "PART", "POINT", "SCHEDULES", "SCHEDULE"})
"""Token types that open a node of the body."""
TRANSLATED = {"ARTICLE_TR": "ARTICLE", "CHAPTER_TR": "CHAPTER", "SECTION_TR": "SECTION"}
"""A translated heading and the heading type it translates."""
CONTENT = frozenset({"TEXT", "PARA", "ITEM"})
TOKEN_TYPES = frozenset({*HEADINGS, *TRANSLATED, *CONTENT, "CAPTION"})


@dataclass(slots=True)
class Marker:
    """A structural marker the lexer accepted, with what the builder needs to know."""

    kind: str
    number: int | None
    label: str
    suffix: str = ""
    style: str = ""


_T = TypeVar("_T", bound=Token)


def _bare_token(cls: type[_T], type_: str, value: str, start: int | None) -> _T:
    """A Lark token of class ``cls`` made without its constructor's keyword handling (a tenth
    of lexing, one token per line of a text); ``end_pos`` is set when the next token is
    known."""
    token = str.__new__(cls, value)
    token.type = type_
    token.value = value
    token.start_pos = start
    token.line = token.column = token.end_line = token.end_column = token.end_pos = None
    return token


class MarkerToken(Token):
    """A heading, caption or item token with its :class:`Marker`."""

    __slots__ = ("marker",)
    marker: Marker

    def __new__(cls, type_: str, value: str, start: int, marker: Marker) -> MarkerToken:
        # _bare_token written out: one a heading or item.
        token = _NEW_STR(cls, value)
        token.type = type_
        token.value = value
        token.start_pos = start
        token.line = token.column = token.end_line = token.end_column = token.end_pos = None
        token.marker = marker
        return token

    def __reduce__(self) -> Any:
        return (_rebuild, (self.type, str(self), self.start_pos, self.end_pos, self.marker))


def _rebuild(type_: str, value: str, start: int, end: int, marker: Marker) -> MarkerToken:
    token = MarkerToken(type_, value, start, marker)
    token.end_pos = end
    return token


def text_token(type_: str, value: str, start: int) -> Token:
    """A ``TEXT`` or ``PARA`` token (:func:`_bare_token` written out: one a paragraph)."""
    token = _NEW_STR(Token, value)
    token.type = type_
    token.value = value
    token.start_pos = start
    token.line = token.column = token.end_line = token.end_column = token.end_pos = None
    return token


_NEW_STR = str.__new__


class ContentToken(Token):
    """The run of ``TEXT``, ``PARA`` and ``ITEM`` tokens between two headings, as one token
    for the grammar (which has nothing to decide inside it); ``parts`` are the run."""

    __slots__ = ("parts",)
    parts: list[Token]

    def __new__(cls, parts: list[Token]) -> ContentToken:
        token = _bare_token(cls, "CONTENT", "", parts[0].start_pos)
        token.parts = parts
        token.end_pos = parts[-1].end_pos
        return token


def grouped(tokens: Sequence[Token]) -> list[Token]:
    """``tokens`` with each run of content tokens replaced by one :class:`ContentToken`."""
    stream: list[Token] = []
    run: list[Token] = []
    for token in tokens:
        if token.type in CONTENT:
            run.append(token)
            continue
        if run:
            stream.append(ContentToken(run))
            run = []
        stream.append(token)
    if run:
        stream.append(ContentToken(run))
    return stream


@dataclass
class LexedText:
    """The token stream for the structure grammar and what the lexer learnt on the way.

    ``rejected`` lists (kind, offset, number) of line-start headings that did not fit the
    numbering and were read as text.
    """

    tokens: list[Token]
    wrapped: bool
    body_start: int
    rejected: list[tuple[str, int, int]] = field(default_factory=list)


def contract_violation(tokens: Sequence[Token], length: int) -> str | None:
    """What in ``tokens`` breaks the lexer's contract (see the module docstring), or ``None``."""
    seen_heading = False
    schedules = False
    open_heading: str | None = None  # the type of the heading whose content is running
    translated = False  # the open heading has its translation already
    in_chapter = False
    previous: Token | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind not in TOKEN_TYPES:
            return f"token {index} has an unknown type {kind}"
        if previous is not None and previous.end_pos != token.start_pos:
            return f"token {index} does not start where token {index - 1} ends"
        if kind == "SECTION" and not in_chapter:
            return f"token {index}: a section outside any chapter"
        if kind in ("CHAPTER", "PART"):
            in_chapter = kind == "CHAPTER"
        if kind in HEADINGS:
            if schedules and kind not in ("SCHEDULE",):
                return f"token {index}: {kind} after the schedules"
            schedules = schedules or kind in ("SCHEDULES", "SCHEDULE")
            seen_heading = True
            open_heading = kind
            translated = False
        elif kind == "CAPTION":
            if previous is None or previous.type not in (*HEADINGS, *TRANSLATED):
                return f"token {index}: a caption that follows no heading"
        elif kind in TRANSLATED:
            if open_heading != TRANSLATED[kind] or translated:
                return f"token {index}: {kind} translates no open {TRANSLATED[kind]}"
            translated = True
        elif not seen_heading and kind == "ITEM":
            return f"token {index}: an item in the preface"
        if kind == "PARA" and (
            previous is None
            or previous.type != "TEXT"
            or index + 1 >= len(tokens)
            or tokens[index + 1].type != "TEXT"
        ):
            return f"token {index}: a paragraph break not between two runs of text"
        previous = token
    if previous is not None and previous.end_pos != length:
        return "the last token does not end at the end of the text"
    return None
