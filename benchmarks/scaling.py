"""Parse time against input size: 1, 10 and 50 MB, and adversarial inputs at two sizes.

Linear growth shows as a flat seconds-per-MB column (on a shared machine, within noise).
The adversarial inputs repeat one thing that every regular expression and grammar terminal
must cope with ("Article 1 ", runs of "(" or digits, verbs without dates); each is timed at
n and 4n, and the ratio of the two times should stay near 4.

    python benchmarks/scaling.py [--quick] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the source tree's lawparse, when run from a checkout

import lawparse  # noqa: E402


def _regulation(target: int) -> str:
    """Line-per-article English text of about ``target`` characters, with chapters."""
    lines = ["Provisions of Shanghai Municipality on Testing"]
    number, chapter = 1, 1
    size = 0
    while size < target:
        if number % 20 == 1:
            lines.append(f"Chapter {chapter} Part {chapter}")
            chapter += 1
        line = (
            f"Article {number} In accordance with Article {max(1, number - 1)} of these "
            "Provisions, the municipal government shall supervise the following matters:\n"
            "(1) registration; (2) inspection; (3) the handling of complaints."
        )
        lines.append(line)
        size += len(line) + 1
        number += 1
    return "\n".join(lines)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "Article 1 repeated": lambda n: "Article 1 " * n,
    "run of (": lambda n: "(" * (10 * n),
    "run of digits": lambda n: "1" * (10 * n),
    "verbs without dates": lambda n: "(Adopted on " * n,
    "第一条 repeated": lambda n: "第一条 " * n,
    "short lines": lambda n: "x\n" * (5 * n),
}


def _large_inputs(
    quick: bool,
) -> list[tuple[str, str, Callable[[lawparse.Regulation], bool]]]:
    """The quality bar's largest inputs, each parsed once and checked for a lossless model:
    a text of 50 MB on one line, and 100,000 articles (a tenth of each with ``quick``)."""
    repeats, articles = (160_000, 10_000) if quick else (1_600_000, 100_000)
    one_line = "Provisions on Testing\n" + " ".join(["the rule applies to every person"] * repeats)
    many = "\n".join(f"Article {n} The rule number {n} applies." for n in range(1, articles + 1))
    return [
        ("one line", one_line, lambda reg: reg.title == "Provisions on Testing"),
        (f"{articles:,} articles", many, lambda reg: len(reg.articles) == articles),
    ]


def _time(text: str) -> float:
    began = time.perf_counter()
    with contextlib.suppress(lawparse.LawParseError):
        lawparse.parse(text)
    return time.perf_counter() - began


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="0.5, 1 and 2 MB; smaller n")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [500_000, 1_000_000, 2_000_000] if args.quick else [1_000_000, 10_000_000, 50_000_000]
    rows = []
    for size in sizes:
        text = _regulation(size)
        seconds = _time(text)
        rows.append(
            {
                "MB": round(len(text) / 1e6, 1),
                "seconds": round(seconds, 2),
                "seconds_per_MB": round(seconds / (len(text) / 1e6), 3),
            }
        )
    base = 25_000 if args.quick else 100_000
    adversarial = []
    for name, make in ADVERSARIAL.items():
        small, large = _time(make(base)), _time(make(4 * base))
        adversarial.append(
            {
                "input": name,
                "n": base,
                "seconds_n": round(small, 3),
                "seconds_4n": round(large, 3),
                "ratio": round(large / small, 2),
            }
        )
    large_inputs = []
    for name, text, check in _large_inputs(args.quick):
        began = time.perf_counter()
        reg = lawparse.parse(text)
        seconds = time.perf_counter() - began
        assert lawparse.render.text(reg) == text and check(reg), name
        large_inputs.append({"input": name, "MB": round(len(text) / 1e6, 1), "seconds": seconds})
    report = {"sizes": rows, "adversarial": adversarial, "large": large_inputs}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{'MB':>6}  {'seconds':>8}  {'s/MB':>6}")
    for row in rows:
        print(f"{row['MB']:>6}  {row['seconds']:>8}  {row['seconds_per_MB']:>6}")
    print()
    for row in large_inputs:
        print(f"{row['input']}: {row['MB']} MB in {row['seconds']:.1f} s, lossless")
    print()
    print(f"{'input':<22} {'n':>8} {'t(n)':>8} {'t(4n)':>8} {'ratio':>6}")
    for row in adversarial:
        print(
            f"{row['input']:<22} {row['n']:>8} {row['seconds_n']:>8} {row['seconds_4n']:>8} "
            f"{row['ratio']:>6}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
