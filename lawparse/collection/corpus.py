"""Many regulations at once: what applies on a date across a corpus, and what changed when.

The date index is built once. Provisions are sorted by the day they start to apply and cut
into blocks; inside a block they are sorted by the day they stop. "In force on d" is then a
binary search for the blocks that started by d and, in each, a binary search for those that
have not yet stopped, whose references are copied out as one slice: the cost is the answer
plus a logarithm per block, not one comparison per provision. ``changes_between`` bisects a
list of events sorted by date, so it costs the size of its answer.

A corpus is a :class:`~lawparse.collection.store.Store`: it answers with the records of the
SQLite index, extended with the parsed regulation, provision and interval.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from ..errors import LawParseError
from ..model import Article, Event, EventKind, Point, Regulation
from ..pipeline import parse_file
from ..temporal import (
    CHANGE_KINDS,
    Applicability,
    Status,
    provision_applicability,
    provisions_of,
    regulation_applicability,
)
from .store import (
    AmbiguousWork,
    CitationRecord,
    DocumentRecord,
    EventRecord,
    Instrument,
    Instruments,
    ProvisionRecord,
    ProvisionWording,
    VersionText,
    citation_records,
    cites,
    names_provision,
    names_work,
    normalise_title,
    successive_wordings,
    wording_start,
)

__all__ = [
    "Applicable",
    "Applicables",
    "Change",
    "Corpus",
    "expand_paths",
    "normalise_title",
    "parse_files",
    "parse_one",
]

_BLOCK = 1024
_NEVER = dt.date.max.toordinal() + 1


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files as given, and the ``.txt`` files under directories, sorted."""
    files: list[str] = []
    for path in map(Path, paths):
        files.extend(sorted(map(str, path.rglob("*.txt"))) if path.is_dir() else [str(path)])
    return files


def parse_one(path: str, encoding: str = "utf-8") -> tuple[str, Regulation | None, str | None]:
    """(path, regulation, None), or (path, None, the problem) for a file that cannot be read:
    what a worker process runs for each file, so the parse never raises out of it."""
    try:
        return path, parse_file(path, encoding, errors="collect"), None
    except LawParseError as error:  # unreadable bytes or a missing file
        return path, None, f"{error.code}: {error.message}"


def parse_files(
    paths: Iterable[str], workers: int = 1, encoding: str = "utf-8"
) -> Iterator[tuple[str, Regulation | None, str | None]]:
    """(path, regulation or ``None``, problem) for each file, in order, streamed as they are
    parsed; with ``workers`` > 1 in that many processes, with a bounded number of files in
    flight so memory does not grow with the corpus. A bad file never stops the batch."""
    from functools import partial

    from .parallel import process_map

    yield from process_map(partial(parse_one, encoding=encoding), paths, workers)


_FIRST_DAY = dt.date.min.toordinal()


def _version_order(day: int | None) -> tuple[bool, int]:
    """Versions in the order their wordings apply; one whose date is unknown comes first."""
    return (day is not None, day if day is not None else _FIRST_DAY)


def _provision_named(reg: Regulation, eid: str) -> Article | Point | None:
    return next((p for p in reg.provisions if names_provision(p.eid, eid)), None)


@dataclass(frozen=True, slots=True)
class Applicable(ProvisionRecord):
    """A provision in force on the date asked, with the regulation it belongs to: the
    store's record (path, title, eId, label, the known ``[start, until)``) and the model
    objects it was made from."""

    regulation: Regulation
    provision: Article | Point
    applicability: Applicability


class Applicables(Sequence[Applicable]):
    """The answer of :meth:`Corpus.applicable_on`: a read-only sequence over the index's own
    lists (each part is a prefix of one block), so a query copies nothing until asked to."""

    def __init__(self, parts: list[tuple[list[Applicable], int]]) -> None:
        self._parts = parts
        self._offsets = list(itertools.accumulate(count for _, count in parts))

    def __len__(self) -> int:
        return self._offsets[-1] if self._offsets else 0

    def __iter__(self) -> Iterator[Applicable]:
        return itertools.chain.from_iterable(
            itertools.islice(items, count) for items, count in self._parts
        )

    @overload
    def __getitem__(self, index: int) -> Applicable: ...

    @overload
    def __getitem__(self, index: slice) -> list[Applicable]: ...

    def __getitem__(self, index: int | slice) -> Applicable | list[Applicable]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        part = bisect.bisect_right(self._offsets, index)
        before = self._offsets[part - 1] if part else 0
        return self._parts[part][0][index - before]

    def __repr__(self) -> str:
        return f"<{len(self)} applicable provisions>"


