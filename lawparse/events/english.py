"""Event phrases of English regulation text: verbs first, then their dates.

"Adopted at the 4th Session of the Standing Committee ... on July 25, 2023, and promulgated
... These Provisions shall come into force on October 1, 2023": each verb takes the first
date after it, unless a verb of another kind stands between them. The words are the tables of
:mod:`lawparse.languages.en`; :class:`~lawparse.languages.en.Phrases` carries the ones a
caller may extend (subjects, verbs, anchors).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..languages import en
from ..languages.common import (
    CLAUSE_TERMINAL,
    CLOSE_BRACKETS,
    COMMAS,
    OPEN_BRACKETS,
    SEMICOLONS,
    WHITESPACE_RUN,
)
from ..model import Article, Event, EventKind, Point, Span
from ..source import SourceText
from ..structure.clauses import split_clauses
from .dates import DateMention, find_dates

__all__ = ["english_events", "statement_events"]

_AMENDING = frozenset({EventKind.AMENDED, EventKind.REVISED})
# Kinds that share one date when coordinated: "adopted at X and promulgated by Y on <date>".
_SHARING = frozenset({EventKind.ADOPTED, EventKind.APPROVED, EventKind.PROMULGATED})


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = WHITESPACE_RUN.sub(" ", text).strip(" ,;:()")
    text = en.TRAILING_JOINER.sub("", text)
    return text or None


@dataclass(slots=True)
class _Anchor:
    kind: EventKind
    start: int
    end: int
    ordinal: int | None
    instrument: str | None = None


def _anchors(text: str, start: int, end: int, phrases: en.Phrases) -> list[_Anchor]:
    found = []
    for match in phrases.anchors.finditer(text, start, end):
        name = match.lastgroup
        if name in ("ordinal", "rordinal"):
            name = "amended" if match.group("amended") else "revised"
        kind = EventKind(name or "effective")
        ordinal_word = match.group("ordinal") or match.group("rordinal")
        ordinal = en.english_ordinal(ordinal_word) if ordinal_word else None
        found.append(_Anchor(kind, match.start(), match.end(), ordinal))
    return found


def statement_events(
    source: SourceText, start: int, end: int, phrases: en.Phrases = en.PHRASES
) -> Iterator[Event]:
    """Events stated by one clause ``source.text[start:end]`` of a preface or a closing article.

    Each verb ("adopted", "promulgated", "amended", "shall come into force") takes the first
    date after it, unless a verb of another kind stands between them; an "amended ... in
    accordance with the Decision ... adopted at ..." clause is one amendment, not an adoption.
    """
    text = source.text
    anchors = _anchors(text, start, end, phrases)
    if not anchors:
        return
    dates = find_dates(source, start, end)
    clause_text = text[start:end]
    amending_subject = en.AMENDING_SUBJECT.search(text, start, anchors[0].start)
    kept: list[_Anchor] = []
    absorbed = False  # later verbs of an amending clause belong to the amending instrument
    for anchor in anchors:
        if absorbed and anchor.kind is not EventKind.EFFECTIVE:
            continue
        if anchor.kind in _AMENDING:
            absorbed = True
        elif amending_subject and anchor.kind in _SHARING:
            absorbed = True
            if anchor.kind is not EventKind.ADOPTED:
                continue
            anchor = _Anchor(EventKind.AMENDED, anchor.start, anchor.end, None)
            subject = en.SUBJECT_DECISION.search(text, start, anchor.start)
            anchor.instrument = _clean(subject.group("instrument")) if subject else None
        kept.append(anchor)
    assigned = _dates_for(kept, dates)
    for index, anchor in enumerate(kept):
        kind = anchor.kind
        next_anchor = kept[index + 1].start if index + 1 < len(kept) else end
        date = assigned[index]
        if kind in _AMENDING:
            phrase_end = date.start if date else end
        else:
            phrase_end = min(next_anchor, date.start) if date else next_anchor
        if kind is EventKind.EXPIRES and _said_of_another_thing(text, start, anchor.start, phrases):
            continue  # "The licence shall be valid for five years": the licence's period
        fields = _agent(kind, text[anchor.end : phrase_end])
        if anchor.instrument:
            fields["instrument"] = anchor.instrument
        unresolved = relative_to = offset = None
        value = date.date if date else None
        if date is not None and kind is EventKind.EXPIRES:
            if en.INCLUSIVE_END.search(text, anchor.start, date.start):
                value = date.date + dt.timedelta(days=1)  # "valid until D": D is the last day
        elif date is None or (
            kind is EventKind.EFFECTIVE and phrases.period.search(text, anchor.end, date.start)
        ):
            # "30 days after the date of promulgation" names a date it does not give.
            date = value = None
            unresolved, relative_to, offset = _relative(kind, text, anchor.end, end, phrases)
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
            text=WHITESPACE_RUN.sub(" ", clause_text).strip(),
            span=Span(start=start, end=end),
            **fields,
        )


def _said_of_another_thing(text: str, start: int, verb: int, phrases: en.Phrases) -> bool:
    """Whether the nearest subject before ``verb`` is a thing other than the act (a licence,
    a permit), not the act ("These Measures") nor left unsaid ("... and be valid for five
    years")."""
    things = [match.start() for match in phrases.other_subject.finditer(text, start, verb)]
    if not things:
        return False
    acts = [match.start() for match in phrases.whole_act.finditer(text, start, verb)]
    return not acts or acts[-1] < things[-1]


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
    if kind in _AMENDING:
        accordance = en.IN_ACCORDANCE.search(phrase)
        if accordance:
            fields["instrument"] = _clean(accordance.group("instrument"))
    # The last "at the Nth Session of ..." is the acting body's: earlier ones belong to the
    # instrument's title ("Decision ... adopted at ...").
    sessions = list(en.SESSION.finditer(phrase))
    if sessions:
        session = sessions[-1]
        fields["session"] = _clean(session.group("session"))
        fields["body"] = _clean(session.group("body"))
        return fields
    instrument = en.INSTRUMENT.search(phrase)
    if instrument:
        fields["instrument"] = _clean(instrument.group("instrument"))
        fields["body"] = _clean(instrument.group("body"))
        return fields
    by_body = en.BY_BODY.search(phrase)
    if by_body and kind is not EventKind.EFFECTIVE:
        fields["body"] = _clean(by_body.group("body"))
    return fields


def _relative(
    kind: EventKind, text: str, start: int, end: int, phrases: en.Phrases
) -> tuple[str | None, EventKind | None, str | None]:
    """Why a verb has no calendar date, the event its date counts from, and the period after
    that event ("P30D"), if any."""
    if kind is EventKind.PROMULGATED:
        return "the text states no date of promulgation", None, None
    window = text[start : min(end, start + 200)]
    period = phrases.period.search(window)
    offset = _iso_period(period) if period else None
    after = phrases.after_anchor.search(window, period.end()) if period else None
    if kind is EventKind.EXPIRES:
        if period and period.start() < 40:  # "valid for five years"
            if after:  # "... five years from the date of promulgation"
                noun, counted_from = _counted_from(after, phrases)
                return f"relative: {period.group()} from {noun}", counted_from, offset
            return f"relative: {period.group()} from entry into force", EventKind.EFFECTIVE, offset
        return None, None, None
    if kind is not EventKind.EFFECTIVE:
        return None, None, None
    if period and after:
        noun, counted_from = _counted_from(after, phrases)
        return f"relative: {period.group()} after {noun}", counted_from, offset
    on = phrases.on_anchor.search(window)
    if on:
        noun, counted_from = _counted_from(on, phrases)
        return f"relative: the date of {noun}", counted_from, None
    if en.RELATIVE_PASSING.search(window):
        return "relative: the day on which the Act is passed", EventKind.ADOPTED, None
    if en.TO_BE_APPOINTED.search(window):
        return "on a day to be appointed, which the text does not give", None, None
    return None, None, None


def _counted_from(match: re.Match[str], phrases: en.Phrases) -> tuple[str, EventKind]:
    """The anchor noun a relative date names ("publication") and the event it counts from."""
    noun = match.group("anchor").lower()
    return noun, EventKind(phrases.anchor_kinds[noun])


def _iso_period(match: re.Match[str]) -> str:
    count = match.group("n").lower()
    number = int(count) if count.isdigit() else en.NUMBER_WORDS[count]
    return f"P{number}{en.PERIOD_UNITS[match.group('unit').lower()]}"


def _rejoined(text: str, clauses: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses, each sentence that a line break or a blank line cut in two made whole
    again ("promulgated by" / "the State Council on ...", "January" / "1, 2019"): a clause
    that ends with no stop, on a word that never ends a sentence or before one that starts
    with a small letter, runs on into the next."""
    joined: list[tuple[int, int]] = []
    for start, end in clauses:
        if joined and _runs_on(text, *joined[-1], start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _runs_on(text: str, start: int, end: int, following: int) -> bool:
    if text[end - 1] in CLAUSE_TERMINAL:
        return False
    if text[end - 1] in COMMAS:
        return True
    *_, before, last = ["", *text[start:end].rsplit(None, 2)]
    # "... force on 1" / "January 2020", "on March 15" / "2020": a day, its month or year next.
    day = last.isdigit() and len(last) <= 2 and before in en.CONTINUING_WORDS
    return last in en.CONTINUING_WORDS or day or text[following].islower()


def _date_line(source: SourceText, start: int, end: int) -> DateMention | None:
    match = en.DATE_ONLY.match(source.text, start, end)
    if not match:
        return None
    dates = find_dates(source, match.start("date"), match.end("date"))
    if (
        len(dates) == 1
        and dates[0].start == match.start("date")
        and dates[0].end == match.end("date")
    ):
        return dates[0]
    return None


def english_events(
    source: SourceText,
    clauses: Sequence[tuple[int, int]],
    title: Span | None,
    provisions: Sequence[Article | Point],
    wrapped: bool,
    phrases: en.Phrases = en.PHRASES,
) -> list[Event]:
    """The events an English text states: in its preface (each clause a statement; a date
    alone on a line signs off the one before, or dates a UK Act's Royal Assent), and in its
    closing articles (commencement, expiry, repeal)."""
    text = source.text
    events: list[Event] = []
    date_lines: list[_DateLine] = []
    document_number: str | None = None
    signed = False
    for start, end in _rejoined(text, clauses):
        stated = list(statement_events(source, start, end, phrases))
        if stated:
            events.extend(stated)
            signed = False
            continue
        clause = text[start:end]
        if en.DOCUMENT_NUMBER.search(clause):
            document_number = clause
        mention = _date_line(source, start, end)
        if mention is not None:
            date_lines.append(_DateLine(start, mention, signed))
        # An order that announces an amendment is signed on the amendment's day, not this
        # act's (the Shanghai decree No. 58 re-promulgates the Procedures it amends).
        signed = bool(en.SIGNATURE.fullmatch(clause)) and not any(
            event.kind in _AMENDING for event in events
        )
    events.extend(_date_line_events(text, title, date_lines, events, document_number))
    header = _issuing_header(text, clauses)
    if header is not None:
        events = [_credit_promulgation(event, *header) for event in events]
    articles = [p for p in provisions if isinstance(p, Article)]
    events.extend(_commencement_events(source, articles, wrapped, phrases))
    return events


def _issuing_header(text: str, clauses: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """The instrument and body of an announcement, order or decree heading the preface.

    "Announcement the Standing Committee of Shanghai Municipal People's Congress" followed by
    "[16th] No.8" gives ("Announcement [16th] No.8", "Standing Committee of ...").
    """
    for index, (start, end) in enumerate(clauses[:6]):
        match = en.ISSUING_HEADER.match(text, start, end)
        if not match:
            continue
        number = match.group("number_before") or match.group("number_after")
        if number is None and index + 1 < len(clauses):
            next_start, next_end = clauses[index + 1]
            if en.NUMBER_LINE.fullmatch(text, next_start, next_end):
                number = text[next_start:next_end]
        instrument = " ".join(filter(None, (match.group("kind"), number)))
        return instrument, match.group("body")
    return None


def _credit_promulgation(event: Event, instrument: str, body: str) -> Event:
    if event.kind is not EventKind.PROMULGATED or event.about is not None or event.instrument:
        return event
    return event.model_copy(update={"instrument": instrument, "body": event.body or body})


@dataclass(frozen=True, slots=True)
class _DateLine:
    start: int
    mention: DateMention
    signed: bool
    """The line above is a signature ("Premier: Li Qiang"): the date is the order's."""


def _date_line_events(
    text: str,
    title: Span | None,
    date_lines: list[_DateLine],
    events: list[Event],
    document_number: str | None,
) -> Iterator[Event]:
    """Events read off dates that stand alone on a line.

    "[29th April 2021]" under a UK long title is the Royal Assent; "(June 23, 2021)" under a
    title is the adoption date of a congress's decision, or the issue date of a government
    document; a bare date line signs off an announcement that "hereby promulgates", and
    the date under a signature ("Premier: Li Qiang") is the order's promulgation.
    """
    undated = [
        e for e in events if e.kind is EventKind.PROMULGATED and e.date is None and e.about is None
    ]
    for line in date_lines:
        start, mention = line.start, line.mention
        wording = WHITESPACE_RUN.sub(" ", text[start : mention.end + 1]).strip()
        closed = wording[-1:] in CLOSE_BRACKETS
        span = Span(start=start, end=min(len(text), mention.end + closed))
        if wording.startswith(OPEN_BRACKETS[2]):
            body, instrument = en.ROYAL_ASSENT
            yield Event(
                kind=EventKind.ADOPTED,
                date=mention.date,
                date_text=mention.text,
                body=body,
                instrument=instrument,
                text=wording,
                span=span,
            )
        elif wording.startswith(tuple(OPEN_BRACKETS[:2])) and title and 0 <= start - title.end < 8:
            congress = bool(en.CONGRESS.search(text[title.start : title.end]))
            yield Event(
                kind=EventKind.ADOPTED if congress else EventKind.PROMULGATED,
                date=mention.date,
                date_text=mention.text,
                instrument=None if congress else document_number,
                text=wording,
                span=span,
            )
        elif undated:
            # The announcement's own date: the nearest undated "hereby promulgated".
            nearest = min(undated, key=lambda e: abs(e.span.start - start))
            undated.remove(nearest)
            events[events.index(nearest)] = nearest.model_copy(
                update={"date": mention.date, "date_text": mention.text, "unresolved": None}
            )
        elif line.signed:
            # An order that says nothing of its promulgation is promulgated on the day signed.
            yield Event(
                kind=EventKind.PROMULGATED,
                date=mention.date,
                date_text=mention.text,
                text=wording,
                span=span,
            )


def _commencement_events(
    source: SourceText, articles: Sequence[Article], wrapped: bool, phrases: en.Phrases
) -> Iterator[Event]:
    """Entry into force stated in the closing provisions ("This section comes into force ...")."""
    text = source.text
    for article in articles:
        heading = (article.heading or "").lower()
        if en.COMMENCEMENT_HEADING not in heading and not phrases.closing_words.search(
            text, article.span.start, article.span.end
        ):
            continue
        parts = [(c.span.start, c.span.end) for c in article.clauses] or [
            (article.span.start, article.span.end)
        ]
        sentences = [
            sentence
            for part_start, part_end in parts
            for sentence in split_clauses(text, part_start, part_end, wrapped, at_semicolons=False)
        ]
        # A paragraph break inside a sentence ("shall come into" / "force on ...") is a line
        # break the structure could not tell from a paragraph's end.
        for start, end in _rejoined(text, sentences):
            repeal = en.REPEAL.search(text, start, end)
            if repeal:
                yield from _english_repeal(source, start, repeal.start(), end, phrases)
                continue
            # Only a sentence with a commencement subject and verb commences anything: read
            # it first, and the dates and verbs of the others not at all.
            subject = _subject(text, start, end, phrases)
            if subject is None:
                continue
            for event in statement_events(source, start, end, phrases):
                if event.kind in (EventKind.EFFECTIVE, EventKind.EXPIRES):
                    yield event.model_copy(update={"provisions": subject or None})


def _english_repeal(
    source: SourceText, start: int, verb: int, end: int, phrases: en.Phrases
) -> Iterator[Event]:
    """ "The Provisions ... promulgated by ... on ... shall be repealed simultaneously": the act
    named is repealed when this one takes effect, and its quoted history is about it."""
    text = source.text
    subject_start = start + len(text[start:verb]) - len(text[start:verb].lstrip())
    label = en.LIST_LABEL.match(text[subject_start:verb])
    subject_start += label.end() if label else 0
    history = en.REPEALED_HISTORY.search(text, subject_start, verb)
    title_end = history.start() if history else verb
    title = WHITESPACE_RUN.sub(" ", text[subject_start:title_end]).strip(" ,")
    if not title or phrases.whole_act.fullmatch(title) or not en.TITLE_WORD.search(title):
        return  # not another act: "This Law shall be repealed ...", "a licence ... annulled"
    wording = WHITESPACE_RUN.sub(" ", text[start:end]).strip()
    if history:
        for event in statement_events(source, history.start(), verb, phrases):
            if event.kind is not EventKind.EFFECTIVE:
                yield event.model_copy(update={"about": title})
    yield Event(
        kind=EventKind.REPEALED,
        about=title,
        relative_to=EventKind.EFFECTIVE,
        unresolved="relative: when this act takes effect",
        text=wording,
        span=Span(start=start, end=end),
    )


def _subject(text: str, start: int, end: int, phrases: en.Phrases) -> str | None:
    """What a commencement sentence commences: "" for the whole act, the wording for some
    provisions ("Sections 1 to 4"), ``None`` when it is no commencement clause at all."""
    sentence = text[start:end]
    verb = phrases.commencement_verb.search(sentence)
    if not verb:
        return None
    # The subject opens the last clause before the verb: after a semicolon ("... funds; These
    # Provisions shall ...") or a full stop the sentence split kept ("people's. These ...").
    before = sentence[: verb.start()]
    opening = max(before.rfind(mark) for mark in (*SEMICOLONS, *en.SENTENCE_STOPS)) + 1
    subject = en.LIST_LABEL.sub("", before[opening:])
    subject = en.SUBJECT_TO.sub("", subject).strip()
    if not phrases.commencement_subject.match(subject) or en.RELATIVE_PRONOUN.search(subject):
        return None
    # "These Regulations are hereby promulgated for implementation ...": the act, whatever
    # stands between it and the verb, unless that names some of its provisions.
    whole = phrases.whole_act.match(subject)
    return "" if whole and not en.PROVISION_RANGE.search(subject, whole.end()) else subject
