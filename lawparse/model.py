"""The typed model of a regulation: frozen pydantic models that carry their source spans.

Every structural node has a half-open :class:`Span` into the source text and an Akoma Ntoso
style ``eid``. The spans of a node's children, together with the node's own label, heading
and whitespace, cover the node's span exactly, and the top-level spans cover the whole input;
``lawparse.render.text`` relies on that to give back the source unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Applicability",
    "Article",
    "Bound",
    "Chapter",
    "Clause",
    "Diagnostic",
    "Event",
    "EventKind",
    "Item",
    "Part",
    "Point",
    "Reference",
    "Regulation",
    "Schedule",
    "Section",
    "Source",
    "Span",
    "Status",
]


class _Frozen(BaseModel):
    # Schemas are built on first use, which keeps `import lawparse` quick.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


_Node = TypeVar("_Node", bound=BaseModel)
_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}
# The slots of a pydantic model instance, set through their descriptors: a quarter cheaper
# than ``object.__setattr__``, which looks each name up first.
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__
_NEW = object.__new__


def trusted(cls: type[_Node], /, **values: Any) -> _Node:
    """A node made without validation, for values a builder guarantees (every required field
    given, spans ordered, the right node types in tuples): what ``model_construct`` does,
    without its per-call work on defaults, which cost the build step a fifth of its time.
    Unset fields get their (immutable) defaults."""
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        defaults = {
            name: info.default for name, info in cls.model_fields.items() if not info.is_required()
        }
        _DEFAULTS[cls] = defaults
    node = cls.__new__(cls)
    # The keyword dictionary is this call's own, so a node without defaults keeps it.
    _SET_DICT(node, {**defaults, **values} if defaults else values)
    _SET_FIELDS_SET(node, set(values))
    _SET_EXTRA(node, None)
    _SET_PRIVATE(node, None)
    return node


def trusted_span(start: int, end: int) -> Span:
    """``trusted(Span, start=start, end=end)`` without the keyword handling: a parse makes a
    span for every node."""
    node = _NEW(Span)
    _SET_DICT(node, {"start": start, "end": end})
    _SET_FIELDS_SET(node, {"start", "end"})
    _SET_EXTRA(node, None)
    _SET_PRIVATE(node, None)
    return node


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
    4"), ``None`` when it concerns the whole act; ``targets`` are the eIds that wording names,
    resolved when the text is read.

    An ``expires`` event's ``date`` is the first day the act is no longer in force, so that
    intervals stay half-open: "valid until December 31, 2025" gives 2026-01-01 (the wording
    stays in ``date_text``).

    ``approval_date`` is the day a higher body approved the step (a city's amending decision
    approved by the province): one amendment with both dates, never a second adoption.

    ``inferred`` says why a date comes from a rule of law rather than from the text: a law of
    the National People's Congress that enters into force "自公布之日" and states no
    promulgation is promulgated by the President on the day of its adoption.
    """

    kind: EventKind
    date: dt.date | None = None
    date_text: str | None = None
    approval_date: dt.date | None = None
    relative_to: EventKind | None = None
    relative_offset: str | None = None
    unresolved: str | None = None
    inferred: str | None = None
    body: str | None = None
    session: str | None = None
    instrument: str | None = None
    ordinal: int | None = None
    about: str | None = None
    provisions: str | None = None
    targets: tuple[str, ...] = ()
    text: str
    span: Span

    def facts(self) -> dict[str, str | int | None]:
        """What the event states, as plain values (kinds by name, the date in ISO form): the
        one flat record of an event that tables, CSV and the command line print."""
        return {
            "kind": self.kind.value,
            "date": self.date.isoformat() if self.date else None,
            "about": self.about,
            "body": self.body,
            "session": self.session,
            "instrument": self.instrument,
            "ordinal": self.ordinal,
            "provisions": self.provisions,
            "relative_to": self.relative_to.value if self.relative_to else None,
            "unresolved": self.unresolved,
        }


Severity = Literal["error", "warning"]


class Diagnostic(_Frozen):
    """A finding about a text, pointing at it: a stable ``code``, how bad it is, what was
    found, where (``span`` in the document at ``path``), and how to fix it."""

    code: str
    severity: Severity
    message: str
    span: Span | None = None
    path: str | None = None
    hint: str | None = None


