"""lawparse.amend: amending instruments read as operations and applied to their act.

The instruction wordings are real: from 刑法修正案（七）、（九）、（十二）, the Constitution's
amendments of 1988, and the decisions of the NPC Standing Committee and of local congresses
(关于修改《……》的决定), each applied to a small base that has what it names.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import lawparse
from lawparse import amending
from lawparse.cli import main
from lawparse.languages.common import FOOTNOTE_MARK, WHITESPACE_RUN

HERE = Path(__file__).parent
TRIPLE = HERE / "amendments" / "npc2023_criminal_law_amendment_12"
FACTS = json.loads((HERE / "amendments" / "npc2023_criminal_law_amendment_12.json").read_text())


def _normal(text: str) -> str:
    return WHITESPACE_RUN.sub("", text)


def _wording(article: lawparse.Article) -> str:
    """The article as the act words it: a compiler's footnote (①) is not part of it."""
    kept = [c.text for c in article.clauses if not FOOTNOTE_MARK.match(c.text)]
    return _normal(article.label + "".join(kept))


@pytest.fixture(scope="module")
def consolidated() -> lawparse.Regulation:
    base = (TRIPLE / "base.txt").read_text(encoding="utf-8")
    amendment = (TRIPLE / "amendment.txt").read_text(encoding="utf-8")
    return lawparse.amend(base, amendment)


@pytest.fixture(scope="module")
def after() -> lawparse.Regulation:
    return lawparse.parse_file(TRIPLE / "after.txt")


# The real triple ------------------------------------------------------------------------


def test_amend_reproduces_the_after_text_article_by_article(
    consolidated: lawparse.Regulation, after: lawparse.Regulation
) -> None:
    got = [(a.label, _wording(a)) for a in consolidated.articles]
    expected = [(a.label, _wording(a)) for a in after.articles]
    assert len(got) == len(expected) == 505
    assert got == expected


def test_the_consolidated_text_is_the_after_text_but_for_the_editors_footnote(
    consolidated: lawparse.Regulation,
) -> None:
    after_text = (TRIPLE / "after.txt").read_text(encoding="utf-8")
    footnote = next(line for line in after_text.splitlines() if FOOTNOTE_MARK.match(line))
    expected = after_text.replace(footnote + "\n\n", "")
    assert lawparse.render.text(consolidated) == expected


def test_diff_of_base_and_consolidated_names_exactly_the_touched_articles(
    consolidated: lawparse.Regulation,
) -> None:
    base = lawparse.parse_file(TRIPLE / "base.txt")
    edits = lawparse.diff(base, consolidated).edits
    labels = sorted({e.old_label for e in edits})
    assert {e.kind for e in edits} == {"changed"}
    assert labels == sorted(change["base"] for change in FACTS["changed_articles"])


def test_the_amendment_is_dated_and_commences_the_changed_articles(
    consolidated: lawparse.Regulation,
) -> None:
    amended = [e for e in consolidated.events if e.kind is lawparse.EventKind.AMENDED]
    assert amended[-1].date == dt.date(2023, 12, 29)
    assert amended[-1].instrument == "《中华人民共和国刑法修正案（十二）》"
    effective = dt.date.fromisoformat(FACTS["amendment_effective"])
    changed = {change["after"] for change in FACTS["changed_articles"]}
    for article in consolidated.articles:
        assert article.applies is not None
        if article.label in changed:
            assert article.applies.start == effective, article.label
        else:
            assert article.applies.start == dt.date(1997, 10, 1), article.label
    assert consolidated.applies is not None and consolidated.applies.wording is not None
    assert consolidated.applies.wording.date == effective
    assert not [d for d in consolidated.diagnostics if d.code.startswith("LP4")]


def test_the_instrument_reads_as_seven_operations_and_its_commencement() -> None:
    instrument = lawparse.read_instrument((TRIPLE / "amendment.txt").read_text("utf-8"))
    applied = [op for op in instrument.operations if not op.restated]
    assert [op.instruction for op in applied] == ["一", "二", "三", "四", "五", "六", "七"]
    assert [op.unit for op in applied] == ["article"] * 3 + ["paragraph", "article"] * 2
    restated = [op for op in instrument.operations if op.restated]
    assert [(op.kind, op.unit, op.position[0].paragraph) for op in restated] == [
        ("insert", "paragraph", 2)
    ] * 3
    assert instrument.effective is not None
    assert instrument.effective.date == dt.date(2024, 3, 1)
    assert instrument.adopted is not None and instrument.adopted.date == dt.date(2023, 12, 29)
    assert len(applied[4].new) == 10  # 五: three paragraphs, seven items, one quotation


