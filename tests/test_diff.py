"""lawparse.diff: provisions aligned by wording across two versions, formatting ignored."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import lawparse
from lawparse.comparison import Diff, normalise, render_diff
from lawparse.languages import en, zh
from lawparse.testing import ArticleSpec, Layout, ParagraphSpec, RegulationSpec, random_spec, render
from tests.test_cli import run

AMENDMENTS = Path(__file__).parent / "amendments"
SHARED_AMENDMENTS = Path(__file__).parents[2] / "shared" / "amendments"
TRIPLE = AMENDMENTS / "npc2023_criminal_law_amendment_12"


def _edits(found: Diff) -> list[tuple[str, str | None, str | None]]:
    return [(edit.kind, edit.old_label, edit.new_label) for edit in found.edits]


def _chinese(*bodies: str) -> str:
    return "".join(f"{zh.article_label(n)} {body}\n" for n, body in enumerate(bodies, 1))


BODIES = (
    "为了规范管理，制定本条例。",
    "本条例适用于本市。",
    "市人民政府负责实施。",
    "有关部门按照职责做好工作。",
    "违反本条例的，依法处理。",
    "本条例自2020年1月1日起施行。",
)


# The Criminal Law before and after Amendment XII ---------------------------------------------


def test_the_criminal_law_amendment_changes_exactly_its_seven_articles() -> None:
    facts = json.loads((AMENDMENTS / f"{TRIPLE.name}.json").read_text(encoding="utf-8"))
    base = lawparse.parse_file(TRIPLE / "base.txt")
    after = lawparse.parse_file(TRIPLE / "after.txt")
    found = lawparse.diff(base, after)
    expected = [("changed", c["base"], c["after"]) for c in facts["changed_articles"]]
    assert _edits(found) == expected
    assert [label for _, label, _ in expected] == [
        "第一百六十五条",
        "第一百六十六条",
        "第一百六十九条",
        "第三百八十七条",
        "第三百九十条",
        "第三百九十一条",
        "第三百九十三条",
    ]
    paragraphs = {e.old_label: (e.old_paragraphs, e.new_paragraphs) for e in found.edits}
    # 第一款 replaced, 第二款 kept; 第一百六十九条 gains a 第二款 and keeps its first.
    assert paragraphs["第三百八十七条"] == paragraphs["第三百九十一条"] == ((1,), (1,))
    assert paragraphs["第一百六十九条"] == ((), (2,))
    assert all(e.old == e.new for e in found.edits)


def test_a_compilers_footnote_after_an_article_is_not_an_edit() -> None:
    """The after text's "① 刑法、历次刑法修正案……" after 第四百五十二条 is the compiler's, as is a
    note 注： closing an article; neither is the act's wording."""
    old = _chinese(*BODIES)
    for note in ("① 本条例的施行日期依据各法律所规定的施行日期确定。", "注：本条第二款已失效。"):
        assert lawparse.diff(old, old + f"\n{note}\n").edits == ()
    assert lawparse.diff(old, old + "\n本条例由市人民政府负责解释。\n").edits[0].kind == "changed"


@pytest.mark.skipif(
    not SHARED_AMENDMENTS.is_dir(), reason="no shared amendments beside this checkout"
)
def test_amendment_copies_are_in_sync() -> None:
    shared = sorted(p.relative_to(SHARED_AMENDMENTS) for p in SHARED_AMENDMENTS.rglob("*.*"))
    copies = sorted(p.relative_to(AMENDMENTS) for p in AMENDMENTS.rglob("*.*"))
    assert copies == shared
    stale = [
        str(p)
        for p in shared
        if (SHARED_AMENDMENTS / p).read_bytes() != (AMENDMENTS / p).read_bytes()
    ]
    assert not stale, f"tests/amendments is out of date for {stale}"


# Insertions, deletions and moves -------------------------------------------------------------


def test_an_inserted_article_renumbers_the_rest_instead_of_changing_them() -> None:
    old = _chinese(*BODIES)
    new = _chinese(*BODIES[:3], "区县人民政府协助实施。", *BODIES[3:])
    assert _edits(lawparse.diff(old, new)) == [
        ("added", None, "第四条"),
        ("renumbered", "第四条", "第五条"),
        ("renumbered", "第五条", "第六条"),
        ("renumbered", "第六条", "第七条"),
    ]


