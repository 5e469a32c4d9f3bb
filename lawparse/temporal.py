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
import re
from collections.abc import Iterable, Sequence
from enum import Enum

from pydantic import BaseModel, ConfigDict

from .model import Article, Event, EventKind, Point, Regulation
from .numbers import parse_chinese

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


class Status(str, Enum):
    """Whether something is in force on a date."""

    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    NO_LONGER_IN_FORCE = "no_longer_in_force"
    UNKNOWN = "unknown"


class Bound(BaseModel):
    """One end of an interval: its date, the event that sets it, or why it is not known.

    ``date`` and ``reason`` both ``None`` means no such end: open-ended.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    date: dt.date | None = None
    event: Event | None = None
    reason: str | None = None

    @property
    def unresolved(self) -> bool:
        """The end exists but its date is not known."""
        return self.date is None and self.reason is not None


class Applicability(BaseModel):
    """When a regulation or provision applies: ``[start, until)``.

    ``not_before`` is a date before which it cannot apply (adoption or promulgation) when
    ``start`` is unresolved; ``wording`` is from when the text's own wording applies (the last
    amendment's), for a consolidated text.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    eid: str
    start: Bound
    until: Bound = Bound()
    not_before: dt.date | None = None
    wording: Bound | None = None

    def status_on(self, day: dt.date) -> Status:
        """The status on ``day``; ``unknown`` whenever an unresolved end decides it."""
        start, until = self.start, self.until
        if until.date is not None and day >= until.date:
            return Status.NO_LONGER_IN_FORCE
        if start.date is None:
            if self.not_before is not None and day < self.not_before:
                return Status.NOT_YET_IN_FORCE
            wording_date = self.wording.date if self.wording else None
            if wording_date is not None and day >= wording_date and not until.unresolved:
                return Status.IN_FORCE  # its amended wording applies, so the work does too
            return Status.UNKNOWN
        if day < start.date:
            return Status.NOT_YET_IN_FORCE
        if until.unresolved:
            return Status.UNKNOWN
        return Status.IN_FORCE


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
    """The regulation's interval as a work; ``ended_by`` is a repeal stated by another act."""
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
        wording = _bound(min(after, key=lambda e: e.date or dt.date.max)) if after else None
        wording = wording or _bound(last_change)
    return Applicability(
        eid=reg.eid, start=start, until=until, not_before=not_before, wording=wording
    )


def provisions_of(reg: Regulation) -> tuple[Article | Point, ...]:
    """The provisions that apply one by one: articles, or the points of a decision."""
    return reg.articles or reg.points


_RANGE = re.compile(
    r"\b(?:sections?|articles?)\s+(?P<first>\d+)(?:\s*(?:to|-|–)\s*(?P<last>\d+))?"
    r"(?P<more>(?:\s*(?:,|and)\s*\d+(?!\s*\())*)",
    re.IGNORECASE,
)
_CHINESE_ARTICLE = re.compile(r"第(?P<n>[一二三四五六七八九十百零〇两]+)条")
_THIS = re.compile(r"\bthis\s+(?:section|article)\b", re.IGNORECASE)
_REST = re.compile(
    r"\b(?:the\s+rest\s+of\s+this\s+Act|the\s+provisions\s+of\s+this\s+Act|all\s+other\s+"
    r"provisions|其余条款)\b",
    re.IGNORECASE,
)


def _numbers(wording: str, own: int) -> set[int]:
    """Article numbers a commencement clause names: "Sections 1 to 4", "Section 5 and this
    section", "sections 10 to 12", "第五条"; a subdivision alone ("section 1(2)") is not the
    whole section and names nothing."""
    found: set[int] = set()
    for match in _RANGE.finditer(wording):
        if wording[match.end("first") : match.end("first") + 1] == "(" and not match["last"]:
            continue
        first = int(match["first"])
        last = int(match["last"]) if match["last"] else first
        found.update(range(first, last + 1))
        found.update(int(n) for n in re.findall(r"\d+", match["more"] or ""))
    for match in _CHINESE_ARTICLE.finditer(wording):
        value = parse_chinese(match["n"])
        if value is not None:
            found.add(value)
    if _THIS.search(wording):
        found.add(own)
    return found


def _owner(reg: Regulation, event: Event) -> Article | None:
    for article in reg.articles:
        if article.span.start <= event.span.start < article.span.end:
            return article
    return None


def provision_applicability(
    reg: Regulation, work: Applicability | None = None
) -> dict[str, Applicability]:
    """Each provision's interval, by eId: its own commencement where one is stated ("Section
    5 and this section come into force ..."), else "the rest of this Act", else the
    regulation's."""
    work = work or regulation_applicability(reg)
    explicit: dict[int, Event] = {}
    rest: Event | None = None
    for event in reg.events:
        if not (_about_this(event) and event.provisions and event.kind is EventKind.EFFECTIVE):
            continue
        owner = _owner(reg, event)
        wording = event.provisions
        if re.match(r"(?i)the\s+following\s+provisions", wording) and owner is not None:
            # The list follows the sentence: "(a) ...; (b) sections 10 to 12; (c) this section".
            wording = reg.source.text[event.span.start : owner.span.end]
        if _REST.search(wording):
            rest = event
            continue
        for number in _numbers(wording, owner.number if owner else -1):
            explicit.setdefault(number, event)
    result: dict[str, Applicability] = {}
    for provision in provisions_of(reg):
        own = explicit.get(provision.number) or rest
        if own is None:
            result[provision.eid] = work.model_copy(update={"eid": provision.eid})
            continue
        result[provision.eid] = Applicability(
            eid=provision.eid, start=_bound(own), until=work.until, not_before=work.not_before
        )
    return result


def status_on(reg: Regulation, day: dt.date) -> Status:
    """The regulation's status on ``day`` (as a work)."""
    return regulation_applicability(reg).status_on(day)


def in_force_on(reg: Regulation, day: dt.date) -> tuple[Article | Point, ...]:
    """The provisions in force on ``day``, article-level commencement honoured."""
    intervals = provision_applicability(reg)
    return tuple(
        p for p in provisions_of(reg) if intervals[p.eid].status_on(day) is Status.IN_FORCE
    )


def applicability(reg: Regulation, eid: str | None = None) -> Applicability:
    """The interval of the provision ``eid``, or of the regulation when ``eid`` is ``None``."""
    if eid is None or eid == reg.eid:
        return regulation_applicability(reg)
    intervals = provision_applicability(reg)
    if eid not in intervals:
        raise KeyError(eid)
    return intervals[eid]


def timeline(events: Sequence[Event]) -> list[Event]:
    """The events in date order (stable); those without a date come last, in text order."""
    dated = sorted((e for e in events if e.date is not None), key=lambda e: e.date or dt.date.min)
    return dated + [e for e in events if e.date is None]


def effective_dates(reg: Regulation) -> list[dt.date]:
    """Every date on which this regulation or some of its provisions enter into force."""
    return sorted(
        {
            e.date
            for e in reg.events
            if e.kind is EventKind.EFFECTIVE and _about_this(e) and e.date is not None
        }
    )
