"""English phrasings of time in translations of PRC law: one parametrised table per class.

Commencement composed from the tables (subject, verb, preposition, anchor), an adoption
inside a President's or the State Council's order, the date under a signature, phrases and
dates broken by a line break or a blank line, and validity periods of licences (which never
end the act). Each case states every event of the act the text yields.
"""

from __future__ import annotations

import datetime as dt

import pytest

import lawparse
from lawparse import EventKind, Regulation

D = dt.date
PRC = "People's Republic of China"
NPC_SC = "Standing Committee of the Thirteenth National People's Congress"
PRESIDENT = f"President of the {PRC}"
STATE_COUNCIL = f"State Council of the {PRC}"


def closing(sentence: str, preface: str = "") -> Regulation:
    """A regulation whose last article is ``sentence``, under ``preface``."""
    return lawparse.parse(
        f"Measures for the Administration of Testing\n{preface}\n"
        "Article 1 These Measures are formulated for testing.\n"
        f"Article 2 {sentence}\n"
    )


def dated(reg: Regulation) -> list[tuple[str, dt.date | None]]:
    """(kind, date) of every event, each of which must concern this act."""
    assert [event.about for event in reg.events] == [None] * len(reg.events)
    return [(event.kind.value, event.date) for event in reg.events]


def stated_by(reg: Regulation) -> list[tuple[str, dt.date | None, str | None, str | None]]:
    """(kind, date, body, session) of every event, each of which must concern this act."""
    assert [event.about for event in reg.events] == [None] * len(reg.events)
    return [(event.kind.value, event.date, event.body, event.session) for event in reg.events]


def assert_exact_spans(reg: Regulation) -> None:
    """Every event's span is the wording it was read from, and holds its date's wording."""
    text = reg.source.text
    for event in reg.events:
        wording = text[event.span.start : event.span.end]
        assert " ".join(wording.split()) == event.text
        if event.date_text is not None:
            assert event.date_text in wording


# 1. Commencement composed from the tables ----------------------------------------------------

COMMENCEMENT = [
    ("These Measures shall be put into force from March 1, 2021.", D(2021, 3, 1)),
    ("These Interpretations shall come into force as of January 1, 2021.", D(2021, 1, 1)),
    ("This Interpretation shall take effect on 1 March 2022.", D(2022, 3, 1)),
    ("These Detailed Rules shall be implemented with effect from July 1, 2019.", D(2019, 7, 1)),
    ("This Amendment shall go into effect starting from March 1, 2021.", D(2021, 3, 1)),
    ("These Rules shall enter into force on October 1, 2013.", D(2013, 10, 1)),
    ("This Decision shall become effective as from 2020-06-01.", D(2020, 6, 1)),
    ("These Regulations shall be enforced as of January 1, 2008.", D(2008, 1, 1)),
    ("These Implementing Rules shall come into operation on May 1, 2016.", D(2016, 5, 1)),
    ("This Regulation will take effect commencing from 15 August 2023.", D(2023, 8, 15)),
    ("This Law shall be effective since October 1, 1999.", D(1999, 10, 1)),
    ("These Provisions are put into effect beginning on April 1, 2024.", D(2024, 4, 1)),
]


@pytest.mark.parametrize(("sentence", "date"), COMMENCEMENT, ids=[c[0] for c in COMMENCEMENT])
def test_commencement_composed_from_the_tables(sentence: str, date: dt.date) -> None:
    assert dated(closing(sentence)) == [("effective", date)]


