"""`import lawparse` against `from pydantic import BaseModel`, in fresh interpreters.

Everything but the error classes and the entry of ``validate`` loads on first use (PEP 562):
the models (hence pydantic), lark, the lexers, the phrase readers and the query layer. The cost
moves to the first parse, which is reported too: import and one parse of a short text, with
Lark's grammar cache warm. Each figure is the median wall time of fresh interpreters, minus an
empty interpreter's.

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
FIRST_PARSE = (
    "import lawparse; lawparse.parse('Article 1 These Provisions shall come into force on"
    " May 1, 2020.')"
)


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
    first = _median_seconds(FIRST_PARSE, args.runs) - empty
    print(f"from pydantic import BaseModel  {pydantic * 1000:7.1f} ms")
    print(f"import lawparse                 {lawparse * 1000:7.1f} ms")
    print(f"ratio                           {lawparse / pydantic:7.2f}")
    print(f"import lawparse + first parse   {first * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
