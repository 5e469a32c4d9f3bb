"""Which language a text, or one paragraph of it, is written in."""

from __future__ import annotations

import re

__all__ = ["detect_language"]

_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters outweigh Latin letters in the text, else "en".

    >>> detect_language("第一条 为了规范"), detect_language("Article 1 In order to")
    ('zh', 'en')
    """
    sample = text[:4_000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk * 3 > latin else "en"
