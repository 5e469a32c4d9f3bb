"""Property: a commencement sentence composed from any subject, verb and preposition of the
English tables is read, in any layout of a generated regulation and across a line break.

With an absolute date it yields that effective date; with the promulgation anchor ("as of the
date of its publication") the promulgation date when the text states one, and an unresolved
date relative to promulgation when it does not.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawparse import EventKind
from lawparse.languages import en
from lawparse.testing import random_layout, random_spec, render, with_closing_sentence
from tests.helpers import whole_act_commencement

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DATES = st.dates(dt.date(1979, 1, 1), dt.date(2030, 12, 31))
PROMULGATION_ANCHORS = tuple(
    noun for noun, kind in en.ANCHOR_NOUNS.items() if kind == EventKind.PROMULGATED.value
)


def _day_month_year(day: dt.date) -> str:
    return f"{day.day} {en.format_date(day).split()[0]} {day.year}"


@st.composite
def commencements(draw: st.DrawFn, when: str) -> str:
    """ "<subject> <verb> <preposition> <when>." from the tables, maybe broken by a line break
    (or a blank line) at a space after the subject."""
    subject = draw(st.sampled_from(en.SUBJECTS))
    predicate = " ".join(
        (
            draw(st.sampled_from(en.EFFECTIVE_VERBS)),
            draw(st.sampled_from(en.COMMENCEMENT_PREPOSITIONS)),
            when,
        )
    ).split(" ")
    cut = draw(st.none() | st.integers(0, len(predicate) - 1))
    if cut is not None:
        predicate[cut] = draw(st.sampled_from(("\n", "\n\n"))) + predicate[cut]
    return f"{subject} {' '.join(predicate)}.".replace(" \n", "\n")


def _regulation(seed: int, sentence: str, preface: str | None = None) -> str:
    """A generated regulation (lawparse.testing) whose last article ends with ``sentence``,
    under ``preface``; the sentence's line breaks follow the layout (none in a run-on text)."""
    rng = random.Random(seed)
    spec = random_spec(rng, effective=False)
    layout = random_layout(rng, len(spec.articles))
    newline = " " if layout.run_on else "\r\n" if layout.crlf else "\n"
    sentence = sentence.replace("\n", newline)
    spec = with_closing_sentence(spec, sentence)
    text, _ = render(spec, layout)
    return f"Measures on Testing{newline}{preface}{newline}{text}" if preface else text


@SETTINGS
@given(
    seed=st.integers(0, 2**32),
    date=DATES,
    long_form=st.booleans(),
    data=st.data(),
)
def test_a_composed_commencement_yields_its_date(
    seed: int, date: dt.date, long_form: bool, data: st.DataObject
) -> None:
    written = en.format_date(date) if long_form else _day_month_year(date)
    sentence = data.draw(commencements(written))
    assert whole_act_commencement(_regulation(seed, sentence)).date == date


@SETTINGS
@given(
    seed=st.integers(0, 2**32),
    promulgated=st.none() | DATES,
    day=st.sampled_from(("", *(f"the {word} of " for word in en.ANCHOR_DAYS))),
    its=st.sampled_from(("", "its ")),
    noun=st.sampled_from(PROMULGATION_ANCHORS),
    data=st.data(),
)
def test_a_commencement_on_promulgation_yields_the_promulgation_date(
    seed: int, promulgated: dt.date | None, day: str, its: str, noun: str, data: st.DataObject
) -> None:
    sentence = data.draw(commencements(f"{day}{its}{noun}"))
    preface = (
        f"(Promulgated by Decree No. 5 of the Municipal People's Government on "
        f"{en.format_date(promulgated)})"
        if promulgated
        else None
    )
    effective = whole_act_commencement(_regulation(seed, sentence, preface))
    assert (effective.date, effective.relative_to) == (promulgated, EventKind.PROMULGATED)
    assert (effective.unresolved is None) == (promulgated is not None)
