"""When were the Pudong financial-leasing Provisions adopted, and when did they come into force?

Run from the repository root: ``python examples/when_in_force.py``.
"""

from __future__ import annotations

from pathlib import Path

import lawparse
from lawparse import EventKind

HERE = Path(__file__).parent


def main() -> None:
    for name in ("seed_pudong_finance_leasing_runon.txt", "en_sh_pudong_finance_lease_EXCERPT.txt"):
        reg = lawparse.parse_file(HERE / name)
        print(reg.title)
        for event in reg.events:
            if event.kind in (EventKind.ADOPTED, EventKind.EFFECTIVE):
                by = f" by the {event.session} of the {event.body}" if event.body else ""
                print(f"  {event.kind.value:<10} {event.date}{by}")
        print(f"  {len(reg.articles)} articles: {', '.join(a.label for a in reg.articles)}")


if __name__ == "__main__":
    main()
