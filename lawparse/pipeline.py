"""The pipeline: load -> lex -> parse -> build -> resolve, behind ``parse`` and ``parse_file``.

One call per stage, each a module: :mod:`lawparse.structure.scanners` (lex),
:mod:`lawparse.structure.build` (the Lark parse and the build), :mod:`lawparse.structure.title`,
:mod:`lawparse.events.reader` (resolve), :mod:`lawparse.temporal` (applicability).
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Literal

from .diagnostics import diagnostic
from .errors import EmptyInputError, InvalidDateError, LawParseError, NoStructureError
from .events.reader import regulation_events
from .languages import detect_language, en, heading_text, zh
from .languages.common import SENTENCE_FINAL, markdown_heading_end
from .model import (
    Article,
    Diagnostic,
    EventKind,
    Point,
    Regulation,
    Source,
    Span,
    read_references_with,
)
from .references import read_references
from .source import SourceText, read_source
from .structure.build import build_body
from .structure.clauses import split_clauses
from .structure.scanners import interleaved_languages, lex_text
from .structure.title import find_title, find_title_zh
from .temporal import with_applicability

__all__ = ["detect_language", "interleaved_languages", "lex_text", "parse", "parse_file"]

read_references_with(read_references)  # Regulation.references, read on first access

# Bytes that no regulation text contains; a text made mostly of them is binary garbage.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse(
    text: str,
    *,
    path: str | None = None,
    errors: Literal["raise", "collect"] = "raise",
    english: en.Phrases = en.PHRASES,
    chinese: zh.Phrases = zh.PHRASES,
) -> Regulation:
    """Parse regulation text into a :class:`~lawparse.model.Regulation`.

    With ``errors="raise"`` (the default), raises :class:`~lawparse.errors.LawParseError`
    (with line, column and an excerpt) for empty input, binary data, text with no structure
    at all, and impossible dates. With ``errors="collect"`` it never raises: a damaged
    document gives a model of everything that could be read, the rest kept as text, and
    ``Regulation.diagnostics`` says what was wrong and where. ``english`` and ``chinese``
    are the phrase tables the events are read with (:func:`lawparse.languages.en.phrases`
    extends one).

    >>> reg = parse("Provisions on Testing\\nArticle 1 These Provisions apply to tests.")
    >>> reg.title, [article.label for article in reg.articles]
    ('Provisions on Testing', ['Article 1'])
    >>> parse("", errors="collect").diagnostics[0].code
    'LP001'
    """
    # A parse leaves no reference cycles (its garbage all goes by reference counting), yet
    # the tens of thousands of objects it allocates would run the cyclic collector over the
    # growing tree again and again: a fifth of the time of a parse. The collector is paused
    # for the parse unless the caller has paused it (a parse in another thread may resume it
    # early, which costs that parse the saving, not its correctness).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse_text(text, path, errors, english, chinese)
    finally:
        if paused:
            gc.enable()


def _parse_text(
    text: str,
    path: str | None,
    errors: Literal["raise", "collect"],
    english: en.Phrases,
    chinese: zh.Phrases,
) -> Regulation:
    if errors == "raise":
        return _parse(SourceText(text), path, english, chinese)
    invalid_dates: list[InvalidDateError] = []
    try:
        reg = _parse(SourceText(text, invalid_dates), path, english, chinese)
    except LawParseError as error:
        return _unreadable(text, path, error)
    # The same date may be read twice (a note and a date line); report it once.
    found = tuple({(e.code, e.offset): _diagnostic(e, path) for e in invalid_dates}.values())
    return reg.model_copy(update={"diagnostics": (*reg.diagnostics, *found)}) if found else reg


def _diagnostic(error: LawParseError, path: str | None) -> Diagnostic:
    return diagnostic(
        error.code,
        error.message,
        Span(start=error.offset, end=error.offset + error.length),
        path,
    )


def _unreadable(text: str, path: str | None, error: LawParseError) -> Regulation:
    """The whole text kept as preface, with the reason it could not be read."""
    return Regulation(
        title=None,
        language=detect_language(text) if text.strip() else "und",
        preface=Span(start=0, end=len(text)),
        source=Source(text=text, path=path, sha256=SourceText(text).sha256),
        diagnostics=(_diagnostic(error, path),),
    )


def _parse(
    source: SourceText, path: str | None, english: en.Phrases, chinese: zh.Phrases
) -> Regulation:
    text = source.text
    if not text.strip():
        raise EmptyInputError("the input is empty or only whitespace")
    control = _CONTROL.search(text)
    if control and len(_CONTROL.findall(text[:4096])) * 20 > min(len(text), 4096):
        raise source.error(
            NoStructureError, "the input looks like binary data, not text", control.start()
        )
    language, translation_language, lexed = lex_text(text)
    body = build_body(source, lexed, bilingual=translation_language is not None)
    preface_clauses = split_clauses(text, body.preface.start, body.preface.end, lexed.wrapped)
    # A Markdown title line ("# 上海市...条例") is the title without its mark.
    title_lines = [(markdown_heading_end(text, start), end) for start, end in preface_clauses]
    title = (find_title_zh if language == zh.CODE else find_title)(text, title_lines)
    event_languages = (language, translation_language) if translation_language else (language,)
    provisions: list[Article | Point] = [
        *body.articles(),
        *(node for node in body.nodes if isinstance(node, Point)),
    ]
    events = regulation_events(
        source,
        preface_clauses,
        title,
        provisions,
        lexed.wrapped,
        event_languages,
        english,
        chinese,
    )
    if not body.nodes and title is None and not events:
        first = len(text) - len(text.lstrip())
        raise source.error(
            NoStructureError,
            "no article, chapter, numbered point, title or dated statement was found",
            first,
        )
    unread = tuple(
        diagnostic(
            "LP208",
            f"line {source.line_column(start)[0]} starts like the heading of article "
            f"{number} but does not fit the numbering, so it was read as text",
            Span(start=start, end=start),
            path,
            "fix the article's number, or check for a quotation",
        )
        for _, start, number in lexed.rejected
    )
    stripped = text.rstrip()
    adopted = next((e for e in events if e.kind is EventKind.ADOPTED and e.about is None), None)
    reg = Regulation(
        title=heading_text(title.of(text)) if title else None,
        title_span=title,
        language=language,
        translation_language=translation_language,
        issuer=adopted.body if adopted else None,
        preface=body.preface,
        preamble=_preamble(text, body.preface, language),
        events=events,
        body=tuple(body.nodes),
        schedules_span=body.schedules_span,
        schedules=tuple(body.schedules),
        truncated=bool(body.nodes) and stripped[-1] not in SENTENCE_FINAL,
        source=Source(text=text, path=path, sha256=source.sha256),
        diagnostics=unread,
    )
    return with_applicability(reg)


def _preamble(text: str, preface: Span, language: str) -> Span | None:
    heading = None
    for pattern in (zh.PREAMBLE, en.PREAMBLE):
        heading = pattern.search(text, preface.start, preface.end)
        if heading:
            break
    return Span(start=heading.start(), end=preface.end) if heading else None


def parse_file(
    path: str | Path,
    encoding: str = "utf-8",
    errors: Literal["raise", "collect"] = "raise",
) -> Regulation:
    """Read, decode and parse a file; ``encoding`` may be "gb18030" for Chinese sources."""
    return parse(read_source(path, encoding), path=str(path), errors=errors)
