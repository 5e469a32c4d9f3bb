"""Numerals: Roman, English ordinals, Chinese; round trips for every value in range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawparse.numbers import (
    english_ordinal,
    letter_number,
    parse_chinese,
    parse_roman,
    to_chinese,
    to_roman,
)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(number: int) -> None:
    assert parse_roman(to_roman(number)) == number
    assert parse_roman(to_roman(number).lower()) == number


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_round_trip(number: int) -> None:
    assert parse_chinese(to_chinese(number)) == number


@pytest.mark.parametrize("numeral", ["IIII", "VX", "IC", "", "ABC", "MMMM"])
def test_non_canonical_roman_is_refused(numeral: str) -> None:
    assert parse_roman(numeral) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("4th", 4),
        ("16th", 16),
        ("1st", 1),
        ("22nd", 22),
        ("third", 3),
        ("Fifth", 5),
        ("Fourteenth", 14),
        ("twenty-first", 21),
        ("Thirty-Third", 33),
        ("nonth", None),
    ],
)
def test_english_ordinals(word: str, value: int | None) -> None:
    assert english_ordinal(word) == value


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一百零五", 105),
        ("十二", 12),
        ("两", 2),
        ("二〇二三", 2023),
        ("一千零一", 1001),
        ("十", 10),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert parse_chinese(numeral) == value


def test_letters() -> None:
    assert [letter_number(ch) for ch in "aBz"] == [1, 2, 26]
    assert letter_number("ab") is None
