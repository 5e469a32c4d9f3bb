"""The SQLite index and parallel parsing: same answers as the in-memory corpus."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

import lawparse
from lawparse.cli import main
from lawparse.collection.store import DocumentRecord, EventRecord, ProvisionRecord, Store
from lawparse.corpus import Applicable, Change, expand_paths, parse_files
from lawparse.index import Index, index_files, rows_for
from tests.helpers import CORPUS

D = dt.date


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(argv)
    finally:
        sys.stdout, sys.stderr = old
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def corpus() -> lawparse.Corpus:
    return lawparse.Corpus.from_paths([CORPUS])


def test_parallel_and_serial_parsing_agree() -> None:
    files = expand_paths([CORPUS])
    serial = [(p, r.model_dump() if r else None) for p, r, _ in parse_files(files, workers=1)]
    parallel = [(p, r.model_dump() if r else None) for p, r, _ in parse_files(files, workers=2)]
    assert serial == parallel


@pytest.mark.parametrize("day", [D(1990, 1, 1), D(2014, 9, 1), D(2022, 3, 1), D(2025, 1, 1)])
def test_index_answers_like_the_corpus(
    tmp_path: Path, corpus: lawparse.Corpus, day: dt.date
) -> None:
    index = Index(tmp_path / "laws.db")
    index.add_all((reg.source.path or "", reg) for reg in corpus.regulations)
    from_index = {(p.path, p.eid) for p in index.applicable_on(day)}
    in_memory = {(a.regulation.source.path, a.provision.eid) for a in corpus.applicable_on(day)}
    assert from_index == in_memory
    for reg in corpus.regulations:
        assert index.status_on(reg.source.path or "", day) is reg.status_on(day)
    year = (day, day.replace(year=day.year + 1))
    from_index_changes = [
        (c.date.isoformat(), c.path, c.event.kind.value) for c in index.changes_between(*year)
    ]
    assert from_index_changes == sorted(from_index_changes)  # in date order
    assert from_index_changes == sorted(
        (c.date.isoformat(), c.regulation.source.path, c.event.kind.value)
        for c in corpus.changes_between(*year)
    )
    assert [document.path for document in index.documents()] == sorted(
        reg.source.path or "" for reg in corpus.regulations
    )


def test_unchanged_files_are_skipped_and_changed_ones_replaced(tmp_path: Path) -> None:
    copy = tmp_path / "reg.txt"
    copy.write_text("Article 1 These Provisions shall come into force on May 1, 2020.\n", "utf-8")
    database = tmp_path / "laws.db"
    assert run(["index", str(copy), "-o", str(database), "--quiet", "--workers", "1"])[0] == 0
    _status, out, _ = run(["index", str(copy), "-o", str(database), "--quiet", "--workers", "1"])
    assert "0 indexed, 1 unchanged" in out
    copy.write_text(
        "Article 1 Text.\nArticle 2 These Provisions shall come into force on May 1, 2021.\n",
        "utf-8",
    )
    run(["index", str(copy), "-o", str(database), "--quiet", "--workers", "1"])
    labels = [p.label for p in Index(database).applicable_on(D(2022, 1, 1))]
    assert labels == ["Article 1", "Article 2"]
    assert len(Index(database)) == 1


def test_a_crash_mid_way_leaves_the_previous_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = Index(tmp_path / "laws.db")
    first = lawparse.parse("Article 1 These Provisions shall come into force on May 1, 2020.")
    index.add(first, "a.txt")
    second = lawparse.parse(
        "Article 1 X.\nArticle 2 These Provisions shall come into force on May 1, 2020."
    )

    def power_cut(day: object) -> str:
        raise RuntimeError("power cut")  # after the old rows were deleted, inside the transaction

    monkeypatch.setattr("lawparse.collection.index._iso", power_cut)
    with pytest.raises(RuntimeError):
        index.add(second, "a.txt")
    monkeypatch.undo()
    assert [p.label for p in index.applicable_on(D(2021, 1, 1))] == ["Article 1"]


def test_a_corrupted_file_is_one_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("cn_sh_pudong_ip.txt", "seed_pudong_finance_leasing_runon.txt"):
        shutil.copy(CORPUS / name, folder / name)
    (folder / "broken.txt").write_bytes(b"Article 1 \xff\xfe broken")
    status, out, err = run(
        ["index", str(folder), "-o", str(tmp_path / "laws.db"), "--quiet", "--workers", "2"]
    )
    assert status == 1
    assert "2 indexed" in out
    assert err.count("broken.txt") == 1 and "LP003" in err


def test_cli_applies_and_timeline_from_the_index(tmp_path: Path) -> None:
    database = tmp_path / "laws.db"
    run(["index", str(CORPUS), "-o", str(database), "--quiet", "--workers", "1"])
    status, out, _ = run(["applies", "--db", str(database), "--on", "2022-03-01", "--json"])
    assert status == 0 and "uk_aria_act_2022" in out
    status, out, _ = run(
        ["timeline", "--db", str(database), "--from", "2024-01-01", "--to", "2024-02-01"]
    )
    assert status == 0 and "2024-01-01" in out
    assert run(["applies", "--on", "2022-03-01"])[0] == 2


def test_export_tables(tmp_path: Path) -> None:
    import csv

    events = tmp_path / "events.csv"
    status, _, _ = run(["export", str(CORPUS), "-o", str(events)])
    assert status == 0
    rows = list(csv.DictReader(events.open(encoding="utf-8")))
    seed = [r for r in rows if r["file"].endswith("seed_pudong_finance_leasing_runon.txt")]
    assert [(r["kind"], r["date"]) for r in seed] == [
        ("adopted", "2023-07-25"),
        ("promulgated", ""),
        ("effective", "2023-10-01"),
    ]
    provisions = tmp_path / "provisions.csv"
    assert run(["export", str(CORPUS), "--table", "provisions", "-o", str(provisions)])[0] == 0
    rows = list(csv.DictReader(provisions.open(encoding="utf-8")))
    aria = [r for r in rows if r["file"].endswith("uk_aria_act_2022.txt")]
    assert [r["start"] for r in aria][9:] == ["2022-02-24"] * 5


COPIES = 8


def _interrupted_build(tmp_path: Path, sig: signal.Signals) -> tuple[Path, list[str], str]:
    """Start `lawparse index` on many files, send ``sig`` to it and its workers once 20
    documents are stored; returns the database, the command and what it wrote to stderr."""
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(COPIES):
        for text in sorted(CORPUS.glob("*.txt")):
            shutil.copy(text, folder / f"{copy}_{text.name}")
    database = tmp_path / "laws.db"
    build = [sys.executable, "-m", "lawparse", "index", str(folder), "-o", str(database)]
    # A session of its own, so the signal reaches the worker processes too, as a power cut
    # or a Ctrl-C in a terminal would.
    process = subprocess.Popen(
        [*build, "--quiet", "--workers", "2"],
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if database.exists() and _documents(database) >= 20:
                break
            time.sleep(0.02)
        os.killpg(process.pid, sig)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    expected = -sig if sig == signal.SIGKILL else 130
    assert process.returncode == expected, f"the build ended before the signal: {err}"
    return database, build, err


def test_ctrl_c_stops_the_index_build_cleanly(tmp_path: Path) -> None:
    database, _, err = _interrupted_build(tmp_path, signal.SIGINT)
    assert err.strip() == "lawparse: interrupted"
    assert len(Index(database)) >= 20


def test_a_killed_index_build_leaves_a_usable_index(tmp_path: Path) -> None:
    database, build, _ = _interrupted_build(tmp_path, signal.SIGKILL)  # no chance to clean up
    texts = sorted(CORPUS.glob("*.txt"))
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    index = Index(database)
    stored = len(index)
    assert 20 <= stored < len(texts) * COPIES
    # Every document that made it in is whole: all the provisions its rows would have.
    with closing(sqlite3.connect(database)) as connection:
        counts = dict(
            connection.execute(
                "SELECT d.path, COUNT(p.eid) FROM documents d"
                " LEFT JOIN provisions p ON p.document = d.id GROUP BY d.path"
            ).fetchall()
        )
    for path, count in counts.items():
        assert count == len(rows_for(lawparse.parse_file(path), path).provisions), path

    result = subprocess.run([*build, "--quiet", "--workers", "1"], capture_output=True, text=True)
    assert f"{len(texts) * COPIES - stored} indexed, {stored} unchanged" in result.stdout
    assert len(Index(database)) == len(texts) * COPIES


def _documents(database: Path) -> int:
    try:
        with closing(sqlite3.connect(database, timeout=0.1)) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0


def test_export_parquet_streams_the_same_rows_as_csv(tmp_path: Path) -> None:
    import csv

    pq = pytest.importorskip("pyarrow.parquet")
    for table in ("events", "provisions"):
        as_csv, as_parquet = tmp_path / f"{table}.csv", tmp_path / f"{table}.parquet"
        for target in (as_csv, as_parquet):
            command = ["export", str(CORPUS), "--table", table, "-o", str(target), "--quiet"]
            assert run(command)[0] == 0
        expected = list(csv.DictReader(as_csv.open(encoding="utf-8")))
        got = pq.read_table(as_parquet).to_pylist()
        assert len(got) == len(expected) > 0
        for parquet_row, csv_row in zip(got, expected, strict=True):
            assert {k: "" if v is None else str(v) for k, v in parquet_row.items()} == csv_row


def test_parquet_row_groups_keep_one_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from lawparse.collection import export

    monkeypatch.setattr(export, "_ROW_GROUP", 3)  # a column empty in one group, set in another
    regulations = [reg for _, reg, _ in parse_files(expand_paths([CORPUS]))]
    rows = list(export.event_rows(regulations))
    target = tmp_path / "events.parquet"
    assert export.write_table(iter(rows), export.EVENT_COLUMNS, target) == len(rows)
    parquet = pq.ParquetFile(target)
    assert parquet.metadata.num_row_groups == -(-len(rows) // 3)
    assert parquet.read().to_pylist() == rows


def test_a_regulation_pickles_to_an_equal_regulation() -> None:
    import copy
    import pickle

    for path, reg, _ in parse_files(expand_paths([CORPUS])):
        assert reg is not None, path
        assert pickle.loads(pickle.dumps(reg)) == reg, path
        assert copy.deepcopy(reg) == reg


def test_corpus_from_paths_shows_progress_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    corpus = lawparse.Corpus.from_paths([CORPUS], workers=2, progress=True)
    files = len(list(CORPUS.glob("*.txt")))
    assert len(corpus) + len(corpus.failures) == files
    assert f"{files}/{files}" in capsys.readouterr().err


OLD_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL,
    title TEXT, language TEXT NOT NULL, status_start TEXT, status_until TEXT);
CREATE TABLE provisions (document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    eid TEXT NOT NULL, label TEXT NOT NULL, start TEXT, until TEXT, PRIMARY KEY (document, eid));
"""


