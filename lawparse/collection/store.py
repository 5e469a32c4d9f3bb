"""What the in-memory :class:`~lawparse.collection.corpus.Corpus` and the SQLite
:class:`~lawparse.collection.index.Index` both answer, with the same records.

:class:`Store` is the protocol; the records are plain frozen dataclasses. The corpus answers
with subclasses of them that also carry the parsed regulation (``Applicable``, ``Change``),
so code written against a store works with either, and code that has a corpus keeps the
model objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..model import Event, Status

__all__ = ["DocumentRecord", "EventRecord", "ProvisionRecord", "Store"]


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
