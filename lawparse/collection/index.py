"""An embedded SQLite index of regulations, provisions and events.

Date queries are answered from the index without re-parsing. Each file is indexed in one
transaction: a crash mid-way leaves the previous state, and a file whose SHA-256 has not
changed is skipped. Provision intervals are stored as ISO dates (``until`` exclusive, NULL
when open-ended); a provision whose start is unresolved is stored with a NULL start and is
never reported as in force.

An index is a :class:`~lawparse.collection.store.Store`: it answers with the same records as
the in-memory corpus. Each event is stored with its columns and as the model's JSON, from
which it is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LawParseError
from ..languages import zh
from ..model import Applicability, Bound, Event, EventKind, Regulation, Span, Status
from ..source import SourceText
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
    names_work,
    normalise_title,
    provision_tail,
    successive_wordings,
    wording_start,
)

__all__ = ["Index", "IndexRows", "IndexedProvision", "index_files", "rows_for"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT,
    language TEXT NOT NULL,
    status_start TEXT,
    status_until TEXT,
    applicability TEXT
);
CREATE TABLE IF NOT EXISTS provisions (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    label TEXT NOT NULL,
    start TEXT,
    until TEXT,
    PRIMARY KEY (document, eid)
);
CREATE TABLE IF NOT EXISTS events (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    about TEXT,
    provisions TEXT,
    body TEXT,
    unresolved TEXT,
    text TEXT NOT NULL,
    event TEXT,
    PRIMARY KEY (document, position)
);
CREATE TABLE IF NOT EXISTS wordings (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document, eid)
);
CREATE TABLE IF NOT EXISTS citations (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    provision TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cited_title TEXT,
    target TEXT,
    target_tail TEXT
);
CREATE INDEX IF NOT EXISTS citations_by_target ON citations(target_tail);
CREATE INDEX IF NOT EXISTS provisions_by_start ON provisions(start, until);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date);
"""


_SCHEMA_VERSION = 5


# From the first schema (tables but no version number), which had no ``applicability``: its
# documents answer ``unknown`` for their status until the next ``lawparse index`` re-parses
# them, which clearing their hash makes it do.
_FROM_FIRST_SCHEMA = """
ALTER TABLE documents ADD COLUMN applicability TEXT;
UPDATE documents SET sha256 = '';
"""

# From the second schema (version 2), whose events had no ``event`` (the model's JSON): their
# events are rebuilt from the columns (no span, session or instrument) until the next
# ``lawparse index`` re-parses them, which clearing their hash makes it do. The first schema's
# events table, when it has one, is upgraded the same way.
_FROM_SECOND_SCHEMA = """
ALTER TABLE events ADD COLUMN event TEXT;
UPDATE documents SET sha256 = '';
"""

# From the third schema (version 3), which had no ``wordings`` (the provisions' texts): the
# table is created empty, and clearing the hashes makes the next ``lawparse index`` fill it.
_FROM_THIRD_SCHEMA = """
UPDATE documents SET sha256 = '';
"""

# From the fourth schema (version 4), which had no ``citations``: the table is created empty,
# and clearing the hashes makes the next ``lawparse index`` fill it.
_FROM_FOURTH_SCHEMA = _FROM_THIRD_SCHEMA

IndexedProvision = ProvisionRecord
"""A provision as the index answers for it (the store's record)."""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _applicability(stored: str | None) -> Applicability:
    """A document's stored applicability; unknown for one indexed before it was stored."""
    if stored is None:
        return Applicability(eid="act", start=Bound(reason="indexed by an earlier lawparse"))
    return Applicability.model_validate_json(stored)


def _event(date: str, stored: str | None, columns: list[str | None]) -> Event:
    """The event of a row: from its JSON, or rebuilt from the columns of a row written
    before the JSON was stored (no span, session or instrument, and no date wording)."""
    if stored is not None:
        return Event.model_validate_json(stored)
    kind, about, provisions, body, unresolved, text = columns
    return Event(
        kind=EventKind(kind),
        date=dt.date.fromisoformat(date),
        about=about,
        provisions=provisions,
        body=body,
        unresolved=unresolved,
        text=text or "",
        span=Span(start=0, end=0),
    )


Row = tuple[str | int | None, ...]


@dataclass(frozen=True, slots=True)
class IndexRows:
    """One document as plain tuples: what a worker process sends back to be indexed."""

    document: Row
    provisions: list[Row]
    events: list[Row]
    wordings: list[Row]
    citations: list[Row] = field(default_factory=list)


