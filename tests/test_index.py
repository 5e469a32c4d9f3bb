"""The SQLite index and parallel parsing: same answers as the in-memory corpus."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest

import lawparse
from lawparse.cli import main
from lawparse.corpus import expand_paths, parse_files
from lawparse.index import Index
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

    monkeypatch.setattr("lawparse.index._iso", power_cut)
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
