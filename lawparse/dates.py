"""Dates and the event phrases of English regulation text.

Dates are read in a closed, documented set of forms, never guessed:

* ``July 25, 2023`` / ``July 25 2023`` / ``Jul. 25, 2023`` (month day, year)
* ``25 July 2023`` / ``20th June 1996`` / ``29th April 2021`` (day month year)
* ``2023-07-25`` (ISO 8601 calendar date)

A string in one of these forms that names no real day (``February 30, 2023``) raises
:class:`~lawparse.errors.InvalidDateError` at its position.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import InvalidDateError
from .model import Event, EventKind, Span
from .numbers import english_ordinal
from .source import SourceText

__all__ = ["DateMention", "add_period", "find_dates", "parse_date", "statement_events"]

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"""
    (?<![\w])
    (?:
      (?P<m1>{_MONTH})[ \t\u00a0]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t]+)?(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})
    )
    (?![\w])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as found in the text: its value, its exact wording and where it is."""

    date: dt.date
    text: str
    start: int
    end: int


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTH_ABBREVIATIONS[key[:4] if key == "sept" else key[:3]]


def parse_date(text: str) -> dt.date:
    """Read one date in a supported form; ``ValueError`` for anything else.

    >>> parse_date("July 25, 2023"), parse_date("20th June 1996")
    (datetime.date(2023, 7, 25), datetime.date(1996, 6, 20))
    """
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a date in a supported form: {text!r}")
    return _date_of(match)


def _date_of(match: re.Match[str]) -> dt.date:
    if match.group("y1"):
        year, month, day = match.group("y1"), _month_number(match.group("m1")), match.group("d1")
    elif match.group("y2"):
        year, month, day = match.group("y2"), _month_number(match.group("m2")), match.group("d2")
    else:
        year, month, day = match.group("y3"), int(match.group("m3")), match.group("d3")
    return dt.date(int(year), int(month), int(day))


def find_dates(source: SourceText, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``source.text[start:end]``; an impossible one raises with its position."""
    found = []
    for match in _DATE.finditer(source.text, start, len(source.text) if end is None else end):
        try:
            value = _date_of(match)
        except ValueError as error:
            report_invalid_date(source, match, error)
            continue
        found.append(DateMention(value, match.group(), match.start(), match.end()))
    return found


_COLLECTED: ContextVar[list[InvalidDateError] | None] = ContextVar("collected", default=None)


@contextmanager
def collecting_invalid_dates() -> Iterator[list[InvalidDateError]]:
    """Within this block an impossible date is recorded and skipped instead of raised: the
    ``errors="collect"`` policy of :func:`lawparse.parse`."""
    collected: list[InvalidDateError] = []
    token = _COLLECTED.set(collected)
    try:
        yield collected
    finally:
        _COLLECTED.reset(token)


def report_invalid_date(source: SourceText, match: re.Match[str], error: ValueError) -> None:
    """Raise :class:`InvalidDateError` for ``match``, or record it when collecting."""
    problem = source.error(
        InvalidDateError, f"{match.group()!r} is not a calendar date ({error})", match.start()
    )
    assert isinstance(problem, InvalidDateError)
    collected = _COLLECTED.get()
    if collected is None:
        raise problem
    collected.append(problem)


# Event phrases --------------------------------------------------------------------------------

