"""Hypothesis strategies that build English regulations from a model-like spec.

The spec (:class:`lawparse.testing.RegulationSpec`, which also renders it) is drawn first:
an optional title, an optional adoption note, optional chapters and consecutively numbered
articles made of paragraphs, sentences and items, with cross-references mixed into the
sentences. It is then rendered in one :class:`Layout` to text. :func:`regulations` gives
both, as a :class:`GeneratedRegulation`, so a test can parse the text and compare what it
gets with what the spec says it should get.

Everything generated is ASCII. Sentences start with a capital letter and end with "." in
paragraphs and ";" in items; the lead-in sentence of a paragraph that has items ends with ":"
or ".".

Other strategies: :func:`structured_noise` (text mixing "Article", "Chapter", digits, Roman
numerals, brackets and line breaks) and :func:`mangled_regulations` (a generated regulation
with slices deleted, duplicated or moved), for "parse or raise LawParseError" properties.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from lawparse.languages import en
from lawparse.testing import (
    ArticleSpec,
    ChapterSpec,
    GeneratedRegulation,
    Layout,
    NoteSpec,
    ParagraphSpec,
    RegulationSpec,
    render,
)

__all__ = [
    "ArticleSpec",
    "ChapterSpec",
    "GeneratedRegulation",
    "Layout",
    "NoteSpec",
    "ParagraphSpec",
    "RegulationSpec",
    "adoption_notes",
    "arbitrary_texts",
    "chapter_titles",
    "cross_references",
    "layouts",
    "mangled_regulations",
    "ordinal",
    "paragraphs",
    "regulation_specs",
    "regulation_titles",
    "regulations",
    "render",
    "sentences",
    "structured_noise",
]

WORDS = en.SAMPLE_WORDS
NOUNS = en.SAMPLE_NOUNS
CONGRESSES = en.SAMPLE_CONGRESSES
ordinal = en.ordinal


# --------------------------------------------------------------------------------------------
# Strategies for the parts


def cross_references(current: int | None = None, max_article: int = 60) -> st.SearchStrategy[str]:
    """One cross-reference phrase, in lower case (the caller capitalises a sentence start).

    K is any number 1..``max_article``, drawn often from around the ``current`` article's
    number: the next article's number is the one a lexer can mistake for a heading.
    """
    k = st.integers(1, max_article)
    if current is not None:
        near = [n for n in (current + 1, current + 1, current, current - 1, current + 2) if n >= 1]
        k = st.one_of(k, st.sampled_from(near))
    return st.one_of(
        k.map(lambda n: f"in accordance with Article {n} of these Provisions"),
        st.tuples(k, k).map(lambda p: f"Articles {min(p)} and {max(p) + (p[0] == p[1])}"),
        k.map(lambda n: f"Paragraph 2 of Article {n}"),
        st.just("the preceding Article"),
        k.map(lambda n: f"under Article {n},"),
    )


@st.composite
def sentences(draw: st.DrawFn, end: str = ".", refs: st.SearchStrategy[str] | None = None) -> str:
    """A sentence from the word list, maybe with a cross-reference; capitalised, ending ``end``."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12))
    if refs is not None and draw(st.booleans()):
        ref = draw(refs)
        at = draw(st.integers(0, len(words)))
        if ref.endswith(",") and at == len(words):
            at = len(words) - 1  # "under Article K," needs words after it
        words = [*words[:at], ref, *words[at:]]
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + end


@st.composite
def paragraphs(draw: st.DrawFn, refs: st.SearchStrategy[str]) -> ParagraphSpec:
    items: tuple[str, ...] = ()
    if draw(st.integers(0, 3)) == 0:
        lead = draw(st.lists(sentences(".", refs), min_size=0, max_size=1))
        lead.append(draw(sentences(draw(st.sampled_from([":", "."])), refs)))
        items = tuple(draw(st.lists(sentences(";", refs), min_size=1, max_size=4)))
        return ParagraphSpec(tuple(lead), items)
    return ParagraphSpec(tuple(draw(st.lists(sentences(".", refs), min_size=1, max_size=3))))


def _title_case(nouns: list[str]) -> str:
    if len(nouns) >= 2 and nouns[-1] != nouns[-2]:
        return " ".join(nouns[:-1]) + " and " + nouns[-1]
    return " ".join(nouns)


def chapter_titles() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(["General Provisions", "Legal Liability", "Supplementary Provisions"]),
        st.lists(st.sampled_from(NOUNS), min_size=1, max_size=3).map(_title_case),
    )


def captions() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(NOUNS), min_size=1, max_size=3).map(_title_case)


def regulation_titles() -> st.SearchStrategy[str]:
    subject = st.lists(st.sampled_from(NOUNS), min_size=1, max_size=3).map(_title_case)
    return st.one_of(
        subject.map(lambda s: f"Provisions of Shanghai Municipality on {s}"),
        subject.map(lambda s: f"Shanghai Municipal Regulations on {s}"),
        subject.map(lambda s: f"Measures for the Administration of {s}"),
        subject.map(lambda s: f"Regulations of Henan Province on {s}"),
    )


@st.composite
def adoption_notes(draw: st.DrawFn) -> NoteSpec:
    return NoteSpec(
        session=draw(st.integers(1, 45)),
        congress_number=draw(st.integers(1, 16)),
        congress=draw(st.sampled_from(CONGRESSES)),
        date=draw(st.dates(dt.date(1979, 1, 1), dt.date(2030, 12, 31))),
    )


