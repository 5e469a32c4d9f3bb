"""Language knowledge is data: a new phrasing is one entry in a table of lawparse/languages/."""

from __future__ import annotations

import datetime as dt

import lawparse
from lawparse.languages import en, zh

ENGLISH = (
    "Guidelines on Testing\n"
    "Article 1 These Guidelines apply to tests.\n"
    "Article 2 These Guidelines shall come into force on May 1, 2024.\n"
)
CHINESE = "关于审理测试案件的会议纪要\n第一条 为了测试。\n第二条 本纪要自2024年1月1日起施行。\n"


def _effective(reg: lawparse.Regulation) -> list[dt.date | None]:
    return [e.date for e in reg.events if e.kind is lawparse.EventKind.EFFECTIVE]


def test_a_new_english_subject_is_one_table_entry() -> None:
    assert "These Guidelines" not in en.SUBJECTS
    assert _effective(lawparse.parse(ENGLISH)) == []
    tables = en.phrases(subjects=(*en.SUBJECTS, "These Guidelines"))
    reg = lawparse.parse(ENGLISH, english=tables)
    assert _effective(reg) == [dt.date(2024, 5, 1)]
    assert reg.status_on(dt.date(2024, 5, 1)) is lawparse.Status.IN_FORCE


def test_a_new_chinese_subject_is_one_table_entry() -> None:
    assert "本纪要" not in zh.SUBJECTS
    assert _effective(lawparse.parse(CHINESE)) == []
    tables = zh.phrases(subjects=(*zh.SUBJECTS, "本纪要"))
    assert _effective(lawparse.parse(CHINESE, chinese=tables)) == [dt.date(2024, 1, 1)]


def test_a_new_english_verb_is_one_table_entry() -> None:
    text = (
        "Rules on Testing\nArticle 1 These Rules apply.\n"
        "Article 2 These Rules shall be operative from May 1, 2024.\n"
    )
    assert _effective(lawparse.parse(text)) == []
    tables = en.phrases(effective_verbs=(*en.EFFECTIVE_VERBS, "be operative"))
    assert _effective(lawparse.parse(text, english=tables)) == [dt.date(2024, 5, 1)]


def test_one_chinese_numeral_class_reads_every_digit_and_unit() -> None:
    characters = zh.NUMERAL.strip("[]")
    assert "千" in characters and "两" in characters
    for character in characters:
        assert zh.parse_numeral(character) is not None or zh.DIGITS.get(character) == 0, character
    assert zh.parse_numeral("一千零五") == 1005


def test_the_chinese_mark_scan_finds_what_the_full_scan_finds_between_line_breaks() -> None:
    """zh.SCAN_MARKS is zh.SCAN without its line breaks (the scan of unwrapped text reads
    those apart): the same marks, spans and groups, on every Chinese text of the corpus."""
    from tests.helpers import CORPUS

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("cn_*.txt"))]
    texts.append("第一章 总则\r\n第二十一条之一 （一）(2)第3条；第十二节\n（十二）第一百零五编")
    for text in texts:
        full = [
            (m.span(), m.group("num", "unit", "sub", "pv"))
            for m in zh.SCAN.finditer(text)
            if m.group("nl") is None
        ]
        marks = [
            (m.span(), m.group("num", "unit", "sub", "pv")) for m in zh.SCAN_MARKS.finditer(text)
        ]
        assert marks == full
