"""Every entry point survives hostile input: huge, deep, repetitive, control characters."""

from __future__ import annotations

import pytest

from tests.helpers import assert_survives

# The sizes of the quality bar (50 MB on one line, 100,000 articles) run in
# benchmarks/scaling.py, which also reports time against size; these are the same inputs at
# a size the test suite can afford.


def test_megabytes_on_one_line() -> None:
    text = "Provisions on Testing\n" + " ".join(["the rule applies to every person"] * 100_000)
    assert len(text) > 3_000_000
    reg = assert_survives(text)
    assert reg is not None and reg.title == "Provisions on Testing"


def test_twenty_thousand_articles() -> None:
    text = "\n".join(f"Article {n} The rule number {n} applies." for n in range(1, 20_001))
    reg = assert_survives(text)
    assert reg is not None
    assert len(reg.articles) == 20_000
    assert reg.articles[-1].number == 20_000


def test_deeply_nested_items() -> None:
    text = (
        "Article 1 The list:\n(1) one:\n(a) letter:\n(i) roman:\n(A) capital:\n1. dotted;\n"
        "(B) capital;\n(ii) roman;\n(b) letter;\n(2) two.\nArticle 2 Text."
    )
    reg = assert_survives(text)
    assert reg is not None
    item = reg.articles[0].clauses[0].items[0]
    depth = 1
    while item.items:
        item, depth = item.items[0], depth + 1
    assert depth == 5


@pytest.mark.parametrize(
    "text",
    [
        "Article 1 " * 100_000,
        "(" * 1_000_000,
        ")" * 1_000_000,
        "1" * 1_000_000,
        "Article " * 100_000,
        "第一条 " * 100_000,
        "Chapter I " * 100_000,
        "(1) " * 100_000,
        "\n" * 1_000_000,
        "\r" * 1_000_000,
        "。" * 1_000_000,
        "Article 1 Text.\n" + "“" * 100_000,
        "(Adopted on " * 50_000,
        "February 30, 2023 " * 50_000,
        "2023年2月30日" * 50_000,
        "\x00" * 100_000,
        "Article 1 Text \x00\x01\x02 with control characters.",
    ],
    ids=lambda text: f"{text[:12]!r}x{len(text)}",
)
def test_adversarial_inputs_finish(text: str) -> None:
    assert_survives(text)
