"""The command line: output, JSON, standard input and exit status."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from lawparse.cli import main
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
