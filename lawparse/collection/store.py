"""What the in-memory :class:`~lawparse.collection.corpus.Corpus` and the SQLite
:class:`~lawparse.collection.index.Index` both answer, with the same records.

:class:`Store` is the protocol; the records are plain frozen dataclasses. The corpus answers
with subclasses of them that also carry the parsed regulation (``Applicable``, ``Change``),
so code written against a store works with either, and code that has a corpus keeps the
model objects.

The history of a provision is worked out here, once, from what both stores hold: each
version's applicability, the amending instruments among the documents, and the provision's
text in each version (:func:`wording_start`, :func:`successive_wordings`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..languages import compiler_note, zh
from ..languages.common import TITLE_NOISE
from ..model import Applicability, Bound, Event, EventKind, Period, Regulation, Status

__all__ = [
    "AmbiguousWork",
    "CitationRecord",
    "DocumentRecord",
    "EventRecord",
    "Instrument",
    "Instruments",
    "ProvisionRecord",
    "ProvisionWording",
    "Store",
    "VersionText",
    "citation_records",
    "cites",
    "names_provision",
    "names_work",
    "normalise_title",
    "provision_tail",
    "successive_wordings",
    "wording_start",
]


def normalise_title(title: str) -> str:
    """A title reduced for matching: no spaces, brackets or quotes, case folded.

    >>> normalise_title("《上海外高桥保税区条例》") == normalise_title("上海外高桥 保税区条例")
    True
    """
    return TITLE_NOISE.sub("", title).casefold()


@dataclass(frozen=True, slots=True)
class ProvisionRecord:
    """A provision in force on the day asked: the file it is in, the regulation's title, its
    eId and label, and the days it is known to be in force, ``[start, until)`` (``until``
    ``None`` when open-ended)."""

    path: str
    title: str | None
    eid: str
    label: str
    start: dt.date
    until: dt.date | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A dated event, with the file and the title of the regulation that states it."""

    date: dt.date
    path: str
    title: str | None
    event: Event


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A regulation held by a store: the path it is known by, its title and language."""

    path: str
    title: str | None
    language: str


@dataclass(frozen=True, slots=True)
class ProvisionWording:
    """One wording of a provision across the versions of a work: the provision's eId (as
    the version names it), its text, and the ``period`` during which that text applied; the
    ``path`` is the first version with that text, ``title`` the work's title as written there.

    ``period.start`` is ``None`` when the version does not date its wording
    (``start_reason`` says so); ``period.until`` is ``None`` while the wording still applies
    (or, with ``until_reason``, when its end is not known).
    """

    path: str
    title: str | None
    eid: str
    text: str
    period: Period

    @property
    def start(self) -> dt.date | None:
        """The first day the wording applies, when known."""
        return self.period.start

    @property
    def until(self) -> dt.date | None:
        """The first day it no longer applies; ``None`` when open or not known."""
        return self.period.until


class AmbiguousWork(LookupError):
    """A provision asked for without a title is in several works: ``titles`` lists them, so
    the caller can ask again with one."""

    def __init__(self, eid: str, titles: Sequence[str]) -> None:
        self.eid = eid
        self.titles = tuple(titles)
        super().__init__(f"{eid} is in {len(titles)} works; give a title: " + "; ".join(titles))


def names_provision(eid: str, asked: str) -> bool:
    """Does ``asked`` name the provision ``eid``: the whole eId, or its last components
    ("art_165" for "part_2__chp_3__sec_3__art_165"), so that a provision keeps its name
    when a version moves it to another chapter?"""
    return eid == asked or eid.endswith(f"__{asked}")


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """One provision a citation names: the citing file and regulation's title, the eId of
    the provision the citation stands in (``provision``), the citation's text and offsets,
    and what it cites: ``target``, an eId of this regulation when ``cited_title`` is
    ``None``, else the provision of the act titled ``cited_title`` as the citation names it
    ("art_20__para_1"; ``None`` when it names none that can be told)."""

    path: str
    title: str | None
    provision: str | None
    text: str
    start: int
    end: int
    cited_title: str | None
    target: str | None


def citation_records(reg: Regulation, path: str) -> list[CitationRecord]:
    """The citations of ``reg``, one record per provision each names."""
    records: list[CitationRecord] = []
    for reference in reg.references:
        targets: tuple[str | None, ...]
        if reference.external is not None:
            targets = reference.external_targets or (None,)
        else:
            targets = reference.targets
        for target in targets:
            records.append(
                CitationRecord(
                    path,
                    reg.title,
                    reference.provision,
                    reference.text,
                    reference.span.start,
                    reference.span.end,
                    reference.external,
                    target,
                )
            )
    return records


def provision_tail(eid: str) -> str:
    """An eId from its article down ("chp_2__art_20__para_1" to "art_20__para_1"): how a
    citation of another act names a provision, without the chapters it cannot see."""
    parts = eid.split("__")
    for index, part in enumerate(parts):
        if not part.startswith(("part_", "chp_", "sec_")):
            return "__".join(parts[index:])
    return eid


def names_work(name: str, title: str | None) -> bool:
    """Does ``name`` (a cited title, 《中华人民共和国刑法》 or the short 刑法) name the work
    titled ``title``?"""
    if title is None:
        return False
    return normalise_title(name) == normalise_title(title) or zh.names_act(name, title)


def cites(record: CitationRecord, eid: str, title: str | None, titles: Iterable[str]) -> bool:
    """Does the citation ``record`` name the provision ``eid`` (a whole eId, or from its
    article down) of the work titled ``title`` (of any work in ``titles`` when ``None``)?"""
    if record.target is None or provision_tail(record.target) != provision_tail(eid):
        return False
    if record.cited_title is None:
        return title is None or names_work(title, record.title)
    if title is not None:
        return names_work(record.cited_title, title)
    cited = record.cited_title
    return any(names_work(cited, known) for known in titles)


@dataclass(frozen=True, slots=True)
class Instrument:
    """An amending instrument held by a store, as it dates the versions it makes: its title,
    the day it was adopted, and the day it entered into force."""

    title: str
    adopted: dt.date | None
    effective: dt.date

    @classmethod
    def of(
        cls, title: str | None, applies: Applicability, events: Iterable[Event]
    ) -> Instrument | None:
        """The instrument a document is, or ``None`` when its title is not an amending
        instrument's (修正案, 关于修改……的决定) or it states no dated entry into force."""
        if not title or not zh.AMENDING_INSTRUMENT.search(title) or applies.start.date is None:
            return None
        adopted = [e.date for e in events if e.kind is EventKind.ADOPTED and e.about is None]
        return cls(title, min(filter(None, adopted), default=None), applies.start.date)


