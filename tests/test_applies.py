"""Article.applies and Clause.applies: when each provision applies by its text alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import lawparse

ROOT = Path(__file__).parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


def test_every_article_of_the_pudong_excerpt_starts_on_october_1_2023() -> None:
    reg = lawparse.parse_file(ROOT / "examples" / "en_sh_pudong_finance_lease_EXCERPT.txt")
    assert reg.articles
    for article in reg.articles:
        assert article.applies == lawparse.Period(start=dt.date(2023, 10, 1))
        assert all(clause.applies == article.applies for clause in article.clauses)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_applies_is_in_the_json_of_every_corpus_text(path: Path) -> None:
    reg = lawparse.parse_file(path)
    dumped = json.loads(reg.model_dump_json())
    assert all(p.applies is not None for p in reg.provisions)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("article", "point", "clause"):
                assert set(node["applies"]) >= {"start", "until"}
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(dumped)
    assert lawparse.Regulation.model_validate_json(reg.model_dump_json()) == reg


def test_a_provision_with_its_own_commencement_has_its_own_period() -> None:
    text = (
        "Measures on Testing\n"
        "Article 1 These Measures apply to tests.\n"
        "Article 2 Article 3 shall come into force on July 1, 2025.\n"
        "Article 3 Tests shall be recorded.\n"
        "Article 4 These Measures shall come into force on January 1, 2025.\n"
    )
    reg = lawparse.parse(text)
    starts = {a.number: a.applies.start if a.applies else None for a in reg.articles}
    assert starts == {
        1: dt.date(2025, 1, 1),
        2: dt.date(2025, 1, 1),
        3: dt.date(2025, 7, 1),
        4: dt.date(2025, 1, 1),
    }
    assert all(c.applies == reg.article(3).applies for c in reg.article(3).clauses)
    unresolved = lawparse.parse("某某办法\n第一条 甲。\n第二条 本办法自公布之日起施行。\n")
    period = unresolved.articles[0].applies
    assert period is not None and period.start is None and period.start_reason