def rows_for(reg: Regulation, path: str) -> IndexRows:
    """The index rows of a regulation (run in worker processes, so the parent only writes)."""
    from ..temporal import provision_applicability, regulation_applicability

    work = regulation_applicability(reg)
    intervals = provision_applicability(reg, work)
    provisions: list[Row] = []
    for provision in reg.provisions:
        known = intervals[provision.eid].known_interval()
        start, until = known if known is not None else (None, intervals[provision.eid].until.date)
        provisions.append((provision.eid, provision.label, _iso(start), _iso(until)))
    events: list[Row] = [
        (
            position,
            e.kind.value,
            _iso(e.date),
            e.about,
            e.provisions,
            e.body,
            e.unresolved,
            e.text,
            e.model_dump_json(),
        )
        for position, e in enumerate(reg.events)
    ]
    document: Row = (
        path,
        reg.source.sha256,
        reg.title,
        reg.language,
        _iso(work.start.date),
        _iso(work.until.date),
        work.model_dump_json(),
    )
    wordings: list[Row] = [(provision.eid, provision.text) for provision in reg.provisions]
    citations: list[Row] = [
        (
            record.provision,
            record.text,
            record.start,
            record.end,
            record.cited_title,
            record.target,
            provision_tail(record.target) if record.target else None,
        )
        for record in citation_records(reg, path)
    ]
    return IndexRows(document, provisions, events, wordings, citations)


def index_record(task: tuple[str, str | None]) -> tuple[str, IndexRows | None, str]:
    """Runs in a worker: (path, SHA-256 the index holds for it) to the file's rows and
    "indexed", or no rows and "unchanged" or the problem. The worker reads the file, so the
    parent only looks up the stored hash and writes."""
    from ..pipeline import parse
    from ..source import read_source

    path, stored = task
    try:
        text = read_source(path)
        if stored is not None and SourceText(text).sha256 == stored:
            return path, None, "unchanged"
        return path, rows_for(parse(text, path=path, errors="collect"), path), "indexed"
    except LawParseError as error:
        return path, None, f"{error.code}: {error.message}"


def index_files(index: Index, paths: Iterable[str], workers: int = 1) -> Iterator[tuple[str, str]]:
    """Index files in order, parsing in ``workers`` processes that return compact rows;
    unchanged files (same SHA-256 as stored) are not parsed again. Yields (path, outcome) per
    file, outcome being "indexed", "unchanged" or the problem. Memory stays bounded: files
    are streamed through a fixed window of batches."""
    from .parallel import process_map

    tasks = ((path, index.sha256(path)) for path in paths)
    for path, rows, outcome in process_map(index_record, tasks, workers):
        if rows is not None:
            index.add_rows(rows)
        yield path, outcome


