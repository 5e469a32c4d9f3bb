"""Find a regulation's title in its preface: the title-like line nearest before the body."""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import en, zh
from ..languages.common import CLAUSE_TERMINAL, COMMAS, OPEN_BRACKETS, OPEN_QUOTES
from ..model import Span

__all__ = ["find_title", "find_title_zh"]


def find_title_zh(text: str, clauses: Sequence[tuple[int, int]]) -> Span | None:
    """The title of a Chinese text: the nearest line before the body that names a kind of
    act (…条例, …规定, …法) and is no sentence, date line, note or table of contents."""
    for start, end in reversed(clauses):
        line = text[start:end]
        if (
            not line
            or line[0] in zh.TITLE_SKIP_START
            or (line[-1] in CLAUSE_TERMINAL + zh.TITLE_SKIP_END and not zh.TITLE_WORD.search(line))
        ):
            continue
        if (
            len(line) > 120
            or all(mark in line for mark in zh.DATE_LINE_MARKS)
            or line.startswith(zh.CONTENTS_MARK)
        ):
            continue
        if zh.TITLE_WORD.search(line):
            return Span(start=start, end=end)
    return None


def find_title(text: str, clauses: Sequence[tuple[int, int]]) -> Span | None:
    """The regulation's title: the title-like line nearest before the body.

    Walking back from the body skips notes in brackets, sentences, dates, document numbers
    and tables of contents; page headlines above the title are never reached.
    """
    for start, end in reversed(clauses):
        line = text[start:end]
        note = en.NOTE_OPEN.search(line)
        if note and note.start() > 0:
            end = start + len(line[: note.start()].rstrip())
            line = text[start:end]
        if not line or line[0] in OPEN_BRACKETS or line[-1] in CLAUSE_TERMINAL + COMMAS:
            continue
        if len(line) > 300 or not (line[0].isupper() or line[0] in OPEN_QUOTES[:2]):
            continue
        if en.NOT_TITLE_START.match(line) or not en.TITLE_WORD.search(line):
            continue
        return Span(start=start, end=end)
    return None
