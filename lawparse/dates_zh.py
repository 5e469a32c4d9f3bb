"""Dates and event phrases of Chinese regulation text.

Dates are read in two forms only: ``2023年7月25日`` and ``二〇二三年七月二十五日`` (spaces
between the parts allowed); one that names no real day raises
:class:`~lawparse.errors.InvalidDateError` at its position.

In a Chinese preface the date comes first and the verb last: "2021年9月28日 上海市第十五届人民
代表大会常务委员会第三十五次会议通过". So the text is cut at each date, and each piece holds
one acting body and its verbs (通过, 批准, 公布, 施行, 修正, 修订).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .dates import DateMention, report_invalid_date
from .model import Event, EventKind, Span
from .numbers import parse_chinese
from .source import SourceText

__all__ = ["closing_events", "find_dates_zh", "statement_events_zh"]

_CN = "〇零一二三四五六七八九十"
_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,4}})\s*日"
)
_VERBS = re.compile(r"原则通过|通过|批准|公布|颁布|颁发|发布|施行|修正|修订")
_KIND = {
    "原则通过": EventKind.ADOPTED,
    "通过": EventKind.ADOPTED,
    "批准": EventKind.APPROVED,
    "公布": EventKind.PROMULGATED,
    "颁布": EventKind.PROMULGATED,
    "颁发": EventKind.PROMULGATED,
    "发布": EventKind.PROMULGATED,
    "施行": EventKind.EFFECTIVE,
    "修正": EventKind.AMENDED,
    "修订": EventKind.REVISED,
}
_SESSION = re.compile(rf"第[{_CN}百\d]+次(?:全体)?会议")
_ORDER = re.compile(r"(?P<body>[^\s，,。；《》]*?)(?P<kind>令|公告)(?:第(?P<number>\d+)号)?")
_TITLE = re.compile(r"《(?P<title>[^《》]*(?:《[^《》]*》[^《》]*)*)》")
_ORDINAL = re.compile(rf"第(?P<n>[{_CN}]+)次(?:修正|修订)")
_SUBJECT = r"本(?:规定|条例|法|办法|细则|决定|规则|实施细则|若干规定|准则)"
_COMMENCEMENT = re.compile(rf"{_SUBJECT}自(?P<when>[^。；]{{1,40}}?)(?:起)?施行")
_ON_PROMULGATION = re.compile(r"公布之日")
_PERIOD_ZH = re.compile(rf"(?P<n>\d+|[{_CN}两]+)(?:个)?(?P<unit>日|天|月|年)")
_VALID_UNTIL = re.compile(r"有效期至")
_VALID_FOR = re.compile(rf"有效期(?:为)?(?P<period>(?:\d+|[{_CN}两]+)(?:个)?(?:日|天|月|年))")
_UNITS = {"日": "D", "天": "D", "月": "M", "年": "Y"}
_SIMULTANEOUS = re.compile(r"同时(?:废止|失效)")
_SENTENCE = re.compile(r"[^。；]+[。；]?")
_BRACKETS = re.compile(r"[（）()\s　]+")


def _value(numeral: str) -> int:
    value = int(numeral) if numeral.isdigit() else parse_chinese(numeral)
    if value is None:
        raise ValueError(f"{numeral!r} is not a number")
    return value


def find_dates_zh(source: SourceText, start: int, end: int) -> list[DateMention]:
    """Every Chinese date in ``source.text[start:end]``; an impossible one raises."""
    found = []
    for match in _DATE.finditer(source.text, start, end):
        try:
            value = dt.date(_value(match["y"]), _value(match["m"]), _value(match["d"]))
        except ValueError as error:
            report_invalid_date(source, match, error)
            continue
        found.append(DateMention(value, match.group(), match.start(), match.end()))
    return found


def _masked_verbs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Verbs outside 《titles》: "《关于修改…的决定》第一次修正" has one verb, not two."""
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text, start, end)]
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
    clause_text = _BRACKETS.sub(" ", text[start:end]).strip()
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
            attributive = text[verb.end() : verb.end() + 1] == "的"
            if attributive and amending_clause and about is None:
                kind = _KIND[verbs[-1].group()]  # "…通过的《宪法修正案》…修正"
            ordinal_match = _ORDINAL.search(text, mention.end, verb.end())
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
    phrase = phrase.strip(" 　，,起")
    fields: dict[str, str | None] = {}
    title = _TITLE.search(phrase)
    if title:
        fields["instrument"] = title.group()
        phrase = phrase[: title.start()]
    session = _SESSION.search(phrase)
    if session:
        fields["session"] = session.group()
        fields["body"] = phrase[: session.start()].strip(" 　") or None
        return fields
    order = _ORDER.search(phrase)
    if order and order.group("kind"):
        number = f"第{order['number']}号" if order["number"] else ""
        fields["instrument"] = fields.get("instrument") or f"{order['body']}{order['kind']}{number}"
        fields["body"] = order["body"] or None
        return fields
    if phrase and not title:
        fields["body"] = phrase
    return fields


