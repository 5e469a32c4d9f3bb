"""Corpus-scale benchmark: parsing many files with 1 and 2 processes and with Dask, peak
memory, the regex splitter in the same run, and index queries.

A corpus of regulation files, half English and half Chinese, is generated from a seed into a
temporary folder (default 10,000 files, about 100 MB; ``--quick``: 1,000). Each parsing
configuration runs in a fresh interpreter so its peak memory (its own and its workers') can
be read; peak memory is also reported for a corpus a tenth of the size, to show it does not
grow with the corpus.

    python benchmarks/corpus.py [--quick] [--files N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

SEED = 20240101
NUMERALS = "一二三四五六七八九十"


def _chinese_number(n: int) -> str:
    from lawparse.numbers import to_chinese

    return to_chinese(n)


def _english(rng: random.Random, number: int) -> str:
    articles = rng.randrange(20, 120)
    year = rng.randrange(1995, 2025)
    lines = [
        f"Provisions of Shanghai Municipality on Subject {number}",
        f"(Adopted at the {rng.randrange(1, 40)}th Session of the Standing Committee of the "
        f"15th Shanghai Municipal People's Congress on July {rng.randrange(1, 28)}, {year})",
    ]
    for n in range(1, articles + 1):
        lines.append(
            f"Article {n} In accordance with Article {max(1, n - 1)} of these Provisions, the "
            "municipal government shall organise supervision, inspection and the handling of "
            "complaints concerning the matters governed by these Provisions."
        )
    lines.append(
        f"Article {articles + 1} These Provisions shall come into force on October 1, {year + 1}."
    )
    return "\n".join(lines)


def _chinese(rng: random.Random, number: int) -> str:
    articles = rng.randrange(20, 120)
    year = rng.randrange(1995, 2025)
    lines = [
        f"上海市第{number}号管理条例",
        f"{year}年7月{rng.randrange(1, 28)}日 上海市第十五届人民代表大会常务委员会第"
        f"{_chinese_number(rng.randrange(1, 40))}次会议通过",
    ]
    for n in range(1, articles + 1):
        lines.append(
            f"第{_chinese_number(n)}条 依照本条例第{_chinese_number(max(1, n - 1))}条的规定，"
            "市人民政府应当组织监督检查，依法处理有关投诉，保障当事人的合法权益。"
        )
    lines.append(f"第{_chinese_number(articles + 1)}条 本条例自{year + 1}年10月1日起施行。")
    return "\n".join(lines)


def generate(folder: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` files; returns their total size in bytes."""
    rng = random.Random(seed)
    size = 0
    for number in range(count):
        text = _english(rng, number) if number % 2 == 0 else _chinese(rng, number)
        path = folder / f"reg_{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
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
if mode == "dask":
    from dask.distributed import Client, LocalCluster
    from lawparse.distributed import parse_with_dask
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client:
        began = time.perf_counter()
        ok = sum(1 for _, reg, _ in parse_with_dask(files, client) if reg is not None)
elif mode == "regex":
    import re
    pattern = re.compile(
        r"(?m)^[ \t\u3000]*(?:Article (\d+)|第([一二三四五六七八九十百千零〇两]+)条)"
    )
    for path in files:
        text = open(path, encoding="utf-8").read()
        ok += 1 if [m.group() for m in pattern.finditer(text)] else 0
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
    code = _RUN.format(repo=str(REPO), folder=str(folder), mode=mode)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _index_queries(folder: Path) -> dict[str, float]:
    import datetime as dt

    from lawparse.corpus import expand_paths, parse_files
    from lawparse.index import Index

    database = folder / "laws.db"
    began = time.perf_counter()
    index = Index(database)
    for path, reg, _ in parse_files(expand_paths([folder]), workers=2):
        if reg is not None:
            index.add(reg, path)
    build = time.perf_counter() - began
    one = str(sorted(folder.glob("*.txt"))[0])
    timings = {}
    began = time.perf_counter()
    rows = list(index.applicable_on(dt.date(2020, 1, 1), path=one))
    timings["applies_one_regulation_ms"] = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    month = index.timeline(between=(dt.date(2015, 10, 1), dt.date(2015, 11, 1)))
    timings["timeline_one_month_ms"] = (time.perf_counter() - began) * 1000
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--files", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    count = args.files or (1_000 if args.quick else 10_000)
    report: dict[str, object] = {"files": count}
    with tempfile.TemporaryDirectory() as big, tempfile.TemporaryDirectory() as small:
        size = generate(Path(big), count)
        generate(Path(small), max(1, count // 10))
        report["megabytes"] = round(size / 1e6, 1)
        runs = {}
        for mode in ("regex", "1", "2", "index1", "index2", "dask"):
            result = _run(Path(big), mode)
            runs[mode] = {
                "docs_per_s": round(result["documents"] / result["seconds"], 1),
                "mb_per_s": round(size / 1e6 / result["seconds"], 2),
                "peak_mb": round(result["peak_mb"], 1),
            }
        runs["index2 (corpus / 10)"] = {"peak_mb": round(_run(Path(small), "index2")["peak_mb"], 1)}
        report["runs"] = runs
        report["two_workers_speedup_models"] = round(
            runs["2"]["docs_per_s"] / runs["1"]["docs_per_s"], 2
        )
        report["two_workers_speedup_index"] = round(
            runs["index2"]["docs_per_s"] / runs["index1"]["docs_per_s"], 2
        )
        report["single_core_vs_regex"] = round(runs["1"]["mb_per_s"] / runs["regex"]["mb_per_s"], 3)
        report["index"] = {k: round(v, 2) for k, v in _index_queries(Path(big)).items()}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