class Instruments:
    """The amending instruments of a store, found by title and by the day of adoption."""

    def __init__(self, instruments: Iterable[Instrument | None]) -> None:
        self._by_title: dict[str, Instrument] = {}
        self._by_day: dict[dt.date, list[Instrument]] = defaultdict(list)
        for instrument in filter(None, instruments):
            self._by_title.setdefault(normalise_title(instrument.title), instrument)
            if instrument.adopted is not None:
                self._by_day[instrument.adopted].append(instrument)

    def dating(self, title: str, amendment: Event) -> Instrument | None:
        """The instrument that made the amendment ``amendment`` to the act ``title``: the one
        the event names, else one adopted on its day that amends an act of that title."""
        named = self._by_title.get(normalise_title(amendment.instrument or ""))
        candidates = [named] if named else self._by_day.get(amendment.date or dt.date.min, [])
        return next((i for i in candidates if zh.amends(i.title, title)), None)


_AMENDMENTS = (EventKind.AMENDED, EventKind.REVISED)


def wording_start(
    title: str | None, applies: Applicability, instruments: Instruments
) -> dt.date | None:
    """The first day a version's wording applies: the entry into force of its amended
    wording, else of the work; a consolidated text dated only by its last amendment's
    adoption takes the entry into force of that amending instrument when the store holds it
    (刑法修正案（十二）, adopted 2023-12-29, "自2024年3月1日起施行"). ``None`` when unknown."""
    wording = applies.wording
    bound = wording if wording is not None else applies.start
    event = bound.event
    if title and event is not None and event.kind in _AMENDMENTS:
        instrument = instruments.dating(title, event)
        if instrument is not None:
            return instrument.effective
    return bound.date


