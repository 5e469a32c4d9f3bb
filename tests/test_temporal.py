"""What applies when: intervals, status on a date, article-level commencement, the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawparse
from lawparse import Corpus, EventKind, Status
from tests.helpers import CORPUS, corpus_documents

D = dt.date
DAY = dt.timedelta(days=1)
EVERY = corpus_documents("en") + corpus_documents("zh")


@pytest.mark.parametrize(("doc_id", "path", "facts"), EVERY, ids=[d[0] for d in EVERY])
def test_effective_repeal_and_article_dates_match_the_corpus(
    doc_id: str, path: Path, facts: dict[str, Any]
) -> None:
    reg = lawparse.parse_file(path)
    mine = [e for e in reg.events if e.about is None]
    effective = sorted(str(e.date) for e in mine if e.kind is EventKind.EFFECTIVE)
    assert effective == sorted(str(e.get("date")) for e in facts.get("effective") or [])
    specific = sorted(str(e.date) for e in mine if e.kind is EventKind.EFFECTIVE and e.provisions)
    expected = sorted(
        str(e.get("date")) for e in facts.get("article_specific_effective_dates") or []
    )
    assert specific == expected
    repeals = [e for e in reg.events if e.kind is EventKind.REPEALED]
    assert len(repeals) == len(facts.get("repeals") or [])
    assert all(e.about for e in repeals)  # what this text repeals is always another act
    # Texts with no calendar date of entry into force answer "unknown", never a guess.
    if facts.get("effective") and all(e.get("date") is None for e in facts["effective"]):
        assert reg.applicability().start.date is None


def _parse(text: str) -> lawparse.Regulation:
    reg = lawparse.parse(text)
    assert lawparse.render.text(reg) == text
    return reg


@pytest.mark.parametrize(
    ("closing", "kind", "date", "relative_to"),
    [
        (
            "These Provisions shall come into force on October 1, 2023.",
            "effective",
            D(2023, 10, 1),
            None,
        ),
        (
            "This Law shall go into effect as of the date of promulgation.",
            "effective",
            None,
            "promulgated",
        ),
        (
            "These Measures shall come into force 30 days after the date of promulgation.",
            "effective",
            None,
            "promulgated",
        ),
        (
            "These Provisions shall be valid until December 31, 2025.",
            "expires",
            D(2026, 1, 1),
            None,
        ),
        ("These Measures shall be valid for five years.", "expires", None, "effective"),
        ("本规定自2021年11月1日起施行。", "effective", D(2021, 11, 1), None),
        ("本法自公布之日起施行。", "effective", None, "promulgated"),
        ("本办法自公布之日起三十日后施行。", "effective", None, "promulgated"),
        ("本决定自2019年7月26日起施行。", "effective", D(2019, 7, 26), None),
        ("本办法有效期至2025年12月31日。", "expires", D(2026, 1, 1), None),
        ("本办法有效期五年。", "expires", None, "effective"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None,
)
def test_closing_phrases(
    closing: str, kind: str, date: dt.date | None, relative_to: str | None
) -> None:
    article = "第一条 甲。" if not closing.isascii() else "Article 1 Text."
    second = "第二条 " if not closing.isascii() else "Article 2 "
    reg = _parse(f"{article}\n{second}{closing}")
    (event,) = [e for e in reg.events if e.kind.value == kind]
    assert event.date == date
    assert (event.relative_to.value if event.relative_to else None) == relative_to
    if date is None:
        assert event.unresolved


@pytest.mark.parametrize(
    "closing",
    [
        "Laws shall clearly specify the date of implementation.",
        "法律应当明确规定施行日期。",
        "地方性法规应当明确规定施行日期。",
        "本法施行以后的行为，适用本法。",
        "延续执业注册有效期为5年。",
        "The licence is valid for five years.",
        "流溪河流域行政区域交接断面应当在本条例施行之日起一年内划定并公布。",
    ],
)
def test_sentences_about_commencement_in_general_are_not_commencement(closing: str) -> None:
    article = "第一条 甲。\n第二条 " if not closing.isascii() else "Article 1 Text.\nArticle 2 "
    reg = _parse(article + closing)
    assert [e for e in reg.events if e.kind in (EventKind.EFFECTIVE, EventKind.EXPIRES)] == []


@pytest.mark.parametrize(
    ("clause", "abouts"),
    [
        ("本法自2020年1月1日起施行。《甲法》、《乙法》同时废止。", ["《甲法》", "《乙法》"]),
        (
            "本规定自2020年1月1日起施行。《上海外高桥保税区条例》同时废止。",
            ["《上海外高桥保税区条例》"],
        ),
        (
            "本法自1983年3月1日起施行。1963年4月10日国务院公布的《商标管理条例》同时废止；"
            "其他有关商标管理的规定，凡与本法抵触的，同时失效。",
            ["《商标管理条例》", "其他有关商标管理的规定"],
        ),
    ],
)
def test_repeal_phrases(clause: str, abouts: list[str]) -> None:
    reg = _parse(f"第一条 甲。\n第二条 {clause}")
    repeals = [e for e in reg.events if e.kind is EventKind.REPEALED]
    assert [e.about for e in repeals] == abouts
    effective = next(e for e in reg.events if e.kind is EventKind.EFFECTIVE)
    assert all(e.date == effective.date for e in repeals)  # "同时": when this act takes effect


TRANSITIONS = (
    "Article 1 Text.\nArticle 2 These Provisions shall come into force on March 1, 2024 and "
    "shall be valid until February 28, 2025."
)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2024, 2, 29), Status.NOT_YET_IN_FORCE),
        (D(2024, 3, 1), Status.IN_FORCE),
        (D(2024, 3, 2), Status.IN_FORCE),
        (D(2025, 2, 27), Status.IN_FORCE),
        (D(2025, 2, 28), Status.IN_FORCE),
        (D(2025, 3, 1), Status.NO_LONGER_IN_FORCE),
    ],
)
def test_boundaries_of_the_whole_regulation(day: dt.date, status: Status) -> None:
    reg = _parse(TRANSITIONS)
    assert reg.status_on(day) is status
    expected = [1, 2] if status is Status.IN_FORCE else []
    assert [a.number for a in reg.in_force_on(day)] == expected
    assert reg.applicability().until.date == D(2025, 3, 1)


UK = CORPUS / "uk_botox_fillers_children_act_2021.txt"


@pytest.mark.parametrize(
    ("day", "in_force", "status"),
    [
        (D(2021, 4, 28), [], Status.NOT_YET_IN_FORCE),
        (D(2021, 4, 29), [5, 6], Status.IN_FORCE),
        (D(2021, 4, 30), [5, 6], Status.IN_FORCE),
    ],
)
def test_boundaries_of_article_level_commencement(
    day: dt.date, in_force: list[int], status: Status
) -> None:
    reg = lawparse.parse_file(UK)
    assert [a.number for a in reg.in_force_on(day)] == in_force
    assert reg.status_on(day) is status
    for number in (1, 2, 3, 4):  # "on such day as the Secretary of State may appoint"
        interval = reg.applicability(reg.article(number).eid)
        assert interval.start.unresolved
        assert interval.status_on(day) in (Status.UNKNOWN, Status.NOT_YET_IN_FORCE)
        assert interval.status_on(D(2030, 1, 1)) is Status.UNKNOWN


def test_staggered_commencement_with_a_list_of_provisions() -> None:
    reg = lawparse.parse_file(CORPUS / "uk_aria_act_2022.txt")
    assert [a.number for a in reg.in_force_on(D(2022, 2, 24))] == [10, 11, 12, 13, 14]
    assert reg.applicability(reg.article(1).eid).start.unresolved


def test_the_rest_of_this_act() -> None:
    reg = lawparse.parse_file(CORPUS / "uk_homelessness_reduction_act_2017.txt")
    assert [a.number for a in reg.in_force_on(D(2017, 4, 27))] == [13]
    assert reg.applicability(reg.article(12).eid).status_on(D(2018, 4, 3)) is Status.UNKNOWN


def test_consolidated_text_keeps_its_original_commencement() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_nat_legislation_law_2023.txt")
    interval = reg.applicability()
    assert interval.start.date == D(2000, 7, 1)
    assert interval.wording is not None and interval.wording.date == D(2023, 3, 13)
    assert reg.status_on(D(2000, 6, 30)) is Status.NOT_YET_IN_FORCE
    assert reg.status_on(D(2000, 7, 1)) is Status.IN_FORCE
    assert reg.effective_from == D(2000, 7, 1)


def test_full_revision_dates_the_wording_not_the_work() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_nat_admin_reconsideration_2023.txt")
    interval = reg.applicability()
    assert interval.start.date is None and interval.start.reason
    assert interval.wording is not None and interval.wording.date == D(2024, 1, 1)
    assert reg.status_on(D(1999, 1, 1)) is Status.NOT_YET_IN_FORCE  # before adoption
    assert reg.status_on(D(2010, 1, 1)) is Status.UNKNOWN
    assert reg.status_on(D(2024, 1, 1)) is Status.IN_FORCE


def test_unresolved_commencement_is_unknown() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_nat_individual_income_tax.txt")
    assert reg.applicability().start.unresolved
    assert reg.status_on(D(1985, 1, 1)) is Status.UNKNOWN
    assert reg.status_on(D(1980, 1, 1)) is Status.NOT_YET_IN_FORCE


def test_timeline_and_effective_dates() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_ha_water_works.txt")
    dated = [e.date for e in reg.timeline() if e.date]
    assert dated == sorted(dated)
    assert len(reg.timeline()) == len(reg.events)
    assert reg.effective_dates() == [D(1997, 10, 1)]


def test_corpus_links_a_repeal_to_the_repealed_regulation() -> None:
    old = lawparse.parse("上海外高桥保税区条例\n第一条 甲。\n第二条 本条例自1997年1月1日起施行。")
    new = lawparse.parse(
        "中国（上海）自由贸易试验区条例\n第一条 乙。\n"
        "第二条 本条例自2014年8月1日起施行。《上海外高桥保税区条例》同时废止。"
    )
    corpus = Corpus([old, new])
    assert corpus.status_on(old, D(2014, 7, 31)) is Status.IN_FORCE
    assert corpus.status_on(old, D(2014, 8, 1)) is Status.NO_LONGER_IN_FORCE
    titles = {a.regulation.title for a in corpus.applicable_on(D(2014, 8, 1))}
    assert titles == {"中国（上海）自由贸易试验区条例"}
    changes = corpus.changes_between(D(2014, 8, 1), D(2014, 8, 2))
    assert [(c.event.kind, c.event.about) for c in changes] == [
        (EventKind.EFFECTIVE, None),
        (EventKind.REPEALED, "《上海外高桥保税区条例》"),
    ]


def test_versions_form_a_history() -> None:
    first = lawparse.parse(
        "某某条例\n2000年1月1日 某某人民代表大会常务委员会第一次会议通过\n"
        "第一条 旧。\n第二条 本条例自2000年3月1日起施行。"
    )
    second = lawparse.parse(
        "某某条例\n2000年1月1日 某某人民代表大会常务委员会第一次会议通过\n"
        "2010年5月1日 某某人民代表大会常务委员会第九次会议修订\n"
        "第一条 新。\n第二条 本条例自2010年7月1日起施行。"
    )
    corpus = Corpus([second, first])
    assert corpus.as_of("某某条例", D(2005, 1, 1)) is first
    assert corpus.as_of("某某条例", D(2010, 6, 30)) is first
    assert corpus.as_of("某某条例", D(2010, 7, 1)) is second
    texts = [a.provision.text for a in corpus.applicable_on(D(2011, 1, 1))]
    assert texts[:1] == ["新。"] and "旧。" not in texts


@st.composite
def regulations_with_dates(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    count = draw(st.integers(min_value=2, max_value=12))
    start = draw(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 1, 1)))
    until = draw(st.none() | st.dates(min_value=start, max_value=D(2040, 1, 1)))
    first = draw(st.integers(min_value=1, max_value=count))
    last = draw(st.integers(min_value=first, max_value=count))
    special = draw(st.none() | st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 1, 1)))
    body = [f"Article {n} The rule number {n} applies." for n in range(1, count)]
    closing = f"These Provisions shall come into force on {start:%B} {start.day}, {start.year}"
    if until is not None:
        closing += f" and shall be valid until {until:%B} {until.day}, {until.year}"
    closing += "."
    if special is not None:
        closing += (
            f" Articles {first} to {last} shall come into force on "
            f"{special:%B} {special.day}, {special.year}."
        )
    body.append(f"Article {count} {closing}")
    facts = {
        "count": count,
        "start": start,
        "until": until,
        "special": special,
        "range": (first, last),
    }
    return "\n".join(body), facts


@settings(max_examples=120, deadline=None)
@given(regulations_with_dates(), st.dates(min_value=D(1999, 1, 1), max_value=D(2041, 1, 1)))
def test_in_force_on_agrees_with_a_brute_force_check(
    generated: tuple[str, dict[str, Any]], day: dt.date
) -> None:
    text, facts = generated
    reg = lawparse.parse(text)
    end = facts["until"] + DAY if facts["until"] else D.max
    expected = []
    for number in range(1, facts["count"] + 1):
        first, last = facts["range"]
        begins = (
            facts["special"] if facts["special"] and first <= number <= last else facts["start"]
        )
        if begins <= day < end:
            expected.append(number)
    assert [a.number for a in reg.in_force_on(day)] == expected
    timeline = reg.timeline()
    assert sorted(timeline, key=lambda e: e.date or D.max) == timeline
    assert len(timeline) == len(reg.events)
    corpus = Corpus([reg])
    assert sorted(a.provision.number for a in corpus.applicable_on(day)) == expected


def test_applicable_on_is_a_sequence_view() -> None:
    corpus = Corpus.from_paths([CORPUS])
    view = corpus.applicable_on(D(2025, 1, 1))
    listed = list(view)
    assert len(view) == len(listed) > 0
    assert [view[i] for i in range(len(view))] == listed
    assert view[-1] is listed[-1]
    assert view[2:5] == listed[2:5]
    with pytest.raises(IndexError):
        view[len(view)]
    assert all(a.applicability.status_on(D(2025, 1, 1)) is Status.IN_FORCE for a in listed)


@pytest.mark.parametrize(
    ("closing", "about", "history"),
    [
        (
            "The Administrative Measures for Coal Production Licenses promulgated by the State "
            "Council on December 20, 1994 shall be abolished simultaneously.",
            "The Administrative Measures for Coal Production Licenses",
            [(EventKind.PROMULGATED, D(1994, 12, 20))],
        ),
        (
            "The Provisions of Shanghai Municipality on Fees shall be repealed at the same time.",
            "The Provisions of Shanghai Municipality on Fees",
            [],
        ),
    ],
)
def test_english_repeal_clauses(
    closing: str, about: str, history: list[tuple[EventKind, dt.date]]
) -> None:
    reg = _parse(
        "Article 1 Text.\nArticle 2 These Provisions shall come into force on May 1, 2010. "
        + closing
    )
    (repeal,) = [e for e in reg.events if e.kind is EventKind.REPEALED]
    assert (repeal.about, repeal.date) == (about, D(2010, 5, 1))
    assert [(e.kind, e.date) for e in reg.events if e.about == about and e is not repeal] == history


@pytest.mark.parametrize(
    "sentence",
    [
        "A licence that is revoked shall be annulled by the issuing authority.",
        "This Law shall be repealed when the State Council so decides.",
    ],
)
def test_sentences_that_repeal_no_act(sentence: str) -> None:
    reg = _parse(f"Article 1 Text.\nArticle 2 {sentence}")
    assert [e for e in reg.events if e.kind is EventKind.REPEALED] == []
