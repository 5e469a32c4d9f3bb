"""The languages lawparse reads, one module each, and which one a text is written in.

A language module holds every word a drafter of that language writes, as named tables
(:mod:`lawparse.languages.en`, :mod:`lawparse.languages.zh`); typography they share is in
:mod:`lawparse.languages.common`. Nothing outside this package spells a word of a language.
"""

from __future__ import annotations

from . import zh
from .common import CJK, CJK_GAP, FOOTNOTE_MARK, NOT_CJK, NOT_LATIN, WHITESPACE_RUN

__all__ = ["LANGUAGES", "compiler_note", "detect_language", "heading_text"]

LANGUAGES = ("en", "zh")
"""The language codes lawparse has tables for."""


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters outweigh Latin letters in the text, else "en".

    >>> detect_language("第一条 为了规范"), detect_language("Article 1 In order to")
    ('zh', 'en')
    """
    sample = text[:4_000]
    if not CJK.search(sample):
        return "en"  # the letters, the costly count in English, need no counting
    latin = len(NOT_LATIN.sub("", sample))
    # The Chinese characters of a prefix are fewer than the sample's: when they outweigh the
    # letters already, the costly count over the whole sample is spared.
    for part in (sample[: latin + 100], sample):
        if len(NOT_CJK.sub("", part)) * 3 > latin:
            return "zh"
    return "en"


def heading_text(text: str) -> str:
    """A heading as one line: whitespace runs become one space, and the typographic spaces
    of Chinese headings (第一章 总　则) go, since Chinese puts none between words."""
    return WHITESPACE_RUN.sub(" ", CJK_GAP.sub("", text)).strip()


def compiler_note(paragraph: str) -> bool:
    """A paragraph a compiler added to the act's wording: a footnote (① ...) or an
    editor's note (注：, 编者按). Compilers append them to the provision they follow (the
    Criminal Law after Amendment XII carries "① 刑法、历次刑法修正案……的施行日期……" as a
    last paragraph of 第四百五十二条), so comparisons of wordings leave them out."""
    return bool(FOOTNOTE_MARK.match(paragraph) or zh.EDITOR_NOTE.match(paragraph))