def test_an_index_of_the_first_schema_is_migrated_and_refreshed(tmp_path: Path) -> None:
    text = CORPUS / "seed_pudong_finance_leasing_runon.txt"
    database = tmp_path / "old.db"
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.executescript(OLD_SCHEMA)
        connection.execute(
            "INSERT INTO documents VALUES (1, ?, ?, 'old', 'en', '2023-10-01', NULL)",
            (str(text), lawparse.parse_file(text).source.sha256),
        )
    with Index(database) as index:
        assert index.status_on(str(text), D(2024, 1, 1)) is lawparse.Status.UNKNOWN  # no guess
        assert list(index_files(index, [str(text)])) == [(str(text), "indexed")]  # refreshed
        assert index.status_on(str(text), D(2024, 1, 1)) is lawparse.Status.IN_FORCE
        with pytest.raises(KeyError):
            index.status_on("missing.txt", D(2024, 1, 1))
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (5,)
    assert len(Index(database)) == 1  # opening again migrates nothing more


# One store, two implementations ------------------------------------------------------------


@pytest.fixture(scope="module")
def both(
    corpus: lawparse.Corpus, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[lawparse.Corpus, Index]]:
    """The corpus of tests/corpus, and an index of the same regulations under the same paths."""
    with Index(tmp_path_factory.mktemp("store") / "laws.db") as index:
        index.add_all(zip(corpus.paths, corpus.regulations, strict=True))
        yield corpus, index


