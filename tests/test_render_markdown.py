"""Markdown: the LawRefBook layout for Chinese, a plain form for English, and the round trip
``parse(markdown(reg))`` on every corpus text (same articles, same texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawparse

TESTS = Path(__file__).parent
TEXTS = sorted([*(TESTS / "corpus").glob("*.txt"), *(TESTS / "realtext").glob("*.txt")])


def _provisions(reg: lawparse.Regulation) -> list[tuple[str, int, str, str]]:
    return [
        (p.type, p.number, getattr(p, "suffix", ""), " ".join(p.text.split()))
        for p in reg.provisions
    ]


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_markdown_round_trip(path: Path) -> None:
    reg = lawparse.parse_file(path, errors="collect")
    back = lawparse.parse(lawparse.render.markdown(reg), errors="collect")
    assert back.title == reg.title
    assert _provisions(back) == _provisions(reg)
    assert [(c.number, c.title) for c in back.chapters] == [
        (c.number, c.title) for c in reg.chapters
    ]


def test_chinese_layout() -> None:
    reg = lawparse.parse_file(TESTS / "corpus" / "cn_nat_admin_reconsideration_2023.txt")
    lines = lawparse.render.markdown(reg).split("\n\n")
    assert lines[0] == f"# {reg.title}"
    assert lines[1].startswith("1999")  # the dated notes, one per paragraph
    assert "<!-- INFO END -->" in lines
    chapter = reg.chapters[0]
    assert f"## {chapter.label} {chapter.title}" in lines
    assert any(line.startswith(reg.articles[0].label) for line in lines)


def test_english_layout() -> None:
    reg = lawparse.parse_file(TESTS / "corpus" / "seed_pudong_finance_leasing_runon.txt")
    out = lawparse.render.markdown(reg)
    assert f"# {reg.title}" in out.split("\n\n")
    assert "<!-- INFO END -->" not in out
    # The run-on articles each start a paragraph.
    assert all(f"\n\n{a.label} " in out for a in reg.articles)
