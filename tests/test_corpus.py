"""Every English text of the corpus against the facts read off it by hand (its .json)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

import lawparse
from lawparse import EventKind
from tests.helpers import CORPUS, corpus_documents

EVENT_LISTS = {
    "adoption": EventKind.ADOPTED,
    "promulgation": EventKind.PROMULGATED,
    "effective": EventKind.EFFECTIVE,
    "amendments": EventKind.AMENDED,
    "repeals": EventKind.REPEALED,
}

# Where a .json is wrong or ambiguous, the correction is made here, with the line that settles it.
OVERRIDES: dict[str, dict[str, Any]] = {
    # The .json gives "Finance Lease (Development)", merging the announcement's wording
    # ("...Promoting Finance Lease Development...") with the heading's; the title is the
    # heading line above the adoption note: "Several Provisions of Shanghai Municipality on
    # Promoting Finance Lease in Pudong New Area".
    # The .json adds "(2023 revision)" to tell this text from its other versions; the text's
    # first line, the title, is "中华人民共和国行政复议法".
    "cn_nat_admin_reconsideration_2023": {"title": "中华人民共和国行政复议法"},
    "en_sh_pudong_finance_lease_EXCERPT": {
        "title": "Several Provisions of Shanghai Municipality on Promoting Finance Lease in "
        "Pudong New Area"
    },
}

ENGLISH = corpus_documents("en")
CHINESE = corpus_documents("zh")


def _facts(doc_id: str, facts: dict[str, Any]) -> dict[str, Any]:
    return {**facts, **OVERRIDES.get(doc_id, {})}


def _assert_own_event_dates(
    reg: lawparse.Regulation, facts: dict[str, Any], key: str, kinds: set[EventKind]
) -> None:
    """The dates of this regulation's own events of ``kinds`` are those the .json lists."""
    expected = sorted(str(event.get("date")) for event in facts.get(key) or [])
    found = sorted(str(e.date) for e in reg.events if e.kind in kinds and e.about is None)
    assert found == expected, f"{key} events"


@pytest.mark.parametrize(("doc_id", "path", "facts"), ENGLISH, ids=[d[0] for d in ENGLISH])
def test_english_corpus_text(doc_id: str, path: Path, facts: dict[str, Any]) -> None:
    facts = _facts(doc_id, facts)
    reg = lawparse.parse_file(path)

    assert lawparse.render.text(reg) == path.read_text(encoding="utf-8")
    assert reg.language == "en"
    # For a partial text the .json counts complete articles: the last one of a text that
    # stops mid-sentence is not complete.
    complete = len(reg.articles) - (1 if reg.truncated and reg.articles else 0)
    assert complete == facts["article_count"]
    numbers = [article.number for article in reg.articles]
    assert numbers == list(range(1, len(numbers) + 1))
    if facts.get("chapter_count") is not None:
        assert len(reg.chapters) == facts["chapter_count"]
    if facts.get("section_count") is not None:
        assert len(reg.sections) == facts["section_count"]
    assert reg.title == facts["title"]

    for key, kind in EVENT_LISTS.items():
        _assert_own_event_dates(reg, facts, key, {kind})


@pytest.mark.parametrize(("doc_id", "path", "facts"), CHINESE, ids=[d[0] for d in CHINESE])
def test_chinese_corpus_text(doc_id: str, path: Path, facts: dict[str, Any]) -> None:
    facts = _facts(doc_id, facts)
    reg = lawparse.parse_file(path)

    assert lawparse.render.text(reg) == path.read_text(encoding="utf-8")
    assert reg.language == "zh"
    assert reg.title == facts["title"]
    assert len(reg.articles) == facts["article_count"]
    assert [(a.number, a.suffix) for a in reg.articles] == sorted(
        (a.number, a.suffix) for a in reg.articles
    )
    assert len(reg.chapters) == facts["chapter_count"]
    assert len(reg.sections) == facts["section_count"]

    for key, kind in EVENT_LISTS.items():
        if kind is EventKind.REPEALED:
            continue
        kinds = {kind, EventKind.REVISED} if kind is EventKind.AMENDED else {kind}
        _assert_own_event_dates(reg, facts, key, kinds)
    # The .json leaves a repeal's date null, as the text gives none; lawparse resolves
    # "同时废止" (repealed at the same time) to this act's entry into force, so only the
    # number of repealed acts is compared, and each repeal's date with the entry into force.
    repeals = [e for e in reg.events if e.kind is EventKind.REPEALED]
    assert len(repeals) == len(facts.get("repeals") or [])
    effective = [e.date for e in reg.events if e.kind is EventKind.EFFECTIVE and e.about is None]
    assert all(e.about and e.date in (effective[0] if effective else None,) for e in repeals)


def test_repealed_act_history_is_about_that_act() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_ha_water_works.txt")
    about = "《河南省水利工程管理条例》"
    history = [(e.kind, e.date) for e in reg.events if e.about == about]
    assert history == [
        (EventKind.ADOPTED, dt.date(1982, 4, 30)),
        (EventKind.PROMULGATED, dt.date(1982, 6, 2)),
        (EventKind.EFFECTIVE, dt.date(1982, 8, 1)),
        (EventKind.REPEALED, dt.date(1997, 10, 1)),
    ]
    own = [(e.kind, e.date) for e in reg.events if e.about is None and e.kind is EventKind.ADOPTED]
    assert own == [(EventKind.ADOPTED, dt.date(1997, 7, 25))]


