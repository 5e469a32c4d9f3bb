"""Chinese originals: structure, cross-reference traps, dates and event phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawparse
from lawparse import EventKind, InvalidDateError, Regulation
from lawparse.events.dates import find_dates_zh
from lawparse.numbers import to_chinese
from lawparse.source import SourceText


def _parse(text: str) -> Regulation:
    reg = lawparse.parse(text)
    assert reg.language == "zh"
    assert lawparse.render.text(reg) == text
    return reg


TRAPS = [
    pytest.param(
        "第一条 为了规范。\n第二条 依照本规定第十二条的规定执行。\n第三条 完。",
        [1, 2, 3],
        id="依照本规定第十二条",
    ),
    pytest.param(
        "第一条 甲。\n第二条 前款规定的情形，适用第二款。\n第三条 乙。", [1, 2, 3], id="前款-第二款"
    ),
    pytest.param(
        "第一条 甲。\n第二条 有第三条、第四条规定情形的，从重处罚。\n第三条 乙。\n第四条 丙。",
        [1, 2, 3, 4],
        id="enumerated-citations",
    ),
    pytest.param(
        "第一条 甲。\n第二条 本条例第五条第一款所称主体。\n第三条 乙。",
        [1, 2, 3],
        id="article-and-paragraph",
    ),
    pytest.param(
        "第一条 甲。 第二条 乙，违反第一条规定的，责令改正。 第三条 丙。",
        [1, 2, 3],
        id="run-on-with-citation",
    ),
    pytest.param(
        "第一条 甲。\n第二条 将第三条修改为：“第三条 新的内容。”\n第三条 乙。",
        [1, 2, 3],
        id="quoted-amendment",
    ),
]


@pytest.mark.parametrize(("text", "numbers"), TRAPS)
def test_no_false_article(text: str, numbers: list[int]) -> None:
    assert [a.number for a in _parse(text).articles] == numbers


def test_chapters_sections_items_and_inserted_articles() -> None:
    reg = _parse(
        "某某条例\n\n第一章 总　则\n\n第一条 为了规范。\n\n第二章 管理\n\n第一节 一般规定\n\n"
        "第二条 下列行为禁止：\n（一）甲；\n（二）乙。\n\n第二条之一 新增的条文。\n\n"
        "第二节 特别规定\n\n第三条 完。\n"
    )
    assert reg.title == "某某条例"
    assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则"), ("第二章", "管理")]
    assert [(s.label, s.title) for s in reg.sections] == [
        ("第一节", "一般规定"),
        ("第二节", "特别规定"),
    ]
    assert [(a.label, a.number, a.suffix, a.eid) for a in reg.articles] == [
        ("第一条", 1, "", "chp_1__art_1"),
        ("第二条", 2, "", "chp_2__sec_1__art_2"),
        ("第二条之一", 2, "之一", "chp_2__sec_1__art_2_1"),
        ("第三条", 3, "", "chp_2__sec_2__art_3"),
    ]
    items = reg.articles[1].clauses[0].items
    assert [(i.label, i.number) for i in items] == [("（一）", 1), ("（二）", 2)]


def test_unnumbered_paragraphs_are_clauses() -> None:
    reg = _parse("第一条 第一款。\n第二款。\n第三款。\n第二条 完。")
    assert [c.index for c in reg.articles[0].clauses] == [1, 2, 3]


def test_decision_with_numbered_points() -> None:
    reg = _parse(
        "关于某事的决定\n\n（2019年7月25日上海市第十五届人民代表大会常务委员会第十三次会议通过）\n\n"
        "为了促进发展，作出如下决定：\n一、甲。\n二、乙。\n三、本决定自2019年7月26日起施行。\n"
    )
    assert [(p.label, p.number) for p in reg.points] == [("一、", 1), ("二、", 2), ("三、", 3)]
    assert [(e.kind, e.date) for e in reg.events] == [
        (EventKind.ADOPTED, dt.date(2019, 7, 25)),
        (EventKind.EFFECTIVE, dt.date(2019, 7, 26)),
    ]


def test_table_of_contents_stays_in_the_preface() -> None:
    reg = _parse(
        "某某法\n目　录\n第一章 总则\n第二章 附则\n"
        "第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。"
    )
    assert [c.number for c in reg.chapters] == [1, 2]
    assert "目　录" in reg.preface.of(reg.source.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年7月25日", dt.date(2023, 7, 25)),
        ("二〇二三年七月二十五日", dt.date(2023, 7, 25)),
        ("2023 年 7 月 5 日", dt.date(2023, 7, 5)),
        ("一九八二年十二月四日", dt.date(1982, 12, 4)),
    ],
)
def test_chinese_dates(text: str, expected: dt.date) -> None:
    (mention,) = find_dates_zh(SourceText(text), 0, len(text))
    assert mention.date == expected


@pytest.mark.parametrize("text", ["2023年2月30日", "2023年13月1日", "二〇二三年二月三十日"])
def test_impossible_chinese_dates(text: str) -> None:
    with pytest.raises(InvalidDateError):
        find_dates_zh(SourceText(text), 0, len(text))


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("第二条 本规定自2021年11月1日起施行。", [(EventKind.EFFECTIVE, dt.date(2021, 11, 1))]),
        ("第二条 本法自公布之日起施行。", [(EventKind.EFFECTIVE, None)]),
        ("第二条 本细则自2001年7月1日起施行。", [(EventKind.EFFECTIVE, dt.date(2001, 7, 1))]),
        ("第二条 本规则自2001年8月1日零时起施行。", [(EventKind.EFFECTIVE, dt.date(2001, 8, 1))]),
        ("第二条 法律应当明确规定施行日期。", []),
        ("第二条 本法施行以后的行为，适用本法。", []),
    ],
    ids=["date", "on-promulgation", "细则", "零时", "meta-rule", "non-retroactivity"],
)
def test_closing_article_phrases(
    closing: str, expected: list[tuple[EventKind, dt.date | None]]
) -> None:
    reg = _parse(f"第一条 甲。\n{closing}")
    assert [(e.kind, e.date) for e in reg.events] == expected


def test_on_promulgation_resolves_against_the_order() -> None:
    reg = _parse(
        "某某条例\n2002年9月29日 中华人民共和国国务院令第363号公布\n第一条 甲。\n"
        "第二条 本条例自公布之日起施行。"
    )
    promulgated, effective = reg.events
    assert promulgated.instrument == "中华人民共和国国务院令第363号"
    assert (effective.date, effective.relative_to) == (dt.date(2002, 9, 29), EventKind.PROMULGATED)


def test_several_repeals_at_once() -> None:
    reg = _parse(
        "第一条 甲。\n第二条 本法自2020年1月1日起施行。《甲法》、《乙法》、《丙法》同时废止。"
    )
    repeals = [(e.about, e.date) for e in reg.events if e.kind is EventKind.REPEALED]
    assert repeals == [(f"《{n}法》", dt.date(2020, 1, 1)) for n in "甲乙丙"]


_SENTENCES = [
    "为了规范管理。",
    "有关部门应当加强监督。",
    "单位和个人应当遵守本规定。",
    "具体办法另行制定。",
]
_CITATIONS = ["依照本规定第{k}条的规定", "违反第{k}条规定的", "前款", "第{k}条第二款"]


@st.composite
def chinese_regulations(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """A generated Chinese regulation and its expected (number, text) articles."""
    count = draw(st.integers(min_value=1, max_value=25))
    run_on = draw(st.booleans())
    chapters = draw(st.booleans())
    parts = [draw(st.sampled_from(["某某条例", "某某规定", "某某办法"]))]
    expected = []
    separator = " " if run_on else "\n"
    for number in range(1, count + 1):
        if chapters and number % 5 == 1:
            title = draw(st.sampled_from(["总则", "管理", "附则"]))
            parts.append(f"第{to_chinese(number // 5 + 1)}章 {title}")
        k = draw(st.integers(min_value=1, max_value=60))
        cite = draw(st.sampled_from(_CITATIONS)).format(k=to_chinese(k))
        body = f"{cite}，{draw(st.sampled_from(_SENTENCES))}"
        if draw(st.booleans()) and not run_on:
            body += "\n（一）甲；\n（二）乙。"
        parts.append(f"第{to_chinese(number)}条{draw(st.sampled_from([' ', '　']))}{body}")
        expected.append((number, body))
    return separator.join(parts), expected


@settings(max_examples=150, deadline=None)
@given(chinese_regulations())
def test_generated_chinese_regulations_parse_back(
    generated: tuple[str, list[tuple[int, str]]],
) -> None:
    text, expected = generated
    reg = _parse(text)
    assert [(a.number, "".join(a.text.split())) for a in reg.articles] == [
        (number, "".join(body.split())) for number, body in expected
    ]


def test_parts_hold_chapters_that_count_from_one_again() -> None:
    reg = _parse(
        "某某法典\n第一编 总则\n第一章 基本规定\n第一条 甲。\n第二章 自然人\n第二条 乙。\n"
        "第二编 物权\n第一章 通则\n第三条 依照本法第一编的规定。"
    )
    assert [(p.label, p.title) for p in reg.parts] == [("第一编", "总则"), ("第二编", "物权")]
    assert [c.eid for c in reg.chapters] == ["part_1__chp_1", "part_1__chp_2", "part_2__chp_1"]
    assert [a.eid for a in reg.articles] == [
        "part_1__chp_1__art_1",
        "part_1__chp_2__art_2",
        "part_2__chp_1__art_3",
    ]


def test_preamble_is_marked_inside_the_preface() -> None:
    reg = _parse("某某宪法\n\n序　言\n\n中国是历史悠久的国家。\n\n第一章 总纲\n\n第一条 甲。")
    assert reg.preamble is not None
    assert reg.preamble.of(reg.source.text).startswith("序　言")
    assert reg.preface.start <= reg.preamble.start <= reg.preamble.end == reg.preface.end


def test_full_width_digits_in_dates_and_headings() -> None:
    """Some official texts write dates in full-width digits (２００２年６月２９日)."""
    reg = lawparse.parse(
        "某某条例\n（２００２年６月２９日某某会议通过）\n第一条 甲。\n"
        "第二条 本条例自２００２年７月１日起施行。"
    )
    assert [(e.kind.value, str(e.date)) for e in reg.events] == [
        ("adopted", "2002-06-29"),
        ("effective", "2002-07-01"),
    ]
    assert not reg.diagnostics