@dataclass(frozen=True, slots=True)
class VersionText:
    """One version of a work as a history reads it: its path and title, the first day of
    its wording (``None`` when unknown), and the provision in it as (eId, text), ``None``
    when the version lacks it."""

    path: str
    title: str | None
    start: dt.date | None
    provision: tuple[str, str] | None


def _comparable(text: str) -> str:
    """A text without what formatting changes: whitespace (a Chinese sentence may break
    across lines anywhere) and full-width forms of ASCII (NFKC), and without the notes a
    compiler appended to it, which are no wording of the act."""
    lines = text.splitlines()
    while len(lines) > 1 and compiler_note(lines[-1]):
        lines.pop()
    return "".join(unicodedata.normalize("NFKC", "\n".join(lines)).split())


def successive_wordings(versions: Sequence[VersionText], end: Bound) -> list[ProvisionWording]:
    """The wordings of one provision over the versions of a work, in the order their
    wordings apply: consecutive versions whose texts differ only in formatting give one
    wording, which runs until the next version with another text (or without the
    provision) starts; the last until ``end``, the work's end."""
    wordings: list[ProvisionWording] = []
    current: tuple[VersionText, str, str] | None = None  # the version, eId and text in force

    def close(until: dt.date | None, reason: str | None) -> None:
        assert current is not None
        version, eid, text = current
        period = Period(
            start=version.start,
            until=until,
            start_reason=None if version.start else "the version does not date its wording",
            until_reason=None if until else reason,
        )
        wordings.append(ProvisionWording(version.path, version.title, eid, text, period))

    unknown_next = "the next version does not date its wording"
    for version in versions:
        if current is not None and (
            version.provision is None
            or _comparable(current[2]) != _comparable(version.provision[1])
        ):
            close(version.start, unknown_next)
            current = None
        if current is None and version.provision is not None:
            current = (version, *version.provision)
    if current is not None:
        close(end.date, end.reason if end.unresolved else None)
    return wordings


@runtime_checkable
class Store(Protocol):
    """Regulations queried by date, held in memory or in an index.

    ``timeline`` and ``changes_between`` are declared as sequences, not lists, so that a
    store may answer with a list of a subclass of :class:`EventRecord` (a list is
    invariant); both stores return lists.
    """

    def applicable_on(self, day: dt.date) -> Iterable[ProvisionRecord]:
        """Every provision in force on ``day``."""
        ...

    def status_on(self, path: str, day: dt.date) -> Status:
        """The status on ``day`` of the regulation known by ``path``; ``KeyError`` when the
        store has none."""
        ...

    def timeline(self, between: tuple[dt.date, dt.date] | None = None) -> Sequence[EventRecord]:
        """Every dated event in date order, within ``[from, to)`` when ``between`` is given."""
        ...

    def changes_between(self, first: dt.date, last: dt.date) -> Sequence[EventRecord]:
        """What entered into force, expired, was repealed or amended in ``[first, last)``."""
        ...

    def documents(self) -> list[DocumentRecord]:
        """Every regulation held."""
        ...

    def history(self, eid: str, title: str | None = None) -> list[ProvisionWording]:
        """The successive wordings of the provision ``eid`` across the versions of the work
        ``title`` (any work that has it when ``None``; :class:`AmbiguousWork` when several
        do), each with its period."""
        ...

    def cited_by(self, eid: str, title: str | None = None) -> list[CitationRecord]:
        """The citations of the provision ``eid`` of the work ``title`` (in any work held
        when ``None``): from its own act, and from the others that name it."""
        ...

    def citing_repealed(self) -> list[CitationRecord]:
        """The citations of acts that a repeal in a held regulation has ended."""
        ...
