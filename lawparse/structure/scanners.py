"""Scanners: a pass over a text for candidate markers, with a language's tables (and, in
text that is not hard-wrapped, a second one for the markers that only open a line).

The English scanner (:func:`scan_english`) reads what follows and precedes "Article 12":
a capitalised sentence or caption makes a heading, "of", "," or a citing word ("with",
"under") a citation. The Chinese scanner (:func:`scan_chinese`) reads spacing: a heading
stands at a line start, or after "。" and a space in run-on text, and is followed by a space;
a citation sits inside a sentence with no space around it ("依照本规定第十二条的规定"),
because Chinese puts no spaces between words. Both leave the decisions to
:func:`lawparse.structure.headings.plan`.
"""

from __future__ import annotations

import re

from ..languages import detect_language, en, zh
from ..languages.common import INLINE_LIST_OPENERS, OPEN_QUOTES, SENTENCE_END, WORD_PUNCTUATION
from .headings import (
    Candidate,
    Candidates,
    ItemCandidate,
    Lines,
    ScheduleCandidate,
    Strength,
    UnwrappedLines,
    detect_wrapped,
    plan,
)
from .tokens import LexedText

__all__ = [
    "interleaved_languages",
    "lex_bilingual",
    "lex_chinese",
    "lex_english",
    "lex_text",
    "scan_chinese",
    "scan_english",
]


def _after_line_breaks(line_start: re.Pattern[str]) -> re.Pattern[str]:
    """``line_start`` right after a line break: one search finds the line-start markers of a
    text whose line breaks the scan does not stop at (:class:`UnwrappedLines`)."""
    return re.compile(r"(?:\r\n|\r|\n)(?:" + line_start.pattern + "\n)", line_start.flags)


_EN_LINE_OPENINGS = _after_line_breaks(en.LINE_START)
_ZH_LINE_OPENINGS = _after_line_breaks(zh.LINE_START)


def _line_openings(
    text: str, line_start: re.Pattern[str], after_break: re.Pattern[str]
) -> list[re.Match[str]]:
    """The matches of ``line_start`` at every line start of ``text``, in text order."""
    first = line_start.match(text)
    openings = [first] if first is not None else []
    openings.extend(after_break.finditer(text))
    return openings


def _previous_word(text: str, pos: int) -> str:
    """The word just before ``pos``, without its punctuation ("" if it has no letters)."""
    window = text[max(0, pos - 30) : pos].split()
    return window[-1].strip(WORD_PUNCTUATION) if window else ""


def _heading_candidate(
    text: str, kind: str, start: int, end: int, number: int, lines: Lines
) -> Candidate:
    strength = lines.strength(start)
    follow = en.HEADING_FOLLOW.match(text, end)
    cites = bool(en.CITING_FOLLOW.match(text, end)) or not follow
    if follow and follow.group().lstrip().startswith(".") and strength is not Strength.WEAK:
        strength = Strength(strength - 1)  # "Article 2." ends a citing sentence more often
    before = text[max(0, start - 30) : start].rstrip()
    after_sentence = bool(before) and before[-1] in SENTENCE_END
    if not cites and strength is not Strength.STRONG and not after_sentence:
        # A citing word before the number, even across a wrapped line break ("as prescribed
        # in\nArticle 2"), makes it a citation; in running text any lowercase word does.
        word = _previous_word(text, start)
        cites = word.lower() in en.CITING_WORDS
        cites = cites or (strength is Strength.WEAK and not word[:1].isupper())
    if before.endswith(OPEN_QUOTES):
        cites = True  # quoted text, as in amending decisions that restate an article
    candidate = Candidate(kind, start, end, number, "", strength, cites)
    caption = en.CAPTION.match(text, end)
    if caption:
        candidate.caption_end = caption.end()
    return candidate


def _glued_candidate(text: str, match: re.Match[str], lines: Lines) -> Candidate | None:
    """A UK-style section heading: the number glued to a short heading line."""
    start, end = match.start("glued"), match.end("glued")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    heading = text[end:line_end].rstrip("\r \t")
    if not heading or len(heading) > 150 or heading[-1] in en.GLUED_HEADING_END:
        return None
    candidate = Candidate(
        "article",
        start,
        end,
        int(match.group("gn")),
        match.group("gs") or "",
        Strength.STRONG,
        cites=False,
    )
    candidate.caption_end = end + len(heading)
    return candidate