RELATIVE_COMMENCEMENT = [
    (
        "(Promulgated by Decree No. 5 of the Ministry of Commerce on May 4, 2020)",
        "This Decision shall become effective as of the date of its promulgation.",
        [("promulgated", D(2020, 5, 4)), ("effective", D(2020, 5, 4))],
        EventKind.PROMULGATED,
    ),
    (
        "(Issued by the People's Bank of China on April 1, 2020)",
        "These Measures shall come into force 30 days after the date of publication.",
        [("promulgated", D(2020, 4, 1)), ("effective", D(2020, 5, 1))],
        EventKind.PROMULGATED,
    ),
    (
        "(Adopted at the 20th Session of the Standing Committee of the 15th Shanghai Municipal "
        "People's Congress on April 10, 2020)",
        "These Measures shall come into force as of the date of adoption.",
        [("adopted", D(2020, 4, 10)), ("effective", D(2020, 4, 10))],
        EventKind.ADOPTED,
    ),
    (
        "(Promulgated by the State Administration for Market Regulation on December 2, 2021)",
        "These Provisions shall take effect with effect from the day of issuance.",
        [("promulgated", D(2021, 12, 2)), ("effective", D(2021, 12, 2))],
        EventKind.PROMULGATED,
    ),
    (
        "(Approved by the State Council on June 1, 2017)",
        "These Rules shall be implemented upon approval.",
        [("approved", D(2017, 6, 1)), ("effective", D(2017, 6, 1))],
        EventKind.APPROVED,
    ),
]


@pytest.mark.parametrize(
    ("preface", "sentence", "expected", "anchor"),
    RELATIVE_COMMENCEMENT,
    ids=[c[1] for c in RELATIVE_COMMENCEMENT],
)
def test_commencement_relative_to_an_event_the_text_dates(
    preface: str,
    sentence: str,
    expected: list[tuple[str, dt.date]],
    anchor: EventKind,
) -> None:
    reg = closing(sentence, preface)
    assert dated(reg) == expected
    (effective,) = [e for e in reg.events if e.kind is EventKind.EFFECTIVE]
    assert (effective.relative_to, effective.unresolved) == (anchor, None)


def test_promulgated_for_implementation_as_of_the_date_of_promulgation() -> None:
    reg = lawparse.parse(
        "Order of the State Council of the People's Republic of China\n"
        "No. 732\n\n"
        "The Regulations on the Administration of Testing are hereby promulgated for "
        "implementation as of the date of promulgation.\n\n"
        "Premier: Li Keqiang\n\n"
        "August 31, 2020\n\n"
        "Regulations on the Administration of Testing\n\n"
        "Article 1 These Regulations are formulated for testing.\n"
    )
    assert stated_by(reg) == [
        ("promulgated", D(2020, 8, 31), STATE_COUNCIL, None),
        ("effective", D(2020, 8, 31), None, None),
    ]
    assert reg.events[1].relative_to is EventKind.PROMULGATED


@pytest.mark.parametrize(
    "sentence",
    [
        "This Law shall come into force as of the date of promulgation.",
        "These Measures shall come into force upon publication.",
        "These Regulations are hereby promulgated for implementation as of the date of "
        "promulgation.",
        "These Rules shall take effect starting from the date of their issuance.",
    ],
)
def test_commencement_on_an_undated_promulgation_stays_unresolved(sentence: str) -> None:
    (effective,) = closing(sentence).events
    assert (effective.kind, effective.date, effective.about) == (EventKind.EFFECTIVE, None, None)
    assert effective.relative_to is EventKind.PROMULGATED
    assert effective.unresolved is not None and "relative" in effective.unresolved


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "These Rules are formulated in accordance with the Regulations on Food Safety, "
            "which came into force on June 1, 2009.",
            [],
        ),
        (
            "These Measures shall come into force on March 1, 2021. The Interim Measures for "
            "the Administration of Testing promulgated on May 1, 2010 shall be repealed "
            "simultaneously.",
            [("effective", D(2021, 3, 1), None), ("promulgated", D(2010, 5, 1), "other")],
        ),
    ],
    ids=["relative-clause", "repealed-act"],
)
def test_a_date_of_another_act_is_not_this_acts(
    sentence: str, expected: list[tuple[str, dt.date, str | None]]
) -> None:
    found = [
        (e.kind.value, e.date, None if e.about is None else "other")
        for e in closing(sentence).events
        if e.kind is not EventKind.REPEALED
    ]
    assert found == expected


# 2. An adoption inside an order ---------------------------------------------------------------

