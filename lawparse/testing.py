"""Generated regulations for tests and benchmarks: lawparse's own, and yours.

A :class:`RegulationSpec` says what a regulation is (title, adoption note, chapters, articles
made of paragraphs, sentences and items, cross-references in the sentences, a commencement
date); :func:`render` writes it in a :class:`Layout` (heading styles, run-on text, blank
lines, CRLF) in English or Chinese, with the words of :mod:`lawparse.languages`. The text and
the spec go together, so a test can parse the text and compare what it gets with what the
spec says: the articles, their numbers and texts, and the dated events.

>>> import random, lawparse
>>> generated = random_regulation(random.Random(7), language="zh")
>>> reg = lawparse.parse(generated.text)
>>> [a.number for a in reg.articles] == [a.number for a in generated.spec.articles]
True

Hypothesis strategies over the same specs are in the test suite (``tests/strategies.py``);
this module needs nothing but the standard library.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from types import ModuleType

from .languages import en, zh

__all__ = [
    "ArticleSpec",
    "ChapterSpec",
    "GeneratedRegulation",
    "Layout",
    "NoteSpec",
    "ParagraphSpec",
    "RegulationSpec",
    "generate_corpus",
    "random_layout",
    "random_regulation",
    "random_spec",
    "render",
    "with_closing_sentence",
]

_LANGUAGES: dict[str, ModuleType] = {en.CODE: en, zh.CODE: zh}


def _words(language: str) -> ModuleType:
    if language not in _LANGUAGES:
        raise ValueError(f"no vocabulary for language {language!r}; have {sorted(_LANGUAGES)}")
    return _LANGUAGES[language]


@dataclass(frozen=True)
class ParagraphSpec:
    """A paragraph: sentences, then optional items "(1) ...;" "(2) ..."."""

    sentences: tuple[str, ...]
    items: tuple[str, ...] = ()
    language: str = en.CODE

    def item_texts(self) -> tuple[str, ...]:
        """The items with their labels, as written."""
        label = _words(self.language).item_label
        return tuple(f"{label(index)} {item}" for index, item in enumerate(self.items, 1))

    @property
    def text(self) -> str:
        """The paragraph on one line."""
        space = _words(self.language).SAMPLE_MARKS["space"]
        return " ".join((space.join(self.sentences), *self.item_texts()))


@dataclass(frozen=True)
class ArticleSpec:
    """An article: its number, paragraphs, and a caption when the layout shows one."""

    number: int
    paragraphs: tuple[ParagraphSpec, ...]
    caption: str | None = None
    language: str = en.CODE

    @property
    def label(self) -> str:
        """The heading as written: "Article 12", 第十二条."""
        label: str = _words(self.language).article_label(self.number)
        return label

    @property
    def text(self) -> str:
        """The body (without label and caption), whitespace collapsed."""
        return " ".join(paragraph.text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class ChapterSpec:
    """A chapter: its number, title and articles."""

    number: int
    title: str
    articles: tuple[ArticleSpec, ...]
    language: str = en.CODE

    @property
    def label(self) -> str:
        """The heading as written: "Chapter II", 第二章."""
        label: str = _words(self.language).chapter_label(self.number)
        return label


@dataclass(frozen=True)
class NoteSpec:
    """An adoption note: "(Adopted at the 4th Session of the Standing Committee of ...)"."""

    session: int
    congress_number: int
    congress: str
    date: dt.date
    language: str = en.CODE

    @property
    def text(self) -> str:
        """The note as written."""
        words = _words(self.language)
        if self.language == en.CODE:
            session, number = en.ordinal(self.session), en.ordinal(self.congress_number)
        else:
            session, number = zh.to_numeral(self.session), zh.to_numeral(self.congress_number)
        note: str = words.SAMPLE_NOTE.format(
            session=session,
            congress_number=number,
            congress=self.congress,
            date=words.format_date(self.date),
        )
        return note


@dataclass(frozen=True)
class RegulationSpec:
    """A regulation: title, note, chapters (or articles directly in the body)."""

    title: str | None
    note: NoteSpec | None
    chapters: tuple[ChapterSpec, ...]  # empty: the articles are directly in the body
    loose_articles: tuple[ArticleSpec, ...] = ()
    language: str = en.CODE

    @property
    def articles(self) -> tuple[ArticleSpec, ...]:
        """Every article in order, across chapters."""
        if self.chapters:
            return tuple(a for chapter in self.chapters for a in chapter.articles)
        return self.loose_articles


@dataclass(frozen=True)
class Layout:
    """How a spec is written out.

    ``head``: "inline" (a) "Article N text", "alone" (b) "Article N" then the body on the next
    line, "caption" (c) "Article N (Caption)" then the body, "mixed" (a, b or c per article).
    ``run_on`` (d): everything on one line, single spaces. ``blank_lines`` (e): a blank line
    between paragraphs (and blocks). ``crlf`` (f): CRLF line endings.
    ``inline_items``: items stay on the paragraph's line instead of one per line.
    """

    head: str = "inline"
    run_on: bool = False
    blank_lines: bool = False
    crlf: bool = False
    inline_items: bool = False
    trailing_newline: bool = False
    heads: tuple[str, ...] = field(default=())  # per article, filled in for "mixed"


@dataclass(frozen=True)
class GeneratedRegulation:
    """A generated text with the spec it was written from (as rendered) and its layout."""

    text: str
    spec: RegulationSpec
    layout: Layout

    @property
    def expected_articles(self) -> list[tuple[int, str]]:
        """(number, text) of every article, whitespace collapsed, as a parse must find them."""
        return [(a.number, " ".join(a.text.split())) for a in self.spec.articles]


# Rendering -----------------------------------------------------------------------------------


def _paragraph_lines(paragraph: ParagraphSpec, layout: Layout) -> list[str]:
    space = _words(paragraph.language).SAMPLE_MARKS["space"]
    lead = space.join(paragraph.sentences)
    items = list(paragraph.item_texts())
    if layout.run_on or layout.inline_items or not items:
        return [" ".join([lead, *items])]
    return [lead, *items]


def _article_blocks(article: ArticleSpec, head: str, layout: Layout) -> list[list[str]]:
    """The article as blocks (paragraphs) of lines."""
    blocks = [_paragraph_lines(p, layout) for p in article.paragraphs]
    if head == "inline" or layout.run_on:
        blocks[0][0] = f"{article.label} {blocks[0][0]}"
        return blocks
    if head == "caption":
        return [[f"{article.label} ({article.caption})"], *blocks]
    return [[article.label], *blocks]


def render(spec: RegulationSpec, layout: Layout) -> tuple[str, RegulationSpec]:
    """Write the spec out in the layout; returns the text and the spec as rendered.

    Captions only survive in the "caption" head style (elsewhere the spec's caption is
    dropped from the returned spec, since the text does not contain it); Chinese has no
    captions, so a caption head is written as "alone".
    """
    blocks: list[list[str]] = []  # a block is a group of lines; blocks are paragraph-separated
    preface = [line for line in (spec.title, spec.note.text if spec.note else None) if line]
    if preface:
        blocks.append(preface)
    heads = iter(layout.heads)

    def head_of() -> str:
        if layout.run_on:
            return "inline"
        head = next(heads) if layout.head == "mixed" else layout.head
        return "alone" if head == "caption" and spec.language != en.CODE else head

    rendered: dict[int, ArticleSpec] = {}

    def add_article(article: ArticleSpec) -> None:
        head = head_of()
        caption = (article.caption or en.SAMPLE_NOUNS[0]) if head == "caption" else None
        rendered[article.number] = replace(article, caption=caption)
        blocks.extend(_article_blocks(rendered[article.number], head, layout))

    if spec.chapters:
        for chapter in spec.chapters:
            blocks.append([f"{chapter.label} {chapter.title}"])
            for article in chapter.articles:
                add_article(article)
    else:
        for article in spec.loose_articles:
            add_article(article)

    if layout.run_on:
        text = " ".join(line for block in blocks for line in block)
    else:
        newline = "\r\n" if layout.crlf else "\n"
        separator = newline * 2 if layout.blank_lines else newline
        text = separator.join(newline.join(block) for block in blocks)
        if layout.trailing_newline:
            text += newline
    chapters = tuple(
        replace(c, articles=tuple(rendered[a.number] for a in c.articles)) for c in spec.chapters
    )
    loose = tuple(rendered[a.number] for a in spec.loose_articles)
    return text, replace(spec, chapters=chapters, loose_articles=loose)


# Random specs (seeded) -----------------------------------------------------------------------


def _reference(rng: random.Random, language: str, current: int, highest: int) -> str:
    """A cross-reference, often to the next article: the one a lexer can mistake for a
    heading."""
    near = [n for n in (current + 1, current + 1, current, current - 1, current + 2) if n >= 1]
    n = rng.choice(near) if rng.random() < 0.5 else rng.randint(1, highest)
    m = n + rng.randint(1, 3)
    label = zh.to_numeral if language == zh.CODE else str
    template: str = rng.choice(_words(language).SAMPLE_REFERENCES)
    return template.format(n=label(n), m=label(m))


def _sentence(rng: random.Random, language: str, end: str, current: int, highest: int) -> str:
    words = _words(language)
    chosen = [rng.choice(words.SAMPLE_WORDS) for _ in range(rng.randint(2, 12))]
    if rng.random() < 0.5:
        reference = _reference(rng, language, current, highest)
        at = rng.randint(0, len(chosen))
        if reference.endswith(",") and at == len(chosen):
            at = len(chosen) - 1  # "under Article K," needs words after it
        chosen.insert(at, reference)
    if language == en.CODE:
        sentence = " ".join(chosen)
        return sentence[0].upper() + sentence[1:] + end
    return "".join(chosen) + end


def _paragraph(rng: random.Random, language: str, current: int, highest: int) -> ParagraphSpec:
    marks = _words(language).SAMPLE_MARKS
    if rng.randint(0, 3) == 0:
        lead = [
            _sentence(rng, language, marks["sentence"], current, highest)
            for _ in range(rng.randint(0, 1))
        ]
        ending = rng.choice([marks["lead"], marks["sentence"]])
        lead.append(_sentence(rng, language, ending, current, highest))
        items = [
            _sentence(rng, language, marks["item"], current, highest)
            for _ in range(rng.randint(1, 4))
        ]
        return ParagraphSpec(tuple(lead), tuple(items), language)
    sentences = [
        _sentence(rng, language, marks["sentence"], current, highest)
        for _ in range(rng.randint(1, 3))
    ]
    return ParagraphSpec(tuple(sentences), (), language)


def _title_case(nouns: list[str], language: str) -> str:
    if language != en.CODE:
        return "".join(nouns)
    if len(nouns) >= 2 and nouns[-1] != nouns[-2]:
        return " ".join(nouns[:-1]) + " and " + nouns[-1]
    return " ".join(nouns)


def random_spec(
    rng: random.Random, language: str = en.CODE, max_articles: int = 14, effective: bool = True
) -> RegulationSpec:
    """A random regulation of 1..``max_articles`` articles, maybe in chapters, maybe with a
    title and an adoption note; with ``effective`` the last article states the date of entry
    into force (a date after the adoption)."""
    words = _words(language)
    count = rng.randint(1, max_articles)
    highest = count + 3

    def nouns() -> str:
        return _title_case(
            [rng.choice(words.SAMPLE_NOUNS) for _ in range(rng.randint(1, 3))], language
        )

    with_captions = rng.random() < 0.5
    articles = [
        ArticleSpec(
            number=n,
            paragraphs=tuple(
                _paragraph(rng, language, n, highest) for _ in range(rng.randint(1, 3))
            ),
            caption=nouns() if with_captions and language == en.CODE else None,
            language=language,
        )
        for n in range(1, count + 1)
    ]
    adopted = dt.date(1979, 1, 1) + dt.timedelta(days=rng.randint(0, 18_600))
    if effective:
        commencement = words.SAMPLE_COMMENCEMENT.format(
            date=words.format_date(adopted + dt.timedelta(days=rng.randint(1, 400)))
        )
        last = articles[-1]
        articles[-1] = replace(
            last, paragraphs=(*last.paragraphs, ParagraphSpec((commencement,), (), language))
        )
    title = rng.choice(words.SAMPLE_TITLES).format(subject=nouns()) if rng.random() < 0.7 else None
    note = None
    if rng.random() < 0.6:
        note = NoteSpec(
            rng.randint(1, 45), rng.randint(1, 16), rng.choice(words.SAMPLE_CONGRESSES), adopted,
            language,
        )  # fmt: skip
    if rng.random() < 0.5 and count > 1:
        runs = rng.randint(1, min(4, count))
        cuts = sorted(rng.sample(range(1, count), runs - 1))
        bounds = [0, *cuts, count]
        chapters = tuple(
            ChapterSpec(
                index + 1,
                rng.choice(words.SAMPLE_CHAPTER_TITLES) if rng.random() < 0.5 else nouns(),
                tuple(articles[bounds[index] : bounds[index + 1]]),
                language,
            )
            for index in range(len(bounds) - 1)
        )
        return RegulationSpec(title, note, chapters, (), language)
    return RegulationSpec(title, note, (), tuple(articles), language)


def with_closing_sentence(spec: RegulationSpec, sentence: str) -> RegulationSpec:
    """``spec`` whose last article ends with a paragraph holding ``sentence`` (a commencement
    clause under test, say)."""
    last = spec.articles[-1]
    paragraph = ParagraphSpec((sentence,), (), spec.language)
    closing = replace(last, paragraphs=(*last.paragraphs, paragraph))
    if spec.chapters:
        *chapters, final = spec.chapters
        articles = (*final.articles[:-1], closing)
        return replace(spec, chapters=(*chapters, replace(final, articles=articles)))
    return replace(spec, loose_articles=(*spec.loose_articles[:-1], closing))


def random_layout(rng: random.Random, article_count: int = 0) -> Layout:
    """A random layout: run-on one time in five, else a heading style and line breaks."""
    if rng.randint(0, 4) == 0:
        return Layout(head="inline", run_on=True)
    head = rng.choice(["inline", "alone", "caption", "mixed"])
    heads: tuple[str, ...] = ()
    if head == "mixed":
        heads = tuple(rng.choice(["inline", "alone", "caption"]) for _ in range(article_count))
    return Layout(
        head=head,
        blank_lines=rng.random() < 0.5,
        crlf=rng.random() < 0.5,
        inline_items=rng.random() < 0.5,
        trailing_newline=rng.random() < 0.5,
        heads=heads,
    )


def random_regulation(
    rng: random.Random, language: str = en.CODE, max_articles: int = 14
) -> GeneratedRegulation:
    """A random regulation in a random layout, with the spec it was written from."""
    spec = random_spec(rng, language, max_articles)
    layout = random_layout(rng, len(spec.articles))
    text, rendered = render(spec, layout)
    return GeneratedRegulation(text, rendered, layout)


def generate_corpus(
    seed: int, size: int, languages: tuple[str, ...] = (en.CODE,), max_articles: int = 40
) -> list[GeneratedRegulation]:
    """Regulations from ``seed`` until their texts reach ``size`` characters, the languages
    taken in turn: the same seed gives the same corpus."""
    rng = random.Random(seed)
    corpus: list[GeneratedRegulation] = []
    total = 0
    while total < size:
        language = languages[len(corpus) % len(languages)]
        generated = random_regulation(rng, language, max_articles)
        corpus.append(generated)
        total += len(generated.text)
    return corpus
