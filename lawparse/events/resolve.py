"""One event per fact, and relative dates resolved against the events they count from."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Event, EventKind
from .dates import add_period

__all__ = ["merge", "resolve"]


def _same_fact(kept: Event, event: Event) -> bool:
    if (kept.kind, kept.about, kept.provisions) != (event.kind, event.about, event.provisions):
        return False
    if kept.date == event.date:
        return kept.date is not None or kept.kind is EventKind.PROMULGATED
    # "are hereby promulgated" (no date) and "(Promulgated ... on January 19, 2010)".
    return kept.kind is EventKind.PROMULGATED and (kept.date is None or event.date is None)


def merge(events: Iterable[Event]) -> list[Event]:
    """One event per fact: a note and an announcement often state the same adoption."""
    merged: list[Event] = []
    for event in events:
        twin = next((i for i, kept in enumerate(merged) if _same_fact(kept, event)), None)
        if twin is None:
            merged.append(event)
            continue
        kept = merged[twin]
        if kept.date is None and event.date is not None:
            kept, event = event, kept
        update = {
            name: getattr(event, name)
            for name in ("body", "session", "instrument")
            if getattr(kept, name) is None and getattr(event, name) is not None
        }
        merged[twin] = kept.model_copy(update=update) if update else kept
    merged.sort(key=lambda event: event.span.start)
    return merged


def resolve(events: list[Event]) -> list[Event]:
    """Fill in relative dates from the event they count from, when it has a date.

    Chains resolve in order: expiry "five years from entry into force" waits for an entry
    into force "30 days after promulgation" to get its date first.
    """
    for _ in range(3):
        dated = {
            event.kind: event.date
            for event in events
            if event.date is not None and event.about is None and event.provisions is None
        }
        resolved = []
        for event in events:
            base = dated.get(event.relative_to) if event.relative_to is not None else None
            if event.date is None and base is not None:
                if event.relative_offset is not None:
                    base = add_period(base, event.relative_offset)
                event = event.model_copy(update={"date": base, "unresolved": None})
            resolved.append(event)
        if resolved == events:
            break
        events = resolved
    return events
