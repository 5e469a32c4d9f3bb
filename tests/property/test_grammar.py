"""Property tests of the structure grammar and the lexer contract it relies on.

The contract of a lexer's output is stated in ``lawparse/structure/tokens.py`` and checked by
``contract_violation``; ``grammars/structure.lark`` claims to accept every stream that keeps
it. The tests here generate streams that keep the contract and feed them to the grammar and
the build step, and feed adversarial texts to the real lexer to check that its output keeps
the contract and that ``parse`` never reports a grammar failure (LP004) on it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lark import Token

import lawparse
from lawparse.languages.zh import to_numeral
from lawparse.numbers import to_roman
from lawparse.render import text as render_text
from lawparse.source import SourceText
from lawparse.structure.build import build_body
from lawparse.structure.grammar import structure_parser
from lawparse.structure.scanners import lex_text
from lawparse.structure.tokens import (
    HEADINGS,
    TRANSLATED,
    LexedText,
    Marker,
    MarkerToken,
    contract_violation,
    grouped,
)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------------------------
# Synthetic token streams that keep the contract


WORDS = ("shall", "apply", "the", "Provisions", "authority", "means", "of", "in", "person")


@dataclass
class _Stream:
    """A synthetic text and the tokens that tile it, built together."""

    parts: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    position: int = 0
    numbers: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _add(self, token: Token, value: str) -> None:
        token.end_pos = self.position + len(value)
        self.position += len(value)
        self.parts.append(value)
        self.tokens.append(token)

    def plain(self, type_: str, value: str) -> None:
        self._add(Token(type_, value, self.position), value)

    def marker(self, type_: str, value: str, marker: Marker) -> None:
        self._add(MarkerToken(type_, value, self.position, marker), value)

    def next_number(self, kind: str) -> int:
        self.numbers[kind] = self.numbers.get(kind, 0) + 1
        return self.numbers[kind]


_HEADING_FORMS = {
    "ARTICLE": ("article", "Article {n}", " "),
    "CHAPTER": ("chapter", "Chapter {roman}", "\n"),
    "SECTION": ("section", "Section {n}", " "),
    "PART": ("part", "Part {n}", "\n"),
    "POINT": ("point", "{roman}.", " "),
    "SCHEDULE": ("schedule", "SCHEDULE {n}", "\n"),
    "ARTICLE_TR": ("article_tr", "第{zh}条", " "),
    "CHAPTER_TR": ("chapter_tr", "第{zh}章", "\n"),
    "SECTION_TR": ("section_tr", "第{zh}节", " "),
}

_ITEM_FORMS = (
    ("({n}) ", "paren_digit", lambda n: str(n)),
    ("({v}) ", "paren_lower", lambda n: "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]),
    ("{n}. ", "dot_digit", lambda n: str(n)),
    ("（{v}）", "paren_cjk", to_numeral),
)


def _heading(stream: _Stream, type_: str) -> None:
    kind, form, tail = _HEADING_FORMS[type_]
    # A translation carries the number of the heading it follows.
    translated = TRANSLATED.get(type_)
    number = stream.numbers[translated] if translated else stream.next_number(type_)
    label = form.format(n=number, roman=to_roman(number), zh=to_numeral(number))
    stream.marker(type_, label + tail, Marker(kind, number, label))


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    return " ".join(words) + draw(st.sampled_from([". ", ".\n", "; ", "\n"]))


def _draw_runs(draw: st.DrawFn, stream: _Stream, items: bool, max_size: int = 4) -> None:
    """Content: runs of TEXT (and ITEM if allowed), PARA only between two TEXT runs."""
    kinds = st.sampled_from(["TEXT", "ITEM"]) if items else st.just("TEXT")
    for kind in draw(st.lists(kinds, max_size=max_size)):
        if kind == "ITEM":
            form, style, value = draw(st.sampled_from(_ITEM_FORMS))
            number = draw(st.integers(1, 12))
            label = form.format(n=number, v=value(number)).strip()
            stream.marker(
                "ITEM",
                form.format(n=number, v=value(number)),
                Marker("item", number, label, "", style),
            )
            continue
        previous = stream.tokens[-1].type if stream.tokens else None
        if previous == "TEXT" and draw(st.booleans()):
            stream.plain(
                "PARA", draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\u3000\u3000"]))
            )
        stream.plain("TEXT", draw(_texts()))


def _draw_caption(draw: st.DrawFn, stream: _Stream) -> None:
    if draw(st.booleans()):
        caption = draw(st.sampled_from(["(General Provisions)", "Scope", "（总则）"]))
        stream.marker("CAPTION", caption + "\n", Marker("caption", None, caption))


def _chapter_open_after(heading: str, chapter_open: bool) -> bool:
    """Whether a section may follow: the grammar nests a section only inside a chapter,
    which a part or a top-level point closes."""
    if heading == "CHAPTER":
        return True
    if heading in ("PART", "POINT"):
        return False
    return chapter_open


@st.composite
def contract_streams(draw: st.DrawFn, orphan_section: bool = False) -> _Stream:
    """A text and a token stream that keeps the lexer contract of ``tokens.py``.

    Sections are drawn only where a chapter is open, unless ``orphan_section``, which puts
    one section before any chapter."""
    stream = _Stream()
    _draw_runs(draw, stream, items=False)  # the preface: TEXT and PARA only
    body = ["ARTICLE", "CHAPTER", "SECTION", "PART", "POINT"]
    headings = draw(st.lists(st.sampled_from(body), max_size=8))
    if orphan_section:
        lead = draw(st.lists(st.sampled_from(["ARTICLE", "PART", "POINT"]), max_size=2))
        headings = [*lead, "SECTION", *[h for h in headings if h != "SECTION"]]
    chapter_open = False
    for heading in headings:
        if heading == "SECTION" and not chapter_open and not orphan_section:
            heading = "ARTICLE"
        chapter_open = _chapter_open_after(heading, chapter_open)
        _heading(stream, heading)
        _draw_caption(draw, stream)
        _draw_runs(draw, stream, items=True)
        translation = f"{heading}_TR"
        if translation in TRANSLATED and draw(st.booleans()):
            _heading(stream, translation)
            _draw_caption(draw, stream)
            _draw_runs(draw, stream, items=True)
    schedules = draw(st.integers(0, 3))
    if draw(st.booleans()):
        stream.marker("SCHEDULES", "SCHEDULES\n", Marker("schedule", None, "SCHEDULES"))
        _draw_caption(draw, stream)
        _draw_runs(draw, stream, items=True)
    for _ in range(schedules):
        _heading(stream, "SCHEDULE")
        _draw_caption(draw, stream)
        _draw_runs(draw, stream, items=True)
    return stream


def _body_start(tokens: list[Token], length: int) -> int:
    return next((int(t.start_pos or 0) for t in tokens if t.type in HEADINGS), length)


def _check_accepted_and_built(stream: _Stream) -> None:
    text, tokens = stream.text, stream.tokens
    assert contract_violation(tokens, len(text)) is None  # the generator keeps the contract
    for token in tokens:
        assert text[token.start_pos : token.end_pos] == str(token)
    structure_parser().parse(grouped(tokens))  # type: ignore[arg-type]
    lexed = LexedText(tokens, wrapped=False, body_start=_body_start(tokens, len(text)))
    body = build_body(SourceText(text), lexed, bilingual=False)
    articles = body.articles()
    originals = [t for t in tokens if t.type == "ARTICLE"]
    assert [a.label for a in articles] == [t.marker.label for t in originals]  # type: ignore[attr-defined]
    for article in articles:
        assert 0 <= article.span.start <= article.span.end <= len(text)
        assert text[article.span.start :].startswith(article.label)
    assert 0 <= body.preface.start <= body.preface.end <= len(text)
    spans = [body.preface, *(node.span for node in body.nodes), *(s.span for s in body.schedules)]
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start <= after.end <= len(text)


@SETTINGS
@given(contract_streams())
def test_every_stream_that_keeps_the_contract_is_accepted_and_built(stream: _Stream) -> None:
    _check_accepted_and_built(stream)


@settings(max_examples=20, deadline=None, phases=[Phase.generate])
@given(contract_streams(orphan_section=True))
def test_a_section_outside_a_chapter_breaks_the_contract(stream: _Stream) -> None:
    """The model has no place for a section outside a chapter, so the contract excludes it
    (the lexer accepts sections only inside chapters) and the check says so."""
    violation = contract_violation(stream.tokens, len(stream.text))
    assert violation is not None and "section" in violation


# --------------------------------------------------------------------------------------------
# The real lexer's output keeps the contract


FRAGMENTS = (
    "Article 1 ",
    "Article 2. ",
    "Article 3 ",
    "Chapter I\n",
    "CHAPTER II (GENERAL)\n",
    "Section 1 ",
    "Section 2 ",
    "Part 1\n",
    "第一条 ",
    "第二条 ",
    "第二章 总则\n",
    "第一节 ",
    "第一编 ",
    "（一）",
    "(a) ",
    "(1) ",
    "(2) ",
    "1. ",
    "I. ",
    "一、",
    "SCHEDULE 1\n",
    "SCHEDULES\n",
    "\n",
    "\n\n",
    "\r\n",
    "\u3000",
    "“",
    "”",
    "in accordance with Article 3 of ",
    "under Article 2, ",
    "依照本规定第三条的规定",
    "。",
    ". ",
    "; ",
    ": ",
    "These Provisions apply. ",
    "甲。",
    "\nArticle 4 ",
    "\nChapter III\n",
    "\nSection 3 ",
    "\n第三章 附则\n",
    "\n第四条 ",
    "\n（二）",
    "\n(b) ",
    "\nII. ",
    "\nSCHEDULE 2\n",
)


@st.composite
def fragment_texts(draw: st.DrawFn) -> str:
    pieces = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS).map(lambda w: w + " "))
    return "".join(draw(st.lists(pieces, min_size=1, max_size=30)))


@st.composite
def bilingual_texts(draw: st.DrawFn) -> str:
    """Chinese and English articles interleaved, with some English lines repeated, some
    pairs out of order and noise between them."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["第一章 总则\n", "第一章 总则\nChapter I General\n"])))
    count = draw(st.integers(3, 6))
    for number in range(1, count + 1):
        chinese = f"第{to_numeral(number)}条 甲{to_numeral(number)}。\n"
        english = f"Article {number} A{number}.\n"
        lines.append(chinese)
        lines.extend([english] * draw(st.sampled_from([1, 1, 1, 2, 3])))
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(FRAGMENTS)))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(lines) - 1))
        lines.insert(index, draw(st.sampled_from(lines)))
    return "".join(lines)


