"""The pipeline: load -> lex -> parse -> build -> resolve, behind ``parse`` and ``parse_file``."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import EmptyInputError, NoStructureError
from .lexer import lex
from .lexer_zh import lex as lex_chinese
from .model import Article, Point, Regulation, Source
from .parser import build_body, heading_text
from .preface import find_title, find_title_zh, regulation_events, split_clauses
from .source import SourceText, read_source

__all__ = ["detect_language", "parse", "parse_file"]

_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")
_SENTENCE_FINAL = frozenset('.;:!?。；：！？”"’)）]】—–')
# Bytes that no regulation text contains; a text made mostly of them is binary garbage.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters outweigh Latin letters in the text, else "en".

    >>> detect_language("第一条 为了规范"), detect_language("Article 1 In order to")
    ('zh', 'en')
    """
    sample = text[:4_000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk * 3 > latin else "en"


def parse(text: str, *, path: str | None = None) -> Regulation:
    """Parse regulation text into a :class:`~lawparse.model.Regulation`.

    Raises :class:`~lawparse.errors.LawParseError` (with line, column and an excerpt) for
    empty input, binary data, text with no structure at all, and impossible dates.

    >>> reg = parse("Provisions on Testing\\nArticle 1 These Provisions apply to tests.")
    >>> reg.title, [article.label for article in reg.articles]
    ('Provisions on Testing', ['Article 1'])
    """
    source = SourceText(text)
    if not text.strip():
        raise EmptyInputError("the input is empty or only whitespace")
    control = _CONTROL.search(text)
    if control and len(_CONTROL.findall(text[:4096])) * 20 > min(len(text), 4096):
        raise source.error(
            NoStructureError, "the input looks like binary data, not text", control.start()
        )
    language = detect_language(text)
    lexed = lex_chinese(text) if language == "zh" else lex(text)
    body = build_body(source, lexed)
    preface_clauses = split_clauses(text, body.preface.start, body.preface.end, lexed.wrapped)
    title = (find_title_zh if language == "zh" else find_title)(text, preface_clauses)
    provisions: list[Article | Point] = [
        *body.articles(),
        *(node for node in body.nodes if isinstance(node, Point)),
    ]
    events = regulation_events(source, body.preface, title, provisions, lexed.wrapped, language)
    if not body.nodes and title is None and not events:
        first = len(text) - len(text.lstrip())
        raise source.error(
            NoStructureError,
            "no article, chapter, numbered point, title or dated statement was found",
            first,
        )
    stripped = text.rstrip()
    adopted = next((e for e in events if e.kind.value == "adopted" and e.about is None), None)
    return Regulation(
        title=heading_text(title.of(text)) if title else None,
        title_span=title,
        language=language,
        issuer=adopted.body if adopted else None,
        preface=body.preface,
        events=events,
        body=tuple(body.nodes),
        schedules_span=body.schedules_span,
        schedules=tuple(body.schedules),
        truncated=bool(body.nodes) and stripped[-1] not in _SENTENCE_FINAL,
        source=Source(text=text, path=path, sha256=source.sha256),
    )


def parse_file(path: str | Path, encoding: str = "utf-8") -> Regulation:
    """Read, decode and parse a file; ``encoding`` may be "gb18030" for Chinese sources."""
    return parse(read_source(path, encoding), path=str(path))