class Period(_Frozen):
    """When a provision applies by its text alone: ``[start, until)``.

    ``start`` or ``until`` is ``None`` when the text does not fix that end; its ``*_reason``
    then says why ("relative: 公布之日", "the text states no entry into force"). ``until``
    ``None`` with no ``until_reason`` is open-ended. What other acts say (a later act
    repealing this one) is not in it: the Corpus and the Index know that.
    """

    start: dt.date | None = None
    until: dt.date | None = None
    start_reason: str | None = None
    until_reason: str | None = None

    def contains(self, day: dt.date) -> bool:
        """Is ``day`` known to lie inside the period?"""
        if self.start is None or day < self.start:
            return False
        if self.until is None:
            return self.until_reason is None
        return day < self.until


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
    applies: Period | None = None


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
    applies: Period | None = None


class Point(_Frozen):
    """A numbered point of a decision that has no articles ("I.", "II.")."""

    type: Literal["point"] = "point"
    eid: str
    number: int
    label: str
    text: str
    span: Span
    clauses: tuple[Clause, ...] = ()
    applies: Period | None = None


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


class Status(str, Enum):
    """Whether something is in force on a date."""

    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    NO_LONGER_IN_FORCE = "no_longer_in_force"
    UNKNOWN = "unknown"


class Bound(_Frozen):
    """One end of an interval: its date, the event that sets it, or why it is not known.

    ``date`` and ``reason`` both ``None`` means no such end: open-ended.
    """

    date: dt.date | None = None
    event: Event | None = None
    reason: str | None = None

    @property
    def unresolved(self) -> bool:
        """The end exists but its date is not known."""
        return self.date is None and self.reason is not None


class Applicability(_Frozen):
    """When a regulation or provision applies: ``[start, until)``.

    ``not_before`` is a date before which it cannot apply (adoption or promulgation) when
    ``start`` is unresolved; ``wording`` is from when the text's own wording applies (the last
    amendment's), for a consolidated text; ``in_force_by`` is a day by which it was in force
    when ``start`` is unresolved: the commencement of an amended wording (a wording cannot
    apply while its act is not in force).
    """

    eid: str
    start: Bound
    until: Bound = Bound()
    not_before: dt.date | None = None
    wording: Bound | None = None
    in_force_by: dt.date | None = None

    def status_on(self, day: dt.date) -> Status:
        """The status on ``day``; ``unknown`` whenever an unresolved end decides it."""
        start, until = self.start, self.until
        if until.date is not None and day >= until.date:
            return Status.NO_LONGER_IN_FORCE
        if start.date is None:
            if self.not_before is not None and day < self.not_before:
                return Status.NOT_YET_IN_FORCE
            known = self._known_start()
            if known is not None and day >= known and not until.unresolved:
                return Status.IN_FORCE  # an amended wording applies, so the work does too
            return Status.UNKNOWN
        if day < start.date:
            return Status.NOT_YET_IN_FORCE
        if until.unresolved:
            return Status.UNKNOWN
        return Status.IN_FORCE

    def period(self) -> Period:
        """The interval as a Period: the dates, and why an end is not known. An unresolved
        start known to be in force by some day (an amended wording) keeps that day."""
        start = self.start.date or self._known_start()
        return Period(
            start=start,
            until=self.until.date,
            start_reason=None if start else self.start.reason,
            until_reason=self.until.reason if self.until.unresolved else None,
        )

    def known_interval(self) -> tuple[dt.date, dt.date | None] | None:
        """``(start, until)`` of the days known to be in force, ``None`` when there are
        none: an unknown start falls back to the first day an amended wording applies (in
        force at least from then), an unknown end makes every day after the start unknown."""
        start = self.start.date or self._known_start()
        if start is None or self.until.unresolved:
            return None
        return start, self.until.date

    def _known_start(self) -> dt.date | None:
        """The first day known to be in force when ``start`` is unresolved."""
        days = [d for d in (self.in_force_by, self.wording.date if self.wording else None) if d]
        return min(days, default=None)


_NOT_COMPUTED = "the applicability was not computed (a model built without lawparse.parse)"


def events_in_date_order(events: Iterable[Event]) -> list[Event]:
    """The events in date order (stable); those without a date come last, in text order."""
    events = list(events)
    dated = sorted((e for e in events if e.date is not None), key=lambda e: e.date or dt.date.min)
    return dated + [e for e in events if e.date is None]


