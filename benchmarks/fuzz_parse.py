"""Fuzz the parse entry point for a while: seeded hypothesis runs until the time is up.

Each round runs hypothesis with a new seed over three input families (arbitrary text;
fragments of regulation syntax; corpus texts with random spans replaced), checking that
``parse`` returns a lossless model or raises ``LawParseError``, that ``parse(errors=
"collect")`` and ``validate`` never raise, and that spans still give back the input. CI runs
the short property tests in tests/; this is the long run:

    python benchmarks/fuzz_parse.py --minutes 10
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

from tests.helpers import assert_survives  # noqa: E402  (the invariants the tests check)

CORPUS = sorted((REPO / "tests" / "corpus").glob("*.txt"))
TEXTS = [path.read_text(encoding="utf-8") for path in CORPUS]
PIECES = [
    "Article ", "Article 1 ", "第", "条 ", "第一条 ", "Chapter II ", "Section 1 ", "(1) ",
    "（一）", "I. ", "一、", "\n", "\r\n", "\r", " ", "\u3000", "。", ". ", ";", ":", "“", "”",
    "(", ")", "February 30, 2023", "2023年2月30日", "July 25, 2023", "shall come into force on ",
    "同时废止", "《甲》", "\x00", "\ufeff", "Adopted at the 4th Session of ", "SCHEDULE 1",
    "1Heading\n", "as of the date of promulgation", "valid until ",
]  # fmt: skip
INPUTS = (
    st.text(max_size=300)
    | st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=60).map("".join)
    | st.tuples(
        st.sampled_from(range(len(TEXTS))),
        st.floats(0, 1),
        st.integers(0, 300),
        st.lists(st.sampled_from(PIECES), max_size=5).map("".join),
    ).map(lambda t: _mutate(TEXTS[t[0]], t[1], t[2], t[3]))
)


def _mutate(text: str, where: float, length: int, insert: str) -> str:
    start = int(where * len(text))
    return text[:start] + insert + text[start + length :]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=20231001)
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.minutes * 60
    rng = random.Random(args.seed)
    rounds = 0
    seen = [0]  # inputs checked, counted inside the hypothesis test
    while time.monotonic() < deadline:

        @seed(rng.randrange(2**32))
        @settings(
            max_examples=500,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(INPUTS)
        def one_round(text: str) -> None:
            seen[0] += 1
            assert_survives(text)

        one_round()
        rounds += 1
    print(f"{rounds} rounds, {seen[0]} inputs, no failure ({args.minutes} minutes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