def test_cli_amend_writes_the_consolidated_text_and_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "after.txt"
    paths = [str(TRIPLE / "base.txt"), str(TRIPLE / "amendment.txt")]
    assert main(["amend", *paths, "-o", str(out)]) == 0
    assert "第三百九十条 对犯行贿罪的" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["amend", *paths, "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("一\t6:3 [59:79]\tinsert paragraph art 165 as art 165 para 2")
    assert any(line.startswith("四\t24:3 ") and "substitute paragraph art 387 para 1" in line
               for line in lines)  # fmt: skip
    assert lines[-1].startswith("effective\t") and "2024-03-01" in lines[-1]


# Each operation, with real wording -------------------------------------------------------

BASE = """中华人民共和国示范法

2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过

第一章 总则

第一条 为了规范示范活动，制定本法。

第二条 本法适用于示范活动。

国务院卫生行政部门负责监督管理。

第三条 示范单位有下列情形之一的，应当报告：

（一）发生事故的；

（二）变更名称的；

（三）停止经营的。

第二章 监督管理

第四条 县级以上人民政府卫生行政部门应当加强监督检查。

第五条 违反本法规定的，由卫生行政部门责令改正。

第六条 本法自2020年7月1日起施行。
"""

HEADER = """全国人民代表大会常务委员会关于修改《中华人民共和国示范法》的决定

2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议通过

第十四届全国人民代表大会常务委员会第十次会议决定对《中华人民共和国示范法》作如下修改：

"""


def _amend(instructions: str, base: str = BASE) -> lawparse.Regulation:
    return lawparse.amend(base, HEADER + instructions)


def _article(reg: lawparse.Regulation, label: str) -> str:
    found = [a for a in reg.articles if a.label == label]
    assert found, f"{label} not in {[a.label for a in reg.articles]}"
    return _normal(found[0].text)


def _labels(reg: lawparse.Regulation) -> list[str]:
    return [a.label for a in reg.articles]


def _problems(reg: lawparse.Regulation) -> list[str]:
    return [d.code for d in reg.diagnostics if d.code.startswith("LP4")]


def test_substitute_an_article() -> None:
    reg = _amend("一、将第五条修改为：“违反本法规定的，由主管部门责令改正，处一万元以下罚款。”\n")
    assert _article(reg, "第五条") == "违反本法规定的，由主管部门责令改正，处一万元以下罚款。"
    assert _problems(reg) == []


def test_substitute_an_article_whose_quotation_restates_its_label() -> None:
    reg = _amend("一、将第五条修改为：“第五条　违反本法规定的，依法处理。”\n")
    assert _article(reg, "第五条") == "违反本法规定的，依法处理。"


def test_substitute_one_paragraph_keeps_the_others() -> None:
    reg = _amend("一、将第二条第二款修改为：“国务院卫生健康主管部门负责监督管理。”\n")
    assert _article(reg, "第二条") == "本法适用于示范活动。国务院卫生健康主管部门负责监督管理。"


def test_substitute_two_paragraphs_with_a_quotation_of_two() -> None:
    # 刑法修正案（七）十三: 将刑法第一百八十六条第一款、第二款修改为：“……\n“……”
    reg = _amend("一、将第二条第一款、第二款修改为：“本法适用于示范。\n\n“主管部门负责。”\n")
    assert _article(reg, "第二条") == "本法适用于示范。主管部门负责。"


def test_substitute_an_item() -> None:
    # 刑法修正案（七）五: 将刑法第二百二十五条第三项修改为：“……”
    reg = _amend("一、将第三条第三项修改为：“停止经营或者被吊销执照的。”\n")
    text = _article(reg, "第三条")
    assert text.endswith("（三）停止经营或者被吊销执照的。")


def test_substitute_a_multi_paragraph_quotation_with_items() -> None:
    new = (
        "“示范单位有下列情形之一的，应当报告：\n\n“（一）发生事故的；\n\n“（二）停业的。\n\n"
        "“报告应当在十日内提交。”\n"
    )
    reg = _amend("一、将第三条修改为：" + new)
    article = next(a for a in reg.articles if a.label == "第三条")
    assert len(article.clauses) == 2
    assert [i.label for i in article.clauses[0].items] == ["（一）", "（二）"]


def test_insert_an_article_after_another_as_zhi_yi() -> None:
    # 刑法修正案（七）四: 在刑法第二百二十四条后增加一条，作为第二百二十四条之一：“……”
    reg = _amend("一、在第四条后增加一条，作为第四条之一：“示范单位应当建立台账。”\n")
    assert _labels(reg)[3:6] == ["第四条", "第四条之一", "第五条"]
    assert _article(reg, "第四条之一") == "示范单位应当建立台账。"


def test_insert_an_article_without_the_preposition() -> None:
    # 刑法修正案（三）四: 刑法第一百二十条后增加一条，作为第一百二十条之一：“……”
    reg = _amend("一、第四条后增加一条，作为第四条之一：“示范单位应当建立台账。”\n")
    assert "第四条之一" in _labels(reg)


def test_insert_an_article_and_renumber_the_rest() -> None:
    reg = _amend(
        "一、增加一条，作为第三条：“国家鼓励示范。”\n\n"
        "《中华人民共和国示范法》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )
    assert _labels(reg) == [f"第{n}条" for n in "一二三四五六七"]
    assert _article(reg, "第三条") == "国家鼓励示范。"
    assert _article(reg, "第四条").startswith("示范单位有下列情形之一的")
    assert _problems(reg) == []


def test_insert_a_paragraph_as_the_second() -> None:
    # 刑法修正案（七）十: 在刑法第三百一十二条中增加一款作为第二款：“……”
    reg = _amend("一、在第四条中增加一款作为第二款：“检查应当出示证件。”\n")
    assert _article(reg, "第四条").endswith("加强监督检查。检查应当出示证件。")


def test_insert_two_paragraphs() -> None:
    # 刑法修正案（七）九: 在刑法第二百八十五条中增加两款作为第二款、第三款：“……\n“……”
    reg = _amend("一、在第一条中增加两款作为第二款、第三款：“甲。\n\n“乙。”\n")
    article = next(a for a in reg.articles if a.label == "第一条")
    assert [c.text for c in article.clauses] == ["为了规范示范活动，制定本法。", "甲。", "乙。"]


def test_a_second_operation_on_the_same_article_in_one_instruction() -> None:
    # 刑法修正案（七）二: 将刑法第一百八十条第一款修改为：“……”\n增加一款作为第四款：“……”
    reg = _amend("一、将第二条第一款修改为：“本法适用于示范。”\n增加一款作为第三款：“丙。”\n")
    assert _article(reg, "第二条") == "本法适用于示范。国务院卫生行政部门负责监督管理。丙。"


def test_insert_an_item() -> None:
    reg = _amend("一、在第三条中增加一项，作为第二项：“（二）转让股权的；”\n")
    text = _article(reg, "第三条")
    assert "（二）转让股权的；（三）变更名称的；（四）停止经营的。" in text


def test_the_constitutions_added_provision_and_quoted_old_wording() -> None:
    base = (
        "中华人民共和国宪法\n\n第十条 城市的土地属于国家所有。\n\n任何组织不得出租土地。\n\n"
        "第十一条 国家保护个体经济。\n"
    )
    amendment = (
        "中华人民共和国宪法修正案（1988年）\n\n"
        "1988年4月12日 第七届全国人民代表大会第一次会议通过\n\n"
        "第一条 宪法第十一条增加规定：“国家允许私营经济存在和发展。”\n\n"
        "第二条 宪法第十条第二款“任何组织不得出租土地。”修改为：“土地的使用权可以依法转让。”\n"
    )
    reg = lawparse.amend(base, amendment)
    assert _article(reg, "第十一条") == "国家保护个体经济。国家允许私营经济存在和发展。"
    assert _article(reg, "第十条") == "城市的土地属于国家所有。土地的使用权可以依法转让。"


def test_delete_an_article_keeps_its_number_when_nothing_is_renumbered() -> None:
    # 刑法修正案（九）: 删去刑法第一百九十九条。 The Criminal Law keeps 第一百九十九条 （删去）.
    reg = _amend("一、删去第五条。\n")
    assert _article(reg, "第五条") == "（删去）"
    assert len(reg.articles) == 6


def test_delete_an_article_and_renumber() -> None:
    reg = _amend("一、删去第四条。\n二、条文顺序作相应调整。\n")
    assert _labels(reg) == [f"第{n}条" for n in "一二三四五"]
    assert _article(reg, "第四条").startswith("违反本法规定的")


def test_delete_a_paragraph_and_an_item() -> None:
    reg = _amend("一、删去第二条第二款。\n二、删去第三条第二项。\n")
    assert _article(reg, "第二条") == "本法适用于示范活动。"
    assert _article(reg, "第三条").endswith("（一）发生事故的；（二）停止经营的。")


def test_explicit_renumbering_of_articles() -> None:
    reg = _amend(
        "一、在第三条后增加一条，作为第四条：“示范单位应当公示。”\n"
        "二、将第四条改为第五条。\n三、将第五条改为第六条。\n四、将第六条改为第七条。\n"
    )
    assert _labels(reg) == [f"第{n}条" for n in "一二三四五六七"]
    assert _article(reg, "第四条") == "示范单位应当公示。"
    assert _article(reg, "第七条") == "本法自2020年7月1日起施行。"
    assert _problems(reg) == []


def test_explicit_renumbering_of_an_item() -> None:
    reg = _amend("一、将第三条第三项改为第四项。\n")
    assert _article(reg, "第三条").endswith("（四）停止经营的。")


def test_replace_words_in_several_articles() -> None:
    reg = _amend("一、将第四条、第五条中的“卫生行政部门”修改为“卫生健康主管部门”。\n")
    assert "卫生健康主管部门" in _article(reg, "第四条")
    assert "卫生健康主管部门" in _article(reg, "第五条")
    assert "国务院卫生行政部门" in _article(reg, "第二条")  # not named: unchanged


def test_replace_words_in_the_whole_act() -> None:
    reg = _amend("一、将本法中的“卫生行政部门”修改为“卫生健康主管部门”。\n")
    assert all("卫生行政部门" not in a.text for a in reg.articles)
    assert "国务院卫生健康主管部门" in _article(reg, "第二条")


def test_delete_and_insert_words() -> None:
    reg = _amend("一、删去第四条中的“县级以上”。\n二、在第五条中的“责令改正”后增加“，给予警告”。\n")
    assert _article(reg, "第四条") == "人民政府卫生行政部门应当加强监督检查。"
    assert _article(reg, "第五条") == "违反本法规定的，由卫生行政部门责令改正，给予警告。"


def test_the_title_and_a_chapter_heading() -> None:
    reg = _amend(
        "一、将法律的名称修改为：“中华人民共和国示范促进法”。\n"
        "二、将第二章的章名修改为：“监督检查”。\n"
    )
    assert reg.title == "中华人民共和国示范促进法"
    chapters = [n for n in reg.body if isinstance(n, lawparse.Chapter)]
    assert chapters[1].title == "监督检查"


def test_the_preamble() -> None:
    base = "中华人民共和国示范法\n\n序言\n\n旧的序言。\n\n第一条 总则。\n"
    reg = lawparse.amend(base, HEADER + "一、将序言修改为：“新的序言。”\n")
    assert reg.preamble is not None
    assert "新的序言。" in reg.source.text[reg.preamble.start : reg.preamble.end]
    assert "旧的序言" not in reg.source.text


def test_a_decision_amending_several_acts_is_applied_by_title() -> None:
    other = BASE.replace("中华人民共和国示范法", "中华人民共和国另一法")
    decision = (
        "全国人民代表大会常务委员会关于修改《中华人民共和国示范法》等两部法律的决定\n\n"
        "2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议通过\n\n"
        "一、对《中华人民共和国示范法》作出修改\n"
        "（一）将第五条修改为：“违反本法规定的，依法处理。”\n"
        "（二）删去第四条中的“县级以上”。\n"
        "二、对《中华人民共和国另一法》作出修改\n"
        "将第一条修改为：“为了另一目的，制定本法。”\n"
        "本决定自2024年7月1日起施行。\n"
    )
    first, second = lawparse.amend(BASE, decision), lawparse.amend(other, decision)
    assert _article(first, "第五条") == "违反本法规定的，依法处理。"
    assert _article(first, "第一条") == "为了规范示范活动，制定本法。"
    assert _article(second, "第一条") == "为了另一目的，制定本法。"
    assert _article(second, "第五条") == "违反本法规定的，由卫生行政部门责令改正。"
    assert _problems(first) == _problems(second) == []
    applies = next(a for a in first.articles if a.label == "第五条").applies
    assert applies is not None and applies.start == dt.date(2024, 7, 1)


def test_instructions_that_name_their_act_each_time() -> None:
    decision = (
        "国务院关于修改部分行政法规的决定\n\n"
        "一、将《中华人民共和国示范法》第五条修改为：“违反本法规定的，依法处理。”\n"
        "二、将《中华人民共和国另一法》第一条修改为：“另。”\n"
    )
    reg = lawparse.amend(BASE, decision)
    assert _article(reg, "第五条") == "违反本法规定的，依法处理。"
    assert _article(reg, "第一条") == "为了规范示范活动，制定本法。"


def test_the_commencement_of_the_instrument_is_read() -> None:
    instrument = lawparse.read_instrument(
        HEADER + "一、删去第五条。\n二、本决定自2024年9月1日起施行。\n"
    )
    assert instrument.effective is not None and instrument.effective.date == dt.date(2024, 9, 1)
    assert [op.kind for op in instrument.operations] == ["delete"]
    assert instrument.diagnostics == ()


# English ---------------------------------------------------------------------------------

EN_BASE = """Provisions of X Municipality on Markets

Article 1 These Provisions are formulated in order to regulate markets.

Article 2 These Provisions apply to the city.
The districts shall implement them.

Article 3 The department shall supervise markets.

Article 4 These Provisions shall come into force on October 1, 2023.
"""

EN_HEADER = """Decision on Amending the Provisions of X Municipality on Markets

(Adopted at the 5th Session of the Standing Committee of the 16th X Municipal People's
Congress on May 30, 2024)

"""


def test_english_instructions() -> None:
    reg = lawparse.amend(
        EN_BASE,
        EN_HEADER
        + '1. Paragraph 2 of Article 2 is amended to read: "The districts shall report."\n'
        + '2. One article is added after Article 3 as Article 4: "Markets shall be open."\n'
        + '3. In Article 3, "supervise" is replaced by "oversee".\n'
        + "4. The order of the articles shall be adjusted accordingly.\n"
        + "5. This Decision shall come into force on July 1, 2024.\n",
    )
    assert _labels(reg) == ["Article 1", "Article 2", "Article 3", "Article 4", "Article 5"]
    assert _article(reg, "Article 4") == "Marketsshallbeopen."
    assert _article(reg, "Article 2").endswith("Thedistrictsshallreport.")
    assert _article(reg, "Article 3") == "Thedepartmentshalloverseemarkets."
    assert _problems(reg) == []
    applies = next(a for a in reg.articles if a.label == "Article 3").applies
    assert applies is not None and applies.start == dt.date(2024, 7, 1)


def test_english_article_amended_to_read_and_deleted() -> None:
    reg = lawparse.amend(
        EN_BASE,
        EN_HEADER
        + '1. Article 1 is amended to read: "These Provisions regulate markets."\n'
        + "2. Article 3 is deleted.\n"
        + "3. The order of the articles shall be adjusted accordingly.\n",
    )
    assert _labels(reg) == ["Article 1", "Article 2", "Article 3"]
    assert _article(reg, "Article 1") == "TheseProvisionsregulatemarkets."
    assert _article(reg, "Article 3").startswith("TheseProvisionsshallcomeintoforce")


# What cannot be read or applied ----------------------------------------------------------


def test_an_instruction_naming_a_missing_article_is_lp402_with_its_span() -> None:
    text = HEADER + "一、将第九十九条修改为：“不存在。”\n"
    reg = lawparse.amend(BASE, text)
    problems = [d for d in reg.diagnostics if d.code == "LP402"]
    assert len(problems) == 1
    assert problems[0].span is not None
    assert text[problems[0].span.start : problems[0].span.end].startswith("将第九十九条修改为")
    assert "art 99" in problems[0].message
    assert lawparse.render.text(reg).count("第五条") == 1  # nothing else changed


def test_an_instruction_that_cannot_be_read_is_lp401() -> None:
    text = HEADER + "一、第五条另作规定。\n二、删去第四条。\n"
    reg = lawparse.amend(BASE, text)
    assert _problems(reg) == ["LP401"]
    assert _article(reg, "第四条") == "（删去）"  # the instruction it could read is applied


def test_an_instrument_about_another_act_is_lp403() -> None:
    decision = "国务院关于修改部分行政法规的决定\n\n一、将《另一条例》第五条修改为：“另。”\n"
    reg = lawparse.amend(BASE, decision)
    assert _problems(reg) == ["LP403"]
    assert lawparse.render.text(reg) == BASE


def test_cli_amend_exits_1_on_an_instruction_it_cannot_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, change = tmp_path / "base.txt", tmp_path / "change.txt"
    base.write_text(BASE, encoding="utf-8")
    change.write_text(HEADER + "一、将第九十九条修改为：“不存在。”\n", encoding="utf-8")
    assert main(["amend", str(base), str(change)]) == 1
    err = capsys.readouterr().err
    assert f"{change}:7:3: error LP402" in err


def test_unclosed_quotation_and_garbage_do_not_crash() -> None:
    for text in ("", "一、将第五条修改为：“没有结束", "\x00\x01 garbage", "一、二、三、"):
        instrument = amending.read_instrument(text) if text else None
        if instrument is not None:
            assert isinstance(instrument.operations, tuple)
    reg = lawparse.amend(BASE, HEADER + "一、将第五条修改为：“没有结束\n")
    assert _article(reg, "第五条") == "没有结束"


def test_merge_two_articles_into_one() -> None:
    reg = _amend(
        "一、将第二条、第三条合并为一条，作为第二条，修改为：“本法适用于示范活动和报告。”\n"
        "二、条文顺序作相应调整。\n"
    )
    assert _labels(reg) == [f"第{n}条" for n in "一二三四五"]
    assert _article(reg, "第二条") == "本法适用于示范活动和报告。"
    assert _article(reg, "第三条").startswith("县级以上人民政府")


def test_renumber_then_restate_in_one_instruction() -> None:
    reg = _amend(
        "一、将第五条改为第六条，修改为：“违反本法的，依法处理。”\n二、将第六条改为第五条。\n"
    )
    assert _labels(reg) == [f"第{n}条" for n in "一二三四五六"]
    assert _article(reg, "第六条") == "违反本法的，依法处理。"
    assert _article(reg, "第五条") == "本法自2020年7月1日起施行。"


REALTEXT = HERE / "realtext"


def test_an_unnumbered_amendment_reads_as_its_one_instruction() -> None:
    # 刑法修正案（十）: 为了惩治……，在刑法第二百九十九条中增加一款作为第二款，将该条修改为:
    # and two quoted paragraphs on lines of their own. Applied to a Criminal Law that already
    # carries it, it changes nothing.
    amendment = (REALTEXT / "lrb_0146.txt").read_text(encoding="utf-8")
    instrument = lawparse.read_instrument(amendment)
    assert instrument.diagnostics == ()
    insert, substitute = instrument.operations
    assert (insert.kind, insert.restated) == ("insert", True)
    assert (substitute.kind, substitute.unit, substitute.targets) == (
        "substitute",
        "article",
        (amending.Target(article=299),),
    )
    assert len(substitute.new) == 2
    base = lawparse.parse_file(TRIPLE / "base.txt")
    reg = lawparse.amend(base, amendment)
    assert _problems(reg) == []
    assert lawparse.diff(base, reg).edits == ()


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        (
            "lrb_0182",  # 宪法修正案（1993年）
            [
                ("replace_words", "preamble"),
                ("append", "preamble"),
                ("substitute", "article"),
                ("substitute", "paragraph"),
                ("substitute", "article"),
                ("substitute", "article"),
                ("substitute", "article"),
                ("substitute", "paragraph"),
                ("substitute", "article"),
            ],
        ),
        (
            "lrb_0183",  # 宪法修正案（1999年）
            [
                ("replace_words", "preamble"),
                ("insert", "paragraph"),
                ("substitute", "article"),
                ("substitute", "paragraph"),
                ("substitute", "article"),
                ("substitute", "article"),
            ],
        ),
    ],
)
def test_the_constitutions_amendments_read_every_instruction(
    name: str, kinds: list[tuple[str, str]]
) -> None:
    instrument = lawparse.read_instrument((REALTEXT / f"{name}.txt").read_text(encoding="utf-8"))
    assert instrument.diagnostics == ()
    assert [(op.kind, op.unit) for op in instrument.operations] == kinds


