"""Hypothesis strategies that build English regulations from a model-like spec.

The spec (:class:`RegulationSpec`) is drawn first: an optional title, an optional adoption
note, optional chapters and consecutively numbered articles made of paragraphs, sentences and
items, with cross-references mixed into the sentences. It is then rendered in one
:class:`Layout` to text. :func:`regulations` gives both, as a :class:`GeneratedRegulation`, so a
test can parse the text and compare what it gets with what the spec says it should get.

Everything generated is ASCII. Sentences start with a capital letter and end with "." in
paragraphs and ";" in items; the lead-in sentence of a paragraph that has items ends with ":"
or ".".

Other strategies: :func:`structured_noise` (text mixing "Article", "Chapter", digits, Roman
numerals, brackets and line breaks) and :func:`mangled_regulations` (a generated regulation
with slices deleted, duplicated or moved), for "parse or raise LawParseError" properties.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from hypothesis import strategies as st

from lawparse.numbers import to_roman

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

# --------------------------------------------------------------------------------------------
# Vocabulary. No word here is a structural keyword (Article, Chapter, Section, Schedule), a
# single letter, a Roman numeral or a month name, so the only structure in a generated text is
# the structure the spec puts there.

WORDS: tuple[str, ...] = tuple(
    """the municipal people's government shall department relevant administrative organize
    implement work supervision management enterprises units individuals public services
    measures responsible accordance law penalty fine yuan district county water resources
    protection environment information data provide establish system approval license
    application within days not be and or of to for in on by with under as other its their
    such any all each level city plan safety construction traffic market price quality
    standard reported promptly necessary specific procedures coordinate guidance promote
    owners operators facilities registration inspection urban rural funds budget
    """.split()
)

# Capitalised nouns for titles and captions; none of them is a "citing word" of the lexer.
NOUNS: tuple[str, ...] = tuple(
    """Administration Supervision Management Liability Protection Resources Water Waste Traffic
    Safety Planning Construction Finance Leasing Markets Services Data Information Environment
    Registration Inspection Licensing Procedures Responsibilities Duties Rights Enforcement
    Facilities Funding Education Health Housing Transport Energy Culture Tourism Heritage
    Archives Statistics Standards Quality""".split()
)

CONGRESSES: tuple[str, ...] = (
    "Shanghai Municipal People's Congress",
    "Beijing Municipal People's Congress",
    "Guangdong Provincial People's Congress",
    "Henan Provincial People's Congress",
)

MONTH_NAMES: tuple[str, ...] = tuple(calendar.month_name[1:])


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# --------------------------------------------------------------------------------------------
# The spec


@dataclass(frozen=True)
class ParagraphSpec:
    """A paragraph: sentences, then optional items "(1) ...;" "(2) ...;"."""

    sentences: tuple[str, ...]
    items: tuple[str, ...] = ()

    def item_texts(self) -> tuple[str, ...]:
        return tuple(f"({index}) {item}" for index, item in enumerate(self.items, 1))

    @property
    def text(self) -> str:
        return " ".join((*self.sentences, *self.item_texts()))


@dataclass(frozen=True)
class ArticleSpec:
    number: int
    paragraphs: tuple[ParagraphSpec, ...]
    caption: str | None = None

    @property
    def label(self) -> str:
        return f"Article {self.number}"

    @property
    def text(self) -> str:
        """The body (without label and caption), whitespace collapsed."""
        return " ".join(paragraph.text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class ChapterSpec:
    number: int
    title: str
    articles: tuple[ArticleSpec, ...]

    @property
    def label(self) -> str:
        return f"Chapter {to_roman(self.number)}"


@dataclass(frozen=True)
class NoteSpec:
    """An adoption note: "(Adopted at the 4th Session of the Standing Committee of ...)"."""

    session: int
    congress_number: int
    congress: str
    date: dt.date

    @property
    def text(self) -> str:
        when = f"{MONTH_NAMES[self.date.month - 1]} {self.date.day}, {self.date.year}"
        return (
            f"(Adopted at the {ordinal(self.session)} Session of the Standing Committee of the "
            f"{ordinal(self.congress_number)} {self.congress} on {when})"
        )


@dataclass(frozen=True)
class RegulationSpec:
    title: str | None
    note: NoteSpec | None
    chapters: tuple[ChapterSpec, ...]  # empty: the articles are directly in the body
    loose_articles: tuple[ArticleSpec, ...] = ()

    @property
    def articles(self) -> tuple[ArticleSpec, ...]:
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
    text: str
    spec: RegulationSpec
    layout: Layout


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


# --------------------------------------------------------------------------------------------
# Rendering


def _paragraph_lines(paragraph: ParagraphSpec, layout: Layout) -> list[str]:
    lead = " ".join(paragraph.sentences)
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
        caption = article.caption or "General"
        return [[f"{article.label} ({caption})"], *blocks]
    return [[article.label], *blocks]


def render(spec: RegulationSpec, layout: Layout) -> tuple[str, RegulationSpec]:
    """Write the spec out in the layout; returns the text and the spec as rendered.

    Captions only survive in the "caption" head style (elsewhere the spec's caption is
    dropped from the returned spec, since the text does not contain it).
    """
    blocks: list[list[str]] = []  # a block is a group of lines; blocks are paragraph-separated
    preface: list[str] = []
    if spec.title:
        preface.append(spec.title)
    if spec.note:
        preface.append(spec.note.text)
    if preface:
        blocks.append(preface)

    heads = iter(layout.heads)

    def head_of() -> str:
        if layout.run_on:
            return "inline"
        if layout.head == "mixed":
            return next(heads)
        return layout.head

    rendered_articles: dict[int, ArticleSpec] = {}

    def add_article(article: ArticleSpec) -> None:
        head = head_of()
        caption = article.caption if head == "caption" else None
        if head == "caption" and caption is None:
            caption = "General"
        rendered_articles[article.number] = ArticleSpec(article.number, article.paragraphs, caption)
        blocks.extend(_article_blocks(rendered_articles[article.number], head, layout))

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

    if spec.chapters:
        chapters = tuple(
            ChapterSpec(c.number, c.title, tuple(rendered_articles[a.number] for a in c.articles))
            for c in spec.chapters
        )
        rendered = RegulationSpec(spec.title, spec.note, chapters)
    else:
        rendered = RegulationSpec(
            spec.title,
            spec.note,
            (),
            tuple(rendered_articles[a.number] for a in spec.loose_articles),
        )
    return text, rendered


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
        st.integers(1, 60).map(to_roman),
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
