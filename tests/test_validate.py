"""validate(): the corpus is clean of errors; seeded defects are reported where they are."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawparse
from lawparse.validate import CODES, render_diagnostics, sarif, validate
from tests.helpers import CORPUS, assert_survives

TEXTS = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_corpus_has_no_errors(path: Path) -> None:
    diagnostics = validate(path.read_text(encoding="utf-8"), path=str(path))
    assert [d for d in diagnostics if d.severity == "error"] == []
    # See docs/diagnostics.md: LP213 in the two UK Acts is wording they insert into, or
    # describe of, another Act.
    allowed = {"LP105", "LP106"} | ({"LP213"} if path.stem in _CITING_ANOTHER_ACT else set())
    assert {d.code for d in diagnostics} <= allowed


_CITING_ANOTHER_ACT = {"uk_homelessness_reduction_act_2017", "uk_botox_fillers_children_act_2021"}


MARKET_EXIT = (CORPUS / "cn_sh_pudong_market_exit.txt").read_text(encoding="utf-8")
ENGLISH = (CORPUS / "sh_lr_ftz_regulations_2014_shftz.txt").read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_removed_article_is_a_gap() -> None:
    start = MARKET_EXIT.index("第五条")
    end = MARKET_EXIT.index("第六条")
    damaged = MARKET_EXIT[:start] + MARKET_EXIT[end:]
    (gap,) = [d for d in validate(damaged) if d.code == "LP201"]
    assert gap.span is not None
    assert damaged[gap.span.start :].startswith("第六条")


def test_duplicated_article() -> None:
    start = MARKET_EXIT.index("第五条")
    end = MARKET_EXIT.index("第六条")
    damaged = MARKET_EXIT[:end] + MARKET_EXIT[start:end] + MARKET_EXIT[end:]
    (duplicate,) = [d for d in validate(damaged) if d.code == "LP202"]
    assert duplicate.severity == "error"
    assert duplicate.span is not None and duplicate.span.start == end


def test_swapped_dates() -> None:
    damaged = MARKET_EXIT.replace("2021年9月28日", "2021年12月28日", 1)
    (problem,) = [d for d in validate(damaged) if d.code == "LP102"]
    assert problem.span is not None
    assert "2021-11-01" in problem.message and "2021-12-28" in problem.message


def test_impossible_date_points_at_it() -> None:
    damaged = ENGLISH.replace("July 25, 2014", "February 30, 2014")
    (problem,) = [d for d in validate(damaged, path="ftz.txt") if d.code == "LP101"]
    assert problem.span is not None
    assert damaged[problem.span.start : problem.span.end] == "February 30, 2014"
    rendered = render_diagnostics([problem], damaged)
    assert rendered.startswith(f"ftz.txt:{_line_of(damaged, 'February 30')}:")
    assert "^" in rendered


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "LP001"),
        ("hello world", "LP002"),
        (
            "Chapter I General\nArticle 1 One.\nChapter II Empty\nChapter III Rest\nArticle 2 T.",
            "LP206",
        ),
        ("Chapter I General\nArticle 1 One.\nChapter 2 Rest\nArticle 2 Two.", "LP204"),
        (
            "Article 1 Text.\nArticle 2 As provided in Article 45, it applies.\nArticle 3 Text.",
            "LP209",
        ),
        (
            "Article 1 Text.\nArticle 2 These Provisions shall come into force on March 1, 2024 "
            "and shall be valid until January 31, 2024.",
            "LP104",
        ),
        (
            "某某条例\n第一条 甲。\n第二条 本条例自2020年1月1日起施行。本条例同时废止。",
            "LP210",
        ),
        (
            "第一条 为了规范本市的管理工作，保障各方的合法权益，制定本条例。\n"
            "This paragraph is written in English.\n第二条 本条例适用于本市行政区域内的管理活动。",
            "LP211",
        ),
        ("Article 1 Text.\nArticle 1 Again.\nArticle 2 T.", "LP202"),
        (
            "Provisions on Testing\nThe municipal government shall supervise the market and "
            "punish every violation of these rules.\nArticle 2 Text.\nArticle 3 T.",
            "LP212",
        ),
        ("Article 1 The list:\n(1) one;\n(3) three;\n(2) two.\nArticle 2 Text.", "LP203"),
        (
            "Article 1 The list:\n"
            + "\n".join(f"({c}) point;" for c in "abcdefghi")
            + "\nArticle 2 Text.",
            "LP205",
        ),
        ("Article 1 Text.\nArticle 2\nArticle 3 Text.", "LP207"),
    ],
    ids=[
        "empty",
        "no-structure",
        "empty-chapter",
        "item-style",
        "missing-target",
        "expiry",
        "self-repeal",
        "language",
        "duplicate",
        "stray-preface",
        "out-of-order",
        "i-after-h",
        "empty-article",
    ],
)
def test_codes(text: str, code: str) -> None:
    assert code in [d.code for d in validate(text)]
    assert code in CODES


def test_every_code_is_documented() -> None:
    documented = set(
        re.findall(
            r"^\| (LP\d{3}) ",
            (Path(__file__).parents[1] / "docs" / "diagnostics.md").read_text(),
            re.M,
        )
    )
    assert set(CODES) == documented


def test_sarif_lists_every_code_as_a_rule() -> None:
    log: dict[str, Any] = sarif([])
    rules = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules == set(CODES)
    assert {"LP301", "LP302", "LP303"} <= rules


def test_every_code_a_diagnostic_can_carry_is_catalogued() -> None:
    """The codes written in the source (rules, the pipeline, alignment) are all in CODES."""
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (Path(__file__).parents[1] / "lawparse").rglob("*.py")
    )
    assert set(re.findall(r'"(LP\d{3})"', source)) <= set(CODES)


def test_sarif_log_shape() -> None:
    text = "Article 1 Text.\nArticle 1 Again."
    log: dict[str, Any] = sarif([("a.txt", text, validate(text))])
    assert log["version"] == "2.1.0"
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "LP202")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 1)
    assert json.dumps(log)


def test_collect_keeps_every_character_of_a_damaged_document() -> None:
    text = "Provisions\n(Adopted on February 30, 2023)\nArticle 1 Text.\nArticle 2 More."
    reg = lawparse.parse(text, errors="collect")
    assert [a.number for a in reg.articles] == [1, 2]
    assert [d.code for d in reg.diagnostics] == ["LP101"]
    assert lawparse.render.text(reg) == text
    with pytest.raises(lawparse.InvalidDateError):
        lawparse.parse(text)


_PIECES = st.sampled_from(
    [
        "Article ",
        "第",
        "条 ",
        "Chapter II ",
        "(1) ",
        "（一）",
        "\n",
        "\r\n",
        " ",
        "。",
        ". ",
        "February 30, 2023",
        "2023年2月30日",
        "shall come into force on ",
        "同时废止",
        "《甲》",
        "\x00",
        "Section 1 ",
        "1",
        "12",
        "I. ",
        "“",
        "”",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_validate_and_collect_never_raise(text: str) -> None:
    assert all(d.code in CODES for d in validate(text))
    assert_survives(text)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_corpus_texts(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from([MARKET_EXIT, ENGLISH]))
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=min(len(text), start + 200)))
    insert = data.draw(st.text(max_size=20) | _PIECES)
    assert_survives(text[:start] + insert + text[end:])
