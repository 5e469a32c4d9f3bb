"""Read what a regulation says about itself: its dated events.

The preface (announcement, title, adoption note) states adoption, promulgation, amendment
and entry into force; closing provisions state commencement, sometimes for some provisions
only. Each language's reader (:mod:`.english`, :mod:`.chinese`) finds the statements; here
they are merged (one event per fact), relative dates resolved (:mod:`.resolve`) and
provision wording resolved to eIds (:mod:`.provisions`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import en, zh
from ..model import Article, Event, Point, Span
from ..source import SourceText
from .chinese import chinese_events
from .english import english_events
from .provisions import resolve_targets
from .resolve import merge, resolve

__all__ = ["regulation_events"]


def regulation_events(
    source: SourceText,
    clauses: Sequence[tuple[int, int]],
    title: Span | None,
    provisions: Sequence[Article | Point],
    wrapped: bool,
    languages: Sequence[str] = (en.CODE,),
    english: en.Phrases = en.PHRASES,
    chinese: zh.Phrases = zh.PHRASES,
) -> tuple[Event, ...]:
    """Every event the text states, in text order, duplicates merged, relative dates resolved.

    A bilingual text states its history in both languages; each reading adds its events and
    the merge keeps one per fact. ``clauses`` are the preface's, from
    :func:`lawparse.structure.clauses.split_clauses`; ``english`` and ``chinese`` are the
    phrase tables to read with.
    """
    events: list[Event] = []
    for language in languages:
        if language == zh.CODE:
            own_title = title.of(source.text) if title else None
            events.extend(chinese_events(source, clauses, provisions, chinese, own_title))
        else:
            events.extend(english_events(source, clauses, title, provisions, wrapped, english))
    events.sort(key=lambda event: event.span.start)
    conventions = [
        zh.PROMULGATED_ON_ADOPTION if code == zh.CODE else en.PROMULGATED_ON_ADOPTION
        for code in languages
    ]
    resolved = resolve(merge(events), conventions)
    return tuple(resolve_targets(resolved, provisions, source.text))
