"""What applies when: applicability intervals, status on a date, the timeline of a regulation.

Dates are calendar dates and intervals are half-open, ``[start, until)``. An end that the text
does not fix (a day to be appointed, "on promulgation" with no promulgation date) stays
unresolved with its reason, and a status that depends on it is ``unknown``: never a guess.

The regulation is answered for as a work, the way a lawyer asks "is this law in force?": from
its first commencement until repeal or expiry, whatever amendments came between. A
consolidated text keeps its original commencement article after amendment (the Legislation
Law of 2023 still says "本法自2000年7月1日起施行"); after a full revision the commencement
article carries the new date, which then dates the revised wording, not the work. So an
entry into force dated after the first amendment dates the wording (``wording``), and the
work's own start is unresolved, though never before the act was adopted or promulgated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import (
    Applicability,
    Article,
    Bound,
    Clause,
    Event,
    EventKind,
    Period,
    Point,
    Regulation,
    Status,
    events_in_date_order,
)

__all__ = [
    "CHANGE_KINDS",
    "Applicability",
    "Bound",
    "Status",
    "applicability",
    "effective_dates",
    "in_force_on",
    "provision_applicability",
    "provisions_of",
    "regulation_applicability",
    "status_on",
    "timeline",
    "with_applicability",
]


CHANGE_KINDS = frozenset(
    {
        EventKind.EFFECTIVE,
        EventKind.EXPIRES,
        EventKind.REPEALED,
        EventKind.AMENDED,
        EventKind.REVISED,
    }
)
"""The events that change what applies: what ``changes_between`` reports."""


def _about_this(event: Event) -> bool:
    return event.about is None


def _whole(event: Event) -> bool:
    return event.about is None and event.provisions is None


def _bound(event: Event) -> Bound:
    if event.date is not None:
        return Bound(date=event.date, event=event)
    return Bound(event=event, reason=event.unresolved or "the text gives no date")


def _earliest(events: Iterable[Event]) -> Event | None:
    """The earliest dated event, else the first undated one."""
    events = list(events)
    dated = [e for e in events if e.date is not None]
    if dated:
        return min(dated, key=lambda e: e.date or dt.date.max)
    return events[0] if events else None


def regulation_applicability(reg: Regulation, ended_by: Event | None = None) -> Applicability:
    """The regulation's interval as a work; ``ended_by`` is a repeal stated by another act.
    What :func:`lawparse.parse` stored is reused when no other act ends this one."""
    if ended_by is None and reg.applies is not None:
        return reg.applies
    return _from_events(reg, ended_by)


def _from_events(reg: Regulation, ended_by: Event | None) -> Applicability:
    events = reg.events
    amendments = [
        e for e in events if _about_this(e) and e.kind in (EventKind.AMENDED, EventKind.REVISED)
    ]
    first_change = min((e.date for e in amendments if e.date), default=None)
    commencements = [e for e in events if _whole(e) and e.kind is EventKind.EFFECTIVE]
    original = [
        e for e in commencements if first_change is None or e.date is None or e.date <= first_change
    ]
    later = [e for e in commencements if e not in original]
    partial = [
        e
        for e in events
        if _about_this(e) and e.provisions is not None and e.kind is EventKind.EFFECTIVE
    ]
    origin = [
        e.date
        for e in events
        if _about_this(e) and e.kind in (EventKind.ADOPTED, EventKind.PROMULGATED) and e.date
    ]
    not_before = min(origin, default=None)

    if original and (not amendments or _earliest(original) is not None):
        chosen = _earliest(original)
        assert chosen is not None
        start = _bound(chosen)
        if chosen.date is None and amendments:
            start = Bound(event=chosen, reason=chosen.unresolved or "the text gives no date")
    elif later:
        start = Bound(
            reason="the text dates its amended wording, not the act's first entry into force"
        )
    elif partial:
        # An Act commenced piece by piece is in force from its first commencement.
        first = _earliest(partial)
        assert first is not None
        start = _bound(first)
    else:
        start = Bound(reason="the text states no entry into force")

    ends = [e for e in events if _whole(e) and e.kind in (EventKind.EXPIRES, EventKind.REPEALED)]
    if ended_by is not None:
        ends.append(ended_by)
    ending = _earliest(ends)
    until = _bound(ending) if ending is not None else Bound()

    wording: Bound | None = None
    if amendments:
        last_change = max(amendments, key=lambda e: e.date or dt.date.min)
        after = [e for e in later if e.date and last_change.date and e.date >= last_change.date]
        # An instrument's own commencement, limited to the provisions it changed (what
        # lawparse.amend records), dates the wording it gave.
        after += [e for e in partial if e.instrument and e.instrument == last_change.instrument]
        wording = _bound(min(after, key=lambda e: e.date or dt.date.max)) if after else None
        wording = wording or _bound(last_change)
    # A commencement that dates an amended wording shows the work in force from that day.
    in_force_by = min((e.date for e in later if e.date), default=None)
    return Applicability(
        eid=reg.eid,
        start=start,
        until=until,
        not_before=not_before,
        wording=wording,
        in_force_by=in_force_by if start.date is None else None,
    )


def provisions_of(reg: Regulation) -> tuple[Article | Point, ...]:
    """The provisions that apply one by one: articles, or the points of a decision."""
    return reg.provisions


def _own_commencements(reg: Regulation, work: Applicability) -> dict[str, Applicability]:
    """The intervals of the provisions whose commencement the text states ("Section 5 and
    this section come into force ..."; the event's ``targets``), by eId: the first such
    event for each, ending when the work ends."""
    own: dict[str, Applicability] = {}
    for event in reg.events:
        if _about_this(event) and event.kind is EventKind.EFFECTIVE:
            for eid in event.targets:
                if eid not in own:
                    own[eid] = Applicability(
                        eid=eid, start=_bound(event), until=work.until, not_before=work.not_before
                    )
    return own


def provision_applicability(
    reg: Regulation, work: Applicability | None = None
) -> dict[str, Applicability]:
    """Each provision's interval, by eId: its own commencement where the text states one,
    else the regulation's. ``work`` replaces the regulation's own interval (a corpus knows of
    repeals stated by other acts); a provision's own start is kept, its end is the work's."""
    work = work or regulation_applicability(reg)
    own = _own_commencements(reg, work)
    return {p.eid: own.get(p.eid) or work.model_copy(update={"eid": p.eid}) for p in reg.provisions}


def with_applicability(reg: Regulation) -> Regulation:
    """``reg`` with its applicability computed from its events (what :func:`lawparse.parse`
    stores): the work's interval, and those of the provisions with their own commencement."""
    work = _from_events(reg, None)
    own = _own_commencements(reg, work)
    provisions = reg.provisions  # a property that walks the tree: read it once
    differing = tuple(
        own[p.eid] for p in provisions if p.eid in own and own[p.eid].start != work.start
    )
    work_period = work.period()
    for provision in provisions:
        period = own[provision.eid].period() if provision.eid in own else work_period
        translation = provision.translation if isinstance(provision, Article) else None
        for node in (provision, translation) if translation else (provision,):
            _set_applies((node, *node.clauses), period)
    return reg.model_copy(update={"applies": work, "provisions_applying": differing})


def _set_applies(nodes: Iterable[Article | Point | Clause], period: Period) -> None:
    # The nodes are the parse's own, not yet handed out: setting the field in place spares
    # copying every article and clause of the frozen tree to add one value.
    for node in nodes:
        object.__setattr__(node, "applies", period)
        node.__pydantic_fields_set__.add("applies")


def status_on(reg: Regulation, day: dt.date) -> Status:
    """The regulation's status on ``day`` (as a work)."""
    return reg.status_on(day)


def in_force_on(reg: Regulation, day: dt.date) -> tuple[Article | Point, ...]:
    """The provisions in force on ``day``, article-level commencement honoured."""
    return reg.in_force_on(day)


def applicability(reg: Regulation, eid: str | None = None) -> Applicability:
    """The interval of the provision ``eid``, or of the regulation when ``eid`` is ``None``."""
    return reg.applicability(eid)


def timeline(events: Iterable[Event]) -> list[Event]:
    """The events in date order (stable); those without a date come last, in text order."""
    return events_in_date_order(events)


def effective_dates(reg: Regulation) -> list[dt.date]:
    """Every date on which this regulation or some of its provisions enter into force."""
    return reg.effective_dates()
