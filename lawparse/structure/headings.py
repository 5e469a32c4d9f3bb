"""Decide which candidate markers are headings, and emit the tokens: language-neutral.

A language's scanner (:mod:`lawparse.structure.scanners`) proposes candidates, each with
what a reader would notice: its position (line start, after a sentence end, inside running
text), whether its context reads as a citation, its number. The decisions here use the
expected next number, which no context-free grammar can see: the expected number wins over
position, so a weaker mention of it loses to a heading further on, and a jump ahead is
refused while the expected number still comes later.

The tokens emitted keep the contract of :mod:`lawparse.structure.tokens`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from enum import IntEnum
from operator import itemgetter
from typing import NamedTuple

from lark import Token

from ..languages.common import (
    COLONS,
    INDENT,
    MARKDOWN_HEADING,
    SENTENCE_END,
    SENTENCE_FINAL,
    ZERO_WIDTH,
    is_blank,
    markdown_heading_end,
    strip_blank,
)
from ..languages.en import FULL_STOP, ITEM_DOTS, letter_number, parse_roman
from ..languages.zh import POINT_MARK, parse_numeral
from .tokens import LexedText, Marker, MarkerToken, text_token

__all__ = [
    "Candidate",
    "Candidates",
    "ItemCandidate",
    "Lines",
    "Strength",
    "UnwrappedLines",
    "accept_sequence",
    "detect_wrapped",
    "plan",
]


class Strength(IntEnum):
    """How much a candidate's position alone says it is a heading."""

    WEAK = 0  # inside running text, after a capitalised word (run-on titles)
    MEDIUM = 1  # after a sentence end, or at a line start that continues a wrapped sentence
    STRONG = 2  # at the start of a paragraph


@dataclass(slots=True)
class Candidate:
    kind: str
    start: int
    end: int
    number: int
    suffix: str
    strength: Strength
    cites: bool  # the context reads as a cross-reference, not a heading
    caption_end: int = -1  # end of a caption / glued heading that follows the label


@dataclass(slots=True)
class ItemCandidate:
    start: int
    end: int
    label: str
    value: str
    inline: bool


def detect_wrapped(text: str) -> bool:
    """True for hard-wrapped text, where a line break inside a sentence is not a paragraph.

    A hard-wrapped text has no very long lines, and many of its long lines stop without
    sentence punctuation; an unwrapped text's long lines are whole paragraphs that end with
    it (headings and titles, the open-ended lines of unwrapped text, are few).
    """
    long_lines = open_ended = very_long = 0
    for line in text.splitlines():
        stripped = line.rstrip()
        if len(stripped) < 40:
            continue
        long_lines += 1
        if len(stripped) > 120:
            very_long += 1
        elif stripped[-1] not in SENTENCE_FINAL:
            open_ended += 1
    return open_ended >= 3 and very_long * 20 <= long_lines and open_ended * 10 >= long_lines * 3


class Lines:
    """Line-start and paragraph-start facts about offsets, filled in during the scan."""

    def __init__(self, text: str, wrapped: bool) -> None:
        self.text = text
        self.wrapped = wrapped
        self.para_breaks: list[int] = []  # offsets of line breaks that end a paragraph
        self.line_start = 0
        self.text_start = markdown_heading_end(text, 0)
        self.blank_before = True
        self.at_paragraph_start = True
        self.heading_line = False  # the current line opens with a chapter or section heading

    def newline(self, pos: int, end: int) -> None:
        stripped = self.text[self.line_start : pos].strip()
        if not is_blank(stripped):
            # Unwrapped text: every line is a paragraph. Hard-wrapped text: only a line that
            # ends a sentence ends a paragraph.
            self.at_paragraph_start = (
                not self.wrapped or stripped[-1] in SENTENCE_FINAL or self.heading_line
            )
            if self.at_paragraph_start:
                self.para_breaks.append(pos)
            self.blank_before = False
        else:
            if not self.blank_before and not self.at_paragraph_start:
                self.para_breaks.append(pos)  # a blank line ends a wrapped paragraph too
            self.at_paragraph_start = True
            self.blank_before = True
        self.line_start = end
        self.text_start = markdown_heading_end(self.text, end)
        self.heading_line = False

    def at_line_start(self, pos: int) -> bool:
        """Only spaces (and a Markdown heading mark) stand between the start of the line
        and ``pos``."""
        index = pos - 1
        while index >= self.line_start and self.text[index] in INDENT:
            index -= 1
        return index < self.line_start or (pos >= self.text_start > index)

    def previous_char(self, pos: int) -> str:
        """The last non-space character before ``pos`` on the same line ("" at line start)."""
        index = pos - 1
        while index >= self.line_start and self.text[index] in INDENT:
            index -= 1
        if pos >= self.text_start > index:
            return ""
        return self.text[index] if index >= self.line_start else ""

    def strength(self, pos: int) -> Strength:
        if self.at_line_start(pos):
            return Strength.STRONG if self.at_paragraph_start else Strength.MEDIUM
        if self.previous_char(pos) in SENTENCE_END:
            return Strength.MEDIUM
        return Strength.WEAK


