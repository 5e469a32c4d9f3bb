"""Find the structural markers of English regulation text and the text runs between them.

The lexer makes one compiled regular-expression pass over the text to collect *candidate*
markers (``Article 12``, ``Chapter II``, ``Section 1``, ``1Heading`` in UK Acts, ``(1)``,
``I.``) and line breaks, then decides which candidates are real headings using what a reader
uses: position (line start, after a sentence end, inside running text), what follows the
number (a capitalised sentence, a caption in brackets, the end of the line, versus "of", ","
or "and" after a cross-reference), what precedes it (a citing word such as "with" or
"under"), and the expected next number, which no context-free grammar can see.

Post-conditions of :func:`lex`:

* the tokens are in text order, never overlap, and each token's ``end_pos`` is the next
  token's ``start_pos`` (the last one ends at ``len(text)``), so token extents tile the text
  from the first token on; everything before the first token is preface whitespace;
* nothing is rewritten: token values are exact slices of the text;
* ``PARA`` tokens appear only between two runs of text, never next to a marker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from enum import IntEnum

from lark import Token

from .numbers import letter_number, parse_chinese, parse_roman

__all__ = ["LexedText", "Marker", "lex"]


class Strength(IntEnum):
    """How much a candidate's position alone says it is a heading."""

    WEAK = 0  # inside running text, after a capitalised word (run-on titles)
    MEDIUM = 1  # after a sentence end, or at a line start that continues a wrapped sentence
    STRONG = 2  # at the start of a paragraph


@dataclass(slots=True)
class Marker:
    """A structural marker the lexer accepted, with what the builder needs to know."""

    kind: str
    number: int | None
    label: str
    suffix: str = ""
    style: str = ""


@dataclass(slots=True)
class _Candidate:
    kind: str
    start: int
    end: int
    number: int
    suffix: str
    strength: Strength
    cites: bool  # the context reads as a cross-reference, not a heading
    caption_end: int = -1  # end of a caption / glued heading that follows the label


@dataclass
class LexedText:
    """The token stream for the structure grammar and what the lexer learnt on the way."""

    tokens: list[Token]
    markers: dict[int, Marker]
    wrapped: bool
    body_start: int
    rejected: list[tuple[str, int, int]] = field(default_factory=list)


_TERMINAL = frozenset('.;:!?。；：！？”"’)）]】—–')
_SENTENCE_END = frozenset(".;:!?。；：！？)）]")
_INDENT = " \t\u00a0\u3000"
_WORD_PUNCTUATION = ".,;:!?()[]\"'“”‘’—–-"
_CITING_WORDS = frozenset(
    """with in under of see to and or by per from pursuant that this said the than on at for as
    into between following preceding before after within through paragraph item subparagraph
    provided stipulated prescribed specified mentioned referred""".split()
)

# One scan for the markers that may stand anywhere, including the line breaks; the markers
# that only open a line are tried once at each line start the scan finds. The scan starts
# with a cheap look at the first character, which lets the regex engine skip most positions
# without trying every alternative.
_SCAN = re.compile(
    r"""
    (?=[\n\rACS(（])
    (?:
      (?P<nl>\r\n|\r|\n)
    | (?<![\w\-])(?P<article>Article)[ \t\u00a0]*(?P<art>\d{1,6})(?![\d])
    | (?<![\w\-])(?P<chapter>Chapter|CHAPTER)[ \t\u00a0]+(?P<chp>[IVXLC]{1,7}|\d{1,3})(?![\w])
    | (?<![\w\-])(?P<section>Section)[ \t\u00a0]+(?P<sec>\d{1,3})(?![\w])
    | (?P<paren>[(（](?P<pv>\d{1,3}|[a-zA-Z]{1,5})[)）])
    )
    """,
    re.VERBOSE,
)
_LINE_START_BODY = r"""
    [ \t\u00a0\u3000]*
    (?:
      (?P<glued>(?P<gn>\d{1,3})(?:(?P<gs>[A-Z]{1,2})(?=[A-Z][a-z])|(?=[A-Z“‘"])))
    | (?P<dot>(?P<dn>\d{1,3})\.)(?=[ \t])
    | (?P<roman>(?P<rn>[IVXLC]{1,7})\.)(?=[ \t])
    | (?P<sched>SCHEDULES?)(?:[ \t]*(?P<schn>\d{1,3}))?(?![a-z])
    )
"""
_LINE_START = re.compile(_LINE_START_BODY, re.VERBOSE)  # matched at line starts only
_CAPTION = re.compile(
    r"[ \t\u00a0]*[(（\[【]([A-Z][^\n\r()（）\[\]【】]{0,100})[)）\]】][ \t]*(?=[\r\n]|$)"
)
_HEADING_FOLLOW = re.compile(
    r"""[ \t\u00a0]*(?:
        $|[\r\n]                                  # end of line
      | [:：.](?![\d])                            # "Article 1:" / "Article 1."
      | [(（\[【][A-Z]                            # a caption in brackets
      | [A-Z“"‘\u4e00-\u9fff]                     # a capitalised sentence, a quote, Chinese
    )""",
    re.VERBOSE,
)
_FULL_STOP = re.compile(r"[.。](?:\s|$)")
_ITEM_CITING_FOLLOW = re.compile(r"[ \t\u00a0]*(?:of\b|[,，]|\([\da-z])")
_CITING_FOLLOW = re.compile(r"[ \t\u00a0]*(?:(?:of|to|through|and|or)\b|[,，\-–]|\([\da-z])")


