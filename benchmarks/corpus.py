"""Corpus-scale benchmark: parsing many files with 1 and 2 processes and with Dask, peak
memory, the regex splitter in the same run, and index queries.

A corpus of regulation files, half English and half Chinese, is generated from a seed by
:mod:`lawparse.testing` into a temporary folder (default 10,000 files, about 130 MB;
``--quick``: 1,000). Each parsing configuration runs in a fresh interpreter so its peak
memory (its own and its workers') can be read; peak memory is also reported for a corpus a
tenth of the size, to show it does not grow with the corpus.

    python benchmarks/corpus.py [--quick] [--files N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

from lawparse.testing import random_regulation  # noqa: E402

SEED = 20240101
# The plain splitter: article headings at line starts, in English and in Chinese.
SPLITTER = re.compile(r"(?m)^[ \t\u3000]*(?:Article (\d+)|第([一二三四五六七八九十百千零〇两]+)条)")


def split_articles(text: str) -> list[tuple[str, str]]:
    """The plain regex splitter lawparse is measured against: (number, text) per article,
    cut at article headings that open a line, in English or Chinese."""
    starts = [(m.start(), m.group(1) or m.group(2)) for m in SPLITTER.finditer(text)]
    ends = [start for start, _ in starts[1:]] + [len(text)] if starts else []
    return [(n, text[s:e]) for (s, n), e in zip(starts, ends, strict=True)]


LANGUAGES = ("en", "zh")
# Up to 70 articles a regulation: files of about 13 kB on average, as in earlier runs.
MAX_ARTICLES = 70


def generate(folder: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` files of regulations from :mod:`lawparse.testing`, English and Chinese
    in turn (the regulations ``generate_corpus(seed, ..., languages=("en", "zh"))`` starts
    with); returns their total size in bytes."""
    rng = random.Random(seed)
    size = 0
    for number in range(count):
        text = random_regulation(rng, LANGUAGES[number % len(LANGUAGES)], MAX_ARTICLES).text
        path = folder / f"reg_{number:05d}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        size += len(text.encode("utf-8"))
    return size


_RUN = r"""
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from lawparse.corpus import expand_paths, parse_files
files = expand_paths([{folder!r}])
mode = {mode!r}
began = time.perf_counter()
ok = 0
if mode.startswith("dask"):
    import os, tempfile
    from dask.distributed import Client, LocalCluster
    from lawparse.distributed import index_with_dask, parse_with_dask
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client, tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        if mode == "dask-index":
            ok = index_with_dask(files, os.path.join(folder, "laws.db"), client)[0]
        else:
            ok = sum(1 for _, reg, _ in parse_with_dask(files, client) if reg is not None)
elif mode == "regex":
    sys.path.insert(0, {benchmarks!r})
    from corpus import split_articles
    for path in files:
        ok += 1 if split_articles(open(path, encoding="utf-8").read()) else 0
elif mode.startswith("index"):
    import os, tempfile
    from lawparse.index import Index, index_files
    with tempfile.TemporaryDirectory() as folder:
        index = Index(os.path.join(folder, "laws.db"))
        began = time.perf_counter()
        outcomes = index_files(index, files, workers=int(mode[5:]))
        ok = sum(1 for _, outcome in outcomes if outcome == "indexed")
else:
    ok = sum(1 for _, reg, _ in parse_files(files, workers=int(mode)) if reg is not None)
elapsed = time.perf_counter() - began
peak = max(
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
)
print(json.dumps({{"seconds": elapsed, "documents": ok, "peak_mb": peak / 1024}}))
"""