def _provision(record: ProvisionRecord) -> ProvisionRecord:
    """The store's record of a provision, whichever store made it."""
    return ProvisionRecord(
        record.path, record.title, record.eid, record.label, record.start, record.until
    )


def _event(record: EventRecord) -> EventRecord:
    return EventRecord(record.date, record.path, record.title, record.event)


def test_the_corpus_and_the_index_are_stores(both: tuple[lawparse.Corpus, Index]) -> None:
    corpus, index = both
    assert isinstance(corpus, Store) and isinstance(index, Store)
    applicable = next(iter(corpus.applicable_on(D(2025, 1, 1))))
    assert isinstance(applicable, Applicable) and isinstance(applicable, ProvisionRecord)
    assert applicable.path == applicable.regulation.source.path
    assert (applicable.eid, applicable.label) == (
        applicable.provision.eid,
        applicable.provision.label,
    )
    change = corpus.timeline()[0]
    assert isinstance(change, Change) and isinstance(change, EventRecord)
    assert change.title == change.regulation.title and change.date == change.event.date
    assert all(type(record) is ProvisionRecord for record in index.applicable_on(D(2025, 1, 1)))
    assert all(type(record) is EventRecord for record in index.timeline())


@pytest.mark.parametrize("day", [D(1990, 1, 1), D(2014, 9, 1), D(2022, 3, 1), D(2025, 1, 1)])
def test_the_corpus_and_the_index_give_equal_answers(
    both: tuple[lawparse.Corpus, Index], day: dt.date
) -> None:
    corpus, index = both
    in_memory = sorted(map(_provision, corpus.applicable_on(day)), key=repr)
    from_index = sorted(map(_provision, index.applicable_on(day)), key=repr)
    assert in_memory == from_index and in_memory
    for document in corpus.documents():
        assert corpus.status_on(document.path, day) is index.status_on(document.path, day)
    year = (day, day.replace(year=day.year + 1))
    assert list(map(_event, corpus.changes_between(*year))) == list(
        map(_event, index.changes_between(*year))
    )
    assert list(map(_event, corpus.timeline(between=year))) == list(
        map(_event, index.timeline(between=year))
    )