CONSTITUTION = """中华人民共和国宪法

序言

中国是世界上历史最悠久的国家之一。

今后国家的根本任务是集中力量进行社会主义现代化建设。中国各族人民将继续前进。

第一章 总纲

第一条 中华人民共和国是社会主义国家。

第七条 国营经济是社会主义全民所有制经济，是国民经济中的主导力量。国家保障国营经济的巩固和发展。
"""


def test_the_constitutions_preamble_and_an_article_quoted_before_its_new_wording() -> None:
    # The wording of 宪法修正案（1993年）, 第三条 to 第五条.
    amendment = (
        "中华人民共和国宪法修正案（1993年）\n\n"
        "1993年3月29日 第八届全国人民代表大会第一次会议通过\n\n"
        "第三条 宪法序言第二自然段后两句：“今后国家的根本任务是集中力量进行社会主义现代化建设。"
        "中国各族人民将继续前进。”修改为：“我国正处于社会主义初级阶段。国家的根本任务是，"
        "根据建设有中国特色社会主义的理论，集中力量进行社会主义现代化建设。”\n\n"
        "第四条 宪法序言第一自然段末尾增加：“中国人民具有光荣的革命传统。”\n\n"
        "第五条 宪法第七条：“国营经济是社会主义全民所有制经济，是国民经济中的主导力量。"
        "国家保障国营经济的巩固和发展。”修改为：“国有经济，即社会主义全民所有制经济，"
        "是国民经济中的主导力量。国家保障国有经济的巩固和发展。”\n"
    )
    reg = lawparse.amend(CONSTITUTION, amendment)
    assert _problems(reg) == []
    assert reg.preamble is not None
    preamble = reg.source.text[reg.preamble.start : reg.preamble.end]
    assert "中国是世界上历史最悠久的国家之一。中国人民具有光荣的革命传统。\n" in preamble
    assert "我国正处于社会主义初级阶段。" in preamble and "将继续前进" not in preamble
    assert _article(reg, "第七条").startswith("国有经济，即社会主义全民所有制经济")
    assert _article(reg, "第一条") == "中华人民共和国是社会主义国家。"