def closing_events(source: SourceText, start: int, end: int) -> Iterator[Event]:
    """Entry into force and repeal stated in a closing article or decision point."""
    text = source.text
    for sentence in _SENTENCE.finditer(text, start, end):
        s_start, s_end = sentence.start(), sentence.end()
        wording = sentence.group().strip()
        commencement = _COMMENCEMENT.search(text, s_start, s_end)
        if commencement:
            dates = find_dates_zh(source, commencement.start("when"), commencement.end("when"))
            relative = not dates and _ON_PROMULGATION.search(commencement["when"])
            period = _PERIOD_ZH.search(commencement["when"]) if relative else None
            if dates or relative:
                yield Event(
                    kind=EventKind.EFFECTIVE,
                    date=dates[0].date if dates else None,
                    date_text=dates[0].text if dates else None,
                    relative_to=EventKind.PROMULGATED if relative else None,
                    relative_offset=_iso_period(period.group()) if period else None,
                    unresolved=f"relative: {commencement['when']}" if relative else None,
                    text=wording,
                    span=Span(start=s_start, end=s_end),
                )
        if commencement or re.search(_SUBJECT, sentence.group()):
            yield from _validity(source, s_start, s_end, wording)
        simultaneous = _SIMULTANEOUS.search(text, s_start, s_end)
        if simultaneous:
            yield from _repeals(source, s_start, simultaneous.start(), s_end, wording)


def _iso_period(wording: str) -> str | None:
    """ "三十日" -> "P30D", "五年" -> "P5Y"."""
    match = _PERIOD_ZH.fullmatch(wording) or _PERIOD_ZH.search(wording)
    if match is None:
        return None
    return f"P{_value(match['n'].replace('两', '二'))}{_UNITS[match['unit']]}"


def _validity(source: SourceText, start: int, end: int, wording: str) -> Iterator[Event]:
    """ "有效期至2025年12月31日" (that day included) and "有效期五年" (from entry into force)."""
    text = source.text
    until = _VALID_UNTIL.search(text, start, end)
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
    period = _VALID_FOR.search(text, start, end)
    if period:
        yield Event(
            kind=EventKind.EXPIRES,
            relative_to=EventKind.EFFECTIVE,
            relative_offset=_iso_period(period["period"]),
            unresolved=f"relative: {period['period']} from entry into force",
            text=wording,
            span=Span(start=start, end=end),
        )


def _repeals(source: SourceText, start: int, verb: int, end: int, wording: str) -> Iterator[Event]:
    """ "《A》、《B》同时废止": each title repealed when this act takes effect; a history quoted
    before a single title ("1982年…通过，…公布，自…起施行的《…》") is about that act."""
    text = source.text
    titles = list(_TITLE.finditer(text, start, verb))
    kind_and_reason = {
        "kind": EventKind.REPEALED,
        "relative_to": EventKind.EFFECTIVE,
        "unresolved": "relative: when this act takes effect (同时)",
        "text": wording,
        "span": Span(start=start, end=end),
    }
    if not titles:
        subject = text[start:verb].strip(" ，,")
        subject = re.sub(r"，?凡与本\w+抵触的，?$", "", subject).strip(" ，,")
        yield Event(about=subject or None, **kind_and_reason)
        return
    history_end = titles[0].start()
    if len(titles) == 1 and find_dates_zh(source, start, history_end):
        yield from statement_events_zh(source, start, history_end, about=titles[0].group())
    for title in titles:
        yield Event(about=title.group(), **kind_and_reason)
