"""Typography every language of the corpus shares: spaces, brackets, quotes, sentence ends.

Chinese texts use full-width forms of the same marks ("（一）", "。", "；"), and English
translations carry them over from their originals, so the readers of both languages look
for both forms; they live here once.
"""

from __future__ import annotations

import re

__all__ = [
    "BRACKETS_AND_SPACES",
    "CJK",
    "CJK_GAP",
    "CLAUSE_TERMINAL",
    "CLOSE_BRACKETS",
    "COLONS",
    "COMMAS",
    "DIFF_TOKEN",
    "FOOTNOTE_MARK",
    "FORMATTING_MARKS",
    "INDENT",
    "INLINE_LIST_OPENERS",
    "NOT_CJK",
    "NOT_LATIN",
    "OPEN_BRACKETS",
    "OPEN_QUOTES",
    "QUOTES",
    "QUOTE_CLOSE",
    "QUOTE_OPEN",
    "QUOTE_SLOT",
    "SEMICOLONS",
    "SENTENCE_END",
    "SENTENCE_FINAL",
    "SLOT",
    "SPACE_BEFORE_SLOT",
    "STRAIGHT_QUOTE",
    "TITLE_MARKS",
    "TITLE_NOISE",
    "WHITESPACE_RUN",
    "WORD_PUNCTUATION",
    "is_blank",
    "quote_slot",
    "strip_blank",
]

INDENT = " \t\u00a0\u3000"
"""Spaces that indent a line: ASCII, no-break and the ideographic space."""

SENTENCE_FINAL = frozenset('.;:!?。；：！？”"’)）]】—–')
"""A text whose last character is none of these stops mid-sentence; a hard-wrapped line
ending in one of them ends its paragraph."""


SENTENCE_END = frozenset(".;:!?。；：！？)）]")
"""A heading candidate right after one of these follows a finished sentence."""

CLAUSE_TERMINAL = ".;:!?。；：！？—–"
"""Marks that end a statement in a preface (a title never ends with one)."""

WORD_PUNCTUATION = ".,;:!?()[]\"'“”‘’—–-"
OPEN_BRACKETS = "(（[【"
CLOSE_BRACKETS = ")）]】"
QUOTES = frozenset('“”"')
OPEN_QUOTES = ("“", '"', "‘", "'")
INLINE_LIST_OPENERS = ":;：；"
COLONS = ":："
"""What may stand between a heading and its caption: 附件：某某目录."""
"""An item after one of these in running text opens an inline list ("as follows: (1) ...")."""

CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
NOT_CJK = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbf]+")
NOT_LATIN = re.compile(r"[^A-Za-z]+")
"""Runs of all but Chinese characters, and of all but Latin letters: a text without them is
its Chinese characters, or its letters, counted in one match per run instead of per letter."""
CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \t\u3000\u00a0]+(?=[\u3400-\u9fff])")
BRACKETS_AND_SPACES = re.compile(r"[（）()\s　]+")

TITLE_NOISE = re.compile(
    r"[\s《》〈〉<>“”\"'’‘]|\((?:\d{4}\s*)?(?:revision|amendment)\)", re.IGNORECASE
)
"""What two spellings of one title may differ in: spaces, title brackets, quotes, and an
edition note such as "(2019 Revision)"."""

WHITESPACE_RUN = re.compile(r"\s+")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_BLANK = re.compile(rf"[\s{ZERO_WIDTH}]*")

FORMATTING_MARKS = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "○": "〇", **dict.fromkeys(ZERO_WIDTH)}
)
"""What two copies of one text may spell either way and Unicode NFKC leaves apart: curly and
straight quotes, the white circle (U+25CB) typed for the numeral zero 〇 (U+3007) in 二○○八年,
zero-width characters (dropped). Applied after NFKC, which already folds full-width letters,
digits and punctuation (（ to (, ， to ,, ２ to 2) and the ideographic space."""

FOOTNOTE_MARK = re.compile(r"[ \t\u3000]*[\u2460-\u2473\u2776-\u277f]")
"""A paragraph opening with a circled number (① to ⑳, ❶ to ❿) is a compiler's footnote, not
the act's wording: Chinese drafting numbers items （一） and sub-items 1．, never ①. Matched
before NFKC, which turns ① into 1."""

DIFF_TOKEN = re.compile(
    r"\s+|[\u4e00-\u9fff\u3400-\u4dbf]|(?:(?![\u4e00-\u9fff\u3400-\u4dbf])[^\W_])+|.", re.DOTALL
)
"""The units two wordings are compared in: a Chinese character, a run of other letters and
digits (a word, a number), a run of whitespace, or any other single mark."""


def strip_blank(text: str) -> str:
    """``text`` without the spaces and zero-width characters around it."""
    text = text.strip()
    while text and (text[0] in ZERO_WIDTH or text[-1] in ZERO_WIDTH):
        text = text.strip(ZERO_WIDTH).strip()
    return text


def is_blank(line: str) -> bool:
    """Only spaces and zero-width characters (U+200B, U+FEFF ...): a line that holds no text,
    so it never makes a paragraph of its own."""
    return _BLANK.fullmatch(line) is not None


SEMICOLONS = ";；"
COMMAS = ",，"
TITLE_MARKS = re.compile(r"[\s《》]")
"""Spaces and title brackets, which two spellings of one title may differ in."""


QUOTE_OPEN = "\u201c"
QUOTE_CLOSE = "\u201d"
STRAIGHT_QUOTE = '"'
"""The marks an amending instruction quotes new wording in. A quotation of several
paragraphs opens each of them with an opening mark and closes only the last one."""
SLOT = "\ue000\\d+\ue001"
QUOTE_SLOT = re.compile("\ue000(\\d+)\ue001")
"""Where an instruction's quotation stood once taken out (a private-use pair around its
index), so that the instruction's own words are read without the quoted ones."""
SPACE_BEFORE_SLOT = re.compile("\\s+(?=\ue000)")
"""Line breaks between an instruction's words and its quotation ("将该条修改为：", a blank
line, then the quoted paragraphs): the quotation follows the words as if on their line."""


def quote_slot(index: int) -> str:
    """The stand-in for quotation ``index`` in an instruction (see :data:`QUOTE_SLOT`)."""
    return f"\ue000{index}\ue001"


MARKDOWN_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+")
"""The mark of a Markdown heading line ("## 第一章 总则"): the layout of the public
collection of PRC law (LawRefBook) and of ``lawparse.render.markdown``; a heading after it
stands at the start of its line."""


def markdown_heading_end(text: str, line_start: int) -> int:
    """Where the text of a line starting at ``line_start`` begins after a Markdown heading
    mark; ``line_start`` itself when the line has none."""
    mark = MARKDOWN_HEADING.match(text, line_start)
    return mark.end() if mark else line_start


__all__ += ["MARKDOWN_HEADING", "markdown_heading_end"]