ORDERS = [
    pytest.param(
        "Order of the President of the People's Republic of China\n\nNo. 12\n\n"
        "The Law of the People's Republic of China on Rural Land Contracting, which has been "
        "adopted at the 5th Meeting of the Standing Committee of the Thirteenth National "
        "People's Congress of the People's Republic of China on August 31, 2018, is hereby "
        "promulgated and shall go into effect as of January 1, 2019.\n\n"
        "President of the People's Republic of China: Xi Jinping\n\n"
        "August 31, 2018\n\n"
        "Law of the People's Republic of China on Rural Land Contracting\n\n"
        "Article 1 This Law is formulated.\n",
        [
            (
                "adopted",
                D(2018, 8, 31),
                f"{NPC_SC} of the People's Republic of China",
                "5th Meeting",
            ),
            ("promulgated", D(2018, 8, 31), PRESIDENT, None),
            ("effective", D(2019, 1, 1), None, None),
        ],
        id="president-signed",
    ),
    pytest.param(
        "Order of the President of the People's Republic of China No. 26 — The Foreign "
        "Investment Law of the People's Republic of China, adopted at the Second Session of "
        "the Thirteenth National People's Congress on March 15, 2019, is hereby promulgated and "
        "shall come into force on January 1, 2020. Foreign Investment Law of the People's "
        "Republic of China Article 1 This Law is formulated.",
        [
            (
                "adopted",
                D(2019, 3, 15),
                "Thirteenth National People's Congress",
                "Second Session",
            ),
            ("promulgated", None, PRESIDENT, None),
            ("effective", D(2020, 1, 1), None, None),
        ],
        id="president-run-on-undated",
    ),
    pytest.param(
        "Order of the State Council of the People's Republic of China\nNo. 765\n\n"
        "The Regulations on the Supervision and Administration of Testing, which was adopted "
        "at the 10th executive meeting of the State Council on July 20, 2023, is hereby "
        "promulgated and shall come into force on October 1, 2023.\n\n"
        "Premier: Li Qiang\n\n"
        "August 3, 2023\n\n"
        "Regulations on the Supervision and Administration of Testing\n\n"
        "Article 1 These Regulations are formulated.\n"
        "Article 2 These Regulations shall come into force on October 1, 2023.\n",
        [
            ("adopted", D(2023, 7, 20), "State Council", "10th executive meeting"),
            ("promulgated", D(2023, 8, 3), STATE_COUNCIL, None),
            ("effective", D(2023, 10, 1), None, None),
        ],
        id="state-council-signed",
    ),
    pytest.param(
        "Decree of the State Council of the People's Republic of China\n\nNo. 688\n\n"
        "The Regulations on Testing, adopted at the 108th Executive Meeting of the State "
        "Council on September 9, 2017, are hereby promulgated, and shall go into effect as of "
        "December 1, 2017.\n\n"
        "Premier Li Keqiang\n\n"
        "October 7, 2017\n\n"
        "Regulations on Testing\n\n"
        "Article 1 These Regulations are formulated.\n",
        [
            ("adopted", D(2017, 9, 9), "State Council", "108th Executive Meeting"),
            ("promulgated", D(2017, 10, 7), STATE_COUNCIL, None),
            ("effective", D(2017, 12, 1), None, None),
        ],
        id="state-council-decree",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORDERS)
def test_an_adoption_stated_inside_an_order(
    text: str, expected: list[tuple[str, dt.date | None, str | None, str | None]]
) -> None:
    reg = lawparse.parse(text)
    assert stated_by(reg) == expected
    promulgated = next(e for e in reg.events if e.kind is EventKind.PROMULGATED)
    assert (promulgated.date is None) == (promulgated.unresolved is not None)


# 3. The date under a signature -------------------------------------------------------------

MINISTRY = f"Ministry of Commerce of the {PRC}"

SIGNED = [
    pytest.param(
        "Order of the State Council of the People's Republic of China\nNo. 777",
        "The Regulations on Testing were adopted at the 24th Executive Meeting of the State "
        "Council on January 5, 2024, and shall come into force on May 1, 2024.",
        "Premier: Li Qiang",
        "February 17, 2024",
        [
            ("adopted", D(2024, 1, 5), "State Council", "24th Executive Meeting"),
            ("effective", D(2024, 5, 1), None, None),
            ("promulgated", D(2024, 2, 17), STATE_COUNCIL, None),
        ],
        id="premier-no-promulgation-verb",
    ),
    pytest.param(
        f"Order of the {MINISTRY}\n\nNo. 3 [2022]",
        "The Measures for Testing, adopted at the 3rd ministerial meeting of the Ministry of "
        "Commerce on February 28, 2022, are hereby promulgated and shall come into force as of "
        "May 1, 2022.",
        "Minister: Wang Wentao",
        "15 March 2022",
        [
            ("adopted", D(2022, 2, 28), "Ministry of Commerce", "3rd ministerial meeting"),
            ("promulgated", D(2022, 3, 15), MINISTRY, None),
            ("effective", D(2022, 5, 1), None, None),
        ],
        id="minister-hereby-promulgated",
    ),
    pytest.param(
        "Order of the President of the People's Republic of China\n(No. 101)",
        "The Law on Testing, which has been adopted at the 32nd Meeting of the Standing "
        "Committee of the Thirteenth National People's Congress on December 24, 2021, is "
        "hereby promulgated and shall go into effect as of March 1, 2022.",
        "President: Xi Jinping",
        "December 29, 2021",
        [
            ("adopted", D(2021, 12, 24), NPC_SC, "32nd Meeting"),
            ("promulgated", D(2021, 12, 29), PRESIDENT, None),
            ("effective", D(2022, 3, 1), None, None),
        ],
        id="president",
    ),
]


@pytest.mark.parametrize(("header", "statement", "signature", "date", "expected"), SIGNED)
def test_the_date_under_a_signature_promulgates_the_act(
    header: str,
    statement: str,
    signature: str,
    date: str,
    expected: list[tuple[str, dt.date | None, str | None, str | None]],
) -> None:
    reg = lawparse.parse(
        f"{header}\n\n{statement}\n\n{signature}\n\n{date}\n\nRegulations on Testing\n\n"
        "Article 1 These Regulations are formulated.\n"
    )
    assert stated_by(reg) == expected


def test_the_signature_of_an_amending_order_dates_the_amendment_not_the_act() -> None:
    reg = lawparse.parse(
        "Decree of Shanghai Municipal People's Government\n\nNo. 12\n\n"
        "Decision of Shanghai Municipal People's Government on Amending the Measures for "
        "Testing was adopted at the 20th Routine Meeting of the Municipal People's Government "
        "on June 3, 2019, and is hereby promulgated. It shall be effective as of August 1, "
        "2019.\n\nMayor: Ying Yong\n\nJune 14, 2019\n\nMeasures for Testing\n\n"
        "Article 1 These Measures are formulated.\n"
    )
    # The effective date is the amended text's, as in the Shanghai decree No. 58.
    assert dated(reg) == [("amended", D(2019, 6, 3)), ("effective", D(2019, 8, 1))]


# 4. Phrases and dates broken by a line break or a blank line ---------------------------------

BROKEN = [
    pytest.param(
        "(Adopted at the 10th Executive Meeting of the State Council on July 20, 2023, and "
        "promulgated by\n\nthe State Council on August 3, 2023)",
        "These Regulations shall come into force on October 1, 2023.",
        [
            ("adopted", D(2023, 7, 20), "State Council", "10th Executive Meeting"),
            ("promulgated", D(2023, 8, 3), "State Council", None),
            ("effective", D(2023, 10, 1), None, None),
        ],
        id="promulgated-by-blank-line-issuer",
    ),
    pytest.param(
        "",
        "These Regulations shall come into\nforce on October 1, 2023.",
        [("effective", D(2023, 10, 1), None, None)],
        id="come-into-wrapped-force",
    ),
    pytest.param(
        "",
        "These Regulations shall come into force on January\n1, 2019.",
        [("effective", D(2019, 1, 1), None, None)],
        id="month-wrapped-day",
    ),
    pytest.param(
        "",
        "These Regulations shall take effect as of March\n\n15, 2024.",
        [("effective", D(2024, 3, 15), None, None)],
        id="month-blank-line-day",
    ),
    pytest.param(
        "",
        "These Regulations shall\r\n\r\ncome into force on December 1,\r\n2020.",
        [("effective", D(2020, 12, 1), None, None)],
        id="crlf-blank-line-and-year",
    ),
    pytest.param(
        "(Adopted at the 4th Session of the Standing Committee of the 16th Shanghai Municipal "
        "People's Congress on July\n25, 2023)",
        "These Regulations shall come into force on October 1, 2023.",
        [
            (
                "adopted",
                D(2023, 7, 25),
                "Standing Committee of the 16th Shanghai Municipal People's Congress",
                "4th Session",
            ),
            ("effective", D(2023, 10, 1), None, None),
        ],
        id="note-month-wrapped-day",
    ),
    pytest.param(
        "The Regulations on Testing, which were adopted at the 5th Meeting of the Standing "
        "Committee of the Thirteenth National People's Congress on August 31, 2018, are hereby "
        "promulgated and shall go into\n\neffect as of January 1, 2019.",
        "These Regulations apply to tests.",
        [
            ("adopted", D(2018, 8, 31), NPC_SC, "5th Meeting"),
            ("promulgated", None, None, None),
            ("effective", D(2019, 1, 1), None, None),
        ],
        id="preface-go-into-blank-line-effect",
    ),
]


@pytest.mark.parametrize(("preface", "sentence", "expected"), BROKEN)
def test_a_phrase_broken_by_a_line_break_reads_as_one(
    preface: str,
    sentence: str,
    expected: list[tuple[str, dt.date | None, str | None, str | None]],
) -> None:
    reg = lawparse.parse(
        f"Regulations on Testing\n\n{preface}\n\nArticle 1 These Regulations are formulated.\n"
        f"Article 2 {sentence}\n"
    )
    assert stated_by(reg) == expected
    assert_exact_spans(reg)


# 5. Validity periods: the act's, or a licence's ------------------------------------------------

VALIDITY = [
    ("The licence shall be valid for five years.", []),
    ("The permit is valid for 3 years.", []),
    ("The qualification certificate shall expire on June 30, 2024.", []),
    (
        "These Measures shall come into force on January 1, 2020. The certificate issued under "
        "these Measures shall be valid until December 31, 2025.",
        [("effective", D(2020, 1, 1))],
    ),
    (
        "These Measures shall come into force on January 1, 2020, and the licences issued "
        "before that date shall remain valid until December 31, 2025.",
        [("effective", D(2020, 1, 1))],
    ),
    (
        "These Measures shall come into force on January 1, 2020; the registration is valid "
        "for three years.",
        [("effective", D(2020, 1, 1))],
    ),
    (
        "These Measures shall come into force on March 1, 2021 and shall be valid for five years.",
        [("effective", D(2021, 3, 1)), ("expires", D(2026, 3, 1))],
    ),
    (
        "These Provisions shall come into force on January 1, 2021. These Provisions shall "
        "remain in force until December 31, 2025.",
        [("effective", D(2021, 1, 1)), ("expires", D(2026, 1, 1))],
    ),
    (
        "These Measures shall be effective as of June 1, 2022 and valid until May 31, 2027.",
        [("effective", D(2022, 6, 1)), ("expires", D(2027, 6, 1))],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), VALIDITY, ids=[v[0] for v in VALIDITY])
def test_a_validity_period_expires_the_act_only_when_the_act_is_its_subject(
    sentence: str, expected: list[tuple[str, dt.date]]
) -> None:
    assert dated(closing(sentence)) == expected


@pytest.mark.parametrize(
    ("preface", "inferred"),
    [
        (f"(Adopted at the 29th Meeting of the {NPC_SC} on June 10, 2021)", True),
        (
            "(Adopted at the Fifth Session of the Seventh National People's Congress"
            " on April 3, 1992)",
            True,
        ),
        (
            "(Adopted at the 4th Session of the Standing Committee of the 16th Shanghai"
            " Municipal People's Congress on June 10, 2021)",
            False,
        ),
    ],
)
def test_a_national_law_counts_from_its_adoption_when_no_promulgation_is_stated(
    preface: str, inferred: bool
) -> None:
    reg = closing("This Law shall go into effect as of the date of promulgation.", preface)
    (effective,) = [e for e in reg.events if e.kind is EventKind.EFFECTIVE]
    assert effective.relative_to is EventKind.PROMULGATED
    if inferred:
        assert effective.date == reg.events[0].date and effective.inferred
    else:
        assert effective.date is None and effective.inferred is None and effective.unresolved
