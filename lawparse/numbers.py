"""Numerals as drafters write them: Roman, English ordinals, Chinese, letters.

Each reader returns an ``int`` or ``None`` for something that is not a numeral of that kind;
none of them guesses.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "english_ordinal",
    "letter_number",
    "parse_chinese",
    "parse_roman",
    "to_chinese",
    "to_roman",
]

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_TABLE = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(number: int) -> str:
    """Upper-case Roman numeral of 1..3999.

    >>> to_roman(14)
    'XIV'
    """
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    parts = []
    for value, symbol in _ROMAN_TABLE:
        count, number = divmod(number, value)
        parts.append(symbol * count)
    return "".join(parts)


def parse_roman(numeral: str) -> int | None:
    """Value of a canonical Roman numeral (either case), else ``None``.

    >>> parse_roman("XIV"), parse_roman("iiii")
    (14, None)
    """
    upper = numeral.upper()
    if not upper or any(ch not in _ROMAN_VALUES for ch in upper):
        return None
    total = 0
    for index, ch in enumerate(upper):
        value = _ROMAN_VALUES[ch]
        if index + 1 < len(upper) and _ROMAN_VALUES[upper[index + 1]] > value:
            total -= value
        else:
            total += value
    # Only the canonical spelling counts, so "IIII" or "VX" are not silently accepted.
    if not 0 < total < 4000 or to_roman(total) != upper:
        return None
    return total


def letter_number(letter: str) -> int | None:
    """Position of a single Latin letter in the alphabet: "a" -> 1, "B" -> 2."""
    if len(letter) == 1 and letter.isascii() and letter.isalpha():
        return ord(letter.lower()) - ord("a") + 1
    return None


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_DIGIT_ORDINAL = re.compile(r"(\d+)\s*(?:st|nd|rd|th)?", re.IGNORECASE)


def english_ordinal(word: str) -> int | None:
    """Value of "4th", "Fourth", "twenty-first", "21": the forms used for sessions.

    >>> english_ordinal("Fourteenth"), english_ordinal("16th"), english_ordinal("twenty-first")
    (14, 16, 21)
    """
    text = word.strip().lower()
    match = _DIGIT_ORDINAL.fullmatch(text)
    if match:
        return int(match.group(1))
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
    tens, _, unit = text.replace(" ", "-").partition("-")
    if tens in _TENS and unit in _ORDINAL_WORDS and _ORDINAL_WORDS[unit] < 10:
        return _TENS[tens] + _ORDINAL_WORDS[unit]
    return None


_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


@lru_cache(maxsize=4096)  # headings and citations repeat the same few hundred numerals
def parse_chinese(numeral: str) -> int | None:
    """Value of a Chinese numeral as used in headings and dates: 一百零五, 十二, 两, 二〇二三.

    A string of bare digits (二〇二三, as in years) reads positionally.

    >>> parse_chinese("一百零五"), parse_chinese("十二"), parse_chinese("二〇二三")
    (105, 12, 2023)
    """
    if not numeral:
        return None
    if numeral.isdigit() and numeral.isascii():
        return int(numeral)
    if all(ch in _CN_DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + _CN_DIGITS[ch]
        return value if len(numeral) > 1 or value > 0 else None
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in numeral:
        if ch in _CN_DIGITS:
            if pending is not None and _CN_DIGITS[ch] != 0:
                return None
            pending = _CN_DIGITS[ch] if _CN_DIGITS[ch] else pending
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (pending if pending is not None else 1) * unit
            pending = None
            last_unit = unit
        else:
            return None
    if pending is not None:
        total += pending
    return total or None


def to_chinese(number: int) -> str:
    """Chinese numeral for 1..9999 in the form headings use (十二, 一百零五).

    >>> to_chinese(105), to_chinese(12), to_chinese(20)
    ('一百零五', '十二', '二十')
    """
    if not 0 < number < 10_000:
        raise ValueError(f"no Chinese numeral for {number}")
    digits = "〇一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, unit_value)
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)
