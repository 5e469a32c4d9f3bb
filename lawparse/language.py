"""Which language a text, or one paragraph of it, is written in."""

from __future__ import annotations

import re

__all__ = ["detect_language", "heading_text"]

_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters outweigh Latin letters in the text, else "en".

    >>> detect_language("第一条 为了规范"), detect_language("Article 1 In order to")
    ('zh', 'en')
    """
    sample = text[:4_000]
    cjk = _CJK.subn("", sample)[1]  # a count, without a list of one-character matches
    latin = _LATIN.subn("", sample)[1]
    return "zh" if cjk * 3 > latin else "en"


_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \t\u3000\u00a0]+(?=[\u3400-\u9fff])")


def heading_text(text: str) -> str:
    """A heading as one line: whitespace runs become one space, and the typographic spaces
    of Chinese headings (第一章 总　则) go, since Chinese puts none between words."""
    return _SPACES.sub(" ", _CJK_GAP.sub("", text)).strip()