_LINE_FORMS = {
    "en": {
        "chapter": ("CHAPTER {roman} (GENERAL)", "Chapter {roman} General Provisions"),
        "section": ("Section {n} Scope",),
        "article": ("Article {n} These Provisions apply.", "Article {n}. The authority acts."),
        "item": ("({n}) the person;", "({letter}) the authority;", "{n}. the body;"),
        "point": ("{roman}. Purpose",),
        "schedule": ("SCHEDULE {n}", "SCHEDULES"),
        "text": ("The authority shall act in accordance with Article 3 of the Law.",),
    },
    "zh": {
        "chapter": ("第{zh}章 总则",),
        "section": ("第{zh}节 一般规定",),
        "article": ("第{zh}条 本规定适用于本市。",),
        "item": ("（{zh}）有关部门；", "{n}. 市政府；"),
        "point": ("{zh}、目的",),
        "schedule": ("SCHEDULE {n}",),
        "text": ("依照本规定第三条的规定办理。",),
    },
}


@st.composite
def line_texts(draw: st.DrawFn) -> str:
    """Heading, item and text lines in one language, numbered mostly in sequence, some
    numbers skipped or repeated, joined by assorted line breaks."""
    forms = _LINE_FORMS[draw(st.sampled_from(["en", "zh"]))]
    numbers: dict[str, int] = {}
    lines = []
    for kind in draw(st.lists(st.sampled_from(sorted(forms)), min_size=1, max_size=14)):
        number = numbers.get(kind, 0) + draw(st.sampled_from([1, 1, 1, 1, 0, 2]))
        numbers[kind] = number = max(number, 1)
        form = draw(st.sampled_from(forms[kind]))
        line = form.format(
            n=number,
            roman=to_roman(number),
            zh=to_numeral(number),
            letter="abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26],
        )
        lines.append(line + draw(st.sampled_from(["\n", "\n", "\r\n", "\n\n", " "])))
    return "".join(lines)


