"""The typed model of a regulation: frozen pydantic models that carry their source spans.

Every structural node has a half-open :class:`Span` into the source text and an Akoma Ntoso
style ``eid``. The spans of a node's children, together with the node's own label, heading
and whitespace, cover the node's span exactly, and the top-level spans cover the whole input;
``lawparse.render.text`` relies on that to give back the source unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from .temporal import Applicability, Status

__all__ = [
    "Article",
    "Chapter",
    "Clause",
    "Diagnostic",
    "Event",
    "EventKind",
    "Item",
    "Part",
    "Point",
    "Regulation",
    "Schedule",
    "Section",
    "Source",
    "Span",
]


class _Frozen(BaseModel):
    # Schemas are built on first use, which keeps `import lawparse` quick.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(_Frozen):
    """Half-open character offsets ``[start, end)`` into the source text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]


class EventKind(str, Enum):
    """What happened to an act on a date."""

    ADOPTED = "adopted"
    APPROVED = "approved"
    PROMULGATED = "promulgated"
    EFFECTIVE = "effective"
    AMENDED = "amended"
    REVISED = "revised"
    REPEALED = "repealed"
    EXPIRES = "expires"


class Event(_Frozen):
    """A dated fact the text states about itself, or about another act (``about``).

    ``date`` is ``None`` when the text gives no calendar date; ``unresolved`` then says why
    (for example "relative: the date of promulgation"). ``relative_to`` names the event a
    relative date counts from; when that event has a date, ``date`` is filled in from it.
    ``relative_offset`` is an ISO 8601 period added to that event's date ("P30D" for "30 days
    after the date of promulgation", "P5Y" for "valid for five years").
    ``provisions`` is the wording that limits the event to some provisions ("Sections 1 to
    4"), ``None`` when it concerns the whole act.

    An ``expires`` event's ``date`` is the first day the act is no longer in force, so that
    intervals stay half-open: "valid until December 31, 2025" gives 2026-01-01 (the wording
    stays in ``date_text``).
    """

    kind: EventKind
    date: dt.date | None = None
    date_text: str | None = None
    relative_to: EventKind | None = None
    relative_offset: str | None = None
    unresolved: str | None = None
    body: str | None = None
    session: str | None = None
    instrument: str | None = None
    ordinal: int | None = None
    about: str | None = None
    provisions: str | None = None
    text: str
    span: Span


class Diagnostic(_Frozen):
    """A finding about a text, pointing at it: a stable ``code``, how bad it is, what was
    found, where (``span`` in the document at ``path``), and how to fix it."""

    code: str
    severity: Literal["error", "warning"]
    message: str
    span: Span | None = None
    path: str | None = None
    hint: str | None = None


class Item(_Frozen):
    """A numbered item of a clause ("(1)", "(a)", "1.", "(i)"), possibly with sub-items."""

    type: Literal["item"] = "item"
    eid: str
    number: int | None
    label: str
    text: str
    span: Span
    items: tuple[Item, ...] = ()


class Clause(_Frozen):
    """A paragraph of an article (款); ``label`` is set where paragraphs are numbered.

    ``language`` is set in a bilingual text, whose paragraphs alternate between languages.
    """

    type: Literal["clause"] = "clause"
    eid: str
    index: int = Field(ge=1)
    number: int | None = None
    label: str | None = None
    text: str
    span: Span
    items: tuple[Item, ...] = ()
    language: str | None = None


class Article(_Frozen):
    """An article (or, in a UK Act, a section): the unit that is cited and commenced.

    In a bilingual text, ``translation`` is the same article in the second language; its span
    lies inside this article's span, after the original wording.
    """

    type: Literal["article"] = "article"
    eid: str
    number: int
    suffix: str = ""
    label: str
    heading: str | None = None
    text: str
    span: Span
    clauses: tuple[Clause, ...] = ()
    translation: Article | None = None


class Point(_Frozen):
    """A numbered point of a decision that has no articles ("I.", "II.")."""

    type: Literal["point"] = "point"
    eid: str
    number: int
    label: str
    text: str
    span: Span
    clauses: tuple[Clause, ...] = ()


class Section(_Frozen):
    """A section of a chapter (节)."""

    type: Literal["section"] = "section"
    eid: str
    number: int
    label: str
    title: str | None
    span: Span
    articles: tuple[Article, ...] = ()
    translated_label: str | None = None
    translated_title: str | None = None


class Chapter(_Frozen):
    """A chapter (章): articles directly under it, then its sections."""

    type: Literal["chapter"] = "chapter"
    eid: str
    number: int
    label: str
    title: str | None
    span: Span
    articles: tuple[Article, ...] = ()
    sections: tuple[Section, ...] = ()
    translated_label: str | None = None
    translated_title: str | None = None

    def all_articles(self) -> Iterator[Article]:
        """Articles of this chapter in document order, including those in sections."""
        yield from self.articles
        for section in self.sections:
            yield from section.articles


