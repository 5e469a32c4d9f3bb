"""An embedded SQLite index of regulations, provisions and events.

Date queries are answered from the index without re-parsing. Each file is indexed in one
transaction: a crash mid-way leaves the previous state, and a file whose SHA-256 has not
changed is skipped. Provision intervals are stored as ISO dates (``until`` exclusive, NULL
when open-ended); a provision whose start is unresolved is stored with a NULL start and is
never reported as in force.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .model import Regulation

__all__ = ["Index", "IndexedProvision"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT,
    language TEXT NOT NULL,
    status_start TEXT,
    status_until TEXT
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
    PRIMARY KEY (document, position)
);
CREATE INDEX IF NOT EXISTS provisions_by_start ON provisions(start, until);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date);
"""


@dataclass(frozen=True, slots=True)
class IndexedProvision:
    """A provision as the index answers for it."""

    path: str
    title: str | None
    eid: str
    label: str
    start: dt.date
    until: dt.date | None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


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
        with closing(self._connect()) as connection, connection:
            connection.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path)
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    def sha256(self, path: str) -> str | None:
        """The SHA-256 stored for ``path``, if it is indexed."""
        with closing(self._connect()) as connection:
            row = connection.execute(
                "SELECT sha256 FROM documents WHERE path = ?", (path,)
            ).fetchone()
        return str(row[0]) if row else None

    def add(self, reg: Regulation, path: str | None = None) -> bool:
        """Index one regulation, replacing its earlier rows atomically; ``False`` when the
        stored copy has the same SHA-256 and nothing was done."""
        from .temporal import provision_applicability, provisions_of, regulation_applicability

        path = path or reg.source.path or reg.source.sha256
        if self.sha256(path) == reg.source.sha256:
            return False
        work = regulation_applicability(reg)
        intervals = provision_applicability(reg, work)
        with closing(self._connect()) as connection, connection:
            connection.execute("DELETE FROM documents WHERE path = ?", (path,))
            cursor = connection.execute(
                "INSERT INTO documents (path, sha256, title, language, status_start, status_until)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    path,
                    reg.source.sha256,
                    reg.title,
                    reg.language,
                    _iso(work.start.date),
                    _iso(work.until.date),
                ),
            )
            document = cursor.lastrowid
            rows = []
            for provision in provisions_of(reg):
                interval = intervals[provision.eid]
                start = interval.start.date or (interval.wording.date if interval.wording else None)
                if interval.until.unresolved:
                    start = None  # an end that is not known makes every day after unknown
                rows.append(
                    (
                        document,
                        provision.eid,
                        provision.label,
                        _iso(start),
                        _iso(interval.until.date),
                    )
                )
            connection.executemany("INSERT INTO provisions VALUES (?, ?, ?, ?, ?)", rows)
            connection.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        document,
                        position,
                        e.kind.value,
                        _iso(e.date),
                        e.about,
                        e.provisions,
                        e.body,
                        e.unresolved,
                        e.text,
                    )
                    for position, e in enumerate(reg.events)
                ],
            )
        return True

    def add_all(self, regulations: Iterable[tuple[str, Regulation]]) -> tuple[int, int]:
        """Index many (path, regulation) pairs; returns (indexed, skipped as unchanged)."""
        indexed = skipped = 0
        for path, reg in regulations:
            if self.add(reg, path):
                indexed += 1
            else:
                skipped += 1
        return indexed, skipped

    def applicable_on(self, day: dt.date) -> Iterator[IndexedProvision]:
        """Every provision in force on ``day``, from the index."""
        query = (
            "SELECT d.path, d.title, p.eid, p.label, p.start, p.until FROM provisions p"
            " JOIN documents d ON d.id = p.document"
            " WHERE p.start IS NOT NULL AND p.start <= ? AND (p.until IS NULL OR p.until > ?)"
            " ORDER BY d.path, p.rowid"
        )
        iso = day.isoformat()
        with closing(self._connect()) as connection:
            for path, title, eid, label, start, until in connection.execute(query, (iso, iso)):
                yield IndexedProvision(
                    path,
                    title,
                    eid,
                    label,
                    dt.date.fromisoformat(start),
                    dt.date.fromisoformat(until) if until else None,
                )

    def timeline(
        self, between: tuple[dt.date, dt.date] | None = None
    ) -> list[dict[str, str | None]]:
        """Dated events in date order, within ``[from, to)`` when given."""
        low, high = between or (dt.date.min, dt.date.max)
        query = (
            "SELECT d.path, e.kind, e.date, e.about, e.provisions, e.body, e.text FROM events e"
            " JOIN documents d ON d.id = e.document"
            " WHERE e.date IS NOT NULL AND e.date >= ? AND e.date < ? ORDER BY e.date, d.path"
        )
        with closing(self._connect()) as connection:
            rows = connection.execute(query, (low.isoformat(), high.isoformat())).fetchall()
        names = ("file", "kind", "date", "about", "provisions", "body", "text")
        return [dict(zip(names, row, strict=True)) for row in rows]

    def __len__(self) -> int:
        with closing(self._connect()) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
