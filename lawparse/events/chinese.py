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
) -> list[Event]:
    """The events a Chinese text states: its preface's dated statements (a date and its verb
    may stand on two lines), and its closing provisions' commencement, validity and repeal."""
    text = source.text
    events = [
        event
        for start, end in _join_open_statements(text, clauses)
        for event in statement_events_zh(source, start, end)
    ]
    for provision in provisions:
        if zh.CLOSING_WORDS.search(text, provision.span.start, provision.span.end):
            events.extend(closing_events(source, provision.span.start, provision.span.end, phrases))
    return events


def _join_open_statements(text: str, clauses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a line that has a date but not yet its verb to the next one: "2019年3月15日 第十三届
    全国人民代表大会第二次" / "会议通过）" is one statement split by a line break."""
    joined: list[tuple[int, int]] = []
    for start, end in clauses:
        if joined and zh.OPEN_STATEMENT.search(text, *joined[-1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _masked_verbs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Verbs outside 《titles》: "《关于修改…的决定》第一次修正" has one verb, not two."""
    titles = [(m.start(), m.end()) for m in zh.ACT_TITLE.finditer(text, start, end)]
    for match in _VERBS.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in titles):
            yield match


def statement_events_zh(
    source: SourceText, start: int, end: int, about: str | None = None
) -> Iterator[Event]:
    """Events of one clause: each date with the body and verbs that follow it."""
    text = source.text
    dates = find_dates_zh(source, start, end)
    if not dates:
        return
    clause_text = BRACKETS_AND_SPACES.sub(" ", text[start:end]).strip()
    verbs = list(_masked_verbs(text, start, end))
    amending_clause = bool(verbs) and _KIND[verbs[-1].group()] in (
        EventKind.AMENDED,
        EventKind.REVISED,
    )
    for index, mention in enumerate(dates):
        piece_end = dates[index + 1].start if index + 1 < len(dates) else end
        piece_verbs = [v for v in verbs if mention.end <= v.start() < piece_end]
        if not piece_verbs and amending_clause and index + 1 < len(dates):
            continue
        if not piece_verbs:
            piece_verbs = [v for v in verbs if v.start() >= piece_end][:1]  # "…、…修正"
        agent = text[mention.end : piece_verbs[0].start()] if piece_verbs else ""
        fields = _agent(agent)
        for verb in piece_verbs:
            kind = _KIND[verb.group()]
            attributive = text[verb.end() : verb.end() + 1] == zh.ATTRIBUTIVE
            if attributive and amending_clause and about is None:
                kind = _KIND[verbs[-1].group()]  # "…通过的《宪法修正案》…修正"
            ordinal_match = zh.ORDINAL.search(text, mention.end, verb.end())
            yield Event(
                kind=kind,
                date=mention.date,
                date_text=mention.text,
                ordinal=_value(ordinal_match["n"]) if ordinal_match else None,
                about=about,
                text=clause_text,
                span=Span(start=start, end=end),
                **fields,
            )
            if attributive:
                break


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
            dates = find_dates_zh(source, commencement.start("when"), commencement.end("when"))
            relative = not dates and phrases.anchor.search(commencement["when"])
            period = phrases.period.search(commencement["when"]) if relative else None
            if dates or relative:
                yield Event(
                    kind=EventKind.EFFECTIVE,
                    date=dates[0].date if dates else None,
                    date_text=dates[0].text if dates else None,
                    relative_to=EventKind.PROMULGATED if relative else None,
                    relative_offset=_iso_period(period.group(), phrases) if period else None,
                    unresolved=f"relative: {commencement['when']}" if relative else None,
                    text=wording,
                    span=Span(start=s_start, end=s_end),
                )
        if commencement or phrases.subject.search(sentence.group()):
            yield from _validity(source, s_start, s_end, wording, phrases)
        simultaneous = zh.SIMULTANEOUS.search(text, s_start, s_end)
        if simultaneous:
            yield from _repeals(source, s_start, simultaneous.start(), s_end, wording)


def _iso_period(wording: str, phrases: zh.Phrases) -> str | None:
    """ "三十日" -> "P30D", "五年" -> "P5Y"."""
    match = phrases.period.fullmatch(wording) or phrases.period.search(wording)
    if match is None:
        return None
    return f"P{_value(match['n'].replace(*zh.TWO))}{zh.PERIOD_UNITS[match['unit']]}"


def _validity(
    source: SourceText, start: int, end: int, wording: str, phrases: zh.Phrases
) -> Iterator[Event]:
    """ "有效期至2025年12月31日" (that day included) and "有效期五年" (from entry into force)."""
    text = source.text
    until = zh.VALID_UNTIL.search(text, start, end)
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