_LINE_BREAK = "\r\n"


# A paragraph of unwrapped text: a line's text without the blanks around it (group 1), and
# the blanks after it up to its line break.
_LINE_TEXT = re.compile(
    rf"([^\s{ZERO_WIDTH}](?:[^\r\n]*[^\s{ZERO_WIDTH}])?)(?:[^\S\r\n]|[{ZERO_WIDTH}])*"
)


class UnwrappedLines(Lines):
    """The :class:`Lines` of a text that is not hard-wrapped, known before the scan: every line
    opens a paragraph and every line of text is one, so the scan need not stop at each line
    break (three in four of its matches on Chinese texts), and ``para_breaks`` stays empty:
    the emitter finds the lines of text itself (:data:`_LINE_TEXT`)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, wrapped=False)

    def newline(self, pos: int, end: int) -> None:
        raise AssertionError("the scan of unwrapped text does not stop at its line breaks")

    def at_line_start(self, pos: int) -> bool:
        index = _walk_back(self.text, pos)
        return index < 0 or self.text[index] in _LINE_BREAK

    def previous_char(self, pos: int) -> str:
        text = self.text
        index = _walk_back(text, pos)
        return "" if index < 0 or text[index] in _LINE_BREAK else text[index]

    def strength(self, pos: int) -> Strength:
        # Lines.strength with one walk back instead of two: every line opens a paragraph.
        text = self.text
        index = _walk_back(text, pos)
        if index < 0 or text[index] in _LINE_BREAK:
            return Strength.STRONG
        return Strength.MEDIUM if text[index] in SENTENCE_END else Strength.WEAK


def _walk_back(text: str, pos: int) -> int:
    """The last character before ``pos`` that is no indent, passing over a Markdown heading
    mark at the start of the line ("## Chapter I"): -1, or a line break, at a line start."""
    index = pos - 1
    while index >= 0 and text[index] in INDENT:
        index -= 1
    if index < 0 or text[index] != "#" or index == pos - 1:
        return index
    mark = index
    while mark >= 0 and text[mark] == "#":
        mark -= 1
    before = mark
    while before >= 0 and text[before] in " \t":
        before -= 1
    if index - mark <= _MARKDOWN_LEVELS and (before < 0 or text[before] in _LINE_BREAK):
        return before
    return index


_MARKDOWN_LEVELS = 6


def accept_sequence(candidates: list[Candidate], first_expected: int = 1) -> list[Candidate]:
    """Keep the candidates that read as headings, using the expected next number.

    The expected number wins over position: a weaker mention of it loses to a heading further
    on, and a jump ahead (a quoted "189A" inside an amending section) is refused while the
    expected number still comes later.
    """
    # The last position of each number, as a heading and as any non-weak mention.
    last_strong: dict[int, int] = {}
    last_mention: dict[int, int] = {}
    for candidate in candidates:
        if not candidate.cites and candidate.strength is not Strength.WEAK:
            last_mention[candidate.number] = candidate.start
            if candidate.strength is Strength.STRONG:
                last_strong[candidate.number] = candidate.start
    accepted: list[Candidate] = []
    last: int | None = None
    for candidate in candidates:
        if candidate.cites:
            continue
        expected = first_expected if last is None else last + 1
        strong = candidate.strength is Strength.STRONG
        if candidate.number == expected and not candidate.suffix:
            if not strong and last_strong.get(candidate.number, -1) > candidate.start:
                continue
        elif candidate.number == last and (
            strong or (candidate.suffix and candidate.strength is Strength.MEDIUM)
        ):
            # an inserted article ("21A" after "21"; 第二十一条之一 after a sentence of a
            # text on one line), or a duplicate that validate reports
            pass
        elif (
            not strong
            or (last is not None and candidate.number < expected)
            or last_mention.get(expected, -1) > candidate.start
        ):
            continue
        accepted.append(candidate)
        last = candidate.number
    return accepted


def _number_of(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return None


class ScheduleCandidate(NamedTuple):
    """An annex heading at a line start: "SCHEDULE 2", 附件一, or a "SCHEDULES" group heading
    (``group``) over the numbered schedules after it."""

    start: int
    end: int
    number: int | None
    group: bool


@dataclass
class Candidates:
    """Everything a language's scan proposed, for :func:`plan` to decide on."""

    articles: list[Candidate]
    glued: list[Candidate]
    chapters: list[Candidate]
    sections: list[Candidate]
    points: list[Candidate]
    items: list[ItemCandidate]
    schedules: list[ScheduleCandidate]
    parts: list[Candidate] = field(default_factory=list)


