"""One event per fact, and relative dates resolved against the events they count from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..model import Event, EventKind
from .dates import add_period

__all__ = ["INFERRED_PROMULGATION", "PRESIDENT_PROMULGATES_SINCE", "merge", "resolve"]

INFERRED_PROMULGATION = (
    "the day of adoption: the President's order makes a law of the national legislature"
    " public on the day it passes"
)
"""Why a day counted from an unstated promulgation is the adoption's."""


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


PRESIDENT_PROMULGATES_SINCE = dt.date(1983, 6, 18)
"""The first President under the 1982 Constitution took office: from then on the laws of
the National People's Congress and its Standing Committee are promulgated by the President's
order of the day they are adopted (before, the Standing Committee's chairman promulgated
them, often days later: the Criminal Law of 1979 was adopted on July 1 and promulgated on
July 6)."""


def _promulgation_by_adoption(
    events: Sequence[Event], bodies: Sequence[re.Pattern[str]]
) -> dt.date | None:
    """The day an act is promulgated by convention when the text states no promulgation:
    its adoption's, when its adopting body promulgates on adoption (``bodies``)."""
    adoption = next(
        (e for e in events if e.kind is EventKind.ADOPTED and e.about is None and e.date), None
    )
    if adoption is None or adoption.date is None or adoption.body is None:
        return None
    if adoption.date < PRESIDENT_PROMULGATES_SINCE:
        return None
    if not any(body.fullmatch(adoption.body.strip()) for body in bodies):
        return None
    return adoption.date


def resolve(
    events: list[Event], promulgating_on_adoption: Sequence[re.Pattern[str]] = ()
) -> list[Event]:
    """Fill in relative dates from the event they count from, when it has a date.

    Chains resolve in order: expiry "five years from entry into force" waits for an entry
    into force "30 days after promulgation" to get its date first. A day counted from a
    promulgation the text does not state counts from the adoption when the adopting body
    is one of ``promulgating_on_adoption`` (the National People's Congress and its Standing
    Committee); such a date says so in ``Event.inferred``.
    """
    by_convention = _promulgation_by_adoption(events, promulgating_on_adoption)
    for _ in range(3):
        dated = {
            event.kind: event.date
            for event in events
            if event.date is not None and event.about is None and event.provisions is None
        }
        inferred = None
        if by_convention is not None and EventKind.PROMULGATED not in dated:
            dated[EventKind.PROMULGATED] = by_convention
            inferred = INFERRED_PROMULGATION
        resolved = []
        for event in events:
            base = dated.get(event.relative_to) if event.relative_to is not None else None
            if event.date is None and base is not None:
                if event.relative_offset is not None:
                    base = add_period(base, event.relative_offset)
                update: dict[str, object] = {"date": base, "unresolved": None}
                if inferred is not None and event.relative_to is EventKind.PROMULGATED:
                    update["inferred"] = inferred
                event = event.model_copy(update=update)
            resolved.append(event)
        if resolved == events:
            break
        events = resolved
    return events
