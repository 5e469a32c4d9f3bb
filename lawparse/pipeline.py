"""The pipeline: load -> lex -> parse -> build -> resolve, behind ``parse`` and ``parse_file``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import EmptyInputError, LawParseError, NoStructureError
from .language import detect_language, heading_text
from .model import Article, Diagnostic, Point, Regulation, Source, Span
from .source import SourceText, read_source

if TYPE_CHECKING:
    from .lexer import LexedText

__all__ = ["detect_language", "interleaved_languages", "lex_text", "parse", "parse_file"]

_SENTENCE_FINAL = frozenset('.;:!?。；：！？”"’)）]】—–')
# Bytes that no regulation text contains; a text made mostly of them is binary garbage.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_PREAMBLE = re.compile(r"^[ \t\u3000]*(?:序[ \t\u3000]*言|Preamble|PREAMBLE)[ \t\u3000]*$", re.M)
_ARTICLE_LINE_ZH = re.compile(
    r"^[ \t\u3000]*第[一二三四五六七八九十百千零〇两]+条[ \t\u3000]", re.M
)
_ARTICLE_LINE_EN = re.compile(r"^[ \t]*Article[ \t]*\d+", re.M)


def interleaved_languages(text: str) -> tuple[str, str] | None:
    """(first, second) language of a text that interleaves Chinese and English article by
    article, as bilingual editions do; ``None`` for a text in one language.

    >>> interleaved_languages("第一条 甲。\\nArticle 1 A.\\n" * 3)
    ('zh', 'en')
    """
    if "Article" not in text or "条" not in text:
        return None  # two substring searches spare two whole-text scans on most texts
    chinese = _ARTICLE_LINE_ZH.findall(text)
    english = _ARTICLE_LINE_EN.findall(text)
    if min(len(chinese), len(english)) < 3 or not 0.5 <= len(chinese) / len(english) <= 2:
        return None
    zh_first = _ARTICLE_LINE_ZH.search(text)
    en_first = _ARTICLE_LINE_EN.search(text)
    assert zh_first is not None and en_first is not None
    return ("zh", "en") if zh_first.start() < en_first.start() else ("en", "zh")


def lex_text(text: str) -> tuple[str, str | None, LexedText]:
    """The language, the translation's language in a bilingual text, and the tokens: the
    lexer stage of :func:`parse`, with the lexer chosen for the text."""
    # Lark (behind the lexers' tokens) loads with the first parse, not with `import lawparse`.
    from .lexer import lex
    from .lexer_zh import lex as lex_chinese
    from .lexer_zh import lex_bilingual

    languages = interleaved_languages(text)
    if languages is not None:
        return languages[0], languages[1], lex_bilingual(text, primary=languages[0])
    language = detect_language(text)
    return language, None, lex_chinese(text) if language == "zh" else lex(text)


def parse(
    text: str, *, path: str | None = None, errors: Literal["raise", "collect"] = "raise"
) -> Regulation:
    """Parse regulation text into a :class:`~lawparse.model.Regulation`.

    With ``errors="raise"`` (the default), raises :class:`~lawparse.errors.LawParseError`
    (with line, column and an excerpt) for empty input, binary data, text with no structure
    at all, and impossible dates. With ``errors="collect"`` it never raises: a damaged
    document gives a model of everything that could be read, the rest kept as text, and
    ``Regulation.diagnostics`` says what was wrong and where.

    >>> reg = parse("Provisions on Testing\\nArticle 1 These Provisions apply to tests.")
    >>> reg.title, [article.label for article in reg.articles]
    ('Provisions on Testing', ['Article 1'])
    >>> parse("", errors="collect").diagnostics[0].code
    'LP001'
    """
    if errors == "raise":
        return _parse(text, path)
    from .dates import collecting_invalid_dates

    with collecting_invalid_dates() as invalid_dates:
        try:
            reg = _parse(text, path)
        except LawParseError as error:
            return _unreadable(text, path, error)
    # The same date may be read twice (a note and a date line); report it once.
    found = tuple({(e.code, e.offset): _diagnostic(e, path) for e in invalid_dates}.values())
    return reg.model_copy(update={"diagnostics": (*reg.diagnostics, *found)}) if found else reg


def _diagnostic(error: LawParseError, path: str | None) -> Diagnostic:
    return Diagnostic(
        code=error.code,
        severity="error",
        message=error.message,
        span=Span(start=error.offset, end=error.offset + _token_length(error)),
        path=path,
    )


def _token_length(error: LawParseError) -> int:
    quoted = re.match(r"'([^']*)'", error.message)
    return len(quoted.group(1)) if quoted else 0


def _unreadable(text: str, path: str | None, error: LawParseError) -> Regulation:
    """The whole text kept as preface, with the reason it could not be read."""
    return Regulation(
        title=None,
        language=detect_language(text) if text.strip() else "und",
        preface=Span(start=0, end=len(text)),
        source=Source(text=text, path=path, sha256=SourceText(text).sha256),
        diagnostics=(_diagnostic(error, path),),
    )


def _parse(text: str, path: str | None) -> Regulation:
    # Lark, the lexers and the phrase readers load on the first parse, not with `import
    # lawparse`.
    from .parser import build_body
    from .preface import find_title, find_title_zh, regulation_events, split_clauses

    source = SourceText(text)
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
    title = (find_title_zh if language == "zh" else find_title)(text, preface_clauses)
    event_languages = (language, translation_language) if translation_language else (language,)
    provisions: list[Article | Point] = [
        *body.articles(),
        *(node for node in body.nodes if isinstance(node, Point)),
    ]
    events = regulation_events(
        source, preface_clauses, title, provisions, lexed.wrapped, event_languages
    )
    if not body.nodes and title is None and not events:
        first = len(text) - len(text.lstrip())
        raise source.error(
            NoStructureError,
            "no article, chapter, numbered point, title or dated statement was found",
            first,
        )
    unread = tuple(
        Diagnostic(
            code="LP208",
            severity="warning",
            message=f"line {source.line_column(start)[0]} starts like the heading of article "
            f"{number} but does not fit the numbering, so it was read as text",
            span=Span(start=start, end=start),
            path=path,
            hint="fix the article's number, or check for a quotation",
        )
        for _, start, number in lexed.rejected
    )
    stripped = text.rstrip()
    adopted = next((e for e in events if e.kind.value == "adopted" and e.about is None), None)
    return Regulation(
        title=heading_text(title.of(text)) if title else None,
        title_span=title,
        language=language,
        translation_language=translation_language,
        issuer=adopted.body if adopted else None,
        preface=body.preface,
        preamble=_preamble(text, body.preface),
        events=events,
        body=tuple(body.nodes),
        schedules_span=body.schedules_span,
        schedules=tuple(body.schedules),
        truncated=bool(body.nodes) and stripped[-1] not in _SENTENCE_FINAL,
        source=Source(text=text, path=path, sha256=source.sha256),
        diagnostics=unread,
    )


def _preamble(text: str, preface: Span) -> Span | None:
    heading = _PREAMBLE.search(text, preface.start, preface.end)
    return Span(start=heading.start(), end=preface.end) if heading else None


def parse_file(
    path: str | Path,
    encoding: str = "utf-8",
    errors: Literal["raise", "collect"] = "raise",
) -> Regulation:
    """Read, decode and parse a file; ``encoding`` may be "gb18030" for Chinese sources."""
    return parse(read_source(path, encoding), path=str(path), errors=errors)