def test_an_article_that_does_not_read_as_quoted_is_not_replaced() -> None:
    amendment = (
        "中华人民共和国宪法修正案\n\n"
        "1993年3月29日 第八届全国人民代表大会第一次会议通过\n\n"
        "第一条 宪法第七条：“集体经济是社会主义劳动群众集体所有制经济。”修改为：“国有经济……。”\n"
    )
    reg = lawparse.amend(CONSTITUTION, amendment)
    assert _problems(reg) == ["LP402"]
    assert _article(reg, "第七条").startswith("国营经济")


STATE_COUNCIL_BASE = """示范管理条例

（2004年1月1日国务院令第1号公布）

第一条 为了规范示范活动，制定本条例。

第二条 本条例适用于示范活动。

国务院工商行政管理部门负责监督管理。

第三条 有下列情形之一的，应当办理变更登记：

（一）变更名称的；

（二）停止经营的。

第四条 县级以上人民政府工商行政管理部门应当加强监督检查。

第五条 违反本条例规定的，由工商行政管理部门责令改正，处五千元以上一万元以下的罚款。

第六条 本条例自2004年3月1日起施行。
"""

STATE_COUNCIL_DECISION = """国务院关于修改和废止部分行政法规的决定

（2019年3月2日中华人民共和国国务院令第709号公布　自公布之日起施行）

为依法推进简政放权、放管结合、优化服务改革，国务院对取消行政许可等涉及的行政法规进行了清理。经过清理，国务院决定：

一、对49部行政法规的部分条款予以修改。

二、对5部行政法规予以废止。

本决定自公布之日起施行。

附件：1.国务院决定修改的行政法规

2.国务院决定废止的行政法规

附件1

国务院决定修改的行政法规

一、将《示范管理条例》第二条第二款、第四条、第五条中的“工商行政管理部门”修改为“市场监督管理部门”。

删去第三条第一款第二项。

二、将《其他条例》第十条修改为：“其他。”

此外，对相关行政法规中的条文序号作相应调整。
"""