def test_a_deleted_article_renumbers_the_rest() -> None:
    found = lawparse.diff(_chinese(*BODIES), _chinese(*BODIES[:1], *BODIES[2:]))
    assert [(e.kind, e.old, e.new) for e in found.edits] == [
        ("removed", "art_2", None),
        ("renumbered", "art_3", "art_2"),
        ("renumbered", "art_4", "art_3"),
        ("renumbered", "art_5", "art_4"),
        ("renumbered", "art_6", "art_5"),
    ]


def test_a_moved_and_edited_article_is_changed_under_both_eids() -> None:
    edited = BODIES[4].replace("依法处理", "依法从重处理")
    found = lawparse.diff(
        _chinese(*BODIES),
        _chinese("本条例所称企业，是指本市企业。", *BODIES[:4], edited, BODIES[5]),
    )
    assert [(e.kind, e.old, e.new) for e in found.edits] == [
        ("added", None, "art_1"),
        *[("renumbered", f"art_{n}", f"art_{n + 1}") for n in range(1, 5)],
        ("changed", "art_5", "art_6"),
        ("renumbered", "art_6", "art_7"),
    ]
    assert found.edits[5].old_text == BODIES[4] and found.edits[5].new_text == edited


def test_an_article_moved_elsewhere_unchanged_is_renumbered() -> None:
    found = lawparse.diff(
        _chinese(*BODIES), _chinese(BODIES[0], *BODIES[2:5], BODIES[1], BODIES[5])
    )
    assert sorted((e.kind, e.old, e.new) for e in found.edits) == [
        ("renumbered", "art_2", "art_5"),
        ("renumbered", "art_3", "art_2"),
        ("renumbered", "art_4", "art_3"),
        ("renumbered", "art_5", "art_4"),
    ]


def test_an_article_restated_under_its_own_number_is_changed_however_different() -> None:
    found = lawparse.diff(
        _chinese(*BODIES),
        _chinese(*BODIES[:2], "对违法行为，任何单位和个人有权举报。", *BODIES[3:]),
    )
    assert _edits(found) == [("changed", "第三条", "第三条")]


def test_english_texts_and_headings() -> None:
    old = "Article 1 (Purpose) These rules apply.\nArticle 2 They take effect today."
    assert lawparse.diff(old, old.replace("(Purpose)", "(Aim)")).edits[0].kind == "changed"
    inserted = old.replace("Article 2", "Article 2 Nothing else applies.\nArticle 3")
    assert [(e.kind, e.old, e.new) for e in lawparse.diff(old, inserted).edits] == [
        ("added", None, "art_2"),
        ("renumbered", "art_2", "art_3"),
    ]


def test_points_of_a_decision_are_compared() -> None:
    old = "\n".join(
        (
            "关于修改某条例的决定",
            "一、将第五条修改为：“甲。”",
            "二、删去第六条。",
            "三、本决定施行。",
        )
    )
    found = lawparse.diff(old, old.replace("删去第六条", "删去第七条"))
    assert [(e.kind, e.old, e.new) for e in found.edits] == [("changed", "point_2", "point_2")]


# Formatting is not an edit -------------------------------------------------------------------

FORMATTING = {
    "whitespace": ("第一条 本条例适用于本市。", "第一条\u3000本条例适用于 本市。\n\n"),
    "full-width punctuation": (
        "第一条 依照本条例，（一）甲；（二）乙：丙。",
        "第一条 依照本条例,(一)甲;(二)乙:丙。",
    ),
    "full-width digits": ("第一条 自2020年1月1日起施行。", "第一条 自２０２０年１月１日起施行。"),
    "quotes": ("第一条 本条例所称“企业”、‘单位’。", "第一条 本条例所称\"企业\"、'单位'。"),
    "circle for zero": ("第一条 二○二○年一月一日起施行。", "第一条 二〇二〇年一月一日起施行。"),
    "English spacing": (
        "Article 1 These rules\napply ,  today.",
        "Article 1 These rules apply, today.",
    ),
    "line endings": ("Article 1 One.\nArticle 2 Two.", "Article 1 One.\r\n\r\nArticle 2 Two.\r\n"),
}