@st.composite
def regulation_specs(draw: st.DrawFn, max_articles: int = 14) -> RegulationSpec:
    count = draw(st.integers(1, max_articles))
    with_captions = draw(st.booleans())
    articles = [
        ArticleSpec(
            number=n,
            paragraphs=tuple(
                draw(st.lists(paragraphs(cross_references(n)), min_size=1, max_size=3))
            ),
            caption=draw(captions()) if with_captions else None,
        )
        for n in range(1, count + 1)
    ]
    title = draw(st.none() | regulation_titles())
    note = draw(st.none() | adoption_notes())
    chapters: list[ChapterSpec] = []
    if draw(st.booleans()):
        # Cut the articles into 1..4 non-empty consecutive runs.
        runs = draw(st.integers(1, min(4, count)))
        cuts = (
            sorted(draw(st.sets(st.integers(1, count - 1), min_size=runs - 1, max_size=runs - 1)))
            if runs > 1
            else []
        )
        bounds = [0, *cuts, count]
        for index in range(len(bounds) - 1):
            chapters.append(
                ChapterSpec(
                    number=index + 1,
                    title=draw(chapter_titles()),
                    articles=tuple(articles[bounds[index] : bounds[index + 1]]),
                )
            )
        return RegulationSpec(title, note, tuple(chapters))
    return RegulationSpec(title, note, (), tuple(articles))


@st.composite
def layouts(draw: st.DrawFn, article_count: int = 0) -> Layout:
    run_on = draw(st.integers(0, 4)) == 0
    if run_on:
        return Layout(head="inline", run_on=True)
    head = draw(st.sampled_from(["inline", "alone", "caption", "mixed"]))
    heads: tuple[str, ...] = ()
    if head == "mixed":
        heads = tuple(
            draw(
                st.lists(
                    st.sampled_from(["inline", "alone", "caption"]),
                    min_size=article_count,
                    max_size=article_count,
                )
            )
        )
    return Layout(
        head=head,
        run_on=False,
        blank_lines=draw(st.booleans()),
        crlf=draw(st.booleans()),
        inline_items=draw(st.booleans()),
        trailing_newline=draw(st.booleans()),
        heads=heads,
    )


@st.composite
def regulations(draw: st.DrawFn, max_articles: int = 14) -> GeneratedRegulation:
    """A generated regulation: its text, the spec it was written from, and the layout."""
    spec = draw(regulation_specs(max_articles))
    layout = draw(layouts(len(spec.articles)))
    text, rendered = render(spec, layout)
    assert text.isascii()
    return GeneratedRegulation(text, rendered, layout)


# --------------------------------------------------------------------------------------------
# Noise


_NOISE_PIECES = (
    "Article",
    "Article ",
    "Articles ",
    "Article 1",
    "Article 2 ",
    "Chapter",
    "Chapter ",
    "CHAPTER ",
    "Section ",
    "SCHEDULE",
    "SCHEDULES",
    "SCHEDULE 1",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "X",
    "XL",
    "C",
    "I.",
    "II. ",
    "1.",
    "2. ",
    "1",
    "2",
    "3",
    "12",
    "0",
    "007",
    "9999",
    "(",
    ")",
    "(1)",
    "(2)",
    "(a)",
    "(i)",
    "(A)",
    "(Caption)",
    "\uff08",
    "\uff09",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    ".",
    ";",
    ":",
    ",",
    "-",
    '"',
    "of",
    "and",
    "under",
    "with",
    "The",
    "shall",
    "apply",
    "Provisions",
    "Regulations",
    "General Provisions",
    "1Heading",
    "Adopted",
    "(Adopted at the 1st Session of the 2nd People's Congress on July 25, 2023)",
    "(Adopted on February 30, 2023)",
    "July 25, 2023",
    "comes into force",
    "\x00",
    "\x0c",
    "\u00a0",
    "\u3000",
    "\u7b2c\u4e00\u6761",
)


def structured_noise() -> st.SearchStrategy[str]:
    """Text made of the pieces regulation structure is made of, in random order."""
    piece = st.one_of(
        st.sampled_from(_NOISE_PIECES),
        st.integers(0, 120).map(str),
        st.integers(1, 60).map(en.to_roman),
        st.text(alphabet="ArticleChpIVX()0123456789 \n\r.;:", max_size=6),
    )
    return st.lists(piece, max_size=40).map("".join)


@st.composite
def mangled_regulations(draw: st.DrawFn) -> str:
    """A generated regulation with a few slices deleted, duplicated or moved."""
    text = draw(regulations(max_articles=6)).text
    for _ in range(draw(st.integers(1, 3))):
        if not text:
            break
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 60)))
        op = draw(st.sampled_from(["delete", "duplicate", "move", "insert"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "move":
            piece, rest = text[a:b], text[:a] + text[b:]
            at = draw(st.integers(0, len(rest)))
            text = rest[:at] + piece + rest[at:]
        else:
            text = text[:a] + draw(st.sampled_from(_NOISE_PIECES)) + text[a:]
    return text


def arbitrary_texts() -> st.SearchStrategy[str]:
    """Any text (control characters included), structured noise, or a mangled regulation."""
    return st.one_of(st.text(), structured_noise(), mangled_regulations())