class Part(_Frozen):
    """A part (编, "Book" in the Civil Code's translation): chapters, or articles directly."""

    type: Literal["part"] = "part"
    eid: str
    number: int
    label: str
    title: str | None
    span: Span
    articles: tuple[Article, ...] = ()
    chapters: tuple[Chapter, ...] = ()

    def all_articles(self) -> Iterator[Article]:
        """Articles of this part in document order, through its chapters and sections."""
        yield from self.articles
        for chapter in self.chapters:
            yield from chapter.all_articles()


class Schedule(_Frozen):
    """A schedule (annex) after the body, kept as labelled text."""

    type: Literal["schedule"] = "schedule"
    eid: str
    number: int | None
    label: str
    title: str | None
    text: str
    span: Span


class Source(_Frozen):
    """Where the text came from: the decoded text itself, its path and its SHA-256."""

    text: str
    path: str | None = None
    sha256: str


def articles_in(nodes: Iterable[Article | Part | Chapter | Point]) -> Iterator[Article]:
    """The articles of body nodes in document order, through parts, chapters and sections."""
    for node in nodes:
        if isinstance(node, Article):
            yield node
        elif isinstance(node, Chapter | Part):
            yield from node.all_articles()


BodyNode = Annotated[Article | Part | Chapter | Point, Field(discriminator="type")]


class Regulation(_Frozen):
    """A parsed regulation.

    ``preface`` is everything before the body (page furniture, announcement, title,
    adoption note, table of contents), kept verbatim; ``preamble`` is the part of the preface
    from a "序言" / "Preamble" heading to the body, when there is one; ``schedules_span`` covers a
    "SCHEDULES" group heading when there is one. ``truncated`` is true when the text stops
    mid-sentence, as partial copies of web pages do.
    """

    title: str | None
    title_span: Span | None = None
    language: str
    translation_language: str | None = None
    issuer: str | None = None
    preface: Span
    preamble: Span | None = None
    events: tuple[Event, ...] = ()
    body: tuple[BodyNode, ...] = ()
    schedules_span: Span | None = None
    schedules: tuple[Schedule, ...] = ()
    truncated: bool = False
    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        # Pickled as its JSON, which pydantic validates back in Rust: default pickling rebuilds
        # each of a few hundred nodes through Python and cost a worker's parent most of a parse.
        return _regulation_from_json, (self.model_dump_json().encode("utf-8"),)

    @property
    def parts(self) -> tuple[Part, ...]:
        """The parts (编) present in the text, in order."""
        return tuple(node for node in self.body if isinstance(node, Part))

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """The chapters present in the text, in order, inside parts or not."""
        found: list[Chapter] = []
        for node in self.body:
            if isinstance(node, Chapter):
                found.append(node)
            elif isinstance(node, Part):
                found.extend(node.chapters)
        return tuple(found)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The sections present in the text, in order, across chapters."""
        return tuple(section for chapter in self.chapters for section in chapter.sections)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article in document order, across parts, chapters and sections."""
        return tuple(articles_in(self.body))

    @property
    def points(self) -> tuple[Point, ...]:
        """The numbered points of a decision without articles."""
        return tuple(node for node in self.body if isinstance(node, Point))

    @property
    def eid(self) -> str:
        """The eId of the act itself ("act")."""
        return "act"

    @property
    def effective_from(self) -> dt.date | None:
        """The date the regulation (as a work) entered into force, if the text says."""
        from .temporal import regulation_applicability

        return regulation_applicability(self).start.date

    def status_on(self, day: dt.date) -> Status:
        """Is the regulation in force on ``day``? ``unknown`` rather than a guess."""
        from .temporal import status_on

        return status_on(self, day)

    def in_force_on(self, day: dt.date) -> tuple[Article | Point, ...]:
        """The provisions that apply on ``day`` (article-level commencement honoured)."""
        from .temporal import in_force_on

        return in_force_on(self, day)

    def applicability(self, eid: str | None = None) -> Applicability:
        """``[start, until)`` of a provision (by eId) or of the regulation, with the events."""
        from .temporal import applicability

        return applicability(self, eid)

    def timeline(self) -> list[Event]:
        """The events in date order; undated ones last."""
        from .temporal import timeline

        return timeline(self.events)

    def effective_dates(self) -> list[dt.date]:
        """Every date on which the regulation or some of its provisions enter into force."""
        from .temporal import effective_dates

        return effective_dates(self)

    def article(self, number: int) -> Article:
        """The first article with this number; ``KeyError`` if there is none."""
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)


def _regulation_from_json(data: bytes) -> Regulation:
    return Regulation.model_validate_json(data)