_ANCHORS = re.compile(
    r"""
    (?P<amended>\bamended(?:\s+and\s+re-?promulgated)?(?:\s+for\s+the\s+(?P<ordinal>[\w-]+)\s+time)?\b)
  | (?P<revised>\brevised(?:\s+for\s+the\s+(?P<rordinal>[\w-]+)\s+time)?\b)
  | (?P<effective>
        \b(?:come|comes|came|go|goes|went|enter|enters|entered|take|takes|took)\s+into\s+(?:force|effect)\b
      | \btake[sn]?\s+effect\b | \bcome\s+into\s+effect\b
      | \beffective\b | \bbe\s+implemented\b | \bbecome\s+operative\b)
  | (?P<expires>\bvalid\s+(?:until|till|through|for)\b|\bremain\s+in\s+force\s+until\b
      | \bexpire[sd]?\b|\bcease[sd]?\s+to\s+(?:have\s+effect|be\s+in\s+force)\b)
  | (?P<adopted>\badopted\b|(?<!\bis\s)\bpassed\b)
  | (?P<approved>\bapproved\b)
  | (?P<promulgated>\b(?:promulgated|issued|published|released)\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Kinds that share one date when coordinated: "adopted at X and promulgated by Y on <date>".
_SHARING = frozenset({EventKind.ADOPTED, EventKind.APPROVED, EventKind.PROMULGATED})
_SESSION = re.compile(
    r"""(?:\bat|\bby)\s+(?:the\s+)?
    (?P<session>(?:\d+\s*(?:st|nd|rd|th)?|[A-Za-z]+(?:-[A-Za-z]+)?)\s*
       (?:(?:Routine|Executive|Plenary|Ordinary|routine|executive|plenary|ordinary)\s+)?
       (?:Session|Meeting|session|meeting))
    (?:\s+of\s+(?:the\s+)?(?P<body>.+))?""",
    re.VERBOSE | re.DOTALL,
)
_INSTRUMENT = re.compile(
    r"""\bby\s+(?:the\s+)?(?P<instrument>(?:Order|Decree|Announcement|Notice)(?:\s+No\.\s*\d+)?)
    (?:\s+of\s+(?:the\s+)?(?P<body>.+))?""",
    re.VERBOSE | re.DOTALL,
)
_BY_BODY = re.compile(r"\bby\s+(?:the\s+)?(?P<body>[A-Z].+)", re.DOTALL)
_IN_ACCORDANCE = re.compile(
    r"\bin\s+accordance\s+with\s+(?:the\s+)?(?P<instrument>.+?)(?=\s+(?:adopted|made|passed|"
    r"approved|at\s+the|by\s+the)\b|$)",
    re.DOTALL,
)
_AMENDING_SUBJECT = re.compile(
    r"\bDecision\b.{0,300}?\bon\s+(?:Amending|the\s+Amendment|Revising|Amendment)", re.DOTALL
)
_SUBJECT_DECISION = re.compile(r"(?P<instrument>\bDecision\b.+?)\s+(?:was|were|is|are|has|have)\b")
_RELATIVE_PROMULGATION = re.compile(
    r"\b(?:as\s+of|from|on)\s+the\s+date\s+of\s+(?:its\s+)?(?:promulgation|publication|issuance)",
    re.IGNORECASE,
)
_RELATIVE_PASSING = re.compile(r"\bon\s+the\s+day\s+on\s+which\s+this\s+Act\s+is\s+passed\b")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_PERIOD = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|sixty"
    r"|ninety)\s*(?:\(\d+\)\s*)?(?P<unit>day|month|year)s?\b",
    re.IGNORECASE,
)
_AFTER_PROMULGATION = re.compile(
    r"\b(?:after|from|following)\s+(?:the\s+(?:date|day)\s+of\s+)?(?:its\s+)?"
    r"(?:promulgation|publication|issuance)",
    re.IGNORECASE,
)
_INCLUSIVE_END = re.compile(r"\b(?:until|till|through)\b", re.IGNORECASE)
_TO_BE_APPOINTED = re.compile(r"\bon\s+such\s+day\b.{0,120}?\bappoint\b", re.DOTALL)
_SPACES = re.compile(r"\s+")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip(" ,;:()")
    text = re.sub(r"\s+(?:and|on)$", "", text)
    return text or None


@dataclass(slots=True)
class _Anchor:
    kind: EventKind
    start: int
    end: int
    ordinal: int | None
    instrument: str | None = None


def _anchors(text: str, start: int, end: int) -> list[_Anchor]:
    found = []
    for match in _ANCHORS.finditer(text, start, end):
        name = match.lastgroup
        if name in ("ordinal", "rordinal"):
            name = "amended" if match.group("amended") else "revised"
        kind = EventKind(name or "effective")
        ordinal_word = match.group("ordinal") or match.group("rordinal")
        ordinal = english_ordinal(ordinal_word) if ordinal_word else None
        found.append(_Anchor(kind, match.start(), match.end(), ordinal))
    return found


def statement_events(source: SourceText, start: int, end: int) -> Iterator[Event]:
    """Events stated by one clause ``source.text[start:end]`` of a preface or a closing article.

    Each verb ("adopted", "promulgated", "amended", "shall come into force") takes the first
    date after it, unless a verb of another kind stands between them; an "amended ... in
    accordance with the Decision ... adopted at ..." clause is one amendment, not an adoption.
    """
    text = source.text
    anchors = _anchors(text, start, end)
    if not anchors:
        return
    dates = find_dates(source, start, end)
    clause_text = text[start:end]
    amending_subject = _AMENDING_SUBJECT.search(text, start, anchors[0].start)
    kept: list[_Anchor] = []
    absorbed = False  # later verbs of an amending clause belong to the amending instrument
    for anchor in anchors:
        if absorbed and anchor.kind is not EventKind.EFFECTIVE:
            continue
        if anchor.kind in (EventKind.AMENDED, EventKind.REVISED):
            absorbed = True
        elif amending_subject and anchor.kind in _SHARING:
            absorbed = True
            if anchor.kind is not EventKind.ADOPTED:
                continue
            anchor = _Anchor(EventKind.AMENDED, anchor.start, anchor.end, None)
            subject = _SUBJECT_DECISION.search(text, start, anchor.start)
            anchor.instrument = _clean(subject.group("instrument")) if subject else None
        kept.append(anchor)
    assigned = _dates_for(kept, dates)
    for index, anchor in enumerate(kept):
        kind = anchor.kind
        next_anchor = kept[index + 1].start if index + 1 < len(kept) else end
        date = assigned[index]
        if kind in (EventKind.AMENDED, EventKind.REVISED):
            phrase_end = date.start if date else end
        else:
            phrase_end = min(next_anchor, date.start) if date else next_anchor
        fields = _agent(kind, text[anchor.end : phrase_end])
        if anchor.instrument:
            fields["instrument"] = anchor.instrument
        unresolved = relative_to = offset = None
        value = date.date if date else None
        if date is not None and kind is EventKind.EXPIRES:
            if _INCLUSIVE_END.search(text, anchor.start, date.start):
                value = date.date + dt.timedelta(days=1)  # "valid until D": D is the last day
        elif date is None or (
            kind is EventKind.EFFECTIVE and _PERIOD.search(text, anchor.end, date.start)
        ):
            # "30 days after the date of promulgation" names a date it does not give.
            date = value = None
            unresolved, relative_to, offset = _relative(kind, text, anchor.end, end)
            if unresolved is None:
                continue  # a verb with no date and no relative phrase states no event
        yield Event(
            kind=kind,
            date=value,
            date_text=date.text if date else None,
            unresolved=unresolved,
            relative_to=relative_to,
            relative_offset=offset,
            ordinal=anchor.ordinal,
            text=_SPACES.sub(" ", clause_text).strip(),
            span=Span(start=start, end=end),
            **fields,
        )


def _dates_for(anchors: list[_Anchor], dates: list[DateMention]) -> list[DateMention | None]:
    """The date of each verb: the first date after it, unless a verb of another kind stands
    between them. One pass each way, so a clause of many verbs stays linear."""
    date_starts = [d.start for d in dates]
    # For each verb, where the next verb starts, and where the next verb that cannot share a
    # date with it starts.
    next_start = [anchor.start for anchor in anchors[1:]] + [sys.maxsize]
    next_unshared = [sys.maxsize] * len(anchors)
    upcoming = sys.maxsize
    for index in range(len(anchors) - 1, -1, -1):
        next_unshared[index] = upcoming
        if anchors[index].kind not in _SHARING:
            upcoming = anchors[index].start
    found: list[DateMention | None] = []
    for index, anchor in enumerate(anchors):
        position = bisect.bisect_left(date_starts, anchor.end)
        if position == len(dates):
            found.append(None)
            continue
        following = dates[position]
        blocker = next_unshared[index] if anchor.kind in _SHARING else next_start[index]
        found.append(following if blocker >= following.start else None)
    return found


def _agent(kind: EventKind, phrase: str) -> dict[str, str | None]:
    """Who acted, at which session, by which instrument, read from the verb's phrase."""
    fields: dict[str, str | None] = {}
    if kind in (EventKind.AMENDED, EventKind.REVISED):
        accordance = _IN_ACCORDANCE.search(phrase)
        if accordance:
            fields["instrument"] = _clean(accordance.group("instrument"))
    # The last "at the Nth Session of ..." is the acting body's: earlier ones belong to the
    # instrument's title ("Decision ... adopted at ...").
    sessions = list(_SESSION.finditer(phrase))
    if sessions:
        session = sessions[-1]
        fields["session"] = _clean(session.group("session"))
        fields["body"] = _clean(session.group("body"))
        return fields
    instrument = _INSTRUMENT.search(phrase)
    if instrument:
        fields["instrument"] = _clean(instrument.group("instrument"))
        fields["body"] = _clean(instrument.group("body"))
        return fields
    by_body = _BY_BODY.search(phrase)
    if by_body and kind is not EventKind.EFFECTIVE:
        fields["body"] = _clean(by_body.group("body"))
    return fields


def _relative(
    kind: EventKind, text: str, start: int, end: int
) -> tuple[str | None, EventKind | None, str | None]:
    """Why a verb has no calendar date, the event its date counts from, and the period after
    that event ("P30D"), if any."""
    if kind is EventKind.PROMULGATED:
        return "the text states no date of promulgation", None, None
    window = text[start : min(end, start + 200)]
    period = _PERIOD.search(window)
    offset = _iso_period(period) if period else None
    if kind is EventKind.EXPIRES:
        if period and period.start() < 40:  # "valid for five years"
            return f"relative: {period.group()} from entry into force", EventKind.EFFECTIVE, offset
        return None, None, None
    if kind is not EventKind.EFFECTIVE:
        return None, None, None
    if period and _AFTER_PROMULGATION.search(window, period.end()):
        return f"relative: {period.group()} after promulgation", EventKind.PROMULGATED, offset
    if _RELATIVE_PROMULGATION.search(window):
        return "relative: the date of promulgation", EventKind.PROMULGATED, None
    if _RELATIVE_PASSING.search(window):
        return "relative: the day on which the Act is passed", EventKind.ADOPTED, None
    if _TO_BE_APPOINTED.search(window):
        return "on a day to be appointed, which the text does not give", None, None
    return None, None, None


def _iso_period(match: re.Match[str]) -> str:
    count = match.group("n").lower()
    number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    return f"P{number}{match.group('unit')[0].upper()}"


def add_period(start: dt.date, period: str) -> dt.date:
    """``start`` plus an ISO 8601 period of one unit ("P30D", "P6M", "P5Y"); a day that the
    target month lacks (February 30) becomes the month's last day, as drafters count.

    >>> add_period(dt.date(2024, 2, 29), "P1Y")
    datetime.date(2025, 2, 28)
    """
    match = re.fullmatch(r"P(\d+)([DMY])", period)
    if match is None:
        raise ValueError(f"unsupported period {period!r}")
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "D":
        return start + dt.timedelta(days=amount)
    months = start.month - 1 + amount * (12 if unit == "Y" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last_day))