adversarial_texts = st.one_of(fragment_texts(), bilingual_texts(), line_texts())


@SETTINGS
@given(adversarial_texts)
def test_the_lexer_keeps_the_contract(text: str) -> None:
    _, _, lexed = lex_text(text)
    assert contract_violation(lexed.tokens, len(text)) is None
    for token in lexed.tokens:
        # Each value is the text at its start; the rest of its extent is whitespace.
        start, end = int(token.start_pos or 0), int(token.end_pos or 0)
        value = str(token)
        assert text[start : start + len(value)] == value
        assert not text[start + len(value) : end].strip()


@SETTINGS
@given(adversarial_texts)
def test_parse_never_fails_in_the_grammar_and_round_trips(text: str) -> None:
    reg = lawparse.parse(text, errors="collect")
    assert "LP004" not in [d.code for d in reg.diagnostics]
    assert render_text(reg) == text


# --------------------------------------------------------------------------------------------
# Regressions


def test_a_repeated_translation_line_in_a_bilingual_text() -> None:
    text = (
        "第一条 本规定适用于本市。\n"
        "Article 1 These Provisions apply to this Municipality.\n"
        "第二条 本规定由市政府解释。\n"
        "Article 2 The Municipal Government interprets these Provisions.\n"
        "Article 2 The Municipal Government interprets these Provisions.\n"
        "第三条 本规定自公布之日起施行。\n"
        "Article 3 These Provisions take effect on promulgation.\n"
        "第四条 其他。\n"
        "Article 4 Others.\n"
    )
    reg = lawparse.parse(text)
    assert [article.number for article in reg.articles] == [1, 2, 3, 4]
    assert render_text(reg) == text


