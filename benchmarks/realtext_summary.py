"""What lawparse reads of time on ../shared/realtext: entry into force, attribution, crashes.

For every text of the folder (or another given with --folder), with the official record
beside it where one matched:

* stated: the text has a commencement sentence (本…自…起施行 and its variants, 于…起施行);
  found: of those, the share that get a dated entry into force of their own;
* false LP105: texts that state a commencement but validate reports "states no entry into
  force";
* official date: where the national database gives an in-force date and the text states that
  date, the share where lawparse's start of this version (the amended wording's, else the act's
  ``effective_from``) equals it, and the number that give another date (wrong); the database
  dates each version, and an amended text's first commencement is not its version's;
* effective before adoption: an entry into force of this act dated before its adoption or
  promulgation (LP102);
* expiry of this act: texts with an ``expires`` event about this act (the collection has none
  that states one: any is a licence's or another act's validity read as the act's);
* false LP202 / LP210: chapters restarting in each part taken for duplicates, a repeal of the
  earlier version of the same title taken for a repeal of itself;
* wrongly ended: texts the database lists as in force that lawparse answers
  ``no_longer_in_force`` on their official in-force date's tenth anniversary or today,
  whichever is earlier (a licence's validity read as the act's);
* second adoption: texts with more than one adoption of this act (an amending decision's
  passing read as a new adoption);
* crashes: any exception other than a LawParseError, and LP004 (structure not read).

Only the public API is used, so the same script measures an earlier checkout
(``PYTHONPATH=checkout python benchmarks/realtext_summary.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import lawparse

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "realtext"
# A commencement sentence as drafters write it: subject 本…, then 自/于/从 … 起 … verb.
# 于 only as a preposition: not in 关于, 对于, 由于 ("本条例关于…的规定执行" states no date).
_STATED = re.compile(
    r"本[^。；，]{1,8}?(?:自|(?<![关对由])于|从)[^。；]{1,40}?(?:施行|实施|生效|执行)"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _stated_dates(text: str) -> set[str]:
    """The dates written in Arabic digits (full-width ones too) in ``text``, ISO."""
    found = set()
    for match in _DATE.finditer(unicodedata.normalize("NFKC", text)):
        try:
            found.add(dt.date(*(int(g) for g in match.groups())).isoformat())
        except ValueError:
            continue
    return found


def _version_start(reg: lawparse.Regulation) -> dt.date | None:
    """From when this text's wording applies: its amended wording's start, else the act's."""
    applies = reg.applies
    if applies is not None and applies.wording is not None and applies.wording.date:
        return applies.wording.date
    return reg.effective_from


def _summary(folder: Path) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    today = dt.date.today()
    for path in sorted(folder.glob("*.txt")):
        facts_path = path.with_suffix(".json")
        if not facts_path.is_file():
            continue  # MANIFEST.txt and other files that are no regulation
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        counts["texts"] += 1
        try:
            reg = lawparse.parse(text, path=str(path), errors="collect")
            codes = {d.code for d in lawparse.validate(reg)}
        except lawparse.LawParseError:
            counts["LawParseError"] += 1
            continue
        except Exception:
            counts["crashes"] += 1
            continue
        counts["LP004"] += "LP004" in codes
        counts["effective before adoption"] += "LP102" in codes
        counts["false LP202"] += "LP202" in codes
        counts["false LP210"] += "LP210" in codes
        own = [e for e in reg.events if e.about is None]
        dated = any(e.kind.value == "effective" and e.date for e in own)
        counts["dated entry into force"] += dated
        if _STATED.search(text):
            counts["stated"] += 1
            counts["stated, found"] += dated
            counts["false LP105"] += "LP105" in codes
        adoptions = [e for e in own if e.kind.value == "adopted"]
        counts["second adoption"] += len({e.date for e in adoptions}) > 1
        counts["expiry of this act"] += any(e.kind.value == "expires" for e in own)
        official = facts.get("official") or {}
        in_force = official.get("in_force_date")
        if in_force and in_force in _stated_dates(text):
            counts["official date"] += 1
            start = _version_start(reg)
            if start is not None:
                counts["official date, same"] += start.isoformat() == in_force
                counts["official date, other"] += start.isoformat() != in_force
        if in_force and official.get("status") == "in_force":
            day = min(today, dt.date.fromisoformat(in_force) + dt.timedelta(days=3652))
            ended = reg.status_on(day).value == "no_longer_in_force"
            counts["wrongly ended"] += ended
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--json", action="store_true", help="the counts as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"no folder {args.folder}", file=sys.stderr)
        return 2
    counts = _summary(args.folder)
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    count = Counter(counts)  # a missing measure counts 0
    texts, stated, official = count["texts"], count["stated"], count["official date"]

    def share(part: int, whole: int) -> str:
        return f"{part} / {whole} ({100 * part / whole:.1f} %)" if whole else f"{part} / 0"

    print(f"lawparse {lawparse.__version__} on {args.folder.name}: {texts} texts")
    failures = f"{count['LawParseError']} / {count['crashes']} / {count['LP004']}"
    rows = [
        ("dated entry into force of its own", share(count["dated entry into force"], texts)),
        ("stated and found", share(count["stated, found"], stated)),
        ("false LP105 (stated, none found)", share(count["false LP105"], stated)),
        (
            "version start equals the official date (stated)",
            share(count["official date, same"], official),
        ),
        ("version start gives another date", share(count["official date, other"], official)),
        ("entry into force before adoption (LP102)", str(count["effective before adoption"])),
        ("expiry of this act (none is stated)", str(count["expiry of this act"])),
        ("false LP202 / LP210", f"{count['false LP202']} / {count['false LP210']}"),
        ("in force officially, answered no longer in force", str(count["wrongly ended"])),
        ("two adoption dates of this act", str(count["second adoption"])),
        ("LawParseError / crashes / LP004", failures),
    ]
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
