"""Structure of real Chinese texts that used to lose text into the wrong node: headings with
any Unicode space or none after the number, annexes after the last article, "一、" items inside
an article, lines that hold only zero-width characters."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawparse

REALTEXT = Path(__file__).parent / "realtext"


def _regulation(body: str) -> str:
    return f"某某管理条例\n\n{body}"


def _roundtrip(text: str) -> lawparse.Regulation:
    reg = lawparse.parse(text)
    assert lawparse.render.text(reg) == text
    return reg


def test_the_civil_codes_chapters_with_en_spaces_are_all_found() -> None:
    # 民法典, 侵权责任编: "第一章\u2002一般规定" ... ten chapters, articles 1164 to 1258
    reg = lawparse.parse_file(REALTEXT / "lrb_0200.txt")
    assert [c.number for c in reg.chapters] == list(range(1, 11))
    assert reg.chapters[0].title == "一般规定"
    assert [a.number for a in reg.articles] == list(range(1164, 1259))


@pytest.mark.parametrize("space", [" ", "\u3000", "\u2002", "\u2003", "\u00a0", "\t", ""])
def test_a_chapter_heading_with_any_space_or_none(space: str) -> None:
    text = _regulation(
        f"第一章{space}总则\n\n第一条 为了规范管理，制定本条例。\n\n"
        f"第二章{space}法律责任\n\n第二条 违反本条例第一条规定的，依法处理。\n"
    )
    reg = _roundtrip(text)
    assert [(c.number, c.title) for c in reg.chapters] == [(1, "总则"), (2, "法律责任")]
    assert [a.number for a in reg.articles] == [1, 2]


def test_a_glued_mention_in_a_sentence_stays_a_citation() -> None:
    text = _regulation(
        "第一章 总则\n\n第一条 依照本条例\n第二章规定的程序，处理下列事项。\n\n第二条 乙。\n"
    )
    reg = _roundtrip(text)
    assert [c.number for c in reg.chapters] == [1]
    assert "第二章规定的程序" in reg.article(1).text


@pytest.mark.parametrize(
    ("annex", "label", "title"),
    [
        ("附件：某某收费项目目录\n\n一、甲类\n二、乙类\n", "附件", "某某收费项目目录"),
        ("附件1\n\n某某目录\n\n甲类\n", "附件1", None),
        ("附件一 某某目录\n甲类\n", "附件一", "某某目录"),
        ("附表\n\n应税污染物和当量值表\n", "附表", None),
        ("附：\n中华人民共和国强制检定的工作计量器具目录\n1．尺\n2．面积计\n", "附", None),
    ],
)
def test_an_annex_after_the_last_article_is_a_schedule(
    annex: str, label: str, title: str | None
) -> None:
    text = _regulation(f"第一条 甲。\n\n第二条 本条例自2020年1月1日起施行。\n\n{annex}")
    reg = _roundtrip(text)
    assert reg.article(2).text == "本条例自2020年1月1日起施行。"
    (schedule,) = reg.schedules
    assert (schedule.label, schedule.title) == (label, title)


def test_real_annexes_are_schedules() -> None:
    reg = lawparse.parse_file(REALTEXT / "lrb_0227.txt")  # 环境保护税法: 附表一, 附表二
    assert [s.label for s in reg.schedules] == ["附表一", "附表二"]
    assert "附表" not in reg.articles[-1].text
    reg = lawparse.parse_file(REALTEXT / "lrb_0193.txt")  # 国徽法: 附件:
    assert [s.label for s in reg.schedules] == ["附件"]


def test_an_annex_word_in_running_text_is_no_schedule() -> None:
    text = _regulation(
        "第一条 甲。\n\n第二条 本条例自2020年1月1日起施行。\n附件一规定的标准，另行公布。\n"
    )
    reg = _roundtrip(text)
    assert not reg.schedules
    assert reg.article(2).text.endswith("附件一规定的标准，另行公布。")


def test_numbered_points_inside_an_article_are_items() -> None:
    text = _regulation(
        "第一条 本条例所称融资租赁，包括下列业务：\n一、直接租赁；\n二、售后回租：\n"
        "（一）动产；\n（二）不动产；\n三、其他业务。\n\n第二条 乙。\n"
    )
    reg = _roundtrip(text)
    (clause,) = reg.article(1).clauses
    assert [(i.label, i.number) for i in clause.items] == [("一、", 1), ("二、", 2), ("三、", 3)]
    assert [i.label for i in clause.items[1].items] == ["（一）", "（二）"]
    assert clause.items[0].eid == "art_1__para_1__item_1"


def test_points_of_a_decision_without_articles_stay_points() -> None:
    reg = _roundtrip("某某决定\n\n一、甲。\n\n二、乙。\n\n三、本决定自公布之日起施行。\n")
    assert [p.label for p in reg.points] == ["一、", "二、", "三、"]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u200b\u200b", " \u200b\u3000"])
def test_a_line_of_zero_width_characters_makes_no_paragraph(invisible: str) -> None:
    text = _regulation(f"第一条 甲。\n{invisible}\n乙。\n\n第二条 丙。\n{invisible}\n{invisible}\n")
    reg = _roundtrip(text)
    assert [[c.text for c in a.clauses] for a in reg.articles] == [["甲。", "乙。"], ["丙。"]]