def _line_start_candidate(
    text: str,
    match: re.Match[str],
    lines: Lines,
    glued: list[Candidate],
    items: list[ItemCandidate],
    points: list[Candidate],
    schedules: list[ScheduleCandidate],
) -> None:
    """Collect a candidate that only counts at the start of a line."""
    if match.group("glued") is not None:
        candidate = _glued_candidate(text, match, lines)
        if candidate is not None:
            glued.append(candidate)
    elif match.group("dot") is not None:
        start = match.start("dot")
        items.append(
            ItemCandidate(start, match.end("dot"), match.group("dot"), match.group("dn"), False)
        )
    elif match.group("roman") is not None:
        number = en.parse_roman(match.group("rn"))
        if number is not None and lines.at_paragraph_start:
            points.append(
                Candidate(
                    "point",
                    match.start("roman"),
                    match.end("roman"),
                    number,
                    "",
                    Strength.STRONG,
                    cites=False,
                )
            )
    elif match.group("sched") is not None:
        start = match.start("sched")
        line_end = text.find("\n", start)
        rest = text[match.end() : len(text) if line_end < 0 else line_end].strip()
        if match.group("schn") is None and rest:
            return  # "SCHEDULE" starting a sentence, not a heading line
        numeral = match.group("schn")
        number = int(numeral) if numeral else None
        schedules.append(ScheduleCandidate(start, match.end(), number, group=number is None))


def scan_english(text: str) -> tuple[Lines, Candidates]:
    """Collect the candidate markers of English text, undecided: one pass, which stops at
    line breaks only in hard-wrapped text (elsewhere the line starts are searched apart)."""
    wrapped = detect_wrapped(text)
    lines = Lines(text, wrapped) if wrapped else UnwrappedLines(text)
    articles: list[Candidate] = []
    glued: list[Candidate] = []
    chapters: list[Candidate] = []
    sections: list[Candidate] = []
    points: list[Candidate] = []
    items: list[ItemCandidate] = []
    schedules: list[ScheduleCandidate] = []

    def opening(pos: int) -> None:
        match = en.LINE_START.match(text, pos)
        if match is not None:
            _line_start_candidate(text, match, lines, glued, items, points, schedules)

    if not wrapped:
        for match in _line_openings(text, en.LINE_START, _EN_LINE_OPENINGS):
            _line_start_candidate(text, match, lines, glued, items, points, schedules)
        line_items, items = items, []
    else:
        opening(0)
    # The last group an alternative of en.SCAN closes names it: one attribute read instead of
    # a group lookup per alternative tried.
    for match in en.SCAN.finditer(text):
        last = match.lastgroup
        if last == "nl":
            if wrapped:
                lines.newline(match.start(), match.end())
                opening(match.end())
        elif last == "art":
            articles.append(
                _heading_candidate(
                    text, "article", match.start(), match.end(), int(match.group("art")), lines
                )
            )
        elif last == "chp":
            numeral = match.group("chp")
            number = int(numeral) if numeral.isdigit() else en.parse_roman(numeral)
            if number is not None:
                if wrapped:
                    lines.heading_line |= lines.at_line_start(match.start())
                chapters.append(
                    _heading_candidate(text, "chapter", match.start(), match.end(), number, lines)
                )
        elif last == "sec":
            if wrapped:
                lines.heading_line |= lines.at_line_start(match.start())
            sections.append(
                _heading_candidate(
                    text, "section", match.start(), match.end(), int(match.group("sec")), lines
                )
            )
        else:
            start = match.start()
            line_start = lines.at_line_start(start)
            inline = not line_start and lines.previous_char(start) in INLINE_LIST_OPENERS
            if (line_start or inline) and not en.ITEM_CITING_FOLLOW.match(text, match.end()):
                items.append(
                    ItemCandidate(start, match.end(), match.group(), match.group("pv"), inline)
                )
    if not wrapped:
        items = _in_text_order(line_items, items)
    return lines, Candidates(articles, glued, chapters, sections, points, items, schedules)


def _in_text_order(first: list[ItemCandidate], second: list[ItemCandidate]) -> list[ItemCandidate]:
    """Two lists of items in text order merged into one (no two items start alike)."""
    if not first or not second:
        return first or second
    return sorted(first + second, key=lambda item: item.start)


def _chinese_heading(
    text: str, kind: str, match: re.Match[str], number: int, suffix: str, lines: Lines
) -> Candidate:
    start, end = match.start(), match.end()
    strength = lines.strength(start)
    if strength is Strength.WEAK and start and text[start - 1].isspace():
        strength = Strength.MEDIUM  # "第一章 总则 第一条 ...": spaces only stand between units
    following = text[end : end + 1]
    # Any space heads (the Civil Code sets U+2002 after 第一章); a chapter, section or part
    # heading may also run into its title ("第六章法律责任") when its line is a heading line.
    heads = following == "" or following.isspace()
    if not heads and kind != "article" and strength is not Strength.WEAK:
        heads = zh.GLUED_HEADING.match(text, end) is not None
    cites = strength is Strength.WEAK or not heads
    return Candidate(kind, start, end, number, suffix, strength, cites)