def test_a_state_council_decision_with_its_instructions_in_an_annex() -> None:
    # The form of 国务院令第709号: the decision's own points (对49部行政法规的部分条款予以
    # 修改) and the annex's headings are no instructions; the annex's are, act by act.
    reg = lawparse.amend(STATE_COUNCIL_BASE, STATE_COUNCIL_DECISION)
    assert _problems(reg) == []
    assert "工商行政管理部门" not in reg.source.text
    assert _article(reg, "第五条").startswith("违反本条例规定的，由市场监督管理部门责令改正")
    assert _article(reg, "第三条") == "有下列情形之一的，应当办理变更登记：（一）变更名称的；"
    (effective,) = [e for e in reg.events if e.kind is lawparse.EventKind.EFFECTIVE and e.targets]
    assert effective.date == dt.date(2019, 3, 2)
    instrument = lawparse.read_instrument(STATE_COUNCIL_DECISION)
    assert [op.act for op in instrument.operations] == ["《示范管理条例》"] * 2 + ["《其他条例》"]
    assert instrument.renumbers


def test_an_unread_clause_that_names_a_provision_is_reported() -> None:
    decision = STATE_COUNCIL_DECISION.replace("删去第三条第一款第二项。", "对第三条另作规定。")
    reg = lawparse.amend(STATE_COUNCIL_BASE, decision)
    assert _problems(reg) == ["LP401"]