class Reference(_Frozen):
    """A citation in a provision's text, with its exact ``span`` and ``text``.

    ``targets`` are the eIds of this regulation it cites ("前两款" in a third paragraph: the
    first two). A citation of another act keeps that act's title in ``external`` and the
    provisions it names there in ``external_targets`` (eId style, "art_20__para_1"), and
    never targets this one. ``unresolved`` says why a local citation names a provision this
    text does not have. ``provision`` is the eId of the provision the citation stands in
    (the innermost: an item, a paragraph, an article).
    """

    span: Span
    text: str
    provision: str | None = None
    targets: tuple[str, ...] = ()
    external: str | None = None
    external_targets: tuple[str, ...] = ()
    unresolved: str | None = None

    def facts(self) -> dict[str, str | int | list[str] | None]:
        """The citation as plain values, as ``lawparse refs --json`` prints it."""
        return {
            "text": self.text,
            "start": self.span.start,
            "end": self.span.end,
            "provision": self.provision,
            "targets": list(self.targets),
            "external": self.external,
            "external_targets": list(self.external_targets),
            "unresolved": self.unresolved,
        }


ReferenceReader = Callable[["Regulation"], tuple[Reference, ...]]
_REFERENCE_READERS: list[ReferenceReader] = []


def read_references_with(reader: ReferenceReader) -> None:
    """Install the reader behind :attr:`Regulation.references`. The model is data and
    imports no feature: :mod:`lawparse.references` installs its reader when it loads (the
    pipeline loads it), and a caller may install another."""
    _REFERENCE_READERS[:] = [reader]


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

    ``applies`` is when the regulation applies as a work by its own text, and
    ``provisions_applying`` the provisions whose commencement differs from the work's; both
    are computed by :func:`lawparse.parse` (a repeal stated by another act is known only to a
    :class:`~lawparse.Corpus` or an index of several acts).
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
    applies: Applicability | None = None
    provisions_applying: tuple[Applicability, ...] = ()

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        # Pickled as its JSON, which pydantic validates back in Rust: default pickling rebuilds
        # each of a few hundred nodes through Python and cost a worker's parent most of a parse.
        return _regulation_from_json, (self.model_dump_json().encode("utf-8"),)

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        """Every citation in the provisions' text, resolved to this regulation's eIds
        (read on first access: not part of the JSON of the model)."""
        if not _REFERENCE_READERS:
            raise RuntimeError("no reader of references is installed: import lawparse.references")
        return _REFERENCE_READERS[0](self)

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
        return self.applies.start.date if self.applies else None

    def status_on(self, day: dt.date) -> Status:
        """Is the regulation in force on ``day``? ``unknown`` rather than a guess."""
        return self.applicability().status_on(day)

    def in_force_on(self, day: dt.date) -> tuple[Article | Point, ...]:
        """The provisions that apply on ``day`` (article-level commencement honoured)."""
        own = {a.eid: a for a in self.provisions_applying}
        work = self.applicability()
        return tuple(
            p for p in self.provisions if own.get(p.eid, work).status_on(day) is Status.IN_FORCE
        )

    @property
    def provisions(self) -> tuple[Article | Point, ...]:
        """The provisions that apply one by one: articles, or the points of a decision."""
        return self.articles or self.points

    def applicability(self, eid: str | None = None) -> Applicability:
        """``[start, until)`` of a provision (by eId) or of the regulation, with the events."""
        work = self.applies or Applicability(eid=self.eid, start=Bound(reason=_NOT_COMPUTED))
        if eid is None or eid == self.eid:
            return work
        for own in self.provisions_applying:
            if own.eid == eid:
                return own
        if any(p.eid == eid for p in self.provisions):
            return work.model_copy(update={"eid": eid})
        raise KeyError(eid)

    def timeline(self) -> list[Event]:
        """The events in date order; undated ones last."""
        return events_in_date_order(self.events)

    def effective_dates(self) -> list[dt.date]:
        """Every date on which the regulation or some of its provisions enter into force."""
        return sorted(
            {
                e.date
                for e in self.events
                if e.kind is EventKind.EFFECTIVE and e.about is None and e.date is not None
            }
        )

    def article(self, number: int) -> Article:
        """The first article with this number; ``KeyError`` if there is none."""
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)


def _regulation_from_json(data: bytes) -> Regulation:
    return Regulation.model_validate_json(data)