def scan_chinese(text: str) -> tuple[Lines, Candidates]:
    """Collect the candidate markers of Chinese text, undecided: one search for the line
    starts, one for the marks (Chinese text is never hard-wrapped)."""
    lines = UnwrappedLines(text)
    found = Candidates([], [], [], [], [], [], [])

    def opening(match: re.Match[str]) -> None:
        if match.group("point") is not None:
            number = zh.parse_numeral(match.group("pn"))
            if number is not None and lines.at_paragraph_start:
                # A point of a decision without articles, or else an item of an article.
                found.items.append(
                    ItemCandidate(
                        match.start("point"),
                        match.end("point"),
                        match.group("point"),
                        match.group("pn"),
                        False,
                    )
                )
                found.points.append(
                    Candidate(
                        "point",
                        match.start("point"),
                        match.end("point"),
                        number,
                        "",
                        Strength.STRONG,
                        cites=False,
                    )
                )
        elif match.group("annex") is not None:
            numeral = match.group("an")
            number = zh.parse_numeral(numeral) if numeral else None
            found.schedules.append(
                ScheduleCandidate(match.start("annex"), match.end("annex"), number, group=False)
            )
        else:
            found.items.append(
                ItemCandidate(
                    match.start("dot"),
                    match.end("dot"),
                    match.group("dot"),
                    match.group("dn"),
                    False,
                )
            )

    lists = {
        "article": found.articles,
        "chapter": found.chapters,
        "section": found.sections,
        "part": found.parts,
    }
    for match in _line_openings(text, zh.LINE_START, _ZH_LINE_OPENINGS):
        opening(match)
    line_items, found.items = found.items, []
    for match in zh.SCAN_MARKS.finditer(text):
        if match.group("pv") is None:
            unit = match.group("unit")
            number = zh.parse_numeral(match.group("num"))
            if number is None:
                continue
            suffix = f"{zh.SUFFIX_MARK}{match.group('sub')}" if match.group("sub") else ""
            kind = zh.UNIT_KINDS[unit]
            if kind != "article":
                lines.heading_line |= lines.at_line_start(match.start())
            lists[kind].append(_chinese_heading(text, kind, match, number, suffix, lines))
        else:
            start = match.start()
            if lines.at_line_start(start):
                found.items.append(
                    ItemCandidate(start, match.end(), match.group(), match.group("pv"), False)
                )
    found.items = _in_text_order(line_items, found.items)
    return lines, found


def lex_english(text: str) -> LexedText:
    """Split English regulation text into marker, caption, text and paragraph tokens."""
    return plan(text, *scan_english(text))


def lex_chinese(text: str) -> LexedText:
    """Split Chinese regulation text into marker, text and paragraph tokens."""
    return plan(text, *scan_chinese(text))


_SCANNERS = {en.CODE: scan_english, zh.CODE: scan_chinese}


def lex_bilingual(text: str, primary: str) -> LexedText:
    """Tokens of a text that interleaves Chinese and English ("第一条 …" then "Article 1 …"):
    the structure of the ``primary`` language, with the other's headings as translations."""
    secondary = zh.CODE if primary == en.CODE else en.CODE
    first, second = _SCANNERS[primary](text), _SCANNERS[secondary](text)
    return plan(text, first[0], first[1], translation=second[1])


def interleaved_languages(text: str) -> tuple[str, str] | None:
    """(first, second) language of a text that interleaves Chinese and English article by
    article, as bilingual editions do; ``None`` for a text in one language.

    >>> interleaved_languages("第一条 甲。\\nArticle 1 A.\\n" * 3)
    ('zh', 'en')
    """
    if en.ARTICLE_WORDS[0] not in text or zh.ARTICLE_UNIT not in text:
        return None  # two substring searches spare two whole-text scans on most texts
    chinese = zh.ARTICLE_LINE.findall(text)
    english = en.ARTICLE_LINE.findall(text)
    if min(len(chinese), len(english)) < 3 or not 0.5 <= len(chinese) / len(english) <= 2:
        return None
    zh_first = zh.ARTICLE_LINE.search(text)
    en_first = en.ARTICLE_LINE.search(text)
    assert zh_first is not None and en_first is not None
    return ("zh", "en") if zh_first.start() < en_first.start() else ("en", "zh")


def lex_text(text: str) -> tuple[str, str | None, LexedText]:
    """The language, the translation's language in a bilingual text, and the tokens: the
    lexer stage of :func:`lawparse.parse`, with the lexer chosen for the text."""
    languages = interleaved_languages(text)
    if languages is not None:
        return languages[0], languages[1], lex_bilingual(text, primary=languages[0])
    language = detect_language(text)
    return language, None, lex_chinese(text) if language == zh.CODE else lex_english(text)