def plan(
    text: str, lines: Lines, found: Candidates, translation: Candidates | None = None
) -> LexedText:
    """Decide which candidates are headings, where the body starts, and emit the tokens.

    ``translation`` holds the candidates of a second language interleaved with the first (a
    bilingual text); its headings become translation markers inside the matching heading of
    the first language, and are ignored anywhere else.
    """
    body_start, headings, rejected = _select_headings(text, found)
    if headings:
        # The walk back from the first article may pass a heading that is then not accepted
        # (a section with no chapter): the body starts at the first heading kept, so that
        # nothing before it (an item, say) leaves the preface.
        body_start = headings[0].start
    if translation is not None:
        headings.extend(_paired_translations(headings, _select_headings(text, translation)[1]))
        headings.sort(key=lambda c: c.start)
    schedules = found.schedules
    schedule_start = len(text)
    if headings and schedules:
        last_heading = headings[-1].start
        schedules = [s for s in schedules if s.start > last_heading]
        # One "SCHEDULES" group heading, and only before the schedules it groups: a second
        # one, or one after "SCHEDULE 1", stays text of the schedule before it.
        schedules = [s for i, s in enumerate(schedules) if not s.group or i == 0]
        if schedules:
            schedule_start = schedules[0].start
    else:
        schedules = []

    return _emit(
        text,
        lines,
        lines.wrapped,
        body_start,
        headings,
        found.items,
        schedules,
        schedule_start,
        rejected,
    )


def _paired_translations(headings: list[Candidate], translated: list[Candidate]) -> list[Candidate]:
    """The translated headings that stand inside the heading they translate ("Article 12"
    after "第十二条" and before the next heading), renamed "article_tr" and so on."""
    starts = [c.start for c in headings]
    paired = []
    owners: set[int] = set()
    for candidate in translated:
        index = bisect.bisect_left(starts, candidate.start) - 1
        if index < 0 or index in owners:
            # A heading has one translation: a repeated translation line (a copying slip in
            # bilingual editions) stays text of the first.
            continue
        owner = headings[index]
        if (owner.kind, owner.number, owner.suffix) == (
            candidate.kind,
            candidate.number,
            candidate.suffix,
        ) and owner.kind in ("article", "chapter", "section"):
            candidate.kind = f"{candidate.kind}_tr"
            paired.append(candidate)
            owners.add(index)
    return paired