def test_a_caption_after_a_chapter_heading() -> None:
    text = (
        "CHAPTER I (GENERAL PROVISIONS)\n"
        "Article 1 These Provisions apply.\n"
        "Article 2 The authority enforces these Provisions.\n"
        "CHAPTER II (SUPPLEMENTARY PROVISIONS)\n"
        "Article 3 These Provisions take effect on 1 March 2024.\n"
    )
    reg = lawparse.parse(text, errors="collect")
    assert "LP004" not in [d.code for d in reg.diagnostics]
    assert [article.number for article in reg.articles] == [1, 2, 3]
    assert render_text(reg) == text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Section 1 Scope\n(1) the person;\nArticle 1 These apply.\n", id="item-after-section"
        ),
        pytest.param("第一节 甲\n（一）乙；\n第一条 丙。\n", id="item-after-section-zh"),
        pytest.param(
            "第二章 总则\n第一节 一般规定\n（一）有关部门；\n第一条 本规定适用于本市。\n",
            id="item-after-section-in-unkept-chapter",
        ),
        pytest.param("Article 1 These apply.\nSCHEDULES\nSCHEDULES\n", id="second-schedules"),
        pytest.param(
            "Article 1 These apply.\nSCHEDULE 1\nSCHEDULES\n", id="schedules-after-schedule"
        ),
    ],
)
def test_lexer_defects_found_by_the_properties(text: str) -> None:
    """Inputs the property tests found to break the contract (LP004 on the whole text): an
    item after a section heading that is not kept, a second SCHEDULES heading."""
    _, _, lexed = lex_text(text)
    assert contract_violation(lexed.tokens, len(text)) is None
    reg = lawparse.parse(text)
    assert [article.number for article in reg.articles] == [1]
    assert render_text(reg) == text
