"""The layouts of English regulation text, one small text each, and the nodes they give."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import lawparse
from lawparse import Regulation


def _parse(text: str) -> Regulation:
    reg = lawparse.parse(text)
    assert lawparse.render.text(reg) == text
    return reg


def test_article_alone_on_its_line() -> None:
    reg = _parse("Provisions on Testing\n\nArticle 1\n\nThese apply.\n\nArticle 2\n\nThey end.")
    assert [(a.label, a.text) for a in reg.articles] == [
        ("Article 1", "These apply."),
        ("Article 2", "They end."),
    ]


@pytest.mark.parametrize(
    "heading_line",
    [
        "Article 1 (Purposes and Basis)",
        "Article 1(Purposes and Basis)",
        "Article 1 [Purposes and Basis]",
    ],
)
def test_article_caption(heading_line: str) -> None:
    reg = _parse(
        f"{heading_line}\nThese Provisions are formulated.\nArticle 2 (Scope)\nThey apply."
    )
    first, second = reg.articles
    assert (first.heading, first.text) == ("Purposes and Basis", "These Provisions are formulated.")
    assert second.heading == "Scope"


def test_article_with_colon() -> None:
    reg = _parse("Article 1: These apply.\nArticle 2: They end.")
    assert [a.number for a in reg.articles] == [1, 2]
    assert reg.articles[0].text == ": These apply."


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    text = (
        "Article 1 This Law is enacted in accordance with the\n"
        "Constitution with a view to standardizing legislation and\n"
        "establishing a sound legislative system of the State.\n"
        "Article 2 This Law shall be applicable to the enactment,\n"
        "revision and nullification of laws and administrative\n"
        "regulations, local regulations and separate regulations.\n"
        "The rules of the departments shall be formulated in\n"
        "accordance with the relevant provisions of this Law.\n"
    )
    reg = _parse(text)
    assert [len(a.clauses) for a in reg.articles] == [1, 2]
    assert reg.articles[1].clauses[1].text.startswith("The rules of the departments")


def test_chapters_and_sections() -> None:
    reg = _parse(
        "Chapter I General Provisions\nArticle 1 Text.\nChapter II Laws\nSection 1 Authority\n"
        "Article 2 Text.\nSection 2 Procedure\nArticle 3 Text.\nArticle 4 Text."
    )
    assert [(c.number, c.title) for c in reg.chapters] == [(1, "General Provisions"), (2, "Laws")]
    assert [(s.number, s.title) for s in reg.sections] == [(1, "Authority"), (2, "Procedure")]
    assert [a.eid for a in reg.articles] == [
        "chp_1__art_1",
        "chp_2__sec_1__art_2",
        "chp_2__sec_2__art_3",
        "chp_2__sec_2__art_4",
    ]


def test_chapter_heading_split_over_two_lines() -> None:
    reg = _parse("Chapter I\n\nGeneral Provisions\n\nArticle 1 Text.")
    assert reg.chapters[0].title == "General Provisions"


def test_items_and_sub_items() -> None:
    reg = _parse(
        "Article 1 The following acts are prohibited:\n(1) selling goods;\n"
        "(2) buying goods, including:\n(a) by post;\n(b) online;\n(3) storing goods.\n"
        "The second paragraph.\nArticle 2 Text."
    )
    first = reg.articles[0]
    assert len(first.clauses) == 2
    items = first.clauses[0].items
    assert [(i.label, i.number) for i in items] == [("(1)", 1), ("(2)", 2), ("(3)", 3)]
    assert [i.label for i in items[1].items] == ["(a)", "(b)"]
    assert items[1].items[0].eid == "art_1__para_1__item_2__subitem_1"
    assert items[0].text == "selling goods;"


def test_run_on_items_after_a_colon() -> None:
    reg = _parse("Article 1 Duties are as follows: (1) to plan; (2) to report. Article 2 Text.")
    assert [i.label for i in reg.articles[0].clauses[0].items] == ["(1)", "(2)"]


def test_dotted_items() -> None:
    reg = _parse("Article 1 The conditions are:\n1. a licence;\n2. a seal.\nArticle 2 Text.")
    assert [i.number for i in reg.articles[0].clauses[0].items] == [1, 2]


def test_roman_i_after_h_is_a_letter() -> None:
    letters = "abcdefghij"
    lines = "\n".join(f"({ch}) point {ch};" for ch in letters)
    reg = _parse(f"Article 1 The list:\n{lines}\nArticle 2 Text.")
    items = reg.articles[0].clauses[0].items
    assert [i.number for i in items] == list(range(1, 11))


def test_roman_sub_items_under_letters() -> None:
    reg = _parse("Article 1 The list:\n(a) one:\n(i) first;\n(ii) second;\n(b) two.\nArticle 2 T.")
    items = reg.articles[0].clauses[0].items
    assert [i.label for i in items] == ["(a)", "(b)"]
    assert [(i.label, i.number) for i in items[0].items] == [("(i)", 1), ("(ii)", 2)]


def test_decision_points_without_articles() -> None:
    reg = _parse(
        "Decision on Strengthening the Legal Guarantee\n(June 23, 2021)\n"
        "The following decision is made.\nI. The Government shall act.\n"
        "II. The Committee shall report.\nIII. This Decision takes effect on the date.\n"
    )
    assert reg.articles == ()
    assert [(p.label, p.number) for p in reg.points] == [("I.", 1), ("II.", 2), ("III.", 3)]
    assert "The following decision is made." in reg.preface.of(reg.source.text)


def test_page_furniture_is_kept_as_preface() -> None:
    text = (
        "Announcement the Standing Committee of Shanghai Municipal People's Congress\n"
        "[16th] No.8\nProvisions on Testing\nArticle 1 Text."
    )
    reg = _parse(text)
    assert reg.title == "Provisions on Testing"
    assert reg.preface.of(text).startswith("Announcement the Standing Committee")


def test_uk_sections_subsections_and_schedules() -> None:
    text = (
        "Testing Act 2030\n2030 CHAPTER 1\n\nAn Act to test.\n\n[1st May 2030]\n\n"
        "Be it enacted as follows:—\n1Duty to test\n\n(1)A person must test.\n\n"
        "(2)The test must be fair—\n\n(a)in England, and\n\n(b)in Wales.\n"
        "2Commencement\n\n(1)This section comes into force on the day on which this Act is "
        "passed.\n\n(2)Section 1 comes into force on such day as the Secretary of State may by "
        "regulations appoint.\nSCHEDULES\n\nSCHEDULE 1Tests\n\n1The tests are listed.\n"
    )
    reg = _parse(text)
    assert reg.title == "Testing Act 2030"
    assert [(a.label, a.heading) for a in reg.articles] == [
        ("1", "Duty to test"),
        ("2", "Commencement"),
    ]
    first = reg.articles[0]
    assert [(c.label, c.number) for c in first.clauses] == [("(1)", 1), ("(2)", 2)]
    assert [i.label for i in first.clauses[1].items] == ["(a)", "(b)"]
    assert [(s.label, s.title) for s in reg.schedules] == [("SCHEDULE 1", "Tests")]
    assert "SCHEDULES" not in reg.articles[-1].text


def test_truncated_text_is_flagged() -> None:
    assert _parse("Article 1 Complete.\nArticle 2 Stops in the midd").truncated
    assert not _parse("Article 1 Complete.\nArticle 2 Complete.").truncated


def test_json_round_trip() -> None:
    reg = _parse("Provisions on Testing\n(Adopted on July 25, 2023)\nArticle 1 Text.")
    assert Regulation.model_validate_json(lawparse.render.to_json(reg)) == reg


def _parse_in_a_new_process(cache_home: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import lawparse\n"
        "print([a.label for a in lawparse.parse('Article 1 One. Article 2 Two.').articles])\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


def test_the_grammar_cache_lives_in_the_users_cache_and_survives_damage(tmp_path: Path) -> None:
    first = _parse_in_a_new_process(tmp_path)
    assert first.stdout.strip() == "['Article 1', 'Article 2']", first.stderr
    (cached,) = (tmp_path / "lawparse").glob("structure-*.cache")
    assert (tmp_path / "lawparse").stat().st_mode & 0o077 == 0  # the user's alone
    cached.write_bytes(b"not a pickle")
    damaged = _parse_in_a_new_process(tmp_path)
    assert damaged.stdout.strip() == "['Article 1', 'Article 2']", damaged.stderr
    assert cached.read_bytes() != b"not a pickle"  # rebuilt


def test_without_a_writable_cache_folder_the_grammar_is_built_each_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    result = _parse_in_a_new_process(blocked)
    assert result.stdout.strip() == "['Article 1', 'Article 2']", result.stderr
    assert result.stderr == ""


def test_items_quoted_by_an_amending_item_get_a_scope_of_their_own() -> None:
    """The Homelessness Reduction Act 2017, s. 5(4): "(a) for subsection (1) substitute—
    \u201c(1) ... (a) ... (b) ...\u201d" quotes items that must not take the eIds of the
    amending provision's own (a) and (b); numbering that starts again inside one quotation is
    another quoted subsection."""
    text = (
        "Article 1\n\n(1)This Act amends.\n\n(2)In section 188 (interim duty)—\n\n"
        "(a)for subsection (1) substitute—\n\n"
        "\u201c(1)If the authority—\n\n(a)decide one thing, or\n\n(b)decide another.\n\n"
        "(1ZA)In any other \u201ccase\u201d—\n\n(a)first, and\n\n(b)second.\u201d;\n\n"
        "(b)in subsection (1A), omit the words.\n\nArticle 2 Other."
    )
    reg = _parse(text)
    clause = reg.article(1).clauses[1]
    outer = [(item.eid, item.label) for item in clause.items]
    assert outer == [("art_1__para_2__item_1", "(a)"), ("art_1__para_2__item_2", "(b)")]
    assert [item.eid for item in clause.items[0].items] == [
        "art_1__para_2__item_1__qstr_1__item_1",
        "art_1__para_2__item_1__qstr_1__item_2",
        "art_1__para_2__item_1__qstr_2__item_1",
        "art_1__para_2__item_1__qstr_2__item_2",
    ]
    assert clause.items[1].text == "in subsection (1A), omit the words."


@pytest.mark.parametrize(
    "text",
    [
        "# 上海市测试条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了测试。\n\n"
        "## 第二章 附则\n\n### 第一节 一般规定\n\n第二条 本条例施行。\n",
        "# Provisions on Testing\n\n## Chapter I General\n\nArticle 1 These apply.\n\n"
        "## Chapter II Supplementary\n\nArticle 2 They end.\n",
    ],
    ids=["zh", "en"],
)
def test_markdown_heading_marks_belong_to_their_headings(text: str) -> None:
    """The layout of the public collection of PRC law (LawRefBook) and of
    render.markdown: "# " before the title, "## " before chapters."""
    reg = _parse(text)
    assert reg.title is not None and not reg.title.startswith("#")
    assert [c.number for c in reg.chapters] == [1, 2]
    assert all("#" not in a.text for a in reg.articles)