def _select_headings(
    text: str, found: Candidates
) -> tuple[int, list[Candidate], list[tuple[str, int, int]]]:
    """The body start, the accepted headings in text order, and the rejected line-start ones."""
    articles, glued, chapters, sections = (
        found.articles,
        found.glued,
        found.chapters,
        found.sections,
    )
    points = found.points
    rejected: list[tuple[str, int, int]] = []
    accepted_articles = accept_sequence(articles)
    if not accepted_articles:
        accepted_articles = accept_sequence(glued)
    accepted_starts = {candidate.start for candidate in accepted_articles}
    for candidate in articles:
        if candidate.start not in accepted_starts and candidate.strength is Strength.STRONG:
            rejected.append(("article", candidate.start, candidate.number))

    body_start = len(text)
    headings: list[Candidate] = []
    if accepted_articles:
        first = accepted_articles[0]
        body_start = first.start
        # Walk back over the headings that open the body ("Chapter I", then "Section 1"),
        # which also leaves a table of contents before them in the preface.
        level_names = ["section", "chapter", "part"]
        preceding = sorted(
            (c for c in found.parts + chapters + sections if c.start < first.start and not c.cites),
            key=lambda c: c.start,
            reverse=True,
        )
        level = -1
        for candidate in preceding:
            if candidate.number != 1 or body_start - candidate.end > 300:
                break
            candidate_level = level_names.index(candidate.kind)
            if candidate_level <= level:
                break
            level = candidate_level
            body_start = candidate.start
    elif points:
        accepted_points = accept_sequence(points)
        if accepted_points:
            body_start = accepted_points[0].start
            headings.extend(accepted_points)
    if accepted_articles:
        headings.extend(accepted_articles)
        body_parts = accept_sequence([c for c in found.parts if c.start >= body_start])
        headings.extend(body_parts)
        # Chapters count within their part (第一编 第一章 …, 第二编 第一章 …), sections within
        # their chapter.
        for part_start, part_end in _regions(body_parts, body_start, len(text)):
            inside = [c for c in chapters if part_start <= c.start < part_end]
            body_chapters = accept_sequence(inside) or accept_sequence(
                inside, first_expected=min((c.number for c in inside), default=1)
            )
            headings.extend(body_chapters)
            if not body_chapters:
                continue  # a section only ever stands inside a chapter
            for chapter_start, chapter_end in _regions(body_chapters, part_start, part_end):
                headings.extend(
                    accept_sequence([s for s in sections if chapter_start < s.start < chapter_end])
                )
    headings.sort(key=lambda c: c.start)

    return body_start, headings, rejected