def test_insert_a_chapter_moves_the_later_chapters_and_articles_up() -> None:
    # The form of 关于修改《中华人民共和国证券法》的决定: 增加一章，作为第六章：“第六章 ……”
    reg = _amend(
        "一、增加一章，作为第二章：“第二章　登记管理\n\n“第四条　示范单位应当办理登记。\n\n"
        "“第五条　登记机关应当公开登记信息。”\n二、条文顺序作相应调整。\n"
    )
    assert _problems(reg) == []
    assert [(c.label, c.title) for c in reg.chapters] == [
        ("第一章", "总则"),
        ("第二章", "登记管理"),
        ("第三章", "监督管理"),
    ]
    assert [a.label for a in reg.chapters[1].all_articles()] == ["第四条", "第五条"]
    assert _article(reg, "第四条") == "示范单位应当办理登记。"
    assert _article(reg, "第六条") == "县级以上人民政府卫生行政部门应当加强监督检查。"
    assert _labels(reg)[-1] == "第八条"


def test_insert_a_chapter_after_a_named_one() -> None:
    reg = _amend("一、在第一章后增加一章：“第二章　登记管理\n\n“第四条　示范单位应当办理登记。”\n")
    assert [c.title for c in reg.chapters] == ["总则", "登记管理", "监督管理"]
    assert [c.label for c in reg.chapters] == ["第一章", "第二章", "第三章"]


