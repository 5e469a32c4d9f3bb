"""The command line: output, JSON, standard input and exit status."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

import lawparse
from lawparse.cli import main
from lawparse.source import SourceText, decode
from tests.helpers import CORPUS

SEED = CORPUS / "seed_pudong_finance_leasing_runon.txt"


def run(
    argv: list[str], stdin: bytes = b"", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        status = main(argv)
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return status, out.getvalue(), err.getvalue()


def test_dates_table() -> None:
    status, out, _ = run(["dates", str(SEED)])
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["date", "kind"]
    assert any(line.startswith("2023-07-25") and "adopted" in line for line in lines)
    assert any(line.startswith("2023-10-01") and "effective" in line for line in lines)


def test_dates_json() -> None:
    status, out, _ = run(["dates", str(SEED), "--json"])
    assert status == 0
    records = json.loads(out)
    assert {(r["kind"], r["date"], r["about"]) for r in records} == {
        ("adopted", "2023-07-25", None),
        ("promulgated", None, None),
        ("effective", "2023-10-01", None),
    }


def test_parse_json_is_the_model() -> None:
    status, out, _ = run(["parse", str(SEED), "--json"])
    assert status == 0
    document = json.loads(out)
    assert [a["number"] for a in document["body"]] == [1, 2, 3]


def test_parse_summary() -> None:
    status, out, _ = run(["parse", str(SEED)])
    assert status == 0
    assert "Article 3" in out and "Financial Leasing" in out


def test_standard_input() -> None:
    status, out, _ = run(["dates", "-", "--json"], stdin=SEED.read_bytes())
    assert status == 0
    assert json.loads(out)[0]["file"] == "-"


def test_directory_is_walked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article 1 Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Article 1 Text. Article 2 Text.", encoding="utf-8")
    status, out, _ = run(["parse", str(tmp_path), "--json"])
    assert status == 0
    assert [len(doc["body"]) for doc in json.loads(out)] == [1, 2]


@pytest.mark.parametrize(
    ("argv", "stdin", "expected"),
    [
        (["dates", "-"], b"   ", 1),
        (["dates", "-"], b"Article 1 The fee is due on February 30, 2023.", 0),
        (["parse", "-"], b"\xff\xfe\x00garbage", 2),
        (["parse", "/nonexistent/file.txt"], b"", 2),
        (["frobnicate"], b"", 2),
        ([], b"", 2),
    ],
    ids=[
        "empty",
        "date-in-body-is-not-read",
        "not-utf8",
        "missing-file",
        "bad-command",
        "no-command",
    ],
)
def test_exit_status(argv: list[str], stdin: bytes, expected: int) -> None:
    status, _, err = run(argv, stdin=stdin)
    assert status == expected
    if expected:
        assert err


def test_invalid_date_exits_1_with_position() -> None:
    text = "Provisions\n(Adopted on February 30, 2023)\nArticle 1 Text."
    status, _, err = run(["dates", "-"], stdin=text.encode())
    assert status == 1
    assert "-:2:" in err and "LP101" in err


# The JSON of dates, timeline and applies, byte for byte as it was before the commands asked a
# store: rebuilt here the way the command line built it then, from the model and the SQL rows.

FEW = [
    CORPUS / name
    for name in (
        "seed_pudong_finance_leasing_runon.txt",
        "cn_sh_pudong_ip.txt",
        "uk_aria_act_2022.txt",
        "cn_nat_legislation_law_2023.txt",
        "cn_nat_individual_income_tax.txt",
        "en_sh_pudong_finance_lease_EXCERPT.txt",
    )
]
DAYS = ["1990-01-01", "2014-09-01", "2022-03-01", "2025-01-01"]


def _parsed(paths: list[Path]) -> list[tuple[str, lawparse.Regulation]]:
    return [
        (str(path), lawparse.parse(decode(path.read_bytes()), path=str(path))) for path in paths
    ]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _record(name: str, source: SourceText, event: lawparse.Event) -> dict[str, Any]:
    line, column = source.line_column(event.span.start)
    return {
        "file": name,
        "kind": event.kind.value,
        "date": _iso(event.date),
        "about": event.about,
        "body": event.body,
        "session": event.session,
        "instrument": event.instrument,
        "ordinal": event.ordinal,
        "provisions": event.provisions,
        "relative_to": event.relative_to.value if event.relative_to else None,
        "unresolved": event.unresolved,
        "line": line,
        "column": column,
        "text": event.text,
    }


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _dates_before(results: list[tuple[str, lawparse.Regulation]]) -> str:
    return _dumps(
        [
            _record(name, SourceText(reg.source.text), event)
            for name, reg in results
            for event in reg.events
        ]
    )


def _timeline_before(
    results: list[tuple[str, lawparse.Regulation]], low: dt.date, high: dt.date
) -> str:
    corpus = lawparse.Corpus(reg for _, reg in results)
    names = {id(reg): name for name, reg in results}
    sources = {id(reg): SourceText(reg.source.text) for _, reg in results}
    return _dumps(
        [
            _record(names[id(c.regulation)], sources[id(c.regulation)], c.event)
            for c in corpus.timeline(between=(low, high))
        ]
    )


def _applies_before(results: list[tuple[str, lawparse.Regulation]], day: dt.date) -> str:
    corpus = lawparse.Corpus(reg for _, reg in results)
    in_force: dict[int, list[Any]] = {}
    for applicable in corpus.applicable_on(day):
        in_force.setdefault(id(applicable.regulation), []).append(applicable)
    documents = []
    for name, reg in results:
        provisions = sorted(in_force.get(id(reg), []), key=lambda a: a.provision.span.start)
        documents.append(
            {
                "file": name,
                "title": reg.title,
                "status": corpus.status_on(reg, day).value,
                "provisions": [
                    {
                        "eid": a.provision.eid,
                        "label": a.provision.label,
                        "from": _iso(a.applicability.start.date),
                        "until": _iso(a.applicability.until.date),
                    }
                    for a in provisions
                ],
            }
        )
    return _dumps(documents)


def _indexed_timeline_before(database: Path, low: dt.date, high: dt.date) -> str:
    query = (
        "SELECT d.path, e.kind, e.date, e.about, e.provisions, e.body, e.text FROM events e"
        " JOIN documents d ON d.id = e.document"
        " WHERE e.date IS NOT NULL AND e.date >= ? AND e.date < ? ORDER BY e.date, d.path"
    )
    names = ("file", "kind", "date", "about", "provisions", "body", "text")
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(query, (low.isoformat(), high.isoformat())).fetchall()
    return _dumps([dict(zip(names, row, strict=True)) for row in rows])


def _indexed_applies_before(database: Path, day: dt.date) -> str:
    query = (
        "SELECT d.path, d.title, p.eid, p.label, p.start, p.until FROM provisions p"
        " JOIN documents d ON d.id = p.document"
        " WHERE p.start IS NOT NULL AND p.start <= ? AND (p.until IS NULL OR p.until > ?)"
        " ORDER BY d.path, p.rowid"
    )
    by_file: dict[str, dict[str, Any]] = {}
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(query, (day.isoformat(), day.isoformat())).fetchall()
    for path, title, eid, label, start, until in rows:
        document = by_file.setdefault(path, {"file": path, "title": title, "provisions": []})
        document["provisions"].append({"eid": eid, "label": label, "from": start, "until": until})
    return _dumps(list(by_file.values()))


def test_dates_timeline_and_applies_json_are_unchanged() -> None:
    results = _parsed(FEW)
    files = [str(path) for path in FEW]
    assert run(["dates", *files, "--json"])[1] == _dates_before(results)
    assert run(["timeline", *files, "--json"])[1] == _timeline_before(
        results, dt.date.min, dt.date.max
    )
    window = ["--from", "2000-01-01", "--to", "2022-01-01"]
    assert run(["timeline", *files, "--json", *window])[1] == _timeline_before(
        results, dt.date(2000, 1, 1), dt.date(2022, 1, 1)
    )
    for day in DAYS:
        status, out, _ = run(["applies", *files, "--on", day, "--json"])
        assert status == 0
        assert out == _applies_before(results, dt.date.fromisoformat(day))


def test_timeline_and_applies_json_from_an_index_are_unchanged(tmp_path: Path) -> None:
    database = tmp_path / "laws.db"
    run(["index", str(CORPUS), "-o", str(database), "--quiet", "--workers", "1"])
    status, out, _ = run(["timeline", "--db", str(database), "--json"])
    assert status == 0 and out == _indexed_timeline_before(database, dt.date.min, dt.date.max)
    window = ["--from", "2000-01-01", "--to", "2022-01-01"]
    out = run(["timeline", "--db", str(database), "--json", *window])[1]
    assert out == _indexed_timeline_before(database, dt.date(2000, 1, 1), dt.date(2022, 1, 1))
    for day in DAYS:
        status, out, _ = run(["applies", "--db", str(database), "--on", day, "--json"])
        assert status == 0
        assert out == _indexed_applies_before(database, dt.date.fromisoformat(day))


# Tables ------------------------------------------------------------------------------------


def _wide(line: str) -> bool:
    return any(cell_len(character) == 2 for character in line)


def test_timeline_rows_line_up_in_terminal_cells() -> None:
    status, out, _ = run(["timeline", str(CORPUS)])
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["date", "kind"] and len(lines) > 100
    assert sum(map(_wide, lines)) > 50  # Chinese rows, two cells a character
    assert {cell_len(line) for line in lines} == {120}  # not a terminal: 120 columns
    assert "\x1b" not in out  # no colour codes


def test_tables_of_dates_applies_and_parse_line_up() -> None:
    files = [str(path) for path in FEW]
    for argv in (
        ["dates", *files],
        ["applies", *files, "--on", "2022-03-01"],
        ["applies", str(CORPUS), "--on", "2022-03-01"],
    ):
        status, out, _ = run(argv)
        assert status == 0
        lines = out.splitlines()
        assert len({cell_len(line) for line in lines}) == 1 and any(map(_wide, lines)), argv
    status, out, _ = run(["parse", str(CORPUS / "cn_sh_pudong_ip.txt")])
    rows = [line for line in out.splitlines() if "line " in line]
    assert status == 0 and len(rows) == 16
    assert len({cell_len(line) for line in rows}) == 1
    assert len({cell_len(line.split("line ")[0]) for line in rows}) == 1  # one label column


def test_applies_table_from_paths_and_from_an_index(tmp_path: Path) -> None:
    aria = str(CORPUS / "uk_aria_act_2022.txt")
    database = tmp_path / "laws.db"
    run(["index", aria, "-o", str(database), "--quiet", "--workers", "1"])
    for argv in (["applies", aria], ["applies", "--db", str(database)]):
        status, out, _ = run([*argv, "--on", "2022-03-01"])
        assert status == 0
        header, row = out.splitlines()
        assert header.split()[:5] == ["file", "title", "status", "on", "2022-03-01"]
        assert row.startswith(aria) and " in_force " in row


def test_index_progress_is_a_rich_bar_on_standard_error(tmp_path: Path) -> None:
    files = [str(path) for path in FEW[:2]]
    status, out, err = run(["index", *files, "-o", str(tmp_path / "laws.db"), "--workers", "1"])
    assert status == 0 and "2 indexed" in out
    assert "2/2" in err and "\x1b" not in err
    status, _, err = run(["export", *files, "-o", str(tmp_path / "events.csv"), "--quiet"])
    assert status == 0 and err == ""


# validate and dates on inputs that cannot be read ------------------------------------------


def test_validate_reports_undecodable_bytes_as_lp003(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    later = tmp_path / "later.txt"
    later.write_bytes(b"Article 1 Text.\nsecond \xff line\n")
    status, out, err = run(["validate", str(bad), str(later)])
    assert status == 1
    assert f"{bad}:1:1: error LP003: " in out and f"{later}:2:8: error LP003: " in out
    assert "2 file(s), 2 diagnostic(s)" in err

    status, out, _ = run(["validate", str(later), "--json"])
    assert status == 1
    [record] = json.loads(out)
    assert record["file"] == str(later)
    [found] = record["diagnostics"]
    assert (found["code"], found["path"], found["line"], found["column"]) == (
        "LP003",
        str(later),
        2,
        8,
    )

    status, out, _ = run(["validate", str(later), "--sarif"])
    assert status == 1
    [result] = json.loads(out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert result["ruleId"] == "LP003" and location["artifactLocation"]["uri"] == str(later)
    assert location["region"] == {"startLine": 2, "startColumn": 8, "byteOffset": 23}


def test_validate_of_a_missing_file_is_bad_usage() -> None:
    status, out, err = run(["validate", "/nonexistent/file.txt"])
    assert status == 2 and out == ""
    assert "lawparse: /nonexistent/file.txt: cannot read" in err


def test_dates_of_a_missing_file_prints_no_table() -> None:
    status, out, err = run(["dates", "/nonexistent/file.txt"])
    assert status == 2 and out == ""
    assert err.strip() == "lawparse: /nonexistent/file.txt: cannot read: No such file or directory"
