"""What applies from when in Chinese texts: every way drafters state time, read from the tables
of lawparse.languages.zh, and never misattributed.

Each class of phrasing is one parametrised test. The sentences are real (the file of
tests/realtext they come from is named where they do), set in small regulations whose other
lines vary the acts, dates and bodies, so that a rule that fits one text and not the phrasing
fails here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import lawparse
from lawparse import EventKind, Status

REALTEXT = Path(__file__).parent / "realtext"


def _regulation(title: str, header: str, closing: str) -> str:
    return f"{title}\n\n{header}\n\n第一条 为了规范管理，制定本规定。\n\n第二条 {closing}\n"


def _own(reg: lawparse.Regulation, kind: EventKind) -> list[lawparse.Event]:
    return [e for e in reg.events if e.kind is kind and e.about is None]


def _effective(text: str) -> lawparse.Event:
    (event,) = _own(lawparse.parse(text), EventKind.EFFECTIVE)
    return event


# Verbs and subjects: 本<kind>自<date>起<verb> -----------------------------------------------

DATED = [
    # lrb_0095, lrb_0448, lrb_0158, lrb_0361, lrb_0167, lrb_0168
    ("洛阳市龙门石窟保护管理条例", "本条例自2013年1月1日起实施。", dt.date(2013, 1, 1)),
    ("交通警察道路执勤执法工作规范", "本规范自2009年1月1 日起实施。", dt.date(2009, 1, 1)),
    ("关于相互认可和执行民商事判决的安排", "本安排自2006年4月1日起生效。", dt.date(2006, 4, 1)),
    ("工资支付暂行规定", "本规定自一九九五年一月一日起执行。", dt.date(1995, 1, 1)),
    (
        "关于审理司法赔偿案件适用法律若干问题的解释",
        "本解释自2016年10月1日起施行。",
        dt.date(2016, 10, 1),
    ),
    (
        "关于审理农村土地承包纠纷案件适用法律问题的解释",
        "本解释自2005年9月1日起施行。",
        dt.date(2005, 9, 1),
    ),
    (
        "北京市人民代表大会常务委员会组成人员守则",
        "本守则自1994年1月1日起施行。",
        dt.date(1994, 1, 1),
    ),
    (
        "外国在华常住人员携带进境物品进口税收暂行规定",
        "本暂行规定自1999年4月1日起施行。",
        dt.date(1999, 4, 1),
    ),
    ("台湾同胞投资保护法实施细则", "本实施细则自二○○二年五月一日起施行。", dt.date(2002, 5, 1)),
    ("重庆市档案管理实施办法", "本实施办法自2021年3月1日起施行。", dt.date(2021, 3, 1)),
    ("国务院关于统一实行法定计量单位的命令", "本命令自1984年3月1日起生效。", dt.date(1984, 3, 1)),
    ("全国人民代表大会关于设立特别行政区的决议", "本决议自通过之日起生效。", None),
]


@pytest.mark.parametrize(("title", "sentence", "day"), DATED)
def test_any_subject_and_verb_of_the_tables_dates_the_act(
    title: str, sentence: str, day: dt.date | None
) -> None:
    header = "2011年6月30日 某市第十三届人民代表大会常务委员会第十九次会议通过"
    reg = lawparse.parse(_regulation(title, header, sentence))
    assert reg.title == title
    (event,) = _own(reg, EventKind.EFFECTIVE)
    assert event.date == (day or dt.date(2011, 6, 30))
    assert reg.status_on(event.date) is Status.IN_FORCE


# Prepositions: 自, 于, 从 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("本规定于2002年3月1日起施行。", dt.date(2002, 3, 1)),  # lrb_0178
        ("本条例于2007年9月1日起施行。", dt.date(2007, 9, 1)),  # lrb_0439
        ("本办法从2005年1月1日起施行。", dt.date(2005, 1, 1)),
        ("本条例自1985年度起施行。", dt.date(1985, 1, 1)),
        ("本办法自二〇一九年十月一日起施行。", dt.date(2019, 10, 1)),
    ],
)
def test_every_preposition_of_the_tables(sentence: str, day: dt.date) -> None:
    assert _effective(_regulation("某某管理办法", "", sentence)).date == day


# Anchors: the event a commencement counts from ---------------------------------------------

ANCHORED = [
    # lrb_0276: a ministry's order and 自发布之日起施行
    (
        "1996年9月19日 经国务院批准\n\n1996年10月3日 中华人民共和国交通部令第8号发布",
        "本规定自发布之日起施行。",
        dt.date(1996, 10, 3),
        EventKind.PROMULGATED,
    ),
    (
        "2001年7月9日 中华人民共和国国务院令第310号公布",
        "本规定自公布之日起施行。",
        dt.date(2001, 7, 9),
        EventKind.PROMULGATED,
    ),
    (
        "1994年2月18日 国务院令第141号颁布",
        "本办法自颁布之日起施行。",
        dt.date(1994, 2, 18),
        EventKind.PROMULGATED,
    ),
    # lrb_0020: a code of conduct in force on adoption
    (
        "1993年9月16日 北京市第十届人民代表大会常务委员会第五次会议通过",
        "本守则自通过之日起施行。",
        dt.date(1993, 9, 16),
        EventKind.ADOPTED,
    ),
    (
        "2003年5月12日 国务院第七次常务会议通过\n\n2003年6月2日 国务院批准",
        "本办法自国务院批准之日起施行。",
        dt.date(2003, 6, 2),
        EventKind.APPROVED,
    ),
    (
        "2016年3月1日 国务院办公厅印发",
        "本办法自印发之日起施行。",
        dt.date(2016, 3, 1),
        EventKind.PROMULGATED,
    ),
    (
        "2010年1月20日 中华人民共和国国务院令第570号公布",
        "本条例自公布之日起三十日后施行。",
        dt.date(2010, 2, 19),
        EventKind.PROMULGATED,
    ),
]


@pytest.mark.parametrize(("header", "sentence", "day", "anchor"), ANCHORED)
def test_an_anchor_resolves_against_its_own_event(
    header: str, sentence: str, day: dt.date, anchor: EventKind
) -> None:
    event = _effective(_regulation("某某规定", header, sentence))
    assert event.relative_to is anchor
    assert event.date == day
    assert event.unresolved is None


@pytest.mark.parametrize(
    ("header", "sentence"),
    [
        ("", "本办法自通过之日起施行。"),  # lrb_0010: the text gives no adoption date
        ("1982年3月16日 国务院发布", "本条例自修订发布之日起施行。"),  # lrb_0323
        (
            "1994年1月14日 北京市第十届人民代表大会常务委员会第八次会议通过",
            "本办法自公布之日起施行。",
        ),  # lrb_0027: a city's congress publishes by its own announcement, of no fixed day
        (
            "1982年8月23日 第五届全国人民代表大会常务委员会第二十四次会议通过",
            "本法自公布之日起施行。",
        ),  # before 1983 the Standing Committee's chairman promulgated, often days later
    ],
)
def test_an_anchor_without_its_date_stays_unresolved_and_says_why(
    header: str, sentence: str
) -> None:
    reg = lawparse.parse(_regulation("某某条例", header, sentence))
    (event,) = _own(reg, EventKind.EFFECTIVE)
    assert event.date is None
    assert event.unresolved and "之日" in event.unresolved
    assert reg.status_on(dt.date(2030, 1, 1)) is Status.UNKNOWN
    assert "LP105" not in {d.code for d in lawparse.validate(reg)}


PROMULGATED_ON_ADOPTION = [
    # lrb_0143: 刑法修正案（七）
    (
        "2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过",
        "本修正案自公布之日起施行。",
        dt.date(2009, 2, 28),
    ),
    # lrb_0188: 反外国制裁法
    (
        "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过",
        "本法自公布之日起施行。",
        dt.date(2021, 6, 10),
    ),
    # lrb_0185: 代表法, adopted by the Congress itself, amended since
    (
        "1992年4月3日 第七届全国人民代表大会第五次会议通过\n\n"
        "根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议"
        "《关于修改部分法律的决定》第一次修正",
        "本法自公布之日起施行。",
        dt.date(1992, 4, 3),
    ),
    (
        "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议通过",
        "本法自公布之日起三十日后施行。",
        dt.date(2018, 11, 25),
    ),
]


@pytest.mark.parametrize(("header", "sentence", "day"), PROMULGATED_ON_ADOPTION)
def test_a_national_law_is_promulgated_on_its_adoption_when_the_text_states_no_promulgation(
    header: str, sentence: str, day: dt.date
) -> None:
    event = _effective(_regulation("中华人民共和国某某法", header, sentence))
    assert event.date == day
    assert event.relative_to is EventKind.PROMULGATED
    assert event.unresolved is None
    assert event.inferred and "President" in event.inferred


def test_a_stated_promulgation_dates_a_national_law_not_its_adoption() -> None:
    header = (
        "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过\n\n"
        "2021年6月11日 中华人民共和国主席令第九十号公布"
    )
    event = _effective(_regulation("中华人民共和国某某法", header, "本法自公布之日起施行。"))
    assert event.date == dt.date(2021, 6, 11)
    assert event.inferred is None


def test_an_order_under_a_date_promulgates_the_act() -> None:
    # lrb_0319: the State Council's order, dated, with no verb after it
    header = "2017年11月22日 中华人民共和国国务院令第692号"
    reg = lawparse.parse(
        _regulation("中华人民共和国反间谍法实施细则", header, "本细则自公布之日起施行。")
    )
    (promulgation,) = _own(reg, EventKind.PROMULGATED)
    assert promulgation.date == dt.date(2017, 11, 22)
    assert promulgation.instrument == "中华人民共和国国务院令第692号"
    assert _effective(reg.source.text).date == dt.date(2017, 11, 22)


def test_a_text_without_articles_states_its_commencement_in_its_body() -> None:
    reg = lawparse.parse_file(REALTEXT / "lrb_0146.txt")  # 刑法修正案（十）
    assert reg.title == "中华人民共和国刑法修正案（十）"
    (event,) = _own(reg, EventKind.EFFECTIVE)
    assert event.relative_to is EventKind.PROMULGATED
    assert "LP105" not in {d.code for d in lawparse.validate(reg)}


def test_a_place_that_applies_the_act_later_is_no_commencement_of_the_act() -> None:
    text = _regulation(
        "济南市禁止燃放烟花爆竹的规定",
        "2017年8月25日 济南市第十六届人民代表大会常务委员会第五次会议通过",
        "本规定自2018年1月1日起施行。\n莱芜区、钢城区自2019年5月1日起执行本规定。",
    )
    assert _effective(text).date == dt.date(2018, 1, 1)


# Validity: the act's own, or a licence's ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "乡村医生执业证书有效期为5年。",
        "从事机动车驾驶员培训业务的许可证有效期为六年。",
        "本条例规定的许可证的有效期为三年。",
        "《司法鉴定许可证》《司法鉴定人执业证》有效期5年。",
        "登记证书有效期至2025年12月31日。",
    ],
)
def test_a_licence_validity_is_no_expiry_of_the_act(sentence: str) -> None:
    text = _regulation("某某管理条例", "", f"{sentence}\n\n第三条 本条例自2004年1月1日起施行。")
    reg = lawparse.parse(text)
    assert not [e for e in reg.events if e.kind is EventKind.EXPIRES]
    assert reg.status_on(dt.date(2030, 1, 1)) is Status.IN_FORCE


@pytest.mark.parametrize(
    ("sentence", "until"),
    [
        ("本办法自2020年1月1日起施行，有效期至2024年12月31日。", dt.date(2025, 1, 1)),
        ("本规定自2019年3月1日起施行，有效期5年。", dt.date(2024, 3, 1)),
        ("本办法有效期为三年，自2021年7月1日起施行。", dt.date(2024, 7, 1)),
    ],
)
def test_the_acts_own_validity_ends_it(sentence: str, until: dt.date) -> None:
    reg = lawparse.parse(_regulation("某某暂行办法", "", sentence))
    (expiry,) = _own(reg, EventKind.EXPIRES)
    assert expiry.date == until
    assert reg.status_on(until) is Status.NO_LONGER_IN_FORCE
    assert reg.status_on(until - dt.timedelta(days=1)) is Status.IN_FORCE


# Attribution: amendments with two dates, later passings, other acts --------------------------


def _events(path: str) -> list[tuple[str, str | None, str | None]]:
    reg = lawparse.parse_file(REALTEXT / path)
    return [
        (e.kind.value, str(e.date), str(e.approval_date) if e.approval_date else None)
        for e in reg.events
        if e.about is None and e.kind is not EventKind.EFFECTIVE
    ]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # one line: "…会议通过并经…批准的《…关于修改…的决定》修正"
        (
            "lrb_0047.txt",
            [
                ("adopted", "2017-03-10", None),
                ("approved", "2017-03-29", None),
                ("amended", "2017-10-24", "2017-12-01"),
            ],
        ),
        (
            "lrb_0052.txt",
            [
                ("adopted", "1994-06-01", None),
                ("approved", "1994-06-14", None),
                ("amended", "2000-05-31", "2000-06-30"),
                ("amended", "2012-06-28", "2012-08-01"),
                ("amended", "2018-08-29", "2018-09-21"),
            ],
        ),
        # the passing and the approval on two lines
        (
            "lrb_0094.txt",
            [
                ("adopted", "2000-12-29", None),
                ("approved", "2001-03-30", None),
                ("amended", "2010-08-25", "2010-09-29"),
            ],
        ),
        # "…批准根据<date>…通过" / "<date> …批准的《…决定》修正": two steps on one line
        (
            "lrb_0073.txt",
            [
                ("adopted", "2017-08-25", None),
                ("approved", "2017-09-29", None),
                ("amended", "2018-08-31", "2018-11-29"),
            ],
        ),
        # each later version "…会议通过" by the body that adopted the act
        (
            "lrb_0030.txt",
            [
                ("adopted", "2018-03-30", None),
                ("amended", "2021-09-24", None),
                ("amended", "2024-03-29", None),
            ],
        ),
        ("lrb_0168.txt", [("adopted", "2005-03-29", None), ("amended", "2020-12-23", None)]),
        # a joint interpretation: each court adopts it, on its own day
        (
            "lrb_0150.txt",
            [
                ("adopted", "2004-11-02", None),
                ("adopted", "2004-11-11", None),
                ("promulgated", "2004-12-08", None),
            ],
        ),
    ],
)
def test_each_step_of_a_history_is_attributed_before_it_is_dated(
    path: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _events(path) == expected


AMENDMENT_LINES = [
    (
        "2010年10月27日 济南市第十四届人民代表大会常务委员会第二十四次会议通过并经2010年11月25日"
        "山东省第十一届人民代表大会常务委员会第二十次会议批准的《济南市人民代表大会常务委员会"
        "关于修改〈济南市城镇企业职工基本养老保险条例〉等二十三件地方性法规的决定》修正",
        dt.date(2010, 10, 27),
        dt.date(2010, 11, 25),
    ),
    (
        "2020年6月29日 宁波市第十五届人民代表大会常务委员会第三十次会议通过\n\n"
        "2020年7月31日 浙江省第十三届人民代表大会常务委员会第二十二次会议通过批准的《宁波市人民"
        "代表大会常务委员会关于修改〈宁波市城市绿化条例〉的决定》修正",
        dt.date(2020, 6, 29),
        dt.date(2020, 7, 31),
    ),
    (
        "2019年1月31日 苏州市第十六届人民代表大会常务委员会第十次会议通过\n\n"
        "2019年3月29日 江苏省第十三届人民代表大会常务委员会第八次会议批准的《苏州市人民代表大会"
        "常务委员会关于修改〈苏州市河道管理条例〉的决定》第二次修正",
        dt.date(2019, 1, 31),
        dt.date(2019, 3, 29),
    ),
]


@pytest.mark.parametrize(("line", "passed", "approved"), AMENDMENT_LINES)
def test_a_city_amendment_approved_by_the_province_is_one_amendment(
    line: str, passed: dt.date, approved: dt.date
) -> None:
    header = (
        "2001年5月29日 某市第十一届人民代表大会常务委员会第二十八次会议通过\n\n"
        "2001年9月3日 某省第九届人民代表大会常务委员会第二十八次会议批准\n\n" + line
    )
    reg = lawparse.parse(_regulation("某市河道管理条例", header, "本条例自2001年10月1日起施行。"))
    (adoption,) = _own(reg, EventKind.ADOPTED)
    assert adoption.date == dt.date(2001, 5, 29)
    (amendment,) = _own(reg, EventKind.AMENDED)
    assert (amendment.date, amendment.approval_date) == (passed, approved)
    assert reg.effective_from == dt.date(2001, 10, 1)


@pytest.mark.parametrize(
    ("preamble", "about"),
    [
        (
            "为正确审理民间借贷纠纷案件，根据2020年5月28日第十三届全国人民代表大会第三次会议通过的"
            "《中华人民共和国民法典》，结合审判实践，制定本解释。",
            "《中华人民共和国民法典》",
        ),
        (
            "为正确适用2018年10月26日第十三届全国人民代表大会常务委员会第六次会议修订的《中华人民"
            "共和国人民法院组织法》，结合审判工作实际，制定本解释。",
            "《中华人民共和国人民法院组织法》",
        ),
        (
            "经一九八四年一月二十日国务院第二十一次常务会议讨论，通过了国家计量局《关于在我国统一实行"
            "法定计量单位的请示报告》。",
            "《关于在我国统一实行法定计量单位的请示报告》",
        ),
    ],
)
def test_the_dates_of_another_act_stay_that_acts(preamble: str, about: str) -> None:
    text = (
        "最高人民法院关于适用法律若干问题的解释\n\n"
        "2021年1月4日 最高人民法院审判委员会第1825次会议通过\n\n"
        f"{preamble}\n\n第一条 本解释所称案件，是指民事案件。\n\n"
        "第二条 本解释自2021年3月1日起施行。\n"
    )
    reg = lawparse.parse(text)
    assert [e.date for e in _own(reg, EventKind.ADOPTED)] == [dt.date(2021, 1, 4)]
    assert not _own(reg, EventKind.AMENDED) and not _own(reg, EventKind.REVISED)
    assert [e.about for e in reg.events if e.about] == [about]


def test_the_instruments_that_amend_this_act_date_its_amendments() -> None:
    header = (
        "1997年3月14日 第八届全国人民代表大会第五次会议修订\n\n"
        "2001年8月31日 第九届全国人民代表大会常务委员会第二十三次会议通过的《中华人民共和国"
        "刑法修正案（二）》\n\n"
        "2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过的《中华人民共和国"
        "刑法修正案（九）》"
    )
    reg = lawparse.parse(_regulation("中华人民共和国刑法", header, "本法自1997年10月1日起施行。"))
    amendments = _own(reg, EventKind.AMENDED)
    assert [e.date for e in amendments] == [dt.date(2001, 8, 31), dt.date(2015, 8, 29)]
    assert amendments[0].instrument == "《中华人民共和国刑法修正案（二）》"
    assert not _own(reg, EventKind.ADOPTED)


# Titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "最高人民法院关于审理民间借贷案件适用法律若干问题的解释",
        "中华人民共和国刑法修正案（十二）",
        "中华人民共和国宪法修正案（1988年）",
        "北京市人民代表大会常务委员会组成人员守则",
        "中华人民共和国民法典",
        "最高人民法院关于审理外商投资企业纠纷案件若干问题的规定（一）",
        "上海市促进浦东新区融资租赁发展若干规定（试行）",
    ],
)
def test_a_title_ending_in_any_kind_of_act_is_found(title: str) -> None:
    reg = lawparse.parse(_regulation(title, "", "本规定自2024年1月1日起施行。"))
    assert reg.title == title


# Validation that real texts do not trip -----------------------------------------------------


def test_chapters_restarting_in_each_part_are_no_duplicates() -> None:
    text = (
        "中华人民共和国刑法\n\n第一编 总则\n\n第一章 任务\n\n第一条 甲。\n\n"
        "第二章 犯罪\n\n第二条 乙。\n\n"
        "第二编 分则\n\n第一章 危害国家安全罪\n\n第三条 丙。\n\n第二章 危害公共安全罪\n\n"
        "第四条 本法自1997年10月1日起施行。\n"
    )
    codes = {d.code for d in lawparse.validate(text)}
    assert not codes & {"LP202", "LP203"}


def test_a_new_version_repealing_the_old_one_of_the_same_title_is_no_self_repeal() -> None:
    text = _regulation(
        "上海市档案条例",
        "",
        "本条例自2022年1月1日起施行。1995年6月28日上海市第十届人民代表大会常务委员会第十九次会议"
        "通过的《上海市档案条例》同时废止。",
    )
    reg = lawparse.parse(text)
    assert "LP210" not in {d.code for d in lawparse.validate(reg)}
    assert reg.effective_from == dt.date(2022, 1, 1)
    assert [e.date for e in _own(reg, EventKind.ADOPTED)] == []


# The copies in tests/realtext are the shared development set's -------------------------------

SHARED_REALTEXT = Path(__file__).parents[2] / "shared" / "realtext"


@pytest.mark.skipif(not SHARED_REALTEXT.is_dir(), reason="no shared realtext beside this checkout")
def test_realtext_copies_are_in_sync() -> None:
    stale = [
        copy.name
        for copy in sorted(REALTEXT.iterdir())
        if (SHARED_REALTEXT / copy.name).is_file()
        and (SHARED_REALTEXT / copy.name).read_bytes() != copy.read_bytes()
    ]
    assert not stale, f"tests/realtext is out of date for {stale}"


def test_realtext_copies_carry_their_provenance() -> None:
    for text in sorted(REALTEXT.glob("*.txt")):
        facts = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        assert facts["source"]["repo"] == "LawRefBook/Laws"
        assert text.read_text(encoding="utf-8").startswith(facts["title"])


# Statements broken over lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # lrb_0185: the amending decision's title spans three lines
        (
            "2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改<中华人民共和国"
            "地方各级人民代表大会和地方各级人民政府组织法>\n\n<中华人民共和国全国人民代表大会和地方各级"
            "人民代表大会选举法>\n\n<中华人民共和国全国人民代表大会和地方各级人民代表大会代表法>的决定》"
            "第三次修正",
            [("amended", dt.date(2015, 8, 29))],
        ),
        (
            "2019年3月\n\n15日 某市第十三届人民代表大会常务委员会第九次会议通过",
            [("adopted", dt.date(2019, 3, 15))],
        ),
        (
            "2019年3月15日 第十三届全国人民代表大会第二次\n会议通过",
            [("adopted", dt.date(2019, 3, 15))],
        ),
    ],
)
def test_a_statement_broken_over_lines_reads_as_one(
    header: str, expected: list[tuple[str, dt.date]]
) -> None:
    text = _regulation("某某代表法", header, "本法自2020年1月1日起施行。")
    reg = lawparse.parse(text)
    events = [e for e in reg.events if e.kind is not EventKind.EFFECTIVE]
    assert [(e.kind.value, e.date) for e in events] == expected
    assert lawparse.render.text(reg) == text
    for event in reg.events:
        assert event.span.end <= len(text)


# Status consistency -------------------------------------------------------------------------


def test_a_work_is_in_force_while_an_amended_wording_applies() -> None:
    # promulgated 2000, revised 2001-07-27 and 2007-10-18; "本规则自2001年8月1日零时起施行"
    # dates the wording of the first revision, so the work was in force from then at the latest.
    reg = lawparse.parse_file(Path(__file__).parent / "corpus" / "cn_sc_flight_rules_runon.txt")
    assert reg.effective_from is None  # its first commencement is not stated
    assert reg.status_on(dt.date(2001, 7, 31)) is Status.UNKNOWN
    for day in (dt.date(2001, 8, 1), dt.date(2005, 1, 1), dt.date(2008, 1, 1)):
        assert reg.status_on(day) is Status.IN_FORCE
    assert reg.applicability().known_interval() == (dt.date(2001, 8, 1), None)


@pytest.mark.parametrize(
    "note",
    [
        "（注：本决定所附《关于修改〈某某条例〉的决定》已于2010年12月20日经国务院常务会议通过）",
        "编者注：2018年3月1日某市人民政府发布的《某某办法》对本条例作了补充。",
        "【注】2015年6月30日 某市第十四届人民代表大会常务委员会第二十一次会议通过",
    ],
)
def test_an_editors_note_gives_the_act_no_dates(note: str) -> None:
    header = f"2004年1月14日 某市第十二届人民代表大会常务委员会第八次会议通过\n\n{note}"
    reg = lawparse.parse(_regulation("某某条例", header, "本条例自2004年3月1日起施行。"))
    assert [(e.kind, e.date) for e in reg.events] == [
        (EventKind.ADOPTED, dt.date(2004, 1, 14)),
        (EventKind.EFFECTIVE, dt.date(2004, 3, 1)),
    ]