@pytest.mark.parametrize(("old", "new"), FORMATTING.values(), ids=FORMATTING.keys())
def test_formatting_only_differences_are_no_edits(old: str, new: str) -> None:
    assert normalise(old) == normalise(new)
    assert lawparse.diff(old, new).edits == ()


def test_words_still_count_in_english() -> None:
    assert normalise("in to") != normalise("into")
    assert (
        lawparse.diff("Article 1 Go in to it.", "Article 1 Go into it.").edits[0].kind == "changed"
    )


# Generated regulations, edited at random ------------------------------------------------------


def _sentence(rng: random.Random, language: str) -> str:
    words = [rng.choice(_vocabulary(language).SAMPLE_WORDS) for _ in range(8)]
    if language == en.CODE:
        return " ".join(words).capitalize() + "."
    return "".join(words) + "。"


def _vocabulary(language: str) -> ModuleType:
    return en if language == en.CODE else zh


def _reworded(article: ArticleSpec, word: str) -> ArticleSpec:
    """The article with a word added at the end of its first sentence."""
    first = article.paragraphs[0]
    sentence = first.sentences[0]
    space = " " if article.language == en.CODE else ""
    sentences = (f"{sentence[:-1]}{space}{word}{sentence[-1]}", *first.sentences[1:])
    return replace(
        article, paragraphs=(replace(first, sentences=sentences), *article.paragraphs[1:])
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    language=st.sampled_from([en.CODE, zh.CODE]),
    head=st.sampled_from(["inline", "alone", "caption"]),
    run_on=st.booleans(),
    data=st.data(),
)
def test_random_article_operations_are_found_exactly(
    seed: int, language: str, head: str, run_on: bool, data: st.DataObject
) -> None:
    rng = random.Random(seed)
    spec = random_spec(rng, language, max_articles=10)
    articles = spec.articles
    assume(len({normalise(a.text) for a in articles}) == len(articles))
    # What happens to each article, and how many new ones come before it (the last slot is
    # after the last article). An insertion and a deletion with no unchanged article between
    # them are ambiguous (one article rewritten, or one deleted and one inserted), so a
    # stretch of articles that loses one gains none.
    operations = data.draw(
        st.lists(
            st.sampled_from(["keep", "edit", "delete"]),
            min_size=len(articles),
            max_size=len(articles),
        )
    )
    inserts = data.draw(
        st.lists(st.integers(0, 2), min_size=len(articles) + 1, max_size=len(articles) + 1)
    )
    stretch: list[int] = []
    deleting = False
    for index in range(len(articles) + 1):
        stretch.append(index)
        deleting = deleting or (index < len(articles) and operations[index] == "delete")
        if index == len(articles) or operations[index] == "keep":
            for slot in stretch if deleting else ():
                inserts[slot] = 0
            stretch, deleting = [], False
    word = data.draw(st.sampled_from(_vocabulary(language).SAMPLE_WORDS))

    expected: list[tuple[str, int | None, int | None]] = []
    number = 0

    def place(article: ArticleSpec) -> ArticleSpec:
        nonlocal number
        number += 1
        return replace(article, number=number)

    def rebuild(group: tuple[ArticleSpec, ...]) -> tuple[ArticleSpec, ...]:
        built: list[ArticleSpec] = []
        for article in group:
            index = article.number - 1
            for _ in range(inserts[index]):
                paragraph = ParagraphSpec((_sentence(rng, language),), (), language)
                built.append(place(ArticleSpec(0, (paragraph,), None, language)))
                expected.append(("added", None, built[-1].number))
            if operations[index] == "delete":
                expected.append(("removed", article.number, None))
                continue
            changed = _reworded(article, word) if operations[index] == "edit" else article
            built.append(place(changed))
            if changed is not article:
                expected.append(("changed", article.number, built[-1].number))
            elif article.number != built[-1].number:
                expected.append(("renumbered", article.number, built[-1].number))
        if group and group[-1] is articles[-1]:
            for _ in range(inserts[-1]):
                paragraph = ParagraphSpec((_sentence(rng, language),), (), language)
                built.append(place(ArticleSpec(0, (paragraph,), None, language)))
                expected.append(("added", None, built[-1].number))
        return tuple(built)

    if spec.chapters:
        chapters = tuple(replace(c, articles=rebuild(c.articles)) for c in spec.chapters)
        assume(all(c.articles for c in chapters))
        new_spec: RegulationSpec = replace(spec, chapters=chapters)
    else:
        new_spec = replace(spec, loose_articles=rebuild(spec.loose_articles))
    assume(new_spec.articles)

    layout = Layout(head=head, run_on=run_on)
    old_text, _ = render(spec, layout)
    # The new version is written with other line breaks, which must not matter.
    new_text, _ = render(new_spec, replace(layout, crlf=True, blank_lines=True))
    old, new = lawparse.parse(old_text), lawparse.parse(new_text)
    assert [a.number for a in new.articles] == [a.number for a in new_spec.articles]
    old_numbers = {a.eid: a.number for a in old.articles}
    new_numbers = {a.eid: a.number for a in new.articles}
    found = [
        (e.kind, old_numbers.get(e.old or ""), new_numbers.get(e.new or ""))
        for e in lawparse.diff(old, new).edits
    ]
    assert sorted(found, key=repr) == sorted(expected, key=repr)


