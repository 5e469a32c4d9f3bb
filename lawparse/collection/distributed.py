"""The same parse on a Dask cluster, for collections beyond one machine (``lawparse[dask]``).

Workers parse batches of files and send back plain data: JSON-able dicts (the model dumped)
for :func:`parse_with_dask`, index rows for :func:`index_with_dask`, table rows for
:func:`export_with_dask`; never parser objects. Each worker process builds the grammar once
(it is cached per process). Batches are submitted through a bounded window and consumed in
order, so neither the client nor the cluster holds more than a few batches of results,
whatever the size of the collection.

On two local cores Dask does not beat the process pool (its start-up alone costs more than
the corpus in this repository); it exists for clusters.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..model import Regulation
from .corpus import expand_paths, parse_one
from .index import Index, IndexRows, index_record
from .parallel import WINDOW_PER_WORKER, in_order

__all__ = ["export_with_dask", "index_with_dask", "parse_with_dask"]

T = TypeVar("T")
R = TypeVar("R")

_BATCH = 16  # files per task: large enough to amortise the scheduler, small for memory


def _default_client() -> Any:
    from dask.distributed import get_client

    return get_client()  # the client the caller created, or a ValueError naming the need


def _stream(
    function: Callable[[list[T]], list[R]],
    items: Iterable[T],
    client: Any,
    batch: int,
    window: int | None,
) -> Iterator[R]:
    client = client if client is not None else _default_client()
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(chunk: list[T]) -> Any:
        return client.submit(function, chunk, pure=False)

    yield from in_order(submit, items, batch, window or workers * WINDOW_PER_WORKER)


def _parse_batch(paths: list[str]) -> list[dict[str, Any]]:
    """Runs on a worker: files to plain dicts, or error rows."""
    records: list[dict[str, Any]] = []
    for path, reg, problem in map(parse_one, paths):
        if reg is None:
            records.append({"path": path, "error": problem})
        else:
            records.append({"path": path, "regulation": reg.model_dump(mode="json")})
    return records


def parse_with_dask(
    paths: Iterable[str | Path],
    client: Any = None,
    batch: int = _BATCH,
    window: int | None = None,
) -> Iterator[tuple[str, Regulation | None, str | None]]:
    """(path, regulation or ``None``, problem) for each file, in order, parsed on the Dask
    cluster of ``client`` (``None``: the current client). At most ``window`` batches of
    ``batch`` files are in flight (default four per worker)."""
    for record in _stream(_parse_batch, expand_paths(paths), client, batch, window):
        if "error" in record:
            yield record["path"], None, record["error"]
        else:
            yield record["path"], Regulation.model_validate(record["regulation"]), None


def _index_batch(tasks: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """Runs on a worker: (path, stored SHA-256) pairs to index rows as plain dicts."""
    records: list[dict[str, Any]] = []
    for path, rows, outcome in map(index_record, tasks):
        plain = dataclasses.asdict(rows) if rows is not None else None
        records.append({"path": path, "rows": plain, "outcome": outcome})
    return records


def index_with_dask(
    paths: Iterable[str | Path],
    database: str | Path,
    client: Any = None,
    batch: int = _BATCH,
    window: int | None = None,
) -> tuple[int, int, list[tuple[str, str]]]:
    """Parse on Dask and write the same SQLite index as ``lawparse index``: workers send
    rows, the client writes one transaction per file; unchanged files are not parsed again.

    Returns (indexed, unchanged, failures as (path, problem))."""
    indexed = skipped = 0
    failures: list[tuple[str, str]] = []
    with Index(database) as index:
        tasks = ((path, index.sha256(path)) for path in expand_paths(paths))
        for record in _stream(_index_batch, tasks, client, batch, window):
            if record["rows"] is not None:
                index.add_rows(IndexRows(**record["rows"]))
                indexed += 1
            elif record["outcome"] == "unchanged":
                skipped += 1
            else:
                failures.append((record["path"], record["outcome"]))
    return indexed, skipped, failures


def _table_batch(table: str, paths: list[str]) -> list[dict[str, Any]]:
    """Runs on a worker: files to event or provision rows (plain dicts), or error rows."""
    from .export import event_rows, provision_rows

    rows_of = event_rows if table == "events" else provision_rows
    rows: list[dict[str, Any]] = []
    for path, reg, problem in map(parse_one, paths):
        if reg is None:
            rows.append({"file": path, "error": problem})
        else:
            rows.extend(rows_of([reg]))
    return rows


def export_with_dask(
    paths: Iterable[str | Path],
    output: str | Path,
    table: str = "events",
    client: Any = None,
    batch: int = _BATCH,
    window: int | None = None,
) -> tuple[int, list[tuple[str, str]]]:
    """Parse on Dask and write the events or provisions table (Parquet for a ``.parquet``
    name, else CSV), streamed batch by batch. Returns (rows written, failures as
    (path, problem))."""
    from .export import EVENT_COLUMNS, PROVISION_COLUMNS, write_table

    if table not in ("events", "provisions"):
        raise ValueError(f"table must be 'events' or 'provisions', not {table!r}")
    failures: list[tuple[str, str]] = []
    work = functools.partial(_table_batch, table)

    def rows() -> Iterator[dict[str, Any]]:
        for row in _stream(work, expand_paths(paths), client, batch, window):
            if "error" in row:
                failures.append((row["file"], row["error"]))
            else:
                yield row

    columns = EVENT_COLUMNS if table == "events" else PROVISION_COLUMNS
    return write_table(rows(), columns, output), failures
