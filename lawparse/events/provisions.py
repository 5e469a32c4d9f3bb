"""Which provisions a provision-level event concerns: its wording resolved to eIds.

"Sections 1 to 4 come into force on ...", "Section 5 and this section ...", "the following
provisions ...: (a) sections 10 to 12; (b) this section", "the rest of this Act", 第五条:
read once, when the text is read, so that no query parses the wording again.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import en, zh
from ..model import Article, Event, EventKind, Point

__all__ = ["resolve_targets"]


def _numbers(wording: str, own: int) -> set[int]:
    """Article numbers a commencement clause names: "Sections 1 to 4", "Section 5 and this
    section", "sections 10 to 12", 第五条; a subdivision alone ("section 1(2)") is not the
    whole section and names nothing."""
    found: set[int] = set()
    for match in en.PROVISION_RANGE.finditer(wording):
        if wording[match.end("first") : match.end("first") + 1] == "(" and not match["last"]:
            continue
        first = int(match["first"])
        last = int(match["last"]) if match["last"] else first
        found.update(range(first, last + 1))
        found.update(int(n) for n in match["more"].replace(",", " ").split() if n.isdigit())
    for match in zh.ARTICLE_CITATION.finditer(wording):
        value = zh.parse_numeral(match["n"])
        if value is not None:
            found.add(value)
    if en.THIS_PROVISION.search(wording):
        found.add(own)
    return found


def _owner(articles: Sequence[Article], event: Event) -> Article | None:
    for article in articles:
        if article.span.start <= event.span.start < article.span.end:
            return article
    return None


def _is_rest(wording: str) -> bool:
    return bool(en.REST_OF_ACT.search(wording) or zh.REST_OF_ACT.search(wording))


def resolve_targets(
    events: Sequence[Event], provisions: Sequence[Article | Point], text: str
) -> list[Event]:
    """``events`` with the ``targets`` of each entry into force of some provisions: the eIds
    its wording names ("the rest of this Act": every provision no other one names)."""
    articles = [p for p in provisions if isinstance(p, Article)]
    resolved: list[Event] = []
    rest: list[int] = []
    named: set[str] = set()
    for event in events:
        if not (event.about is None and event.provisions and event.kind is EventKind.EFFECTIVE):
            resolved.append(event)
            continue
        owner = _owner(articles, event)
        wording = event.provisions
        if en.FOLLOWING_PROVISIONS.match(wording) and owner is not None:
            # The list follows the sentence: "(a) ...; (b) sections 10 to 12; (c) this section".
            wording = text[event.span.start : owner.span.end]
        if _is_rest(wording):
            rest.append(len(resolved))
            resolved.append(event)
            continue
        numbers = _numbers(wording, owner.number if owner else -1)
        targets = tuple(p.eid for p in provisions if p.number in numbers)
        named.update(targets)
        resolved.append(event.model_copy(update={"targets": targets}))
    remainder = tuple(p.eid for p in provisions if p.eid not in named)
    for index in rest:
        resolved[index] = resolved[index].model_copy(update={"targets": remainder})
    return resolved