def test_the_corpus_and_the_index_list_the_same_timeline_and_documents(
    both: tuple[lawparse.Corpus, Index],
) -> None:
    corpus, index = both
    timeline = list(map(_event, corpus.timeline()))
    assert timeline == list(map(_event, index.timeline())) and timeline
    assert [record.date for record in timeline] == sorted(record.date for record in timeline)
    documents = corpus.documents()
    assert documents == index.documents()
    assert all(type(document) is DocumentRecord for document in documents)
    assert [document.path for document in documents] == expand_paths([CORPUS])
    reg = corpus.regulations[0]
    assert documents[0] == DocumentRecord(str(reg.source.path), reg.title, reg.language)


def test_status_on_takes_a_path_or_a_regulation(corpus: lawparse.Corpus) -> None:
    for path, reg in zip(corpus.paths, corpus.regulations, strict=True):
        assert corpus.status_on(path, D(2025, 1, 1)) is corpus.status_on(reg, D(2025, 1, 1))
    with pytest.raises(KeyError):
        corpus.status_on("missing.txt", D(2025, 1, 1))


def test_a_corpus_names_its_regulations_by_the_paths_given() -> None:
    reg = lawparse.parse("Article 1 These Provisions shall come into force on May 1, 2020.")
    assert lawparse.Corpus([reg]).documents()[0].path == reg.source.sha256  # as Index.add does
    corpus = lawparse.Corpus([reg], paths=["-"])
    assert [a.path for a in corpus.applicable_on(D(2021, 1, 1))] == ["-"]
    assert [c.path for c in corpus.timeline()] == ["-"]
    assert corpus.status_on("-", D(2021, 1, 1)) is lawparse.Status.IN_FORCE
    with pytest.raises(ValueError):
        lawparse.Corpus([reg], paths=[])


SECOND_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL,
    title TEXT, language TEXT NOT NULL, status_start TEXT, status_until TEXT,
    applicability TEXT);
CREATE TABLE provisions (document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    eid TEXT NOT NULL, label TEXT NOT NULL, start TEXT, until TEXT, PRIMARY KEY (document, eid));
CREATE TABLE events (document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, kind TEXT NOT NULL, date TEXT, about TEXT, provisions TEXT,
    body TEXT, unresolved TEXT, text TEXT NOT NULL, PRIMARY KEY (document, position));
PRAGMA user_version = 2;
"""


def test_an_index_of_the_second_schema_keeps_its_events_and_is_refreshed(tmp_path: Path) -> None:
    text = CORPUS / "seed_pudong_finance_leasing_runon.txt"
    reg = lawparse.parse_file(text)
    database = tmp_path / "second.db"
    rows = rows_for(reg, str(text))
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.executescript(SECOND_SCHEMA)
        connection.execute("INSERT INTO documents VALUES (1, ?, ?, ?, ?, ?, ?, ?)", rows.document)
        connection.executemany(
            "INSERT INTO events VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row[:-1] for row in rows.events],  # without the event's JSON
        )
    with Index(database) as index:
        old = index.timeline()
        assert [(c.date, c.path, c.event.kind, c.event.text) for c in old] == [
            (e.date, str(text), e.kind, e.text) for e in reg.events if e.date is not None
        ]
        assert [c.event.kind for c in index.changes_between(D(2023, 1, 1), D(2024, 1, 1))] == [
            lawparse.EventKind.EFFECTIVE
        ]
        assert list(index_files(index, [str(text)])) == [(str(text), "indexed")]  # refreshed
        assert [c.event for c in index.timeline()] == [e for e in reg.events if e.date]
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (5,)
