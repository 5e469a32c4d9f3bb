"""Property: a commencement sentence composed from any subject, preposition, verb and anchor of
the Chinese tables is read, in any layout of a generated regulation.

With a date (Arabic or Chinese numerals) it yields that effective date; with an anchor
(自公布之日起, 自通过之日起, 自国务院批准之日起 ...) the date of the event the anchor names when
the preface states it, and an unresolved date relative to that event when it does not.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawparse import EventKind
from lawparse.languages import zh
from lawparse.testing import random_layout, random_spec, render, with_closing_sentence
from tests.helpers import whole_act_commencement

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DATES = st.dates(dt.date(1979, 1, 1), dt.date(2030, 12, 31))
# How a preface states each anchor's event: "<date> <body><verb>".
BODIES = {
    "adopted": "某市第十五届人民代表大会常务委员会第三次会议",
    "approved": "国务院",
    "promulgated": "国务院令第三百号",
    "revised": "国务院",
}


def _chinese_numerals(day: dt.date) -> str:
    year = "".join("〇一二三四五六七八九"[int(digit)] for digit in str(day.year))
    return f"{year}年{zh.to_numeral(day.month)}月{zh.to_numeral(day.day)}日"


def _sentence(subject: str, preposition: str, when: str, since: bool, verb: str) -> str:
    return f"{subject}{preposition}{when}{zh.SINCE if since else ''}{verb}。"


def _regulation(seed: int, sentence: str, preface: str = "") -> str:
    """A generated Chinese regulation whose last article ends with ``sentence``, under a title
    and ``preface`` (its own note left out, so the preface alone dates the act)."""
    rng = random.Random(seed)
    spec = replace(random_spec(rng, zh.CODE, effective=False), title=None, note=None)
    layout = random_layout(rng, len(spec.articles))
    spec = with_closing_sentence(spec, sentence)
    text, _ = render(spec, layout)
    return f"某某管理办法\n\n{preface}\n\n{text}"


@SETTINGS
@given(
    seed=st.integers(0, 2**32),
    date=DATES,
    numerals=st.booleans(),
    subject=st.sampled_from(zh.SUBJECTS),
    preposition=st.sampled_from(zh.PREPOSITIONS),
    since=st.booleans(),
    verb=st.sampled_from(zh.EFFECTIVE_VERBS),
)
def test_a_composed_commencement_yields_its_date(
    seed: int,
    date: dt.date,
    numerals: bool,
    subject: str,
    preposition: str,
    since: bool,
    verb: str,
) -> None:
    written = _chinese_numerals(date) if numerals else zh.format_date(date)
    sentence = _sentence(subject, preposition, written, since, verb)
    assert whole_act_commencement(_regulation(seed, sentence)).date == date


@SETTINGS
@given(
    seed=st.integers(0, 2**32),
    stated=st.none() | DATES,
    subject=st.sampled_from(zh.SUBJECTS),
    anchor=st.sampled_from(zh.ANCHORS),
    verb=st.sampled_from(zh.EFFECTIVE_VERBS),
)
def test_an_anchored_commencement_yields_the_date_of_its_event(
    seed: int, stated: dt.date | None, subject: str, anchor: str, verb: str
) -> None:
    kind = EventKind(zh.PREFACE_VERBS[anchor])
    preface = f"{zh.format_date(stated)} {BODIES[kind.value]}{anchor}" if stated else ""
    sentence = _sentence(subject, zh.PREPOSITIONS[0], f"{anchor}{zh.ANCHOR_DAY}", True, verb)
    effective = whole_act_commencement(_regulation(seed, sentence, preface))
    assert (effective.date, effective.relative_to) == (stated, kind)
    assert (effective.unresolved is None) == (stated is not None)
