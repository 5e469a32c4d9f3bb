"""What lawparse reads of cross-references on ../shared/realtext (or --folder).

Every mention of 第N条 inside an article's text (its label left out) is counted once, by what
became of it: resolved (inside a reference of this act whose targets are all found),
external (inside a citation of another act), unresolved (inside a reference of this act that
names a provision the text does not have, counted by reason), or missed (in no reference).
``--show N`` prints up to N unresolved and missed mentions with their sentence. Then the
references of every form (前款, 本条第二款, 第三项, ...) left unresolved, by reason.

Only the public API is used, so the same script measures an earlier checkout.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter
from pathlib import Path

import lawparse

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "realtext"
_MENTION = re.compile(r"第[〇○零一二三四五六七八九十百千两\d]+条")


def _reason(unresolved: str) -> str:
    return unresolved.split(":", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--show", type=int, default=0, help="print this many examples of each")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"skipped: {args.folder} is not there")
        return 0
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    references = texts = 0
    unresolved_refs: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for path in sorted(args.folder.glob("*.txt")):
        try:
            reg = lawparse.parse_file(path, errors="collect")
        except lawparse.LawParseError:
            continue
        texts += 1
        text = reg.source.text
        refs = sorted(reg.references, key=lambda r: r.span.start)
        references += len(refs)
        for ref in refs:
            if ref.unresolved and ref.external is None:
                reason = _reason(ref.unresolved)
                unresolved_refs[reason] += 1
                examples.setdefault(reason, f"{path.name}: {ref.text}")
        starts = [r.span.start for r in refs]
        for article in reg.articles:
            begin = article.span.start + len(article.label)
            for mention in _MENTION.finditer(text, begin, article.span.end):
                index = bisect.bisect_right(starts, mention.start()) - 1
                ref = refs[index] if index >= 0 else None
                if ref is None or ref.span.end < mention.end():
                    outcome = "missed"
                elif ref.external is not None:
                    outcome = "external"
                elif ref.unresolved:
                    outcome = "unresolved"
                    reasons[_reason(ref.unresolved)] += 1
                else:
                    outcome = "resolved"
                counts[outcome] += 1
                if outcome in ("missed", "unresolved") and shown[outcome] < args.show:
                    shown[outcome] += 1
                    line_start = text.rfind("\n", 0, mention.start()) + 1
                    line_end = text.find("\n", mention.end())
                    sentence = text[max(line_start, mention.start() - 60) : line_end][:140]
                    why = f" [{ref.unresolved}]" if ref and ref.unresolved else ""
                    print(f"{outcome}: {path.name}: {mention.group()}{why}: {sentence}")
    total = sum(counts.values())
    print(f"texts: {texts}, references read: {references}")
    print(f"mentions of 第N条 inside article text: {total}")
    for outcome in ("resolved", "external", "unresolved", "missed"):
        share = counts[outcome] / total if total else 0.0
        print(f"  {outcome}: {counts[outcome]} ({share:.1%})")
    local = counts["resolved"] + counts["unresolved"] + counts["missed"]
    if local:
        print(f"resolved share of mentions of this act: {counts['resolved'] / local:.1%}")
    for reason, count in reasons.most_common():
        print(f"  unresolved, {reason}: {count}")
    print(f"references of this act left unresolved, of every form: {sum(unresolved_refs.values())}")
    for reason, count in unresolved_refs.most_common():
        print(f"  {reason}: {count} (e.g. {examples[reason]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