@dataclass(frozen=True, slots=True)
class Change(EventRecord):
    """An event on a date, with the regulation that states it: the store's record (date,
    path, title, event) and the regulation."""

    regulation: Regulation


class Corpus:
    """Regulations queried together; several versions of one regulation form a history.

    Each regulation is known by a path: the one given in ``paths``, else its source's path,
    else its SHA-256 (as :meth:`Index.add <lawparse.collection.index.Index.add>` names it).

    >>> corpus = Corpus([])
    >>> list(corpus.applicable_on(dt.date(2024, 1, 1)))
    []
    """

    def __init__(
        self, regulations: Iterable[Regulation], paths: Iterable[str] | None = None
    ) -> None:
        self.failures: list[tuple[str, str]] = []
        self.regulations: list[Regulation] = list(regulations)
        given = list(paths) if paths is not None else []
        if paths is not None and len(given) != len(self.regulations):
            raise ValueError("give one path per regulation")
        self.paths: list[str] = given or [
            reg.source.path or reg.source.sha256 for reg in self.regulations
        ]
        self._by_path: dict[str, int] = {}
        for index, path in enumerate(self.paths):
            self._by_path.setdefault(path, index)
        alone = [regulation_applicability(reg) for reg in self.regulations]
        instruments = Instruments(
            Instrument.of(reg.title, work, reg.events)
            for reg, work in zip(self.regulations, alone, strict=True)
        )
        self._wording_days = [
            day.toordinal() if day else None
            for day in (
                wording_start(reg.title, work, instruments)
                for reg, work in zip(self.regulations, alone, strict=True)
            )
        ]
        self._versions = self._group_versions()
        self._ended_by = self._repeals()
        self.work: dict[int, Applicability] = {}
        records: list[tuple[int, int, Applicable]] = []
        for index, reg in enumerate(self.regulations):
            work = regulation_applicability(reg, self._ended_by.get(index))
            self.work[index] = work
            window = self._version_window(index)
            intervals = provision_applicability(reg, work)
            path = self.paths[index]
            for provision in provisions_of(reg):
                interval = intervals[provision.eid]
                known = interval.known_interval()
                if known is None:
                    continue  # unknown is never reported as in force
                start, until = known
                begin = max(start.toordinal(), window[0])
                end = min(until.toordinal() if until else _NEVER, window[1])
                if begin < end:
                    applicable = Applicable(
                        path=path,
                        title=reg.title,
                        eid=provision.eid,
                        label=provision.label,
                        start=start,
                        until=until,
                        regulation=reg,
                        provision=provision,
                        applicability=interval,
                    )
                    records.append((begin, end, applicable))
        records.sort(key=lambda record: record[0])
        self._starts = [record[0] for record in records]
        self._blocks: list[tuple[list[int], list[Applicable]]] = []
        for offset in range(0, len(records), _BLOCK):
            block = sorted(records[offset : offset + _BLOCK], key=lambda record: -record[1])
            self._blocks.append(([-record[1] for record in block], [r[2] for r in block]))
        self._block_records = [
            records[offset : offset + _BLOCK] for offset in range(0, len(records), _BLOCK)
        ]
        self._events = sorted(
            (
                (event.date.toordinal(), index, event)
                for index, reg in enumerate(self.regulations)
                for event in reg.events
                if event.date is not None
            ),
            key=lambda item: item[0],
        )
        self._event_days = [item[0] for item in self._events]
        self._citations: list[CitationRecord] | None = None

    @classmethod
    def from_paths(
        cls, paths: Iterable[str | Path], workers: int = 1, progress: bool = False
    ) -> Corpus:
        """Parse every file (directories are walked for ``.txt``) into a corpus, in
        ``workers`` processes, with a progress bar on standard error when ``progress``; files
        that cannot be read are listed in ``corpus.failures``."""
        from tqdm import tqdm

        files = expand_paths(paths)
        regulations: list[Regulation] = []
        parsed: list[str] = []
        failures: list[tuple[str, str]] = []
        stream = parse_files(files, workers=workers)
        for path, reg, problem in tqdm(stream, total=len(files), unit="file", disable=not progress):
            if reg is not None:
                regulations.append(reg)
                parsed.append(path)
            else:
                failures.append((path, problem or "unreadable"))
        corpus = cls(regulations, paths=parsed)
        corpus.failures = failures
        return corpus

    # Versions and repeals ------------------------------------------------------------------

    def _group_versions(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for index, reg in enumerate(self.regulations):
            if reg.title:
                groups[normalise_title(reg.title)].append(index)
        for members in groups.values():
            members.sort(key=lambda index: _version_order(self._wording_days[index]))
        return groups

    def _version_window(self, index: int) -> tuple[int, int]:
        """Each version applies from its wording's date until the next version's: the first
        from whenever it started, the last until it ends. A version whose wording date is
        unknown counts from the first; a version followed by one whose date is unknown has an
        unknown end, so no day of it is reported (an empty window), never a guess."""
        reg = self.regulations[index]
        members = self._versions.get(normalise_title(reg.title or ""), [index])
        position = members.index(index) if index in members else 0
        own = self._wording_days[index]
        begin = own if position > 0 and own is not None else _FIRST_DAY
        if position + 1 == len(members):
            return begin, _NEVER
        following = self._wording_days[members[position + 1]]
        return begin, following if following is not None else _FIRST_DAY

    def _repeals(self) -> dict[int, Event]:
        """Repeal clauses linked to the regulation they repeal, when it is in the corpus."""
        ended: dict[int, Event] = {}
        for source, reg in enumerate(self.regulations):
            for event in reg.events:
                if event.kind is not EventKind.REPEALED or event.about is None:
                    continue
                repealed_on = event.date.toordinal() if event.date else None
                for index in self._versions.get(normalise_title(event.about), []):
                    # A new act often repeals its predecessor of the same title: never the
                    # act itself, nor a version whose wording is not older than the repeal.
                    wording = self._wording_days[index]
                    if index == source or (
                        repealed_on is not None and wording is not None and wording >= repealed_on
                    ):
                        continue
                    ended.setdefault(index, event)
        return ended

    def as_of(self, title: str, day: dt.date) -> Regulation | None:
        """The version of the regulation called ``title`` whose wording applies on ``day``."""
        members = self._versions.get(normalise_title(title), [])
        chosen = None
        for index in members:
            begin, end = self._version_window(index)
            if begin <= day.toordinal() < end:
                chosen = self.regulations[index]
        return chosen

    # Queries ---------------------------------------------------------------------------------

    def status_on(self, reg: str | Regulation, day: dt.date) -> Status:
        """A regulation's status, with repeals stated by other acts in the corpus; the
        regulation is given itself or by its path (``KeyError`` for a path not held)."""
        if isinstance(reg, str):
            if reg not in self._by_path:
                raise KeyError(f"{reg} is not in the corpus")
            return self.work[self._by_path[reg]].status_on(day)
        index = next((i for i, held in enumerate(self.regulations) if held is reg), None)
        return self.work[self.regulations.index(reg) if index is None else index].status_on(day)

    def applicable_on(self, day: dt.date) -> Applicables:
        """Every provision in force on ``day``, across the corpus, as a sequence view.

        The view is computed in time proportional to the number of index blocks; iterating
        it, or ``list()``, costs the size of the answer. Order: by index block, not by text.
        """
        ordinal = day.toordinal()
        started = bisect.bisect_right(self._starts, ordinal)
        full, partial = divmod(started, _BLOCK)
        parts: list[tuple[list[Applicable], int]] = []
        for negated_ends, applicable in self._blocks[:full]:
            still = bisect.bisect_left(negated_ends, -ordinal)
            if still:
                parts.append((applicable, still))
        if partial:
            tail = [
                record[2] for record in self._block_records[full][:partial] if record[1] > ordinal
            ]
            parts.append((tail, len(tail)))
        return Applicables(parts)

    def timeline(self, between: tuple[dt.date, dt.date] | None = None) -> list[Change]:
        """Every dated event in date order, within ``[from, to)`` when ``between`` is given."""
        low, high = (0, len(self._events))
        if between is not None:
            low = bisect.bisect_left(self._event_days, between[0].toordinal())
            high = bisect.bisect_left(self._event_days, between[1].toordinal())
        return [
            Change(
                date=event.date,
                path=self.paths[index],
                title=self.regulations[index].title,
                event=event,
                regulation=self.regulations[index],
            )
            for _, index, event in self._events[low:high]
            if event.date is not None
        ]

    def changes_between(self, first: dt.date, last: dt.date) -> list[Change]:
        """What entered into force, expired, was repealed or amended in ``[first, last)``."""
        return [
            change
            for change in self.timeline(between=(first, last))
            if change.event.kind in CHANGE_KINDS
        ]

    def history(self, eid: str, title: str | None = None) -> list[ProvisionWording]:
        """The successive wordings of the provision ``eid`` (a whole eId, or its last
        components: "art_165") across the versions of the work called ``title``, in the
        order they apply, each with its period. Without a title, the one work that has the
        provision; :class:`~lawparse.collection.store.AmbiguousWork` (listing the titles)
        when several have it, and ``[]`` when none has. Untitled texts belong to no work.

        A version's wording applies from its amended wording's entry into force (else the
        work's, else its last amendment's date) until the next version's. That date is
        corpus-level knowledge when the version names only its amendment's adoption (a
        consolidated 刑法 lists 修正案（十二） as adopted on 2023-12-29) and the corpus holds
        the amending instrument: its entry into force ("本修正案自2024年3月1日起施行") dates the
        version. The last wording runs until the work ends, repeals stated by other acts of
        the corpus included.

        >>> Corpus([]).history("art_1")
        []
        """
        works: dict[str, list[int]] = {}
        for key, members in self._versions.items():
            if title is not None and key != normalise_title(title):
                continue
            if any(_provision_named(self.regulations[i], eid) for i in members):
                works[key] = members
        if len(works) > 1:
            titles = [self.regulations[members[0]].title or "" for members in works.values()]
            raise AmbiguousWork(eid, sorted(titles))
        if not works:
            return []
        (members,) = works.values()
        versions = []
        for index in members:
            reg, day = self.regulations[index], self._wording_days[index]
            provision = _provision_named(reg, eid)
            versions.append(
                VersionText(
                    self.paths[index],
                    reg.title,
                    dt.date.fromordinal(day) if day is not None else None,
                    (provision.eid, provision.text) if provision else None,
                )
            )
        return successive_wordings(versions, self.work[members[-1]].until)

    # Citations ---------------------------------------------------------------------------

    @property
    def citations(self) -> list[CitationRecord]:
        """Every citation of every regulation, one record per provision it names (read on
        first use)."""
        if self._citations is None:
            self._citations = [
                record
                for path, reg in zip(self.paths, self.regulations, strict=True)
                for record in citation_records(reg, path)
            ]
        return self._citations

    def cited_by(self, eid: str, title: str | None = None) -> list[CitationRecord]:
        """The citations of the provision ``eid`` (a whole eId, or from its article down:
        "art_20__para_1") of the work ``title``, or of any work in the corpus when ``None``:
        from its own regulation, and from the others that name it by title."""
        titles = [reg.title for reg in self.regulations if reg.title]
        return [record for record in self.citations if cites(record, eid, title, titles)]

    def citing_repealed(self) -> list[CitationRecord]:
        """The citations of an act that a repeal clause in the corpus has ended ("《X》同时
        废止" in one regulation, 依照《X》第五条 in another): provisions to revisit."""
        repealed = {
            event.about
            for reg in self.regulations
            for event in reg.events
            if event.kind is EventKind.REPEALED and event.about is not None
        }
        return [
            record
            for record in self.citations
            if record.cited_title is not None
            and any(names_work(record.cited_title, title) for title in repealed)
        ]

    def documents(self) -> list[DocumentRecord]:
        """Every regulation, in the corpus's order (by path, for one made from a folder)."""
        return [
            DocumentRecord(path, reg.title, reg.language)
            for path, reg in zip(self.paths, self.regulations, strict=True)
        ]

    def __len__(self) -> int:
        return len(self.regulations)

    def __iter__(self) -> Iterator[Regulation]:
        return iter(self.regulations)