def test_chinese_amendment_chain_on_one_line() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_ha_water_works.txt")
    amended = [e for e in reg.events if e.kind is EventKind.AMENDED]
    assert [(e.ordinal, e.date, e.session) for e in amended] == [
        (1, dt.date(2005, 3, 31), "第十五次会议"),
        (2, dt.date(2010, 7, 30), "第十六次会议"),
    ]
    assert amended[1].instrument == "《关于修改部分地方性法规的决定》"
    assert amended[1].body == "河南省第十一届人民代表大会常务委员会"


def test_flagship_run_on_excerpt() -> None:
    reg = lawparse.parse_file(CORPUS / "seed_pudong_finance_leasing_runon.txt")
    assert [article.number for article in reg.articles] == [1, 2, 3]
    assert reg.articles[0].text.startswith("In order to promote the high-quality development")
    assert reg.articles[0].text.endswith("actual conditions of Pudong New Area.")
    assert reg.articles[1].text == (
        "These Provisions shall apply to the promotion of development, management services and "
        "other activities of financial leasing companies whose domicile is in Pudong New Area."
    )
    assert reg.articles[2].text.startswith("The People's Government of Pudong New Area shall")
    adopted = [e for e in reg.events if e.kind is EventKind.ADOPTED]
    assert len(adopted) == 1
    assert adopted[0].date == dt.date(2023, 7, 25)
    assert adopted[0].session == "4th Session"
    assert adopted[0].body == "Standing Committee of the 16th Shanghai Municipal People's Congress"
    effective = [e for e in reg.events if e.kind is EventKind.EFFECTIVE]
    assert [e.date for e in effective] == [dt.date(2023, 10, 1)]
    assert reg.title == (
        "Provisions of Shanghai Municipality on Promoting the Development of Financial Leasing in "
        "Pudong New Area"
    )


def test_announcement_gives_the_promulgation_its_instrument_and_date() -> None:
    reg = lawparse.parse_file(CORPUS / "en_sh_pudong_finance_lease_EXCERPT.txt")
    (promulgated,) = [e for e in reg.events if e.kind is EventKind.PROMULGATED]
    assert promulgated.date == dt.date(2023, 7, 25)
    assert promulgated.instrument == "Announcement [16th] No.8"
    assert promulgated.body == "Standing Committee of Shanghai Municipal People's Congress"
    (adopted,) = [e for e in reg.events if e.kind is EventKind.ADOPTED]
    assert adopted.session == "4th Session"


def test_amendment_history_of_the_legislation_law() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_law_legislation_2023_chinadaily_npc.txt")
    amended = [e for e in reg.events if e.kind is EventKind.AMENDED]
    assert [(e.ordinal, e.date, e.session) for e in amended] == [
        (1, dt.date(2015, 3, 15), "Third Session"),
        (2, dt.date(2023, 3, 13), "First Session"),
    ]
    assert amended[0].instrument == (
        "Decision on Amending the Legislation Law of the People’s Republic of China"
    )
    assert amended[0].body == "Twelfth National People’s Congress"


def test_uk_commencement_is_resolved_against_royal_assent() -> None:
    reg = lawparse.parse_file(CORPUS / "uk_botox_fillers_children_act_2021.txt")
    effective = {e.provisions: e for e in reg.events if e.kind is EventKind.EFFECTIVE}
    assert effective["Section 5 and this section"].date == dt.date(2021, 4, 29)
    assert effective["Section 5 and this section"].relative_to is EventKind.ADOPTED
    appointed = effective["Sections 1 to 4"]
    assert appointed.date is None
    assert appointed.unresolved is not None and "appointed" in appointed.unresolved


def test_table_of_contents_stays_in_the_preface() -> None:
    reg = lawparse.parse_file(CORPUS / "cn_law_legislation_2000_chinaorg.txt")
    assert [(c.label, c.title) for c in reg.chapters] == [("Chapter I", "General Provisions")]
    assert "Chapter VI Supplementary" in reg.preface.of(reg.source.text)


def test_uk_inserted_sections_are_not_sections_of_the_act() -> None:
    reg = lawparse.parse_file(CORPUS / "uk_homelessness_reduction_act_2017.txt")
    assert [a.number for a in reg.articles] == list(range(1, 14))
    assert all(a.suffix == "" for a in reg.articles)
    assert "189AAssessments and personalised plan" in reg.article(3).text


SHARED_CORPUS = Path(
    os.environ.get("LAWPARSE_SHARED_CORPUS", Path(__file__).parents[2] / "shared" / "corpus")
)


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="no shared corpus beside this checkout")
def test_corpus_copy_is_in_sync_with_the_shared_corpus() -> None:
    stale = [
        shared.name
        for shared in sorted(SHARED_CORPUS.iterdir())
        if shared.is_file()
        and (CORPUS / shared.name).is_file()
        and (CORPUS / shared.name).read_bytes() != shared.read_bytes()
    ]
    assert not stale, f"tests/corpus is out of date for {stale}: copy them from the shared corpus"
