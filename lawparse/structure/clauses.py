"""Cut a stretch of text into clauses: lines, sentences, and semicolon-separated parts.

The event readers read one clause at a time, and the title is one clause of the preface.
"""

from __future__ import annotations

import re

from ..languages import en
from ..languages.common import CLAUSE_TERMINAL, CLOSE_BRACKETS, OPEN_BRACKETS, SEMICOLONS, is_blank

__all__ = ["split_clauses"]

_CLAUSE_SIGNALS = re.compile(
    f"[{re.escape(OPEN_BRACKETS[:2] + CLOSE_BRACKETS[:2])}]|\\r\\n|\\r|\\n"
)


def split_clauses(
    text: str, start: int, end: int, wrapped: bool, at_semicolons: bool = True
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into clauses: lines (joined where hard-wrapped or inside
    parentheses), then sentences, then (optionally) semicolon-separated parts.

    Linear in the length of the text: only line breaks and brackets are visited.
    """
    pieces: list[tuple[int, int]] = []
    piece_start = line_start = start
    depth = 0
    for match in _CLAUSE_SIGNALS.finditer(text, start, end):
        signal = match.group()
        if signal in OPEN_BRACKETS[:2]:
            depth += 1
            continue
        if signal in CLOSE_BRACKETS[:2]:
            depth = max(0, depth - 1)
            continue
        line = text[line_start : match.start()].rstrip()
        if is_blank(line):
            depth = 0  # a blank line closes whatever a stray bracket opened
            if text[piece_start : match.start()].strip():
                pieces.append((piece_start, match.start()))
            piece_start = match.start()
        elif not ((wrapped or depth > 0) and line[-1] not in CLAUSE_TERMINAL):
            pieces.append((piece_start, match.start()))
            piece_start = match.start()
        line_start = match.end()
    pieces.append((piece_start, end))
    clauses: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        cursor = piece_start
        for match in en.SENTENCE_SPLIT.finditer(text, piece_start, piece_end):
            space = match.start(1)
            if not at_semicolons and text[space - 1] in SEMICOLONS:
                continue
            word = en.ABBREVIATED_WORD.search(text[max(piece_start, space - 6) : space])
            if word and (word.group(1) in en.ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            clauses.append((cursor, space))
            cursor = match.end()
        clauses.append((cursor, piece_end))
    return [_trim(text, a, b) for a, b in clauses if text[a:b].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
