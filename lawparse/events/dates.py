"""Dates as regulations write them, read in a closed, documented set of forms, never guessed.

English:

* ``July 25, 2023`` / ``July 25 2023`` / ``Jul. 25, 2023`` (month day, year)
* ``25 July 2023`` / ``20th June 1996`` / ``29th April 2021`` (day month year)
* ``2023-07-25`` (ISO 8601 calendar date)

Chinese: ``2023年7月25日`` and ``二〇二三年七月二十五日`` (spaces between the parts allowed).

A string in one of these forms that names no real day (``February 30, 2023``) is an
:class:`~lawparse.errors.InvalidDateError` at its position: raised, or recorded in the
source's ``invalid_dates`` when the caller collects errors (``parse(errors="collect")``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import InvalidDateError
from ..languages import en, zh
from ..source import SourceText

__all__ = [
    "DateMention",
    "add_period",
    "find_dates",
    "find_dates_zh",
    "parse_date",
    "report_invalid_date",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as found in the text: its value, its exact wording and where it is."""

    date: dt.date
    text: str
    start: int
    end: int


def parse_date(text: str) -> dt.date:
    """Read one date in a supported form; ``ValueError`` for anything else.

    >>> parse_date("July 25, 2023"), parse_date("20th June 1996")
    (datetime.date(2023, 7, 25), datetime.date(1996, 6, 20))
    """
    match = en.DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a date in a supported form: {text!r}")
    return _date_of(match)


def _date_of(match: re.Match[str]) -> dt.date:
    if match.group("y1"):
        year, month, day = match.group("y1"), en.month_number(match.group("m1")), match.group("d1")
    elif match.group("y2"):
        year, month, day = match.group("y2"), en.month_number(match.group("m2")), match.group("d2")
    else:
        year, month, day = match.group("y3"), int(match.group("m3")), match.group("d3")
    return dt.date(int(year), int(month), int(day))


def find_dates(source: SourceText, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``source.text[start:end]``; an impossible one raises with its position."""
    found = []
    for match in en.DATE.finditer(source.text, start, len(source.text) if end is None else end):
        try:
            value = _date_of(match)
        except ValueError as error:
            report_invalid_date(source, match, error)
            continue
        found.append(DateMention(value, match.group(), match.start(), match.end()))
    return found


def report_invalid_date(source: SourceText, match: re.Match[str], error: ValueError) -> None:
    """Raise :class:`InvalidDateError` for ``match``, or record it when the source collects."""
    problem = source.error(
        InvalidDateError,
        f"{match.group()!r} is not a calendar date ({error})",
        match.start(),
        len(match.group()),
    )
    assert isinstance(problem, InvalidDateError)
    if source.invalid_dates is None:
        raise problem
    source.invalid_dates.append(problem)


def _chinese_value(numeral: str) -> int:
    value = zh.parse_numeral(numeral)
    if value is None:
        raise ValueError(f"{numeral!r} is not a number")
    return value


def find_dates_zh(source: SourceText, start: int, end: int) -> list[DateMention]:
    """Every Chinese date in ``source.text[start:end]``; an impossible one is reported."""
    found = []
    for match in zh.DATE.finditer(source.text, start, end):
        try:
            value = dt.date(
                _chinese_value(match["y"]), _chinese_value(match["m"]), _chinese_value(match["d"])
            )
        except ValueError as error:
            report_invalid_date(source, match, error)
            continue
        found.append(DateMention(value, match.group(), match.start(), match.end()))
    return found


def add_period(start: dt.date, period: str) -> dt.date:
    """``start`` plus an ISO 8601 period of one unit ("P30D", "P6M", "P5Y"); a day that the
    target month lacks (February 30) becomes the month's last day, as drafters count.

    >>> add_period(dt.date(2024, 2, 29), "P1Y")
    datetime.date(2025, 2, 28)
    """
    match = re.fullmatch(r"P(\d+)([DMY])", period)
    if match is None:
        raise ValueError(f"unsupported period {period!r}")
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "D":
        return start + dt.timedelta(days=amount)
    months = start.month - 1 + amount * (12 if unit == "Y" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last_day))
