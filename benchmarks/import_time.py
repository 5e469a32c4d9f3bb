"""`import lawparse` against `from pydantic import BaseModel`, in fresh interpreters.

Lark, the lexers, the phrase readers and the query layer load on first use, so importing
lawparse costs little more than importing pydantic, which it needs anyway. Each figure is the
median wall time of fresh interpreters, minus an empty interpreter's.

    python benchmarks/import_time.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _median_seconds(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    empty = _median_seconds("pass", args.runs)
    pydantic = _median_seconds("from pydantic import BaseModel", args.runs) - empty
    lawparse = _median_seconds("import lawparse", args.runs) - empty
    print(f"from pydantic import BaseModel  {pydantic * 1000:7.1f} ms")
    print(f"import lawparse                 {lawparse * 1000:7.1f} ms")
    print(f"ratio                           {lawparse / pydantic:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
