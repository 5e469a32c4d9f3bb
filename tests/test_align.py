"""Bilingual texts and the alignment of a translation with its original."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import lawparse
from lawparse import EventKind
from lawparse.cli import main
from tests.helpers import CORPUS

BILINGUAL = CORPUS / "cn_en_constitution_bilingual.txt"


def test_bilingual_constitution_has_one_article_per_number() -> None:
    reg = lawparse.parse_file(BILINGUAL)
    assert (reg.language, reg.translation_language) == ("zh", "en")
    assert reg.title == "中华人民共和国宪法"
    assert [a.number for a in reg.articles] == list(range(1, 144))
    assert all(a.translation is not None for a in reg.articles)
    assert reg.article(80).translation is not None
    assert reg.article(80).translation.label == "Article 80"
    assert (len(reg.chapters), len(reg.sections)) == (4, 8)
    assert reg.chapters[0].translated_title == "General Principles"
    assert lawparse.render.text(reg) == BILINGUAL.read_text(encoding="utf-8")


def test_bilingual_constitution_events_are_read_once() -> None:
    reg = lawparse.parse_file(BILINGUAL)
    kinds = [(e.kind, e.date) for e in reg.events if e.about is None]
    d = dt.date
    assert kinds == [
        (EventKind.ADOPTED, d(1982, 12, 4)),
        (EventKind.PROMULGATED, d(1982, 12, 4)),
        (EventKind.EFFECTIVE, d(1982, 12, 4)),
        (EventKind.AMENDED, d(1988, 4, 12)),
        (EventKind.AMENDED, d(1993, 3, 29)),
        (EventKind.AMENDED, d(1999, 3, 15)),
        (EventKind.AMENDED, d(2004, 3, 14)),
        (EventKind.AMENDED, d(2018, 3, 11)),
    ]


def test_bilingual_constitution_aligns_one_to_one() -> None:
    alignment = lawparse.align(lawparse.parse_file(BILINGUAL))
    articles = alignment.articles()
    assert len(articles) == 143
    assert all(
        pair.first_label == f"第{lawparse.numbers.to_chinese(n)}条"
        and pair.second_label == f"Article {n}"
        for n, pair in enumerate(articles, start=1)
    )
    assert not [d for d in alignment.diagnostics if d.code == "LP301"]
    paragraphs = [p for p in alignment.pairs if p.level == "clause"]
    assert len(paragraphs) > 200


def test_align_two_documents_reports_every_unpaired_provision() -> None:
    english = lawparse.parse(
        "Article 1 One.\nArticle 2 Two:\n(1) a;\n(2) b.\nArticle 4 Four.", path="en.txt"
    )
    chinese = lawparse.parse(
        "第一条 一。\n第二条 二：\n（一）甲；\n（二）乙；\n（三）丙。\n第三条 三。", path="zh.txt"
    )
    alignment = lawparse.align(english, chinese)
    assert [(p.level, p.first_label, p.second_label) for p in alignment.pairs] == [
        ("article", "Article 1", "第一条"),
        ("clause", "paragraph 1", "paragraph 1"),
        ("article", "Article 2", "第二条"),
        ("clause", "paragraph 1", "paragraph 1"),
        ("item", "(1)", "（一）"),
        ("item", "(2)", "（二）"),
    ]
    assert sorted((d.code, d.message, d.path) for d in alignment.diagnostics) == [
        ("LP301", "Article 4 has no partner in the second text", "en.txt"),
        ("LP301", "第三条 has no partner in the first text", "zh.txt"),
        ("LP303", "（三） has no partner in the first text", "en.txt"),
    ]


def test_an_inserted_article_is_reported_not_misaligned() -> None:
    before = lawparse.parse("第二十一条 甲。\n第二十二条 丙。")
    after = lawparse.parse("第二十一条 甲。\n第二十一条之一 乙。\n第二十二条 丙。")
    alignment = lawparse.align(before, after)
    assert [(p.first_label, p.second_label) for p in alignment.articles()] == [
        ("第二十一条", "第二十一条"),
        ("第二十二条", "第二十二条"),
    ]
    assert [d.message for d in alignment.diagnostics] == [
        "第二十一条之一 has no partner in the first text"
    ]


def test_cli_align_json() -> None:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(["align", str(BILINGUAL), "--json"])
    finally:
        sys.stdout, sys.stderr = old
    assert status == 0
    document = json.loads(out.getvalue())
    assert sum(1 for pair in document["pairs"] if pair["level"] == "article") == 143
