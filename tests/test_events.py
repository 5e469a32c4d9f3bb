"""Event phrases of English prefaces, one sentence to one typed result (see PHRASES.md)."""

from __future__ import annotations

import datetime as dt

import pytest

import lawparse
from lawparse import Event, EventKind

D = dt.date


def events_of(preface: str) -> list[Event]:
    reg = lawparse.parse(f"Provisions on Testing\n{preface}\nArticle 1 These Provisions apply.")
    return list(reg.events)


# (preface sentence, [(kind, date, relative_to)])
ENTRY_INTO_FORCE = [
    ("is hereby promulgated and shall go into effect as of July 1, 2000.", D(2000, 7, 1)),
    ("is promulgated now, and shall enter into force as of April 1, 1989.", D(1989, 4, 1)),
    ("is hereby promulgated, and shall come into force as of July 1, 2008.", D(2008, 7, 1)),
    ("These Regulations shall take effect on January 1, 2020.", D(2020, 1, 1)),
    ("is hereby issued and shall come into force on January 1, 2020.", D(2020, 1, 1)),
    ("is hereby issued, and comes into force on August 1, 2014.", D(2014, 8, 1)),
    ("are hereby promulgated. They will come into effect on October 14, 2023.", D(2023, 10, 14)),
    ("They shall be effective as of November 1, 2021.", D(2021, 11, 1)),
    ("are hereby issued, effective on May 1, 2010.", D(2010, 5, 1)),
    ("are hereby promulgated and come into force on May 1, 2004.", D(2004, 5, 1)),
]


@pytest.mark.parametrize(
    ("sentence", "date"), ENTRY_INTO_FORCE, ids=[e[0] for e in ENTRY_INTO_FORCE]
)
def test_entry_into_force(sentence: str, date: dt.date) -> None:
    effective = [
        e for e in events_of(f"The Provisions {sentence}") if e.kind is EventKind.EFFECTIVE
    ]
    assert [e.date for e in effective] == [date]


@pytest.mark.parametrize(
    "sentence",
    [
        "shall come into force as of the date of publication.",
        "shall come into effect on the date of promulgation.",
        "shall be effective as of the date of its promulgation.",
    ],
)
def test_effective_on_promulgation_without_a_date_stays_unresolved(sentence: str) -> None:
    (effective,) = [
        e for e in events_of(f"These Provisions {sentence}") if e.kind.value == "effective"
    ]
    assert effective.date is None
    assert effective.relative_to is EventKind.PROMULGATED
    assert effective.unresolved


def test_effective_on_promulgation_resolves_against_the_promulgation_date() -> None:
    events = events_of(
        "(Promulgated by Decree No. 5 of the Municipal Government on March 2, 2020 and "
        "effective as of the date of promulgation)"
    )
    effective = next(e for e in events if e.kind is EventKind.EFFECTIVE)
    assert (effective.date, effective.relative_to, effective.unresolved) == (
        D(2020, 3, 2),
        EventKind.PROMULGATED,
        None,
    )


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "(Adopted at the 33rd Session of the Standing Committee of the 13th Shanghai Municipal "
            "People's Congress on April 19, 2012)",
            [
                (
                    "adopted",
                    D(2012, 4, 19),
                    "33rd Session",
                    "Standing Committee of the 13th Shanghai Municipal People's Congress",
                )
            ],
        ),
        (
            "(Adopted at the 20thRoutine Meeting of the Standing Committee of the 15thShanghai "
            "Municipal People's Congress on April 10, 2020)",
            [
                (
                    "adopted",
                    D(2020, 4, 10),
                    "20thRoutine Meeting",
                    "Standing Committee of the 15thShanghai Municipal People's Congress",
                )
            ],
        ),
        (
            "(Adopted at the 49th Executive Meeting of the State Council on November 5, 2001, "
            "promulgated by Decree No.335 of the State Council on December 1, 2001)",
            [
                ("adopted", D(2001, 11, 5), "49th Executive Meeting", "State Council"),
                ("promulgated", D(2001, 12, 1), None, "State Council"),
            ],
        ),
        (
            "(Promulgated by the People's Bank of China on 20 June 1996 and became effective as "
            "of 1 July 1996.)",
            [
                ("promulgated", D(1996, 6, 20), None, "People's Bank of China"),
                ("effective", D(1996, 7, 1), None, None),
            ],
        ),
        (
            "(Adopted at 17th Session of the Standing Committee on December 28, 1990 and amended "
            "at the 2nd Session of the Standing Committee on April 24, 2008)",
            [
                ("adopted", D(1990, 12, 28), "17th Session", "Standing Committee"),
                ("amended", D(2008, 4, 24), "2nd Session", "Standing Committee"),
            ],
        ),
        (
            "(Adopted at the Fifth Session of the Fifth National People's Congress and promulgated "
            "by the Announcement of the National People's Congress on December 4, 1982)",
            [
                ("adopted", D(1982, 12, 4), "Fifth Session", "Fifth National People's Congress"),
                ("promulgated", D(1982, 12, 4), None, "National People's Congress"),
            ],
        ),
    ],
    ids=[
        "standing-committee",
        "no-spaces",
        "state-council",
        "day-month-year",
        "amended-at",
        "shared-date",
    ],
)
def test_adoption_notes(
    note: str, expected: list[tuple[str, dt.date, str | None, str | None]]
) -> None:
    found = [(e.kind.value, e.date, e.session, e.body) for e in events_of(note)]
    assert found == expected


def test_amendment_ordinals_and_instruments() -> None:
    events = events_of(
        "(Adopted at the 4th Session of the 11th Shanghai Municipal People's Congress on February "
        "12, 2001;amended for the first time in accordance with the Decision on the Amendment to "
        "the Regulations adopted at the 15th Session of the Standing Committee of the 12th "
        "Shanghai Municipal People's Congress on October 19, 2004; and amended for the second "
        "time in accordance with the Decision on Amending Two Local Rules and Repealing Six "
        "Local Rules adopted at the 2nd Session of the Standing Committee of the 16th Shanghai "
        "Municipal People's Congress on April 26, 2023)"
    )
    amended = [e for e in events if e.kind is EventKind.AMENDED]
    assert [(e.ordinal, e.date) for e in amended] == [(1, D(2004, 10, 19)), (2, D(2023, 4, 26))]
    assert amended[1].instrument == (
        "Decision on Amending Two Local Rules and Repealing Six Local Rules"
    )
    assert not [e for e in events if e.kind is EventKind.REPEALED]


@pytest.mark.parametrize(
    "preface",
    [
        "Updated: 2023-11-14",
        "The full text will be implemented from October.",
        "Mayor: Gong Zheng",
        "This Law is formulated for the purpose of protecting rights.",
    ],
)
def test_sentences_that_state_no_event(preface: str) -> None:
    assert events_of(preface) == []
