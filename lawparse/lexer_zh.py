"""Find the structural markers of Chinese regulation text (第一章, 第一节, 第一条, （一）, 一、).

Chinese shares the English lexer's decisions (see :mod:`lawparse.lexer`) and differs in its
signals: a heading stands at a line start, or after "。" and a space in run-on text, and is
followed by a space; a citation sits inside a sentence with no space around it
("依照本规定第十二条的规定", "前款", "第二款"), because Chinese puts no spaces between words.
"""

from __future__ import annotations

import re

from .lexer import (
    Candidates,
    LexedText,
    Strength,
    _Candidate,
    _ItemCandidate,
    _Lines,
    plan,
)
from .lexer import scan as scan_english
from .numbers import parse_chinese

__all__ = ["lex", "lex_bilingual", "scan"]

_CN_NUMERAL = "[一二三四五六七八九十百千零〇两]"
_SCAN = re.compile(
    rf"""
    (?=[\n\r第（(])
    (?:
      (?P<nl>\r\n|\r|\n)
    | (?P<mark>第(?P<num>{_CN_NUMERAL}+|\d{{1,4}})(?P<unit>[编章节条])
        (?:之(?P<sub>{_CN_NUMERAL}+))?)
    | (?P<paren>[（(](?P<pv>{_CN_NUMERAL}{{1,4}}|\d{{1,3}})[）)])
    )
    """,
    re.VERBOSE,
)
_LINE_START = re.compile(  # matched at line starts only
    rf"""[ \t\u00a0\u3000]*
    (?:
      (?P<point>(?P<pn>{_CN_NUMERAL}{{1,4}})、)
    | (?P<dot>(?P<dn>\d{{1,3}})[.．])(?![\d])
    )""",
    re.VERBOSE,
)
_SPACE = " \t\u3000\u00a0"
_KINDS = {"编": "part", "章": "chapter", "节": "section", "条": "article"}


def _number(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else parse_chinese(numeral)


def _heading(
    text: str, kind: str, match: re.Match[str], number: int, suffix: str, lines: _Lines
) -> _Candidate:
    start, end = match.start(), match.end()
    strength = lines.strength(start)
    if strength is Strength.WEAK and start and text[start - 1] in _SPACE:
        strength = Strength.MEDIUM  # "第一章 总则 第一条 ...": spaces only stand between units
    following = text[end : end + 1]
    heads = following in ("", "\r", "\n") or following in _SPACE
    cites = strength is Strength.WEAK or not heads
    return _Candidate(kind, start, end, number, suffix, strength, cites)


def lex(text: str) -> LexedText:
    """Split Chinese regulation text into marker, text and paragraph tokens."""
    return plan(text, *scan(text))


def lex_bilingual(text: str, primary: str) -> LexedText:
    """Tokens of a text that interleaves Chinese and English ("第一条 …" then "Article 1 …"):
    the structure of the ``primary`` language, with the other's headings as translations."""
    chinese, english = scan(text), scan_english(text)
    first, second = (chinese, english) if primary == "zh" else (english, chinese)
    return plan(text, first[0], first[1], translation=second[1])


def scan(text: str) -> tuple[_Lines, Candidates]:
    """Collect the candidate markers of Chinese text (one pass), undecided."""
    lines = _Lines(text, wrapped=False)
    found = Candidates([], [], [], [], [], [], [])

    def opening(pos: int) -> None:
        match = _LINE_START.match(text, pos)
        if match is None:
            return
        if match.group("point") is not None:
            number = parse_chinese(match.group("pn"))
            if number is not None and lines.at_paragraph_start:
                found.points.append(
                    _Candidate(
                        "point",
                        match.start("point"),
                        match.end("point"),
                        number,
                        "",
                        Strength.STRONG,
                        cites=False,
                    )
                )
        else:
            found.items.append(
                _ItemCandidate(
                    match.start("dot"),
                    match.end("dot"),
                    match.group("dot"),
                    match.group("dn"),
                    False,
                )
            )

    opening(0)
    for match in _SCAN.finditer(text):
        if match.group("nl") is not None:
            lines.newline(match.start(), match.end())
            opening(match.end())
        elif match.group("mark") is not None:
            unit = match.group("unit")
            number = _number(match.group("num"))
            if number is None:
                continue
            suffix = f"之{match.group('sub')}" if match.group("sub") else ""
            kind = _KINDS[unit]
            if kind != "article":
                lines.heading_line |= lines.at_line_start(match.start())
            candidate = _heading(text, kind, match, number, suffix, lines)
            lists = {
                "article": found.articles,
                "chapter": found.chapters,
                "section": found.sections,
                "part": found.parts,
            }
            lists[kind].append(candidate)
        elif match.group("paren") is not None:
            start = match.start()
            if lines.at_line_start(start):
                found.items.append(
                    _ItemCandidate(start, match.end(), match.group(), match.group("pv"), False)
                )
    return lines, found
