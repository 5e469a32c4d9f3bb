"""Numerals as drafters write them: Roman, English ordinals, Chinese, letters.

Each reader returns an ``int`` or ``None`` for something that is not a numeral of that kind;
none of them guesses. The readers belong to their languages (:mod:`lawparse.languages.en`,
:mod:`lawparse.languages.zh`); this module gathers them under their established names.
"""

from __future__ import annotations

from .languages.en import english_ordinal, letter_number, parse_roman, to_roman
from .languages.zh import parse_numeral as parse_chinese
from .languages.zh import to_numeral as to_chinese

__all__ = [
    "english_ordinal",
    "letter_number",
    "parse_chinese",
    "parse_roman",
    "to_chinese",
    "to_roman",
]