def test_delete_a_chapter_and_its_articles() -> None:
    reg = _amend("一、删去第二章。\n")
    assert _problems(reg) == []
    assert [c.label for c in reg.chapters] == ["第一章"]
    assert _labels(reg) == ["第一条", "第二条", "第三条"]


def test_a_chapter_the_act_does_not_have_is_reported() -> None:
    reg = _amend("一、在第五章后增加一章：“第六章　附则\n\n“第七条　本法由国务院解释。”\n")
    assert _problems(reg) == ["LP402"]


CITING = """中华人民共和国示范法

2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过

第一条 为了规范示范活动，制定本法。

第二条 本法适用于示范活动。

第三条 示范单位应当依照本法第五条的规定报告。

第四条 违反本法第二条、第三条规定的，依照本法第五条处罚；
违反《中华人民共和国行政处罚法》第五条的，依照该法处理。

第五条 处罚由主管部门依照本法第四条第一款决定。
"""


def test_citations_of_renumbered_articles_name_their_new_numbers() -> None:
    instruction = (
        "一、在第二条后增加一条，作为第三条：“第三条　示范单位应当登记。”\n"
        "二、条文顺序作相应调整。\n"
    )
    reg = lawparse.amend(CITING, HEADER + instruction)
    assert _article(reg, "第四条") == "示范单位应当依照本法第六条的规定报告。"
    # another act's 第五条 stays; this act's 第二条 did not move
    assert _article(reg, "第五条") == (
        "违反本法第二条、第四条规定的，依照本法第六条处罚；"
        "违反《中华人民共和国行政处罚法》第五条的，依照该法处理。"
    )
    assert _article(reg, "第六条") == "处罚由主管部门依照本法第五条第一款决定。"
    assert [r.unresolved for r in reg.references] == [None] * len(reg.references)


