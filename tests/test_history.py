"""The history of a provision: its successive wordings across the versions of a work, from
the corpus, from the index, and on the command line."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import lawparse
from lawparse.collection.corpus import Corpus
from lawparse.collection.index import Index, index_files
from lawparse.collection.store import (
    AmbiguousWork,
    ProvisionWording,
    VersionText,
    successive_wordings,
)
from lawparse.model import Bound, Period
from tests.test_cli import run

D = dt.date
HERE = Path(__file__).parent
TRIPLE = HERE / "amendments" / "npc2023_criminal_law_amendment_12"
PARKS = HERE / "history"

# The articles 刑法修正案（十二） rewrites (its items 一 to 七); it renumbers nothing.
TOUCHED = (165, 166, 169, 387, 390, 391, 393)
# The after text names the amendment adopted on 2023-12-29 but states no date for its entry
# into force; the amendment itself says "本修正案自2024年3月1日起施行".
ADOPTED, EFFECTIVE = D(2023, 12, 29), D(2024, 3, 1)
# The base's last amendment is 修正案（十一）, adopted 2020-12-26, not in the folder.
BASE_WORDING = D(2020, 12, 26)


@pytest.fixture(scope="module")
def criminal_law() -> Corpus:
    """Base, amendment and after text: the folder as given."""
    return Corpus.from_paths([TRIPLE])


@pytest.fixture(scope="module")
def without_amendment(criminal_law: Corpus) -> Corpus:
    pairs = [
        (reg, path)
        for reg, path in zip(criminal_law.regulations, criminal_law.paths, strict=True)
        if not path.endswith("amendment.txt")
    ]
    return Corpus([reg for reg, _ in pairs], paths=[path for _, path in pairs])


@pytest.fixture(scope="module")
def criminal_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    index = Index(tmp_path_factory.mktemp("history") / "laws.db")
    files = sorted(map(str, TRIPLE.glob("*.txt")))
    assert {outcome for _, outcome in index_files(index, files)} == {"indexed"}
    return index


def _spans(wordings: list[ProvisionWording]) -> list[tuple[str, D | None, D | None]]:
    return [(Path(w.path).name, w.start, w.until) for w in wordings]


def test_the_touched_articles_keep_their_eids_across_versions(criminal_law: Corpus) -> None:
    base, after = (criminal_law.regulations[criminal_law.paths.index(str(TRIPLE / name))]
                   for name in ("base.txt", "after.txt"))  # fmt: skip
    assert base.article(165).eid == after.article(165).eid == "part_2__chp_3__sec_3__art_165"
    assert after.article(390).eid == "part_2__chp_8__art_390"
    assert after.article(1).eid == "part_1__chp_1__art_1"


@pytest.mark.parametrize("number", TOUCHED)
def test_a_touched_article_has_two_wordings_the_second_from_the_entry_into_force(
    criminal_law: Corpus, without_amendment: Corpus, number: int
) -> None:
    wordings = criminal_law.history(f"art_{number}")
    assert _spans(wordings) == [
        ("base.txt", BASE_WORDING, EFFECTIVE),
        ("after.txt", EFFECTIVE, None),
    ]
    after = lawparse.parse_file(TRIPLE / "after.txt").article(number)
    assert wordings[1].text == after.text and wordings[1].eid == after.eid
    assert wordings[0].text != wordings[1].text
    # Without the instrument, the after text dates its wording by the amendment's adoption.
    assert _spans(without_amendment.history(f"art_{number}")) == [
        ("base.txt", BASE_WORDING, ADOPTED),
        ("after.txt", ADOPTED, None),
    ]


def test_only_the_touched_articles_change(criminal_law: Corpus) -> None:
    after = lawparse.parse_file(TRIPLE / "after.txt")
    changed = {
        article.eid.rsplit("__", 1)[-1]
        for article in after.articles
        if len(criminal_law.history(article.eid)) == 2
    }
    # The after text's editorial footnote (① 刑法、历次刑法修正案……) after the last paragraph
    # of 第四百五十二条 is the compiler's, not a new wording of that article.
    assert changed == {f"art_{number}" for number in TOUCHED}
    assert all(len(criminal_law.history(article.eid)) in (1, 2) for article in after.articles)
    assert _spans(criminal_law.history("art_1")) == [("base.txt", BASE_WORDING, None)]


def test_the_amending_instrument_dates_the_version_for_every_query(criminal_law: Corpus) -> None:
    title = lawparse.parse_file(TRIPLE / "base.txt").title
    assert title is not None
    before, on = criminal_law.as_of(title, D(2024, 2, 29)), criminal_law.as_of(title, EFFECTIVE)
    assert before is not None and Path(before.source.path or "").name == "base.txt"
    assert on is not None and Path(on.source.path or "").name == "after.txt"


@pytest.mark.parametrize(
    "eid", ["art_1", "art_165", "part_2__chp_8__art_390", "art_133_1", "point_8", "art_999"]
)
def test_the_index_answers_as_the_corpus(
    criminal_law: Corpus, criminal_index: Index, eid: str
) -> None:
    assert criminal_index.history(eid) == criminal_law.history(eid)


def test_the_index_is_a_store_with_history(criminal_index: Index) -> None:
    title = lawparse.parse_file(TRIPLE / "base.txt").title
    assert criminal_index.history("art_165", title=title) == criminal_index.history("art_165")
    assert criminal_index.history("art_165", title="No Such Act") == []


# Hand-made versions: a change, a change back, a change of formatting only ------------------


@pytest.fixture(scope="module")
def parks() -> Corpus:
    return Corpus.from_paths([PARKS])


@pytest.mark.parametrize(
    ("eid", "expected"),
    [
        pytest.param("art_1", [("parks_2019.txt", D(2020, 1, 1), None)], id="unchanged"),
        pytest.param(
            "art_2",
            [
                ("parks_2019.txt", D(2020, 1, 1), D(2021, 5, 1)),
                ("parks_2021.txt", D(2021, 5, 1), D(2023, 3, 1)),
                ("parks_2023.txt", D(2023, 3, 1), None),
            ],
            id="changed-and-changed-back",
        ),
        pytest.param(
            "art_3",
            [
                ("parks_2019.txt", D(2020, 1, 1), D(2021, 5, 1)),
                ("parks_2021.txt", D(2021, 5, 1), None),
            ],
            id="changed-then-only-a-line-break",
        ),
    ],
)
def test_hand_made_versions(
    parks: Corpus, eid: str, expected: list[tuple[str, D | None, D | None]]
) -> None:
    wordings = parks.history(eid)
    assert _spans(wordings) == expected
    for earlier, later in itertools.pairwise(wordings):
        assert earlier.until == later.start  # no gap, no overlap
    assert wordings[-1].period == Period(start=wordings[-1].start)  # open-ended


def test_a_changed_back_wording_is_a_wording_of_its_own(parks: Corpus) -> None:
    first, _, third = parks.history("art_2")
    assert first.text == third.text and first.path != third.path


def test_without_a_title_a_provision_of_several_works_is_ambiguous(
    parks: Corpus, criminal_law: Corpus, tmp_path: Path
) -> None:
    both = Corpus(
        [*parks.regulations, *criminal_law.regulations],
        paths=[*parks.paths, *criminal_law.paths],
    )
    with pytest.raises(AmbiguousWork) as raised:
        both.history("art_1")
    titles = {reg.title for reg in both.regulations if reg.articles}
    assert set(raised.value.titles) == titles and len(titles) == 2
    assert all(str(title) in str(raised.value) for title in titles)
    park_title = parks.regulations[0].title
    assert both.history("art_1", title=park_title) == parks.history("art_1")
    assert both.history("art_2", title=f"  {park_title} ") == parks.history("art_2")
    with Index(tmp_path / "both.db") as index:
        index.add_all(zip(both.paths, both.regulations, strict=True))
        with pytest.raises(AmbiguousWork):
            index.history("art_1")
        assert index.history("art_2", title=park_title) == parks.history("art_2")


# The chain itself, on plain records -------------------------------------------------------

A, B = ("art_4", "Old text."), ("art_4", "New text.")
UNDATED = "the version does not date its wording"


@pytest.mark.parametrize(
    ("versions", "end", "expected"),
    [
        pytest.param(
            [("v1", D(2020, 1, 1), A), ("v2", D(2021, 1, 1), None), ("v3", D(2022, 1, 1), A)],
            Bound(),
            [
                ("v1", Period(start=D(2020, 1, 1), until=D(2021, 1, 1))),
                ("v3", Period(start=D(2022, 1, 1))),
            ],
            id="deleted-then-restored",
        ),
        pytest.param(
            [("v1", None, A), ("v2", D(2021, 1, 1), B)],
            Bound(date=D(2030, 1, 1)),
            [
                ("v1", Period(until=D(2021, 1, 1), start_reason=UNDATED)),
                ("v2", Period(start=D(2021, 1, 1), until=D(2030, 1, 1))),
            ],
            id="undated-first-version-and-a-dated-end",
        ),
        pytest.param(
            [("v1", D(2020, 1, 1), A), ("v2", D(2021, 1, 1), ("art_4", " Old\ttext. "))],
            Bound(reason="relative: a day to be appointed"),
            [
                ("v1", Period(start=D(2020, 1, 1), until_reason="relative: a day to be appointed")),
            ],
            id="whitespace-only-and-an-unknown-end",
        ),
        pytest.param([("v1", D(2020, 1, 1), None)], Bound(), [], id="never-there"),
    ],
)  # fmt: skip
def test_successive_wordings(
    versions: list[tuple[str, D | None, tuple[str, str] | None]],
    end: Bound,
    expected: list[tuple[str, Period]],
) -> None:
    given = [VersionText(path, "Act", start, provision) for path, start, provision in versions]
    assert [(w.path, w.period) for w in successive_wordings(given, end)] == expected


# Command line and an index made before the texts were stored --------------------------------


def test_cli_history_json(criminal_index: Index) -> None:
    status, out, _ = run(["history", str(TRIPLE), "--eid", "art_165", "--json"])
    assert status == 0
    records = json.loads(out)
    assert [set(record) for record in records] == [{"eid", "text", "start", "until", "path"}] * 2
    assert [(r["start"], r["until"]) for r in records] == [
        ("2020-12-26", "2024-03-01"),
        ("2024-03-01", None),
    ]
    assert records[0]["path"] == str(TRIPLE / "base.txt")
    status, from_db, _ = run(["history", "--db", criminal_index.path, "--eid", "art_165", "--json"])
    assert status == 0 and json.loads(from_db) == records


def test_cli_history_table_and_usage() -> None:
    status, out, _ = run(["history", str(PARKS), "--eid", "art_2"])
    assert status == 0 and out.count("parks_20") == 3 and "2021-05-01" in out
    status, _, err = run(["history", str(PARKS), str(TRIPLE), "--eid", "art_1"])
    assert status == 2 and "give a title" in err
    assert run(["history", "--eid", "art_1"])[0] == 2  # neither PATH nor --db


def test_an_index_of_the_third_schema_is_refilled(tmp_path: Path) -> None:
    folder = tmp_path / "parks"
    shutil.copytree(PARKS, folder)
    files = sorted(map(str, folder.glob("*.txt")))
    database = tmp_path / "third.db"
    with Index(database) as index:
        list(index_files(index, files))
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.executescript("DROP TABLE wordings; PRAGMA user_version = 3;")
    with Index(database) as index:
        assert index.history("art_2") == []  # no texts yet: nothing, never a guess
        assert {outcome for _, outcome in index_files(index, files)} == {"indexed"}
        assert len(index.history("art_2")) == 3