def _regions(openers: list[Candidate], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text each opener heads; the whole stretch when there are none."""
    if not openers:
        return [(start, end)]
    bounds = [c.start for c in openers] + [end]
    return list(itertools.pairwise(bounds))


def _with_markdown_mark(text: str, start: int) -> int:
    """Where a heading's token starts: at the Markdown mark before it ("## 第一章"), so that
    the mark is the heading's and not the end of the provision before it."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = MARKDOWN_HEADING.match(text, line_start)
    if mark is None or mark.end() != start:
        return start
    return line_start + len(text[line_start:start]) - len(text[line_start:start].lstrip(INDENT))


def _item_style(value: str) -> str:
    if value.isdigit():
        return "paren_digit"
    if value.islower():
        return "paren_lower"
    return "paren_upper"


_START = itemgetter(0)


def _emit(
    text: str,
    lines: Lines,
    wrapped: bool,
    body_start: int,
    headings: list[Candidate],
    items: list[ItemCandidate],
    schedules: list[ScheduleCandidate],
    schedule_start: int,
    rejected: list[tuple[str, int, int]],
) -> LexedText:
    # Boundaries: (start, end, token type, marker) in text order.
    boundaries: list[tuple[int, int, str, Marker]] = []
    heading_types = {
        "article": "ARTICLE",
        "chapter": "CHAPTER",
        "section": "SECTION",
        "point": "POINT",
        "part": "PART",
        "article_tr": "ARTICLE_TR",
        "chapter_tr": "CHAPTER_TR",
        "section_tr": "SECTION_TR",
    }
    for candidate in headings:
        label = text[candidate.start : candidate.end].strip()
        token_type = heading_types[candidate.kind]
        boundaries.append(
            (
                _with_markdown_mark(text, candidate.start),
                candidate.end,
                token_type,
                Marker(candidate.kind, candidate.number, label, candidate.suffix),
            )
        )
        if candidate.caption_end > candidate.end:
            caption = text[candidate.end : candidate.caption_end].strip()
            boundaries.append(
                (candidate.end, candidate.caption_end, "CAPTION", Marker("caption", None, caption))
            )
    for start, end, number, group in schedules:
        label = text[start:end].strip().rstrip(COLONS)
        token_type = "SCHEDULES" if group else "SCHEDULE"
        boundaries.append((start, end, token_type, Marker("schedule", number, label)))
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not group and text[end:line_end].strip():
            caption_end = len(text[:line_end].rstrip())
            caption = text[end:caption_end].strip()
            boundaries.append((end, caption_end, "CAPTION", Marker("caption", None, caption)))

    heading_starts = sorted(map(_START, boundaries))
    boundaries.extend(_accept_items(text, items, body_start, schedule_start, heading_starts))
    boundaries.sort(key=_START)

    tokens: list[Token] = []
    para_breaks = lines.para_breaks
    para_index = 0
    cursor = 0

    def add_text(start: int, end: int) -> None:
        """The TEXT tokens of the run between two markers, one per paragraph (split at the
        paragraph breaks inside the run), with a PARA token between two of them."""
        nonlocal para_index
        first = bisect.bisect_left(para_breaks, start, para_index)
        last = bisect.bisect_left(para_breaks, end, first)
        para_index = last
        pending = -1  # the paragraph break after the last TEXT, while no TEXT follows it
        after_text = False
        piece_start = start
        for index in range(first, last + 1):
            piece_end = para_breaks[index] if index < last else end
            chunk = text[piece_start:piece_end]
            body = chunk.strip()
            if body and (body[0] in ZERO_WIDTH or body[-1] in ZERO_WIDTH):
                body = strip_blank(body)
            if body:
                # Only whitespace precedes the body's first character, which is no whitespace.
                begin = piece_start + chunk.index(body[0])
                if pending >= 0:
                    tokens.append(text_token("PARA", text[pending:begin], pending))
                    pending = -1
                tokens.append(text_token("TEXT", body, begin))
                after_text = True
            if after_text and index < last:
                pending = piece_end
            piece_start = piece_end

    def add_lines(start: int, end: int) -> None:
        """:func:`add_text` for unwrapped text, where a paragraph is a line: one search
        finds each line's text in the run, and the line break after it."""
        line_end = -1
        for match in _LINE_TEXT.finditer(text, start, end):
            begin = match.start()
            if line_end >= 0:
                tokens.append(text_token("PARA", text[line_end:begin], line_end))
            tokens.append(text_token("TEXT", match.group(1), begin))
            line_end = match.end()

    fill = add_lines if isinstance(lines, UnwrappedLines) else add_text
    for start, end, token_type, marker in boundaries:
        if start < cursor:
            continue  # overlapping candidates: the first one wins
        if cursor < start:
            fill(cursor, start)
        tokens.append(MarkerToken(token_type, text[start:end], start, marker))
        cursor = end
    fill(cursor, len(text))

    # Extents tile the text: each token runs to the next one's start.
    following: int | None = len(text)
    for token in reversed(tokens):
        token.end_pos = following
        following = token.start_pos
    return LexedText(tokens, wrapped, body_start, rejected)


def _accept_items(
    text: str,
    items: list[ItemCandidate],
    body_start: int,
    schedule_start: int,
    heading_starts: list[int],
) -> list[tuple[int, int, str, Marker]]:
    """Items at paragraph starts, and inline ones ("as follows: (1) ...; (2) ...") in sequence."""
    accepted: list[tuple[int, int, str, Marker]] = []
    previous_inline: dict[str, int] = {}
    previous_start = previous_end = -1
    taken = set(heading_starts)
    for item in items:
        if not body_start <= item.start < schedule_start or item.start in taken:
            continue  # outside the body, or accepted as a heading (a point "一、")
        if bisect.bisect_left(heading_starts, item.start) != bisect.bisect_left(
            heading_starts, previous_start
        ):
            previous_inline.clear()  # each article's lists count on their own
        previous_start = item.start
        value = item.value
        style = "dot_digit" if item.label.endswith(ITEM_DOTS) else _item_style(value)
        number = _number_of(value)
        if item.label.endswith(POINT_MARK):
            style, number = "cjk_point", parse_numeral(value)
        elif number is None and not value.isascii():
            style, number = "paren_cjk", parse_numeral(value)
        if number is None and len(value) == 1:
            number = letter_number(value)
        if number is None:
            roman = parse_roman(value)
            if roman is None:
                continue
            style, number = "paren_roman", roman
        if item.inline:
            # A list in running text starts at 1 (or "i") and goes up by one, and a sentence
            # end closes it.
            first = number == 1 or value in {"i", "I"}
            if not first and (
                number != previous_inline.get(style, 0) + 1
                or FULL_STOP.search(text, previous_end, item.start)
            ):
                continue
            previous_inline[style] = 1 if first else number
            previous_end = item.end
        else:
            previous_inline.clear()
        accepted.append(
            (item.start, item.end, "ITEM", Marker("item", number, item.label.strip(), "", style))
        )
    return accepted
