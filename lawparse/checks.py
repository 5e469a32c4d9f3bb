"""The rules behind :func:`lawparse.validate`: numbering, bodies, dates, cross-references,
languages and front matter. Each yields diagnostics with the codes of ``validate.CODES``."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence

from .language import detect_language
from .model import Article, Chapter, Clause, Diagnostic, EventKind, Item, Regulation, Span
from .numbers import parse_chinese
from .validate import CODES

__all__ = ["run_checks"]

_REFERENCE_EN = re.compile(r"\bArticle\s+(?P<n>\d+)(?!\s*(?:\(\w+\)\s*)?of\s+(?:the|that)\s+[A-Z])")
_QUOTES = re.compile(r"[“”\"]")
_REFERENCE_ZH = re.compile(
    r"本(?:法|条例|规定|办法|细则|决定|规则)第(?P<n>[一二三四五六七八九十百零〇两]+)条"
)


def _make(
    code: str, message: str, span: Span | None, path: str | None, hint: str | None = None
) -> Diagnostic:
    severity = CODES[code][0]
    return Diagnostic(
        code=code,
        severity="error" if severity == "error" else "warning",
        message=message,
        span=span,
        path=path,
        hint=hint,
    )


def run_checks(reg: Regulation, path: str | None) -> list[Diagnostic]:
    """What every rule finds in ``reg``, unsorted."""
    return [
        *_numbering(reg, path),
        *_bodies(reg, path),
        *_dates(reg, path),
        *_references(reg, path),
        *_languages(reg, path),
        *_stray_preface(reg, path),
    ]


def _sequence(
    nodes: Sequence[Article | Chapter | Item], kind: str, path: str | None
) -> Iterator[Diagnostic]:
    seen: set[tuple[int, str]] = set()
    previous: int | None = None
    for node in nodes:
        number = node.number
        if number is None:
            continue
        if isinstance(node, Item) and number == 1:
            seen, previous = set(), None  # a new list: UK sections restart (a) after text
        key = (number, getattr(node, "suffix", ""))
        if key in seen:
            yield _make(
                "LP202",
                f"{node.label}: {kind} {number} appears twice",
                node.span,
                path,
                "renumber, or remove the repeated copy",
            )
        elif previous is not None and number < previous:
            yield _make(
                "LP203",
                f"{node.label}: {kind} {number} comes after {kind} {previous}",
                node.span,
                path,
                "put the provisions in order, or fix the number",
            )
        elif previous is not None and number > previous + 1:
            yield _make(
                "LP201",
                f"{node.label}: {kind}s {previous + 1} to {number - 1} are missing"
                if number > previous + 2
                else f"{node.label}: {kind} {previous + 1} is missing",
                node.span,
                path,
                "a provision may have been lost in copying",
            )
        seen.add(key)
        previous = max(previous or number, number)


def _numbering(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    yield from _sequence(reg.articles, "article", path)
    yield from _sequence(reg.chapters, "chapter", path)
    for chapter in reg.chapters:
        yield from _sequence(list(chapter.sections), "section", path)  # type: ignore[arg-type]
    for article in reg.articles:
        for clause in article.clauses:
            yield from _items(clause, path, reg.source.text)
    labels = {_style(c.label) for c in reg.chapters}
    if len(labels) > 1:
        yield _make(
            "LP204",
            "chapter numbers change style midway (Roman and Arabic)",
            reg.chapters[0].span,
            path,
            "use one numbering style",
        )


def _style(label: str) -> str:
    numeral = label.split()[-1] if label.split() else ""
    return "arabic" if numeral.isdigit() else "other"


def _items(clause: Clause, path: str | None, text: str) -> Iterator[Diagnostic]:
    items = list(clause.items)
    # A quotation (an amending Act's inserted text) holds lists of its own: count each run
    # of items between quotation marks on its own.
    run: list[Item] = []
    for item in items:
        if run and _QUOTES.search(text, run[-1].span.start, item.span.start):
            yield from _sequence(run, "item", path)
            run = []
        run.append(item)
    yield from _sequence(run, "item", path)
    kinds = {re.sub(r"\w+", lambda m: "1" if m.group().isdigit() else "a", i.label) for i in items}
    if len(kinds) > 1:
        yield _make(
            "LP204",
            "item labels change style within one list",
            items[0].span,
            path,
            "number the items of one list in one style",
        )
    for before, item in itertools.pairwise(items):
        if item.label.strip("()（）") == "i" and before.label.strip("()（）") == "h":
            yield _make(
                "LP205",
                f"{item.label} after (h) is read as the letter i, not Roman 1",
                item.span,
                path,
                "if a sub-list was meant, indent or renumber it",
            )
    for item in items:
        yield from _items_below(item, path)


def _items_below(item: Item, path: str | None) -> Iterator[Diagnostic]:
    if item.items:
        yield from _sequence(list(item.items), "sub-item", path)
        for child in item.items:
            yield from _items_below(child, path)


def _bodies(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    for chapter in reg.chapters:
        if not chapter.articles and not chapter.sections:
            yield _make(
                "LP206",
                f"{chapter.label} has no articles",
                chapter.span,
                path,
                "remove the heading or restore its articles",
            )
    last = reg.articles[-1] if reg.articles else None
    for article in reg.articles:
        if not article.text.strip() and not (reg.truncated and article is last):
            yield _make("LP207", f"{article.label} has no text", article.span, path)


def _dates(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    own = [e for e in reg.events if e.about is None]
    adopted = [e for e in own if e.kind in (EventKind.ADOPTED, EventKind.PROMULGATED) and e.date]
    first = min(adopted, key=lambda e: e.date or dt.date.max) if adopted else None
    for event in own:
        if event.date is None:
            if event.unresolved and event.relative_to is not None:
                yield _make(
                    "LP106",
                    f"{event.kind.value}: {event.unresolved}",
                    event.span,
                    path,
                    "state the date, or the date of the event it counts from",
                )
            continue
        if first is None or first.date is None:
            continue
        if event.kind is EventKind.EFFECTIVE and event.date < first.date:
            yield _make(
                "LP102",
                f"in force on {event.date} but {first.kind.value} on {first.date}",
                event.span,
                path,
                "one of the dates is wrong",
            )
        if event.kind in (EventKind.AMENDED, EventKind.REVISED) and event.date < first.date:
            yield _make(
                "LP103",
                f"amended on {event.date} but {first.kind.value} on {first.date}",
                event.span,
                path,
                "one of the dates is wrong",
            )
    from .temporal import regulation_applicability  # the query layer loads on first use

    work = regulation_applicability(reg)
    if work.start.date and work.until.date and work.until.date <= work.start.date:
        yield _make(
            "LP104",
            f"expires on {work.until.date} but enters into force on {work.start.date}",
            work.until.event.span if work.until.event else None,
            path,
        )
    if not any(e.kind is EventKind.EFFECTIVE for e in own) and (reg.articles or reg.points):
        yield _make(
            "LP105",
            "the text states no entry into force",
            reg.preface,
            path,
            'add a commencement clause ("These Provisions shall come into force on ...")',
        )
    if reg.title:
        wanted = re.sub(r"[\s《》]", "", reg.title)
        for event in reg.events:
            # A repealed act of the same title whose own dates are quoted is a predecessor
            # (the 2001 rules repeal "the rules issued on 1977-04-21"), not this act.
            predecessor = any(
                other.about == event.about and other.kind is not EventKind.REPEALED
                for other in reg.events
            )
            if (
                event.kind is EventKind.REPEALED
                and event.about
                and not predecessor
                and re.sub(r"[\s《》]", "", event.about) == wanted
            ):
                yield _make(
                    "LP210", f"the regulation repeals itself ({event.about})", event.span, path
                )


def _references(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    if not reg.articles or reg.truncated:
        return
    highest = max(a.number for a in reg.articles)
    text = reg.source.text
    for article in reg.articles:
        pattern = _REFERENCE_ZH if reg.language == "zh" else _REFERENCE_EN
        for match in pattern.finditer(text, article.span.start, article.span.end):
            if match.start() == article.span.start:
                continue  # the article's own label
            numeral = match["n"]
            number = int(numeral) if numeral.isdigit() else parse_chinese(numeral)
            if number is not None and number > highest:
                yield _make(
                    "LP209",
                    f"{match.group()} is cited, but the text ends at article {highest}",
                    Span(start=match.start(), end=match.end()),
                    path,
                    "cite an existing article, or name the other act",
                )


def _languages(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    if reg.translation_language is not None:
        return
    for article in reg.articles:
        for clause in article.clauses:
            letters = sum(ch.isalpha() for ch in clause.text)
            if letters >= 20 and detect_language(clause.text) != reg.language:
                yield _make(
                    "LP211",
                    f"{article.label} has a paragraph in another language",
                    clause.span,
                    path,
                    "split the translation into its own file",
                )


_SENTENCE_END = re.compile(r"[.。!?！？]$")
# Front matter that is prose: a UK long title and enacting formula, recitals.
_FRONT_PROSE = re.compile(r"(?:An\s+Act\s+to|Be\s+it\s+enacted|Whereas|WHEREAS)\b")


def _stray_preface(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    """Sentences before the first article that state nothing about the act: body text whose
    article heading was lost, or a news page's prose. A preamble (序言) is meant to be there,
    and so is the lead-in of a decision made of numbered points."""
    if not reg.articles or reg.preamble is not None:
        return
    from .preface import split_clauses

    text = reg.source.text
    stated = [e.span for e in reg.events if e.span.start < reg.preface.end]
    for start, end in split_clauses(text, reg.preface.start, reg.preface.end, wrapped=False):
        line = text[start:end]
        if len(line) < 80 or not _SENTENCE_END.search(line) or line[0] in "(（[【":
            continue
        if _FRONT_PROSE.match(line):
            continue
        if any(s.start < end and start < s.end for s in stated):
            continue
        yield _make(
            "LP212",
            "a sentence before the first article is neither title nor front matter",
            Span(start=start, end=end),
            path,
            "if it belongs to an article, restore that article's heading",
        )
