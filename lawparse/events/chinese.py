"""Event phrases of Chinese regulation text: dates first, then their verbs.

In a Chinese preface the date comes first and the verb last: "2021年9月28日 上海市第十五届人民
代表大会常务委员会第三十五次会议通过". So the text is cut at each date, and each piece holds
one acting body and its verbs (通过, 批准, 公布, 施行, 修正, 修订). Closing articles state
commencement (本规定自……起施行), validity (有效期) and repeal (……同时废止). The words are the
tables of :mod:`lawparse.languages.zh`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..languages import zh
from ..languages.common import BRACKETS_AND_SPACES
from ..model import Article, Event, EventKind, Point, Span
from ..source import SourceText
from .dates import find_dates_zh

__all__ = ["chinese_events", "closing_events", "statement_events_zh"]

_VERBS = re.compile(zh.PREFACE_VERB_NAMES)
_KIND = {verb: EventKind(kind) for verb, kind in zh.PREFACE_VERBS.items()}


def _value(numeral: str) -> int:
    value = zh.parse_numeral(numeral)
    if value is None:
        raise ValueError(f"{numeral!r} is not a number")
    return value


def chinese_events(
    source: SourceText,
    clauses: Sequence[tuple[int, int]],
    provisions: Sequence[Article | Point],
    phrases: zh.Phrases = zh.PHRASES,
    title: str | None = None,
) -> list[Event]:
    """The events a Chinese text states: its preface's dated statements (a date and its verb
    may stand on two lines), and its closing provisions' commencement, validity and repeal.
    ``title`` (this act's) tells its own amending instruments from other acts."""
    text = source.text
    events = [
        event
        for start, end in _join_open_statements(text, clauses)
        if not zh.EDITOR_NOTE.match(text, start)  # an editor's aside, not the act's history
        for event in statement_events_zh(source, start, end)
    ]
    events = _attributed(events, title)
    # A text without articles or points (刑法修正案（十）, an order) states its commencement
    # in its body, which is read as clauses.
    closing = [(p.span.start, p.span.end) for p in provisions] or clauses
    for start, end in closing:
        if zh.CLOSING_WORDS.search(text, start, end):
            events.extend(closing_events(source, start, end, phrases))
    return events


def _attributed(events: list[Event], title: str | None) -> list[Event]:
    """Each preface event given to the act it is about: an instrument that amends this act
    (《中华人民共和国刑法修正案（二）》 in the Criminal Law's history) dates an amendment of it;
    a later passing by the body that adopted the act (a history listing "…会议通过" for each
    version) is an amendment, not a second adoption."""
    attributed: list[Event] = []
    adoption: Event | None = None
    for event in events:
        if event.about is not None and title and zh.amends(event.about, title):
            event = event.model_copy(
                update={"kind": EventKind.AMENDED, "about": None, "instrument": event.about}
            )
        elif event.kind is EventKind.ADOPTED and event.about is None:
            if adoption is None:
                adoption = event
            elif (
                event.span != adoption.span
                and event.date is not None
                and adoption.date is not None
                and event.date > adoption.date
                and zh.same_body(event.body, adoption.body)
            ):
                event = event.model_copy(update={"kind": EventKind.AMENDED})
        attributed.append(event)
    return attributed


def _join_open_statements(text: str, clauses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The preface's statements: a line that has a date but not yet its verb goes on on the
    next one ("2019年3月15日 第十三届全国人民代表大会第二次" / "会议通过）"), and so does a
    city's passing of an amendment whose approval stands on the next line ("…会议通过" /
    "<date> 山东省…会议批准的《…决定》修正"), a title or a date broken over lines ("《关于修改
    <…组织法>" / "<…代表法>的决定》第三次修正", "2019年3月" / "15日") is read whole; a line
    holding two steps ("…批准根据<date>…") is two statements."""
    joined: list[tuple[int, int]] = []
    for start, end in _split_steps(text, clauses):
        if joined and (
            zh.OPEN_STATEMENT.search(text, *joined[-1])
            or zh.OPEN_DATE.search(text, *joined[-1])
            or zh.unclosed_title(text, *joined[-1])
            or (
                zh.PASSED.search(text, *joined[-1])
                and zh.APPROVED_INSTRUMENT.match(text, start, end)
            )
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _split_steps(text: str, clauses: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in clauses:
        for step in zh.NEXT_STEP.finditer(text, start + 1, end):
            yield start, step.start()
            start = step.start()
        yield start, end


def _masked_verbs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Verbs outside 《titles》: "《关于修改…的决定》第一次修正" has one verb, not two."""
    titles = [(m.start(), m.end()) for m in zh.ACT_TITLE.finditer(text, start, end)]
    for match in _VERBS.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in titles):
            yield match


def statement_events_zh(
    source: SourceText, start: int, end: int, about: str | None = None
) -> Iterator[Event]:
    """Events of one clause: each date with the body and verbs that follow it.

    A verb followed by 的 qualifies the title after it: in an amending clause ("…通过的《关于
    修改…的决定》修正") it dates this act's amendment, elsewhere ("根据…通过的《民法典》") it
    is that act's event. A city's amending decision passed on one day and approved by the
    province on another ("…通过并经…批准的《…决定》修正") is one amendment with both dates.
    """
    text = source.text
    dates = find_dates_zh(source, start, end)
    if not dates:
        return
    clause_text = BRACKETS_AND_SPACES.sub(" ", text[start:end]).strip()
    verbs = list(_masked_verbs(text, start, end))
    # "…修订的《刑事诉讼法》" ends on another act's revision, not on this act's.
    amending_clause = (
        bool(verbs) and _KIND[verbs[-1].group()] in _CHANGES and not _attributive(text, verbs[-1])
    )
    change = _KIND[verbs[-1].group()] if amending_clause and about is None else None

    def piece_end_of(index: int) -> int:
        return dates[index + 1].start if index + 1 < len(dates) else end

    pieces = []
    for index, mention in enumerate(dates):
        piece_end = piece_end_of(index)
        pieces.append((mention, [v for v in verbs if mention.end <= v.start() < piece_end]))
    statement = {"text": clause_text, "span": Span(start=start, end=end)}
    skip_next = False
    for index, (mention, piece_verbs) in enumerate(pieces):
        if skip_next:
            skip_next = False
            continue
        later = pieces[index + 1] if index + 1 < len(pieces) else None
        if not piece_verbs and amending_clause and later is not None:
            continue
        if not piece_verbs:
            piece_verbs = [v for v in verbs if v.start() >= mention.end][:1]  # "…、…修正"
        if not verbs and zh.ORDER_ONLY.fullmatch(text, mention.end, piece_end_of(index)):
            yield Event(
                kind=EventKind.PROMULGATED,
                date=mention.date,
                date_text=mention.text,
                **statement,
                **_agent(text[mention.end : piece_end_of(index)]),
            )
            continue
        fields = _agent(text[mention.end : piece_verbs[0].start()] if piece_verbs else "")
        if (
            change is not None
            and later is not None
            and _passed_then_approved(text, piece_verbs, later[1])
        ):
            approval = later[0]
            yield Event(
                kind=change,
                date=mention.date,
                date_text=mention.text,
                approval_date=approval.date,
                ordinal=_ordinal(text, mention.end, later[1][-1].end()),
                **statement,
                **fields,
            )
            skip_next = True
            continue
        for position, verb in enumerate(piece_verbs):
            kind = _KIND[verb.group()]
            attributive = _attributive(text, verb)
            if not attributive and any(_attributive(text, v) for v in piece_verbs[position:]):
                continue  # "通过批准的《…决定》修正": the approval names the instrument
            title = zh.ACT_TITLE.match(text, verb.end() + 1) if attributive else None
            object_title = None if attributive else zh.OBJECT_TITLE.match(text, verb.end())
            if change is not None and attributive:
                kind = change  # "…通过的《宪法修正案》…修正"
            elif about is None and (title or object_title):
                # "根据…通过的《民法典》", "会议通过了《…报告》": that act's event, not this one's.
                named = title.group() if title else object_title["title"] if object_title else None
                yield Event(
                    kind=kind, date=mention.date, date_text=mention.text, about=named,
                    **statement, **fields,
                )  # fmt: skip
                break
            yield Event(
                kind=kind,
                date=mention.date,
                date_text=mention.text,
                ordinal=_ordinal(text, mention.end, verb.end()),
                about=about,
                **statement,
                **fields,
            )
            if attributive:
                break


_CHANGES = (EventKind.AMENDED, EventKind.REVISED)


def _attributive(text: str, verb: re.Match[str]) -> bool:
    return text[verb.end() : verb.end() + 1] == zh.ATTRIBUTIVE


def _passed_then_approved(
    text: str, verbs: Sequence[re.Match[str]], next_verbs: Sequence[re.Match[str]]
) -> bool:
    """ "…会议通过并经<date>…会议批准的《…》": passed, then approved as an instrument."""
    approving = next((v for v in next_verbs if _attributive(text, v)), None)
    return (
        bool(verbs)
        and all(_KIND[v.group()] is EventKind.ADOPTED and not _attributive(text, v) for v in verbs)
        and approving is not None
        and _KIND[approving.group()] is EventKind.APPROVED
    )


def _ordinal(text: str, start: int, end: int) -> int | None:
    match = zh.ORDINAL.search(text, start, end)
    return _value(match["n"]) if match else None


def _agent(phrase: str) -> dict[str, str | None]:
    """Body, session and instrument from the words between a date and its verb."""
    phrase = phrase.strip(zh.AGENT_STRIP)
    fields: dict[str, str | None] = {}
    title = zh.ACT_TITLE.search(phrase)
    if title:
        fields["instrument"] = title.group()
        phrase = phrase[: title.start()]
    session = zh.SESSION.search(phrase)
    if session:
        fields["session"] = session.group()
        fields["body"] = phrase[: session.start()].strip(zh.SPACE) or None
        return fields
    order = zh.ORDER.search(phrase)
    if order and order.group("kind"):
        number = zh.ORDER_NUMBER.format(number=order["number"]) if order["number"] else ""
        fields["instrument"] = fields.get("instrument") or f"{order['body']}{order['kind']}{number}"
        fields["body"] = order["body"] or None
        return fields
    if phrase and not title:
        fields["body"] = phrase
    return fields


def closing_events(
    source: SourceText, start: int, end: int, phrases: zh.Phrases = zh.PHRASES
) -> Iterator[Event]:
    """Entry into force and repeal stated in a closing article or decision point."""
    text = source.text
    for sentence in zh.SENTENCE.finditer(text, start, end):
        s_start, s_end = sentence.start(), sentence.end()
        wording = sentence.group().strip()
        commencement = phrases.commencement.search(text, s_start, s_end)
        if commencement:
            effective = _commencement(
                source, commencement, phrases, wording, Span(start=s_start, end=s_end)
            )
            if effective is not None:
                yield effective
        yield from _validity(source, s_start, s_end, wording, phrases)
        simultaneous = zh.SIMULTANEOUS.search(text, s_start, s_end)
        if simultaneous:
            yield from _repeals(source, s_start, simultaneous.start(), s_end, wording)


def _commencement(
    source: SourceText, match: re.Match[str], phrases: zh.Phrases, wording: str, span: Span
) -> Event | None:
    """The entry into force a commencement sentence states: a date (2024年1月1日, 1985年度),
    or a day counted from an event of this act (公布之日, 通过之日 and an offset); ``None``
    when "when" is neither (本办法自行废止 is no commencement)."""
    when_start, when_end = match.span("when")
    when = match["when"]
    statement: dict[str, Any] = {"kind": EventKind.EFFECTIVE, "text": wording, "span": span}
    if match["provisions"]:
        statement["provisions"] = match["provisions"]
    dates = find_dates_zh(source, when_start, when_end)
    if dates:
        return Event(date=dates[0].date, date_text=dates[0].text, **statement)
    year = zh.YEAR_START.search(when)
    if year:
        first_day = dt.date(_value(year["y"]), 1, 1)
        return Event(date=first_day, date_text=year.group(), **statement)
    anchor = phrases.anchor.search(when)
    if anchor is None:
        return None
    counted_from = zh.PREFACE_VERBS[anchor["anchor"]] if anchor["anchor"] else "promulgated"
    period = phrases.period.search(when, anchor.end())
    return Event(
        relative_to=EventKind(counted_from),
        relative_offset=_iso_period(period.group(), phrases) if period else None,
        unresolved=f"relative: {when}",
        **statement,
    )


def _iso_period(wording: str, phrases: zh.Phrases) -> str | None:
    """ "三十日" -> "P30D", "五年" -> "P5Y"."""
    match = phrases.period.fullmatch(wording) or phrases.period.search(wording)
    if match is None:
        return None
    return f"P{_value(match['n'].replace(*zh.TWO))}{zh.PERIOD_UNITS[match['unit']]}"


def _validity(
    source: SourceText, start: int, end: int, wording: str, phrases: zh.Phrases
) -> Iterator[Event]:
    """ "本办法有效期至2025年12月31日" (that day included) and "……起施行，有效期五年" (from
    entry into force): only a validity whose subject is this act; a licence's is no event."""
    text = source.text
    until = phrases.valid_until.search(text, start, end)
    if until:
        dates = find_dates_zh(source, until.end(), end)
        if dates and dates[0].start - until.end() < 3:
            yield Event(
                kind=EventKind.EXPIRES,
                date=dates[0].date + dt.timedelta(days=1),
                date_text=dates[0].text,
                text=wording,
                span=Span(start=start, end=end),
            )
        return
    period = phrases.valid_for.search(text, start, end)
    if period:
        yield Event(
            kind=EventKind.EXPIRES,
            relative_to=EventKind.EFFECTIVE,
            relative_offset=_iso_period(period["period"], phrases),
            unresolved=f"relative: {period['period']} from entry into force",
            text=wording,
            span=Span(start=start, end=end),
        )


def _repeals(source: SourceText, start: int, verb: int, end: int, wording: str) -> Iterator[Event]:
    """ "《A》、《B》同时废止": each title repealed when this act takes effect; a history quoted
    before a single title ("1982年…通过，…公布，自…起施行的《…》") is about that act."""
    text = source.text
    titles = list(zh.ACT_TITLE.finditer(text, start, verb))
    kind_and_reason = {
        "kind": EventKind.REPEALED,
        "relative_to": EventKind.EFFECTIVE,
        "unresolved": zh.SIMULTANEOUS_REASON,
        "text": wording,
        "span": Span(start=start, end=end),
    }
    if not titles:
        subject = text[start:verb].strip(zh.SUBJECT_STRIP)
        subject = zh.CONFLICTING.sub("", subject).strip(zh.SUBJECT_STRIP)
        yield Event(about=subject or None, **kind_and_reason)
        return
    history_end = titles[0].start()
    if len(titles) == 1 and find_dates_zh(source, start, history_end):
        yield from statement_events_zh(source, start, history_end, about=titles[0].group())
    for title in titles:
        yield Event(about=title.group(), **kind_and_reason)
