"""The rules behind :func:`lawparse.validate`: numbering, bodies, dates, cross-references,
languages and front matter, each registered under the codes it reports (``RULES``)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence

from .diagnostics import diagnostic
from .languages import detect_language, en, zh
from .languages.common import CLOSE_BRACKETS, OPEN_BRACKETS, QUOTES, SENTENCE_FINAL, TITLE_MARKS
from .model import Article, Chapter, Clause, Diagnostic, EventKind, Item, Regulation, Span
from .references import ONE_PARAGRAPH
from .structure.clauses import split_clauses
from .temporal import regulation_applicability

__all__ = ["RULES", "run_checks"]

_BRACKETS = OPEN_BRACKETS + CLOSE_BRACKETS
_QUOTES = re.compile(f"[{''.join(sorted(QUOTES))}]")
_TITLE_MARKS = TITLE_MARKS


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
            yield diagnostic(
                "LP202",
                f"{node.label}: {kind} {number} appears twice",
                node.span,
                path,
                "renumber, or remove the repeated copy",
            )
        elif previous is not None and number < previous:
            yield diagnostic(
                "LP203",
                f"{node.label}: {kind} {number} comes after {kind} {previous}",
                node.span,
                path,
                "put the provisions in order, or fix the number",
            )
        elif previous is not None and number > previous + 1:
            yield diagnostic(
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
    # Chapters restart in each part (刑法, 民法典: 第二编 opens with 第一章 again).
    top_level = [node for node in reg.body if isinstance(node, Chapter)]
    for chapters in (top_level, *(part.chapters for part in reg.parts)):
        yield from _sequence(chapters, "chapter", path)
    for chapter in reg.chapters:
        yield from _sequence(list(chapter.sections), "section", path)  # type: ignore[arg-type]
    for article in reg.articles:
        for clause in article.clauses:
            yield from _items(clause, path, reg.source.text)
    labels = {_style(c.label) for c in reg.chapters}
    if len(labels) > 1:
        yield diagnostic(
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
        yield diagnostic(
            "LP204",
            "item labels change style within one list",
            items[0].span,
            path,
            "number the items of one list in one style",
        )
    for before, item in itertools.pairwise(items):
        if item.label.strip(_BRACKETS) == "i" and before.label.strip(_BRACKETS) == "h":
            yield diagnostic(
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
            yield diagnostic(
                "LP206",
                f"{chapter.label} has no articles",
                chapter.span,
                path,
                "remove the heading or restore its articles",
            )
    last = reg.articles[-1] if reg.articles else None
    for article in reg.articles:
        if not article.text.strip() and not (reg.truncated and article is last):
            yield diagnostic("LP207", f"{article.label} has no text", article.span, path)


def _dates(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    own = [e for e in reg.events if e.about is None]
    adopted = [e for e in own if e.kind in (EventKind.ADOPTED, EventKind.PROMULGATED) and e.date]
    first = min(adopted, key=lambda e: e.date or dt.date.max) if adopted else None
    for event in own:
        if event.date is None:
            if event.unresolved and event.relative_to is not None:
                yield diagnostic(
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
            yield diagnostic(
                "LP102",
                f"in force on {event.date} but {first.kind.value} on {first.date}",
                event.span,
                path,
                "one of the dates is wrong",
            )
        if event.kind in (EventKind.AMENDED, EventKind.REVISED) and event.date < first.date:
            yield diagnostic(
                "LP103",
                f"amended on {event.date} but {first.kind.value} on {first.date}",
                event.span,
                path,
                "one of the dates is wrong",
            )
    work = regulation_applicability(reg)
    if work.start.date and work.until.date and work.until.date <= work.start.date:
        yield diagnostic(
            "LP104",
            f"expires on {work.until.date} but enters into force on {work.start.date}",
            work.until.event.span if work.until.event else None,
            path,
        )
    if not any(e.kind is EventKind.EFFECTIVE for e in own) and (reg.articles or reg.points):
        yield diagnostic(
            "LP105",
            "the text states no entry into force",
            reg.preface,
            path,
            f'add a commencement clause ("{en.COMMENCEMENT_EXAMPLE}")',
        )
    # A repeal of an act with this act's own title is of its earlier version (a new 条例
    # replacing the old 条例 of the same name); only a repeal that names this act by its
    # self-reference (本条例同时废止, "These Provisions are repealed") repeals itself.
    for event in reg.events:
        if event.kind is EventKind.REPEALED and _names_itself(event.about):
            yield diagnostic(
                "LP210", f"the regulation repeals itself ({event.about})", event.span, path
            )


def _names_itself(about: str | None) -> bool:
    if not about:
        return False
    name = _TITLE_MARKS.sub("", about).strip()
    return name in zh.SUBJECTS or name.casefold() in {s.casefold() for s in en.SUBJECTS}


def _references(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    if not reg.articles or reg.truncated:
        return
    past_the_end = list(_citations_past_the_end(reg, path))
    yield from past_the_end
    reported = [d.span.start for d in past_the_end if d.span]
    for reference in reg.references:
        if reference.unresolved is None or reference.external is not None:
            continue
        if reference.unresolved.startswith(ONE_PARAGRAPH):
            continue  # the paragraph breaks of a run-on text, not the citation, are lost
        if any(reference.span.start <= start < reference.span.end for start in reported):
            continue  # LP209 already says the article is past the end
        yield diagnostic(
            "LP213",
            f"{reference.text} names a provision this text does not have ({reference.unresolved})",
            reference.span,
            path,
            "fix the number, or name the other act the provision is in",
        )


def _citations_past_the_end(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    highest = max(a.number for a in reg.articles)
    text = reg.source.text
    for article in reg.articles:
        pattern = zh.PHRASES.reference if reg.language == zh.CODE else en.REFERENCE
        for match in pattern.finditer(text, article.span.start, article.span.end):
            if match.start() == article.span.start:
                continue  # the article's own label
            numeral = match["n"]
            number = zh.parse_numeral(numeral)
            if number is not None and number > highest:
                yield diagnostic(
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
                yield diagnostic(
                    "LP211",
                    f"{article.label} has a paragraph in another language",
                    clause.span,
                    path,
                    "split the translation into its own file",
                )


def _stray_preface(reg: Regulation, path: str | None) -> Iterator[Diagnostic]:
    """Sentences before the first article that state nothing about the act: body text whose
    article heading was lost, or a news page's prose. A preamble (序言) is meant to be there,
    and so is the lead-in of a decision made of numbered points."""
    if not reg.articles or reg.preamble is not None:
        return
    text = reg.source.text
    stated = [e.span for e in reg.events if e.span.start < reg.preface.end]
    for start, end in split_clauses(text, reg.preface.start, reg.preface.end, wrapped=False):
        line = text[start:end]
        if len(line) < 80 or line[-1] not in _SENTENCE_STOPS or line[0] in OPEN_BRACKETS:
            continue
        if en.FRONT_PROSE.match(line):
            continue
        if any(s.start < end and start < s.end for s in stated):
            continue
        yield diagnostic(
            "LP212",
            "a sentence before the first article is neither title nor front matter",
            Span(start=start, end=end),
            path,
            "if it belongs to an article, restore that article's heading",
        )


_SENTENCE_STOPS = frozenset(SENTENCE_FINAL) & frozenset(en.SENTENCE_STOPS + zh.SENTENCE_STOPS)

RULES: dict[str, tuple[str, ...]] = {
    "numbering": ("LP201", "LP202", "LP203", "LP204", "LP205"),
    "bodies": ("LP206", "LP207"),
    "dates": ("LP102", "LP103", "LP104", "LP105", "LP106", "LP210"),
    "references": ("LP209", "LP213"),
    "languages": ("LP211",),
    "front matter": ("LP212",),
}
"""Each rule and the codes it reports (the codes of parsing itself, LP0xx, LP101 and LP208,
and of alignment, LP3xx, are reported where they arise)."""

_RULE_FUNCTIONS = {
    "numbering": _numbering,
    "bodies": _bodies,
    "dates": _dates,
    "references": _references,
    "languages": _languages,
    "front matter": _stray_preface,
}


def run_checks(reg: Regulation, path: str | None) -> list[Diagnostic]:
    """What every rule finds in ``reg``, unsorted."""
    return [found for rule in _RULE_FUNCTIONS.values() for found in rule(reg, path)]