# Side by side and the command line -----------------------------------------------------------


def test_side_by_side_marks_the_changed_words() -> None:
    found = lawparse.diff(
        "Article 1 Fines of ten yuan apply.", "Article 1 Fines of twenty yuan apply."
    )
    plain = render_diff(found, width=80)
    assert "[-ten-]" in plain and "{+twenty+}" in plain and "\x1b[" not in plain
    styled = render_diff(found, width=80, styled=True)
    assert "\x1b[" in styled and "[-" not in styled and "twenty" in styled
    assert render_diff(lawparse.diff("Article 1 One.", "Article 1 One.")).strip() == "no edits"


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_chinese(*BODIES), encoding="utf-8")
    new.write_text(
        _chinese(*BODIES[:2], BODIES[2].replace("负责", "统一负责"), *BODIES[4:]), encoding="utf-8"
    )
    return old, new


def test_cli_json_lists_the_edits(versions: tuple[Path, Path]) -> None:
    status, out, _ = run(["diff", *map(str, versions), "--json"])
    assert status == 0
    assert json.loads(out) == [
        {"kind": "changed", "old": "art_3", "new": "art_3"},
        {"kind": "removed", "old": "art_4", "new": None},
        {"kind": "renumbered", "old": "art_5", "new": "art_4"},
        {"kind": "renumbered", "old": "art_6", "new": "art_5"},
    ]


def test_cli_shows_the_versions_side_by_side(versions: tuple[Path, Path]) -> None:
    status, out, _ = run(["diff", *map(str, versions)])
    assert status == 0
    assert "{+统一+}" in out and "第四条 (removed)" in out and "第五条 (renumbered)" in out
    status, out, _ = run(["diff", str(versions[0]), str(versions[0])])
    assert (status, out.strip()) == (0, "no edits")


def test_cli_usage_errors(versions: tuple[Path, Path], tmp_path: Path) -> None:
    assert run(["diff", str(versions[0])])[0] == 2
    status, _, err = run(["diff", str(versions[0]), str(tmp_path / "missing.txt")])
    assert status == 2 and "cannot read" in err
    status, _, err = run(["diff", str(versions[0]), str(tmp_path)])
    assert status == 2 and "not directories" in err


def test_diff_accepts_texts_and_models_alike() -> None:
    old, new = _chinese(*BODIES), _chinese(*BODIES[:5])
    assert lawparse.diff(old, new) == lawparse.diff(lawparse.parse(old), lawparse.parse(new))
    assert isinstance(lawparse.Diff, type) and "diff" in lawparse.__all__


def test_diff_stays_the_function_after_its_module_is_imported() -> None:
    import lawparse.diff

    assert callable(lawparse.diff) and lawparse.diff.__module__ == "lawparse.diff"