def test_citations_stay_when_nothing_is_renumbered() -> None:
    reg = lawparse.amend(CITING, HEADER + "一、将第一条修改为：“为了规范管理，制定本法。”\n")
    assert _article(reg, "第四条") == lawparse.parse(CITING).articles[3].text.replace("\n", "")


def test_merge_written_without_into_one_article() -> None:
    reg = _amend(
        "一、将第四条、第五条合并，作为第四条，修改为：“县级以上人民政府卫生行政部门应当加强"
        "监督检查，发现违法行为的，责令改正。”\n二、条文顺序作相应调整。\n"
    )
    assert _problems(reg) == []
    assert _article(reg, "第四条").endswith("发现违法行为的，责令改正。")
    assert _labels(reg)[-1] == "第五条"


def test_an_operation_right_after_a_quotation_is_read_too() -> None:
    reg = _amend(
        "一、将第二条第二款修改为：“国务院卫生健康主管部门负责监督管理。”"
        "增加一款作为第三款：“县级以上地方人民政府负责本行政区域的监督管理。”\n"
    )
    assert _problems(reg) == []
    assert _article(reg, "第二条") == (
        "本法适用于示范活动。国务院卫生健康主管部门负责监督管理。"
        "县级以上地方人民政府负责本行政区域的监督管理。"
    )


SECTIONED = """中华人民共和国示范法

2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过

第一章 总则

第一条 为了规范示范活动，制定本法。

第二章 管理

第一节 登记

第二条 示范单位应当登记。

第二节 检查

第三条 主管部门应当检查。

第三节 处罚

第四条 违反本法规定的，依法处罚。

第三章 附则

第五条 本法自2020年7月1日起施行。
"""


def _sectioned(instructions: str) -> lawparse.Regulation:
    header = HEADER
    return lawparse.amend(SECTIONED, header + instructions)


def _shape(reg: lawparse.Regulation) -> list[tuple[str, list[tuple[str, str | None, list[str]]]]]:
    return [
        (c.label, [(s.label, s.title, [a.label for a in s.articles]) for s in c.sections])
        for c in reg.chapters
    ]


def test_insert_a_section_moves_the_later_sections_up() -> None:
    reg = _sectioned(
        "一、在第二章中增加一节，作为第二节：“第二节　备案\n\n“第三条　示范单位应当备案。”\n"
        "二、条文顺序作相应调整。\n"
    )
    assert _problems(reg) == []
    assert _shape(reg)[1] == (
        "第二章",
        [
            ("第一节", "登记", ["第二条"]),
            ("第二节", "备案", ["第三条"]),
            ("第三节", "检查", ["第四条"]),
            ("第四节", "处罚", ["第五条"]),
        ],
    )


def test_delete_a_section_of_a_chapter() -> None:
    reg = _sectioned("一、删去第二章第二节。\n二、条文顺序作相应调整。\n")
    assert _problems(reg) == []
    assert _shape(reg)[1] == (
        "第二章",
        [("第一节", "登记", ["第二条"]), ("第二节", "处罚", ["第三条"])],
    )
    assert _labels(reg) == ["第一条", "第二条", "第三条", "第四条"]


def test_a_quoted_chapter_with_sections() -> None:
    reg = _sectioned(
        "一、增加一章，作为第三章：“第三章　法律责任\n\n“第一节　行政责任\n\n"
        "“第五条　违反本法的，依法处理。\n\n“第二节　刑事责任\n\n"
        "“第六条　构成犯罪的，依法追究刑事责任。”\n二、条文顺序作相应调整。\n"
    )
    assert _problems(reg) == []
    assert [c.title for c in reg.chapters] == ["总则", "管理", "法律责任", "附则"]
    assert _shape(reg)[2] == (
        "第三章",
        [("第一节", "行政责任", ["第五条"]), ("第二节", "刑事责任", ["第六条"])],
    )
    assert _labels(reg)[-1] == "第七条"