def _previous_word(text: str, pos: int) -> str:
    """The word just before ``pos``, without its punctuation ("" if it has no letters)."""
    window = text[max(0, pos - 30) : pos].split()
    return window[-1].strip(_WORD_PUNCTUATION) if window else ""


def _detect_wrapped(text: str) -> bool:
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
        elif stripped[-1] not in _TERMINAL:
            open_ended += 1
    return open_ended >= 3 and very_long * 20 <= long_lines and open_ended * 10 >= long_lines * 3


class _Lines:
    """Line-start and paragraph-start facts about offsets, filled in during the scan."""

    def __init__(self, text: str, wrapped: bool) -> None:
        self.text = text
        self.wrapped = wrapped
        self.para_breaks: list[int] = []  # offsets of line breaks that end a paragraph
        self.line_start = 0
        self.blank_before = True
        self.at_paragraph_start = True
        self.heading_line = False  # the current line opens with a chapter or section heading

    def newline(self, pos: int, end: int) -> None:
        stripped = self.text[self.line_start : pos].strip()
        if stripped:
            # Unwrapped text: every line is a paragraph. Hard-wrapped text: only a line that
            # ends a sentence ends a paragraph.
            self.at_paragraph_start = (
                not self.wrapped or stripped[-1] in _TERMINAL or self.heading_line
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
        self.heading_line = False

    def at_line_start(self, pos: int) -> bool:
        """Only spaces stand between the start of the line and ``pos``."""
        index = pos - 1
        while index >= self.line_start and self.text[index] in _INDENT:
            index -= 1
        return index < self.line_start

    def previous_char(self, pos: int) -> str:
        """The last non-space character before ``pos`` on the same line ("" at line start)."""
        index = pos - 1
        while index >= self.line_start and self.text[index] in _INDENT:
            index -= 1
        return self.text[index] if index >= self.line_start else ""

    def strength(self, pos: int) -> Strength:
        if self.at_line_start(pos):
            return Strength.STRONG if self.at_paragraph_start else Strength.MEDIUM
        if self.previous_char(pos) in _SENTENCE_END:
            return Strength.MEDIUM
        return Strength.WEAK


def _heading_candidate(
    text: str, kind: str, start: int, end: int, number: int, lines: _Lines
) -> _Candidate:
    strength = lines.strength(start)
    follow = _HEADING_FOLLOW.match(text, end)
    cites = bool(_CITING_FOLLOW.match(text, end)) or not follow
    if follow and follow.group().lstrip().startswith(".") and strength is not Strength.WEAK:
        strength = Strength(strength - 1)  # "Article 2." ends a citing sentence more often
    before = text[max(0, start - 30) : start].rstrip()
    after_sentence = bool(before) and before[-1] in _SENTENCE_END
    if not cites and strength is not Strength.STRONG and not after_sentence:
        # A citing word before the number, even across a wrapped line break ("as prescribed
        # in\nArticle 2"), makes it a citation; in running text any lowercase word does.
        word = _previous_word(text, start)
        cites = word.lower() in _CITING_WORDS
        cites = cites or (strength is Strength.WEAK and not word[:1].isupper())
    if before.endswith(("“", '"', "‘", "'")):
        cites = True  # quoted text, as in amending decisions that restate an article
    candidate = _Candidate(kind, start, end, number, "", strength, cites)
    caption = _CAPTION.match(text, end)
    if caption:
        candidate.caption_end = caption.end()
    return candidate


def _glued_candidate(text: str, match: re.Match[str], lines: _Lines) -> _Candidate | None:
    """A UK-style section heading: the number glued to a short heading line."""
    start, end = match.start("glued"), match.end("glued")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    heading = text[end:line_end].rstrip("\r \t")
    if not heading or len(heading) > 150 or heading[-1] in ".;:,—–":
        return None
    candidate = _Candidate(
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


def _accept_sequence(candidates: list[_Candidate], first_expected: int = 1) -> list[_Candidate]:
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
    accepted: list[_Candidate] = []
    last: int | None = None
    for candidate in candidates:
        if candidate.cites:
            continue
        expected = first_expected if last is None else last + 1
        strong = candidate.strength is Strength.STRONG
        if candidate.number == expected and not candidate.suffix:
            if not strong and last_strong.get(candidate.number, -1) > candidate.start:
                continue
        elif candidate.number == last and strong:
            pass  # an inserted article ("21A" after "21"), or a duplicate that validate reports
        elif (
            not strong
            or (last is not None and candidate.number < expected)
            or last_mention.get(expected, -1) > candidate.start
        ):
            continue
        accepted.append(candidate)
        last = candidate.number
    return accepted


@dataclass(slots=True)
class _ItemCandidate:
    start: int
    end: int
    label: str
    value: str
    inline: bool


def _number_of(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return None


def _line_start_candidate(
    text: str,
    match: re.Match[str],
    lines: _Lines,
    glued: list[_Candidate],
    items: list[_ItemCandidate],
    points: list[_Candidate],
    schedules: list[tuple[int, int, int | None]],
) -> None:
    """Collect a candidate that only counts at the start of a line."""
    if match.group("glued") is not None:
        candidate = _glued_candidate(text, match, lines)
        if candidate is not None:
            glued.append(candidate)
    elif match.group("dot") is not None:
        start = match.start("dot")
        items.append(
            _ItemCandidate(start, match.end("dot"), match.group("dot"), match.group("dn"), False)
        )
    elif match.group("roman") is not None:
        number = parse_roman(match.group("rn"))
        if number is not None and lines.at_paragraph_start:
            points.append(
                _Candidate(
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
        schedules.append((start, match.end(), int(numeral) if numeral else None))


def lex(text: str) -> LexedText:
    """Split English regulation text into marker, caption, text and paragraph tokens."""
    return plan(text, *scan(text))


def scan(text: str) -> tuple[_Lines, Candidates]:
    """Collect the candidate markers of English text (one pass), undecided."""
    wrapped = _detect_wrapped(text)
    lines = _Lines(text, wrapped)
    articles: list[_Candidate] = []
    glued: list[_Candidate] = []
    chapters: list[_Candidate] = []
    sections: list[_Candidate] = []
    points: list[_Candidate] = []
    items: list[_ItemCandidate] = []
    schedules: list[tuple[int, int, int | None]] = []

    def opening(pos: int) -> None:
        match = _LINE_START.match(text, pos)
        if match is not None:
            _line_start_candidate(text, match, lines, glued, items, points, schedules)

    opening(0)
    for match in _SCAN.finditer(text):
        if match.group("nl") is not None:
            lines.newline(match.start(), match.end())
            opening(match.end())
        elif match.group("article") is not None:
            articles.append(
                _heading_candidate(
                    text, "article", match.start(), match.end(), int(match.group("art")), lines
                )
            )
        elif match.group("chapter") is not None:
            numeral = match.group("chp")
            number = int(numeral) if numeral.isdigit() else parse_roman(numeral)
            if number is not None:
                lines.heading_line |= lines.at_line_start(match.start())
                chapters.append(
                    _heading_candidate(text, "chapter", match.start(), match.end(), number, lines)
                )
        elif match.group("section") is not None:
            lines.heading_line |= lines.at_line_start(match.start())
            sections.append(
                _heading_candidate(
                    text, "section", match.start(), match.end(), int(match.group("sec")), lines
                )
            )
        elif match.group("paren") is not None:
            start = match.start()
            line_start = lines.at_line_start(start)
            inline = not line_start and lines.previous_char(start) in ":;：；"
            if (line_start or inline) and not _ITEM_CITING_FOLLOW.match(text, match.end()):
                items.append(
                    _ItemCandidate(start, match.end(), match.group(), match.group("pv"), inline)
                )

    return lines, Candidates(articles, glued, chapters, sections, points, items, schedules)


@dataclass
class Candidates:
    """Everything a language's scan proposed, for :func:`plan` to decide on."""

    articles: list[_Candidate]
    glued: list[_Candidate]
    chapters: list[_Candidate]
    sections: list[_Candidate]
    points: list[_Candidate]
    items: list[_ItemCandidate]
    schedules: list[tuple[int, int, int | None]]
    parts: list[_Candidate] = field(default_factory=list)


def plan(
    text: str, lines: _Lines, found: Candidates, translation: Candidates | None = None
) -> LexedText:
    """Decide which candidates are headings, where the body starts, and emit the tokens.

    ``translation`` holds the candidates of a second language interleaved with the first (a
    bilingual text); its headings become translation markers inside the matching heading of
    the first language, and are ignored anywhere else.
    """
    body_start, headings, rejected = _select_headings(text, found)
    if translation is not None:
        headings.extend(_paired_translations(headings, _select_headings(text, translation)[1]))
        headings.sort(key=lambda c: c.start)
    schedules = found.schedules
    schedule_start = len(text)
    if headings and schedules:
        last_heading = headings[-1].start
        schedules = [s for s in schedules if s[0] > last_heading]
        if schedules:
            schedule_start = schedules[0][0]
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


def _paired_translations(
    headings: list[_Candidate], translated: list[_Candidate]
) -> list[_Candidate]:
    """The translated headings that stand inside the heading they translate ("Article 12"
    after "第十二条" and before the next heading), renamed "article_tr" and so on."""
    starts = [c.start for c in headings]
    paired = []
    for candidate in translated:
        index = bisect.bisect_left(starts, candidate.start) - 1
        if index < 0:
            continue
        owner = headings[index]
        if (owner.kind, owner.number, owner.suffix) == (
            candidate.kind,
            candidate.number,
            candidate.suffix,
        ) and owner.kind in ("article", "chapter", "section"):
            candidate.kind = f"{candidate.kind}_tr"
            paired.append(candidate)
    return paired


def _select_headings(
    text: str, found: Candidates
) -> tuple[int, list[_Candidate], list[tuple[str, int, int]]]:
    """The body start, the accepted headings in text order, and the rejected line-start ones."""
    articles, glued, chapters, sections = (
        found.articles,
        found.glued,
        found.chapters,
        found.sections,
    )
    points = found.points
    rejected: list[tuple[str, int, int]] = []
    accepted_articles = _accept_sequence(articles)
    if not accepted_articles:
        accepted_articles = _accept_sequence(glued)
    accepted_starts = {candidate.start for candidate in accepted_articles}
    for candidate in articles:
        if candidate.start not in accepted_starts and candidate.strength is Strength.STRONG:
            rejected.append(("article", candidate.start, candidate.number))

    body_start = len(text)
    headings: list[_Candidate] = []
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
        accepted_points = _accept_sequence(points)
        if accepted_points:
            body_start = accepted_points[0].start
            headings.extend(accepted_points)
    if accepted_articles:
        headings.extend(accepted_articles)
        body_parts = _accept_sequence([c for c in found.parts if c.start >= body_start])
        headings.extend(body_parts)
        # Chapters count within their part (第一编 第一章 …, 第二编 第一章 …), sections within
        # their chapter.
        for part_start, part_end in _regions(body_parts, body_start, len(text)):
            inside = [c for c in chapters if part_start <= c.start < part_end]
            body_chapters = _accept_sequence(inside) or _accept_sequence(
                inside, first_expected=min((c.number for c in inside), default=1)
            )
            headings.extend(body_chapters)
            if not body_chapters:
                continue  # a section only ever stands inside a chapter
            for chapter_start, chapter_end in _regions(body_chapters, part_start, part_end):
                headings.extend(
                    _accept_sequence([s for s in sections if chapter_start < s.start < chapter_end])
                )
    headings.sort(key=lambda c: c.start)

    return body_start, headings, rejected


def _regions(openers: list[_Candidate], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text each opener heads; the whole stretch when there are none."""
    if not openers:
        return [(start, end)]
    bounds = [c.start for c in openers] + [end]
    return list(itertools.pairwise(bounds))


def _item_style(value: str) -> str:
    if value.isdigit():
        return "paren_digit"
    if value.islower():
        return "paren_lower"
    return "paren_upper"


def _emit(
    text: str,
    lines: _Lines,
    wrapped: bool,
    body_start: int,
    headings: list[_Candidate],
    items: list[_ItemCandidate],
    schedules: list[tuple[int, int, int | None]],
    schedule_start: int,
    rejected: list[tuple[str, int, int]],
) -> LexedText:
    # Boundaries: (start, end, token type, marker) in text order.
    boundaries: list[tuple[int, int, str, Marker | None]] = []
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
                candidate.start,
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
    for start, end, number in schedules:
        label = text[start:end].strip()
        token_type = "SCHEDULE" if number is not None else "SCHEDULES"
        boundaries.append((start, end, token_type, Marker("schedule", number, label)))
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if number is not None and text[end:line_end].strip():
            caption_end = len(text[:line_end].rstrip())
            caption = text[end:caption_end].strip()
            boundaries.append((end, caption_end, "CAPTION", Marker("caption", None, caption)))

    heading_starts = sorted(b[0] for b in boundaries)
    boundaries.extend(_accept_items(text, items, body_start, schedule_start, heading_starts))
    boundaries.sort(key=lambda b: b[0])

    tokens: list[Token] = []
    markers: dict[int, Marker] = {}
    para_breaks = lines.para_breaks
    para_index = 0
    cursor = 0
    pending_para = -1

    def add_text(start: int, end: int) -> None:
        nonlocal pending_para, para_index
        # Split the run at paragraph breaks that fall inside it.
        piece_start = start
        while para_index < len(para_breaks) and para_breaks[para_index] < start:
            para_index += 1
        while para_index < len(para_breaks) and para_breaks[para_index] < end:
            cut = para_breaks[para_index]
            para_index += 1
            add_piece(piece_start, cut)
            if tokens and tokens[-1].type == "TEXT":
                pending_para = cut
            piece_start = cut
        add_piece(piece_start, end)

    def add_piece(start: int, end: int) -> None:
        nonlocal pending_para
        chunk = text[start:end]
        stripped = chunk.lstrip()
        if not stripped.strip():
            return
        begin = start + len(chunk) - len(stripped)
        if pending_para >= 0 and tokens and tokens[-1].type == "TEXT":
            tokens.append(Token("PARA", text[pending_para:begin], pending_para))
        pending_para = -1
        tokens.append(Token("TEXT", stripped.rstrip(), begin))

    for start, end, token_type, marker in boundaries:
        if start < cursor:
            continue  # overlapping candidates: the first one wins
        add_text(cursor, start)
        pending_para = -1
        tokens.append(Token(token_type, text[start:end], start))
        if marker is not None:
            markers[start] = marker
        cursor = end
    add_text(cursor, len(text))

    # Extents tile the text: each token runs to the next one's start.
    for index, token in enumerate(tokens):
        token.end_pos = tokens[index + 1].start_pos if index + 1 < len(tokens) else len(text)
    return LexedText(tokens, markers, wrapped, body_start, rejected)


def _accept_items(
    text: str,
    items: list[_ItemCandidate],
    body_start: int,
    schedule_start: int,
    heading_starts: list[int],
) -> list[tuple[int, int, str, Marker | None]]:
    """Items at paragraph starts, and inline ones ("as follows: (1) ...; (2) ...") in sequence."""
    accepted: list[tuple[int, int, str, Marker | None]] = []
    previous_inline: dict[str, int] = {}
    previous_start = previous_end = -1
    for item in items:
        if not body_start <= item.start < schedule_start:
            continue
        if bisect.bisect_left(heading_starts, item.start) != bisect.bisect_left(
            heading_starts, previous_start
        ):
            previous_inline.clear()  # each article's lists count on their own
        previous_start = item.start
        value = item.value
        style = "dot_digit" if item.label.endswith((".", "．")) else _item_style(value)
        number = _number_of(value)
        if number is None and not value.isascii():
            style, number = "paren_cjk", parse_chinese(value)
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
                or _FULL_STOP.search(text, previous_end, item.start)
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