def _run(folder: Path, mode: str) -> dict[str, float]:
    code = _RUN.format(
        repo=str(REPO),
        folder=str(folder),
        mode=mode,
        benchmarks=str(Path(__file__).resolve().parent),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _index_queries(folder: Path) -> dict[str, float]:
    import datetime as dt

    from lawparse.corpus import expand_paths
    from lawparse.index import Index, index_files

    database = folder / "laws.db"
    began = time.perf_counter()
    index = Index(database)
    for _ in index_files(index, expand_paths([folder]), workers=2):
        pass
    build = time.perf_counter() - began
    one = str(sorted(folder.glob("*.txt"))[0])
    timings = {}
    began = time.perf_counter()
    rows = list(index.applicable_on(dt.date(2020, 1, 1), path=one))
    timings["applies_one_regulation_ms"] = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    index.status_on(one, dt.date(2020, 1, 1))
    timings["status_one_regulation_ms"] = (time.perf_counter() - began) * 1000
    october = (dt.date(2015, 10, 1), dt.date(2015, 11, 1))
    began = time.perf_counter()
    month = index.timeline(between=october)
    timings["timeline_one_month_ms"] = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    index.changes_between(*october)
    timings["changes_one_month_ms"] = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    everything = sum(1 for _ in index.applicable_on(dt.date(2020, 1, 1)))
    elapsed = time.perf_counter() - began
    timings.update(
        index_build_seconds=build,
        applies_all_rows=everything,
        applies_all_rows_per_second=everything / elapsed,
        rows_for_one=len(rows),
        events_in_month=len(month),
    )
    return timings


def _stages(folder: Path, limit: int = 2_000) -> dict[str, float]:
    """MB/s of each stage of one parse, in this process, on up to ``limit`` files: the regex
    splitter, lexing alone, the Lark parse alone over tokens lexed (and their content runs
    grouped, as the parse does) beforehand, the whole parse. A stage slower than half the
    splitter bounds the whole parse below that target."""

    import lawparse
    from lawparse.structure.grammar import structure_parser
    from lawparse.structure.scanners import lex_text
    from lawparse.structure.tokens import grouped

    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))[:limit]]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    parser = structure_parser()
    tokens = [grouped(lex_text(text)[2].tokens) for text in texts]
    lawparse.parse(texts[0])  # models built, caches warm
    timings = {}
    for name, function, inputs in (
        ("regex splitter", split_articles, texts),
        ("lex", lex_text, texts),
        ("lark parse of the tokens", parser.parse, tokens),
        ("whole parse", lawparse.parse, texts),
    ):
        began = time.perf_counter()
        deque(map(function, inputs), maxlen=0)  # results dropped as made, as in a real run
        timings[name] = round(megabytes / (time.perf_counter() - began), 2)
    regex = timings["regex splitter"]
    return {**timings, **{f"{k} / regex": round(v / regex, 3) for k, v in timings.items()}}


MODES = ("regex", "1", "2", "index1", "index2", "dask", "dask-index")


def _table(folder: Path, size: int) -> dict[str, dict[str, float]]:
    runs = {}
    for mode in MODES:
        result = _run(folder, mode)
        runs[mode] = {
            "docs_per_s": round(result["documents"] / result["seconds"], 1),
            "mb_per_s": round(size / 1e6 / result["seconds"], 2),
            "peak_mb": round(result["peak_mb"], 1),
        }
    return runs


def _ratios(runs: dict[str, dict[str, float]]) -> dict[str, float]:
    return {
        "two_workers_speedup_models": round(runs["2"]["docs_per_s"] / runs["1"]["docs_per_s"], 2),
        "two_workers_speedup_index": round(
            runs["index2"]["docs_per_s"] / runs["index1"]["docs_per_s"], 2
        ),
        "single_core_vs_regex": round(runs["1"]["mb_per_s"] / runs["regex"]["mb_per_s"], 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--files", type=int)
    args = parser.parse_args(argv)
    count = args.files or (1_000 if args.quick else 10_000)
    report: dict[str, object] = {"files": count}
    shared = REPO / "tests" / "corpus"  # the copy of the shared corpus kept in the repository
    shared_size = sum(path.stat().st_size for path in shared.glob("*.txt"))
    report["real_corpus"] = {
        "files": len(list(shared.glob("*.txt"))),
        "megabytes": shared_size / 1e6,
    }
    report["real_corpus_runs"] = real = _table(shared, shared_size)
    report["real_corpus_ratios"] = _ratios(real)
    with tempfile.TemporaryDirectory() as big, tempfile.TemporaryDirectory() as small:
        size = generate(Path(big), count)
        small_size = generate(Path(small), max(1, count // 10))
        report["megabytes"] = round(size / 1e6, 1)
        report["runs"] = runs = _table(Path(big), size)
        report["ratios"] = _ratios(runs)
        tenth = _table(Path(small), small_size)
        report["peak_mb_corpus_vs_tenth"] = {
            mode: [runs[mode]["peak_mb"], tenth[mode]["peak_mb"]] for mode in MODES
        }
        report["index"] = {k: round(v, 2) for k, v in _index_queries(Path(big)).items()}
        report["stages_mb_per_s"] = _stages(Path(big))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
