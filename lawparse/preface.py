"""Read what a regulation says about itself: its title and its dated events.

The preface (announcement, title, adoption note) states adoption, promulgation, amendment
and entry into force; closing provisions state commencement, sometimes for some provisions
only. Relative dates ("on the day on which this Act is passed", "as of the date of
promulgation") are resolved here against the other events, or stay unresolved with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from .dates import DateMention, add_period, find_dates, statement_events
from .dates_zh import closing_events, statement_events_zh
from .model import Article, Event, EventKind, Point, Span
from .source import SourceText

__all__ = ["find_title", "regulation_events", "split_clauses"]

_TERMINAL = ".;:!?。；：！？—–"
_ABBREVIATIONS = frozenset({"No", "Nos", "Art", "Arts", "Co", "Ltd", "Inc", "St", "Vol", "para"})
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\s]+(?=[A-Z“\"(\u4e00-\u9fff])|(?<=[;；])\s*")
_OPEN_STATEMENT = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日(?:(?!通过|批准|公布|施行|修正|修订|颁布|发布)[^\n])*$"
)
_CLOSING_WORDS_ZH = re.compile(r"施行|同时废止|同时失效|有效期")
_TITLE_WORD_ZH = re.compile(r"(?:法|条例|规定|办法|细则|规则|决定|宪法|准则|意见|通知|章程)$")
_CLAUSE_SIGNALS = re.compile(r"[()（）]|\r\n|\r|\n")
_TITLE_WORD = re.compile(
    r"\b(?:Provisions|Regulations?|Law|Measures|Rules|Decision|Procedures|Act|Code|Constitution|"
    r"Interpretation|Notice|Opinions|Methods|Ordinance|Statute|Directive|Resolution|Guidelines)\b"
)
_NOT_TITLE_START = re.compile(
    r"(?:Chapter|Section|Article|Part|Contents|Table\s+of|Announcement|Decree|Order|Updated|"
    r"Source|Date|Note|Attention|Mayor|Be\s+it|An\s+Act\s+to|The\s+full\s+text)\b",
    re.IGNORECASE,
)
_NOTE_OPEN = re.compile(r"[(（]\s*(?:Adopted|Promulgated|Approved|Passed|Issued|Amended|Revised)")
_DATE_ONLY = re.compile(r"[\[(（]?\s*(?P<date>[^()\[\]]+?)\s*[\])）]?$")
_DOCUMENT_NUMBER = re.compile(r"(?:\[\d{4}\]\s*No\.\s*\d+|^No\.\s*\d+$|^\[\w+\]\s*No\.\s*\d+$)")
_ISSUING_HEADER = re.compile(
    r"(?P<kind>Announcement|Decree|Order|Notice)(?:\s+(?P<number_before>No\.\s*\d+))?"
    r"(?:\s+of)?(?:\s+the)?\s+(?P<body>[A-Z][^\n]*?)\s*(?P<number_after>\(?No\.\s*\d+\)?)?$"
)
_NUMBER_LINE = re.compile(r"(?:\[[^\]]{1,12}\]\s*)?\(?No\.\s*\d+\)?")
_CONGRESS = re.compile(r"Congress|Standing Committee|Parliament")
_COMMENCEMENT_WORDS = re.compile(
    r"\binto\s+(?:force|effect)\b|\beffective\b|\btakes?\s+effect\b|\bvalid\b|\bexpire"
    r"|\bcease|\brepealed\b|\babolished\b|\bannulled\b|\brescinded\b"
)
_COMMENCEMENT_SUBJECT = re.compile(
    r"(?:\b(?:These|This)\s+(?:Provisions|Regulations|Law|Act|Measures|Rules|Decision|Procedures|"
    r"section|article|Order|Code)\b|\b(?:Sections?|Articles?)\s+\d|\bThe\s+rest\s+of\s+this\s+Act\b|\bprovisions\s+of\s+"
    r"this\s+Act\b|\bThe\s+following\s+provisions\b|\bThey\b)",
)


def split_clauses(
    text: str, start: int, end: int, wrapped: bool, at_semicolons: bool = True
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into clauses: lines (joined where hard-wrapped or inside
    parentheses), then sentences, then (optionally) semicolon-separated parts.

    Linear in the length of the text: only line breaks and brackets are visited.
    """
    pieces: list[tuple[int, int]] = []
    piece_start = line_start = start
    depth = 0
    for match in _CLAUSE_SIGNALS.finditer(text, start, end):
        signal = match.group()
        if signal in "(（":
            depth += 1
            continue
        if signal in ")）":
            depth = max(0, depth - 1)
            continue
        line = text[line_start : match.start()].rstrip()
        if not line.strip():
            depth = 0  # a blank line closes whatever a stray bracket opened
            if text[piece_start : match.start()].strip():
                pieces.append((piece_start, match.start()))
            piece_start = match.start()
        elif not ((wrapped or depth > 0) and line[-1] not in _TERMINAL):
            pieces.append((piece_start, match.start()))
            piece_start = match.start()
        line_start = match.end()
    pieces.append((piece_start, end))
    clauses: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        cursor = piece_start
        for match in _SENTENCE_END.finditer(text, piece_start, piece_end):
            if not at_semicolons and text[match.start() - 1] in ";；":
                continue
            word = re.search(r"(\w+)\.$", text[max(piece_start, match.start() - 6) : match.start()])
            if word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            clauses.append((cursor, match.start()))
            cursor = match.end()
        clauses.append((cursor, piece_end))
    return [_trim(text, a, b) for a, b in clauses if text[a:b].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _join_open_statements(text: str, clauses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a line that has a date but not yet its verb to the next one: "2019年3月15日 第十三届
    全国人民代表大会第二次" / "会议通过）" is one statement split by a line break."""
    joined: list[tuple[int, int]] = []
    for start, end in clauses:
        if joined and _OPEN_STATEMENT.search(text, *joined[-1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def find_title_zh(text: str, clauses: Sequence[tuple[int, int]]) -> Span | None:
    """The title of a Chinese text: the nearest line before the body that names a kind of
    act (…条例, …规定, …法) and is no sentence, date line, note or table of contents."""
    for start, end in reversed(clauses):
        line = text[start:end]
        if not line or line[0] in "(（[【第" or line[-1] in _TERMINAL + "，,）)":
            continue
        if len(line) > 120 or ("年" in line and "日" in line) or line.startswith("目"):
            continue
        if _TITLE_WORD_ZH.search(line):
            return Span(start=start, end=end)
    return None


def find_title(text: str, clauses: Sequence[tuple[int, int]]) -> Span | None:
    """The regulation's title: the title-like line nearest before the body.

    Walking back from the body skips notes in brackets, sentences, dates, document numbers
    and tables of contents; page headlines above the title are never reached.
    """
    for start, end in reversed(clauses):
        line = text[start:end]
        note = _NOTE_OPEN.search(line)
        if note and note.start() > 0:
            end = start + len(line[: note.start()].rstrip())
            line = text[start:end]
        if not line or line[0] in "([（【" or line[-1] in _TERMINAL + ",，":
            continue
        if len(line) > 300 or not (line[0].isupper() or line[0] in '“"'):
            continue
        if _NOT_TITLE_START.match(line) or not _TITLE_WORD.search(line):
            continue
        return Span(start=start, end=end)
    return None


def _date_line(source: SourceText, start: int, end: int) -> DateMention | None:
    match = _DATE_ONLY.match(source.text, start, end)
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


def regulation_events(
    source: SourceText,
    clauses: Sequence[tuple[int, int]],
    title: Span | None,
    provisions: Sequence[Article | Point],
    wrapped: bool,
    languages: Sequence[str] = ("en",),
) -> tuple[Event, ...]:
    """Every event the text states, in text order, duplicates merged, relative dates resolved.

    A bilingual text states its history in both languages; each reading adds its events and
    the merge keeps one per fact. ``clauses`` are the preface's, from :func:`split_clauses`.
    """
    events: list[Event] = []
    for language in languages:
        if language == "zh":
            events.extend(_chinese_events(source, clauses, provisions))
        else:
            events.extend(_english_events(source, clauses, title, provisions, wrapped))
    events.sort(key=lambda event: event.span.start)
    return tuple(_resolve(_merge(events)))


def _chinese_events(
    source: SourceText, clauses: Sequence[tuple[int, int]], provisions: Sequence[Article | Point]
) -> list[Event]:
    text = source.text
    events = [
        event
        for start, end in _join_open_statements(text, clauses)
        for event in statement_events_zh(source, start, end)
    ]
    for provision in provisions:
        if _CLOSING_WORDS_ZH.search(text, provision.span.start, provision.span.end):
            events.extend(closing_events(source, provision.span.start, provision.span.end))
    return events


def _english_events(
    source: SourceText,
    clauses: Sequence[tuple[int, int]],
    title: Span | None,
    provisions: Sequence[Article | Point],
    wrapped: bool,
) -> list[Event]:
    text = source.text
    events: list[Event] = []
    date_lines: list[tuple[int, DateMention]] = []
    document_number: str | None = None
    for start, end in clauses:
        stated = list(statement_events(source, start, end))
        if stated:
            events.extend(stated)
            continue
        clause = text[start:end]
        if _DOCUMENT_NUMBER.search(clause):
            document_number = clause
        mention = _date_line(source, start, end)
        if mention is not None:
            date_lines.append((start, mention))
    events.extend(_date_line_events(text, title, date_lines, events, document_number))
    header = _issuing_header(text, clauses)
    if header is not None:
        events = [_credit_promulgation(event, *header) for event in events]
    articles = [p for p in provisions if isinstance(p, Article)]
    events.extend(_commencement_events(source, articles, wrapped))
    return events


def _issuing_header(text: str, clauses: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """The instrument and body of an announcement, order or decree heading the preface.

    "Announcement the Standing Committee of Shanghai Municipal People's Congress" followed by
    "[16th] No.8" gives ("Announcement [16th] No.8", "Standing Committee of ...").
    """
    for index, (start, end) in enumerate(clauses[:6]):
        match = _ISSUING_HEADER.fullmatch(text, start, end)
        if not match:
            continue
        number = match.group("number_before") or match.group("number_after")
        if number is None and index + 1 < len(clauses):
            next_start, next_end = clauses[index + 1]
            if _NUMBER_LINE.fullmatch(text, next_start, next_end):
                number = text[next_start:next_end]
        instrument = " ".join(filter(None, (match.group("kind"), number)))
        return instrument, match.group("body")
    return None


def _credit_promulgation(event: Event, instrument: str, body: str) -> Event:
    if event.kind is not EventKind.PROMULGATED or event.about is not None or event.instrument:
        return event
    return event.model_copy(update={"instrument": instrument, "body": event.body or body})


def _date_line_events(
    text: str,
    title: Span | None,
    date_lines: list[tuple[int, DateMention]],
    events: list[Event],
    document_number: str | None,
) -> Iterator[Event]:
    """Events read off dates that stand alone on a line.

    "[29th April 2021]" under a UK long title is the Royal Assent; "(June 23, 2021)" under a
    title is the adoption date of a congress's decision, or the issue date of a government
    document; a bare date line signs off an announcement that "hereby promulgates".
    """
    undated = [
        e for e in events if e.kind is EventKind.PROMULGATED and e.date is None and e.about is None
    ]
    for start, mention in date_lines:
        wording = text[start : mention.end + 1].strip()
        span = Span(start=start, end=min(len(text), mention.end + (wording[-1:] in "])）")))
        if wording.startswith("["):
            yield Event(
                kind=EventKind.ADOPTED,
                date=mention.date,
                date_text=mention.text,
                body="Parliament",
                instrument="Royal Assent",
                text=wording,
                span=span,
            )
        elif wording.startswith(("(", "（")) and title and 0 <= start - title.end < 8:
            congress = bool(_CONGRESS.search(text[title.start : title.end]))
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


def _commencement_events(
    source: SourceText, articles: Sequence[Article], wrapped: bool
) -> Iterator[Event]:
    """Entry into force stated in the closing provisions ("This section comes into force ...")."""
    text = source.text
    for article in articles:
        heading = (article.heading or "").lower()
        if "commencement" not in heading and not _COMMENCEMENT_WORDS.search(
            text, article.span.start, article.span.end
        ):
            continue
        parts = [(c.span.start, c.span.end) for c in article.clauses] or [
            (article.span.start, article.span.end)
        ]
        for part_start, part_end in parts:
            for start, end in split_clauses(
                text, part_start, part_end, wrapped, at_semicolons=False
            ):
                repeal = _REPEAL_EN.search(text, start, end)
                if repeal:
                    yield from _english_repeal(source, start, repeal.start(), end)
                    continue
                for event in statement_events(source, start, end):
                    if event.kind not in (EventKind.EFFECTIVE, EventKind.EXPIRES):
                        continue
                    subject = _subject(text, start, end)
                    if subject is None:
                        continue
                    yield event.model_copy(update={"provisions": subject or None})


_REPEAL_EN = re.compile(
    r"\b(?:shall|is|are)\s+(?:hereby\s+)?(?:be\s+)?(?:repealed|abolished|annulled|rescinded)\b"
    r"|\bshall\s+(?:be\s+)?(?:repealed|abolished|annulled|rescinded)\b"
    r"|\b(?:shall\s+)?(?:cease|ceases)\s+to\s+be\s+(?:effective|in\s+force)\s+"
    r"(?:simultaneously|at\s+the\s+same\s+time)"
)
_HISTORY_EN = re.compile(
    r"\s+(?:which\s+(?:was|were)\s+)?(?:promulgated|adopted|issued|approved)\b"
)


def _english_repeal(source: SourceText, start: int, verb: int, end: int) -> Iterator[Event]:
    """ "The Provisions ... promulgated by ... on ... shall be repealed simultaneously": the act
    named is repealed when this one takes effect, and its quoted history is about it."""
    text = source.text
    subject_start = start + len(text[start:verb]) - len(text[start:verb].lstrip())
    label = re.match(r"\(\d+\)\s*", text[subject_start:verb])
    subject_start += label.end() if label else 0
    history = _HISTORY_EN.search(text, subject_start, verb)
    title_end = history.start() if history else verb
    title = re.sub(r"\s+", " ", text[subject_start:title_end]).strip(" ,")
    if not title or _WHOLE_ACT.fullmatch(title) or not _TITLE_WORD.search(title):
        return  # not another act: "This Law shall be repealed ...", "a licence ... annulled"
    wording = re.sub(r"\s+", " ", text[start:end]).strip()
    if history:
        for event in statement_events(source, history.start(), verb):
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


_COMMENCEMENT_VERB = re.compile(
    r"\b(?:shall\s+)?(?:come|comes|go|goes|enter|enters|take|takes)\s+into\b"
    r"|\bshall\s+(?:be\s+)?(?:effective|take|valid|expire|remain|cease)"
    r"|\b(?:is|are)\s+valid\b|\bexpires?\b|\bceases?\s+to\b"
)
_WHOLE_ACT = re.compile(
    r"(?:These|This)\s+(?:Provisions|Regulations|Law|Act|Measures|Rules|Decision|Procedures|"
    r"Order|Code)|They"
)


def _subject(text: str, start: int, end: int) -> str | None:
    """What a commencement sentence commences: "" for the whole act, the wording for some
    provisions ("Sections 1 to 4"), ``None`` when it is no commencement clause at all."""
    sentence = text[start:end]
    verb = _COMMENCEMENT_VERB.search(sentence)
    if not verb:
        return None
    subject = re.sub(r"^\s*\(\d+\)\s*", "", sentence[: verb.start()])
    subject = re.sub(r"^Subject\s+to\s+[^,]+,\s*", "", subject).strip()
    if not _COMMENCEMENT_SUBJECT.search(subject):
        return None
    return "" if _WHOLE_ACT.fullmatch(subject) else subject


def _same_fact(kept: Event, event: Event) -> bool:
    if (kept.kind, kept.about, kept.provisions) != (event.kind, event.about, event.provisions):
        return False
    if kept.date == event.date:
        return kept.date is not None or kept.kind is EventKind.PROMULGATED
    # "are hereby promulgated" (no date) and "(Promulgated ... on January 19, 2010)".
    return kept.kind is EventKind.PROMULGATED and (kept.date is None or event.date is None)


def _merge(events: Iterable[Event]) -> list[Event]:
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


def _resolve(events: list[Event]) -> list[Event]:
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