class Index:
    """An SQLite file of parsed regulations.

    >>> import tempfile, lawparse
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     index = Index(f"{folder}/laws.db")
    ...     reg = lawparse.parse("Article 1 These Provisions shall come into force on May 1, 2020.")
    ...     index.add(reg, path="a.txt")
    ...     [p.label for p in index.applicable_on(dt.date(2021, 1, 1))]
    True
    ['Article 1']
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._connection: sqlite3.Connection | None = None
        connection = self._db
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version < _SCHEMA_VERSION:
            query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            tables = {name for (name,) in connection.execute(query)}
            upgrade = ""
            if tables and version < 2:
                upgrade += _FROM_FIRST_SCHEMA
            if "events" in tables and version < 3:
                upgrade += _FROM_SECOND_SCHEMA
            if tables and version < 4:
                upgrade += _FROM_THIRD_SCHEMA
            elif tables:
                upgrade += _FROM_FOURTH_SCHEMA
            # One transaction, so tables without a version number are always the first schema.
            connection.executescript(
                f"BEGIN; {upgrade} {_SCHEMA} PRAGMA user_version = {_SCHEMA_VERSION}; COMMIT;"
            )

    @property
    def _db(self) -> sqlite3.Connection:
        """One connection per Index, opened on first use. Write-ahead logging with
        ``synchronous=NORMAL`` makes a commit cheap and still atomic: a crash leaves the last
        committed state, never a half-written document."""
        if self._connection is None:
            connection = sqlite3.connect(self.path)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            self._connection = connection
        return self._connection

    def close(self) -> None:
        """Close the connection (reopened if the index is used again)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def sha256(self, path: str) -> str | None:
        """The SHA-256 stored for ``path``, if it is indexed."""
        row = self._db.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return str(row[0]) if row else None

    def add(self, reg: Regulation, path: str | None = None) -> bool:
        """Index one regulation, replacing its earlier rows atomically; ``False`` when the
        stored copy has the same SHA-256 and nothing was done."""
        path = path or reg.source.path or reg.source.sha256
        if self.sha256(path) == reg.source.sha256:
            return False
        self.add_rows(rows_for(reg, path))
        return True

    def add_rows(self, rows: IndexRows) -> None:
        """Write one document's rows in one transaction, replacing what the path had."""
        with self._db as connection:
            connection.execute("DELETE FROM documents WHERE path = ?", (rows.document[0],))
            cursor = connection.execute(
                "INSERT INTO documents (path, sha256, title, language, status_start, status_until,"
                " applicability) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows.document,
            )
            document = cursor.lastrowid
            connection.executemany(
                "INSERT INTO provisions VALUES (?, ?, ?, ?, ?)",
                [(document, *row) for row in rows.provisions],
            )
            connection.executemany(
                "INSERT INTO events (document, position, kind, date, about, provisions, body,"
                " unresolved, text, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(document, *row) for row in rows.events],
            )
            connection.executemany(
                "INSERT INTO wordings VALUES (?, ?, ?)",
                [(document, *row) for row in rows.wordings],
            )
            connection.executemany(
                "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(document, *row) for row in rows.citations],
            )

    def add_all(self, regulations: Iterable[tuple[str, Regulation]]) -> tuple[int, int]:
        """Index many (path, regulation) pairs; returns (indexed, skipped as unchanged)."""
        indexed = skipped = 0
        for path, reg in regulations:
            if self.add(reg, path):
                indexed += 1
            else:
                skipped += 1
        return indexed, skipped

    def applicable_on(self, day: dt.date, path: str | None = None) -> Iterator[ProvisionRecord]:
        """Every provision in force on ``day`` (of the document at ``path`` only, if given)."""
        query = (
            "SELECT d.path, d.title, p.eid, p.label, p.start, p.until FROM provisions p"
            " JOIN documents d ON d.id = p.document"
            " WHERE p.start IS NOT NULL AND p.start <= ? AND (p.until IS NULL OR p.until > ?)"
        )
        iso = day.isoformat()
        parameters: tuple[str, ...] = (iso, iso)
        if path is not None:
            query += " AND d.path = ?"
            parameters = (iso, iso, path)
        query += " ORDER BY d.path, p.rowid"
        for path_, title, eid, label, start, until in self._db.execute(query, parameters):
            yield ProvisionRecord(
                path_,
                title,
                eid,
                label,
                dt.date.fromisoformat(start),
                dt.date.fromisoformat(until) if until else None,
            )

    def status_on(self, path: str, day: dt.date) -> Status:
        """The status of the regulation indexed from ``path`` on ``day``, as
        :meth:`Regulation.status_on` answers it; ``KeyError`` when ``path`` is not indexed."""
        row = self._db.execute(
            "SELECT applicability FROM documents WHERE path = ?", (path,)
        ).fetchone()
        if row is None:
            raise KeyError(f"{path} is not in the index")
        if row[0] is None:
            return Status.UNKNOWN  # indexed by an earlier lawparse: re-index to know
        return Applicability.model_validate_json(row[0]).status_on(day)

    _CITATIONS = (
        'SELECT d.path, d.title, c.provision, c.text, c.start, c."end", c.cited_title, c.target'
        " FROM citations c JOIN documents d ON d.id = c.document"
    )

    def cited_by(self, eid: str, title: str | None = None) -> list[CitationRecord]:
        """The citations of the provision ``eid`` of the work ``title``, as
        :meth:`Corpus.cited_by <lawparse.collection.corpus.Corpus.cited_by>` answers."""
        rows = self._db.execute(
            f"{self._CITATIONS} WHERE c.target_tail = ? ORDER BY d.path, c.start",
            (provision_tail(eid),),
        )
        records = [CitationRecord(*row) for row in rows]
        titles = [t for (t,) in self._db.execute("SELECT title FROM documents") if t]
        return [record for record in records if cites(record, eid, title, titles)]

    def citing_repealed(self) -> list[CitationRecord]:
        """The citations of an act that a repeal in an indexed regulation has ended."""
        query = "SELECT DISTINCT about FROM events WHERE kind = ? AND about IS NOT NULL"
        repealed = [about for (about,) in self._db.execute(query, (EventKind.REPEALED.value,))]
        rows = self._db.execute(
            f"{self._CITATIONS} WHERE c.cited_title IS NOT NULL ORDER BY d.path, c.start"
        )
        return [
            record
            for record in (CitationRecord(*row) for row in rows)
            if record.cited_title is not None
            and any(names_work(record.cited_title, about) for about in repealed)
        ]

    def documents(self) -> list[DocumentRecord]:
        """Every indexed document (path, title, language), by path."""
        query = "SELECT path, title, language FROM documents ORDER BY path"
        return [DocumentRecord(*row) for row in self._db.execute(query)]

    def changes_between(self, first: dt.date, last: dt.date) -> list[EventRecord]:
        """What entered into force, expired, was repealed or amended in ``[first, last)``,
        as :meth:`Corpus.changes_between` answers it."""
        from ..temporal import CHANGE_KINDS

        return [
            record
            for record in self.timeline(between=(first, last))
            if record.event.kind in CHANGE_KINDS
        ]

    def timeline(self, between: tuple[dt.date, dt.date] | None = None) -> list[EventRecord]:
        """Dated events in date order (by path, then text order, on one day), within
        ``[from, to)`` when given."""
        low, high = between or (dt.date.min, dt.date.max)
        query = (
            "SELECT e.date, d.path, d.title, e.event, e.kind, e.about, e.provisions, e.body,"
            " e.unresolved, e.text FROM events e JOIN documents d ON d.id = e.document"
            " WHERE e.date IS NOT NULL AND e.date >= ? AND e.date < ?"
            " ORDER BY e.date, d.path, e.position"
        )
        rows = self._db.execute(query, (low.isoformat(), high.isoformat()))
        return [
            EventRecord(dt.date.fromisoformat(date), path, title, _event(date, stored, columns))
            for date, path, title, stored, *columns in rows
        ]

    def history(self, eid: str, title: str | None = None) -> list[ProvisionWording]:
        """The successive wordings of the provision ``eid``, as :meth:`Corpus.history
        <lawparse.collection.corpus.Corpus.history>` answers them, except that the last
        wording ends where its own text ends the work: the index does not link repeals
        stated by other acts, as :meth:`status_on` does not. Documents indexed before the
        texts were stored have none until ``lawparse index`` runs again."""
        documents = {
            row[0]: row[1:]
            for row in self._db.execute("SELECT id, path, title, applicability FROM documents")
        }
        query = (
            "SELECT document, eid, text FROM wordings WHERE eid = ? OR substr(eid, -?) = ?"
            " ORDER BY document, rowid"
        )
        texts: dict[int, tuple[str, str]] = {}
        for document, found, text in self._db.execute(query, (eid, len(eid) + 2, f"__{eid}")):
            texts.setdefault(document, (found, text))
        works: dict[str, str] = {}
        for document in texts:
            work_title = documents[document][1]
            key = normalise_title(work_title or "")
            if key and (title is None or key == normalise_title(title)):
                works.setdefault(key, work_title)
        if len(works) > 1:
            raise AmbiguousWork(eid, sorted(works.values()))
        if not works:
            return []
        ((key, work_title),) = works.items()
        members = [d for d, (_, t, _) in documents.items() if t and normalise_title(t) == key]
        amending = [d for d, (_, t, _) in documents.items() if t and zh.amends(t, work_title)]
        events = self._dated_events(amending)
        instruments = Instruments(
            Instrument.of(documents[d][1], _applicability(documents[d][2]), events.get(d, []))
            for d in amending
        )
        versions: list[tuple[VersionText, Applicability]] = []
        for document in members:
            path, version_title, stored = documents[document]
            applies = _applicability(stored)
            start = wording_start(version_title, applies, instruments)
            versions.append((VersionText(path, version_title, start, texts.get(document)), applies))
        # The corpus's order: unknown wording dates first, then by date, ties by path.
        versions.sort(key=lambda v: (v[0].start is not None, v[0].start or dt.date.min, v[0].path))
        return successive_wordings([v for v, _ in versions], versions[-1][1].until)

    def _dated_events(self, documents: list[int]) -> dict[int, list[Event]]:
        """The dated events of some documents, by document."""
        found: dict[int, list[Event]] = {}
        marks = ", ".join("?" * len(documents))
        query = (
            "SELECT document, date, event, kind, about, provisions, body, unresolved, text"
            f" FROM events WHERE date IS NOT NULL AND document IN ({marks}) ORDER BY position"
        )
        for document, date, stored, *columns in self._db.execute(query, documents):
            found.setdefault(document, []).append(_event(date, stored, columns))
        return found

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
