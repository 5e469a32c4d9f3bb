"""Benchmark ``Corpus.applicable_on`` and ``Corpus.changes_between`` on a large generated corpus.

A corpus of 10^5 regulations with 10^6 provisions (``--quick``: 10^4 / 10^5) is generated from
a fixed seed: each regulation enters into force on a day between 1990 and 2030, most expire
one to ten years later (about a third of provisions apply on a random day), and a tenth
commence some articles on a day of their own. It
reports the index build time and the per-query latency of ``applicable_on`` next to a linear
scan over the same intervals in the same process (the ratio is what counts on shared
machines), and the cost of ``changes_between`` per event returned for windows of a day, a
month and a year, which stays flat when the cost follows the answer rather than the corpus.

    python benchmarks/applicable_on.py [--quick] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

from lawparse import Article, Clause, Corpus, Event, EventKind, Regulation, Source, Span  # noqa: E402

SEED = 20231001
FIRST_DAY = dt.date(1990, 1, 1).toordinal()
LAST_DAY = dt.date(2030, 1, 1).toordinal()


def _event(kind: EventKind, day: dt.date, provisions: str | None = None) -> Event:
    return Event.model_construct(
        kind=kind,
        date=day,
        date_text=None,
        relative_to=None,
        relative_offset=None,
        unresolved=None,
        body=None,
        session=None,
        instrument=None,
        ordinal=None,
        about=None,
        provisions=provisions,
        text="",
        span=Span.model_construct(start=0, end=0),
    )


def generate(regulations: int, provisions_each: int, seed: int = SEED) -> list[Regulation]:
    """Deterministic synthetic regulations, built directly as models (parsing 10^5 texts would
    time the parser, not the index)."""
    rng = random.Random(seed)
    span = Span.model_construct(start=0, end=0)
    source = Source.model_construct(text="", path=None, sha256="")
    result = []
    for index in range(regulations):
        start = dt.date.fromordinal(rng.randrange(FIRST_DAY, LAST_DAY))
        events = [_event(EventKind.EFFECTIVE, start)]
        if rng.random() < 0.6:
            ends = start + dt.timedelta(days=rng.randrange(365, 3650))
            events.append(_event(EventKind.EXPIRES, ends))
        if rng.random() < 0.1:
            later = start + dt.timedelta(days=rng.randrange(30, 720))
            events.append(
                _event(
                    EventKind.EFFECTIVE, later, provisions=f"Articles 1 to {provisions_each // 2}"
                )
            )
        articles = tuple(
            Article.model_construct(
                type="article",
                eid=f"art_{n}",
                number=n,
                suffix="",
                label=f"Article {n}",
                heading=None,
                text="",
                span=span,
                clauses=(
                    Clause.model_construct(
                        type="clause",
                        eid=f"art_{n}__para_1",
                        index=1,
                        number=None,
                        label=None,
                        text="",
                        span=span,
                        items=(),
                        language=None,
                    ),
                ),
                translation=None,
            )
            for n in range(1, provisions_each + 1)
        )
        result.append(
            Regulation.model_construct(
                title=f"Regulation {index}",
                title_span=None,
                language="en",
                translation_language=None,
                issuer=None,
                preface=span,
                preamble=None,
                events=tuple(events),
                body=articles,
                schedules_span=None,
                schedules=(),
                truncated=False,
                source=source,
            )
        )
    return result


def linear_scan(intervals: list[tuple[int, int, object]], day: int) -> list[object]:
    """The baseline: one comparison per provision."""
    return [ref for start, end, ref in intervals if start <= day < end]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="10^4 regulations instead of 10^5")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--queries", type=int, default=30)
    args = parser.parse_args(argv)
    count = 10_000 if args.quick else 100_000
    regulations = generate(count, 10)

    began = time.perf_counter()
    corpus = Corpus(regulations)
    build = time.perf_counter() - began

    # The scan gets the same intervals the index holds, flattened once, outside the timing.
    intervals = [(start, end, ref) for block in corpus._block_records for start, end, ref in block]
    rng = random.Random(SEED)
    days = [
        dt.date.fromordinal(rng.randrange(FIRST_DAY, LAST_DAY + 3650)) for _ in range(args.queries)
    ]
    index_times, listed_times, scan_times, sizes = [], [], [], []
    for day in days:
        began = time.perf_counter()
        found = corpus.applicable_on(day)
        index_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        listed = list(corpus.applicable_on(day))
        listed_times.append(time.perf_counter() - began)
        assert len(listed) == len(found)
        began = time.perf_counter()
        scanned = linear_scan(intervals, day.toordinal())
        scan_times.append(time.perf_counter() - began)
        assert len(found) == len(scanned), (day, len(found), len(scanned))
        sizes.append(len(found))

    windows = {"day": 1, "month": 30, "year": 365}
    change_costs = {}
    for name, length in windows.items():
        per_event = []
        for day in days[:10]:
            began = time.perf_counter()
            changes = corpus.changes_between(day, day + dt.timedelta(days=length))
            elapsed = time.perf_counter() - began
            per_event.append(elapsed / max(1, len(changes)))
        change_costs[name] = statistics.median(per_event)

    report = {
        "regulations": count,
        "provisions": len(intervals),
        "build_seconds": round(build, 2),
        "median_answer": int(statistics.median(sizes)),
        "index_ms": round(statistics.median(index_times) * 1000, 3),
        "index_as_list_ms": round(statistics.median(listed_times) * 1000, 2),
        "scan_ms": round(statistics.median(scan_times) * 1000, 2),
        "speedup": round(statistics.median(scan_times) / statistics.median(index_times), 1),
        "speedup_as_list": round(
            statistics.median(scan_times) / statistics.median(listed_times), 1
        ),
        "changes_between_us_per_event": {k: round(v * 1e6, 2) for k, v in change_costs.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
