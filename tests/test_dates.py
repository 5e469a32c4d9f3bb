"""Dates: a closed set of forms, read strictly; one table of valid and invalid inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from lawparse.events.dates import parse_date

VALID = [
    ("July 25, 2023", dt.date(2023, 7, 25)),
    ("July 25 2023", dt.date(2023, 7, 25)),
    ("Jul. 25, 2023", dt.date(2023, 7, 25)),
    ("Sept. 1, 2021", dt.date(2021, 9, 1)),
    ("25 July 2023", dt.date(2023, 7, 25)),
    ("20th June 1996", dt.date(1996, 6, 20)),
    ("29th April 2021", dt.date(2021, 4, 29)),
    ("1st of May 2010", dt.date(2010, 5, 1)),
    ("2023-07-25", dt.date(2023, 7, 25)),
    ("2023-3-13", dt.date(2023, 3, 13)),
    ("February 29, 2024", dt.date(2024, 2, 29)),
]
INVALID = [
    "February 30, 2023",
    "February 29, 2023",
    "2023-13-01",
    "April 31, 2021",
    "Julember 5, 2020",
    "07/25/2023",
    "25.07.2023",
    "sometime in 2023",
    "",
]


@pytest.mark.parametrize(("text", "expected"), VALID, ids=[v[0] for v in VALID])
def test_valid_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", INVALID, ids=repr)
def test_invalid_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)
