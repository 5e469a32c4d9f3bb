"""Events and provisions as tables for data teams: CSV always, Parquet when pyarrow is there."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Regulation
from .parallel import batched

__all__ = ["EVENT_COLUMNS", "PROVISION_COLUMNS", "event_rows", "provision_rows", "write_table"]

EVENT_COLUMNS = (
    "file", "title", "kind", "date", "about", "provisions", "body", "session", "instrument",
    "ordinal", "relative_to", "unresolved", "start", "end",
)  # fmt: skip
PROVISION_COLUMNS = ("file", "title", "eid", "label", "number", "start", "until", "status_reason")


def event_rows(regulations: Iterable[Regulation]) -> Iterator[dict[str, Any]]:
    """One row per event, dates as ISO strings."""
    for reg in regulations:
        for event in reg.events:
            yield {
                "file": reg.source.path,
                "title": reg.title,
                **event.facts(),
                "start": event.span.start,
                "end": event.span.end,
            }


def provision_rows(regulations: Iterable[Regulation]) -> Iterator[dict[str, Any]]:
    """One row per provision with its applicability interval."""
    from ..temporal import provision_applicability, provisions_of

    for reg in regulations:
        intervals = provision_applicability(reg)
        for provision in provisions_of(reg):
            interval = intervals[provision.eid]
            yield {
                "file": reg.source.path,
                "title": reg.title,
                "eid": provision.eid,
                "label": provision.label,
                "number": provision.number,
                "start": interval.start.date.isoformat() if interval.start.date else None,
                "until": interval.until.date.isoformat() if interval.until.date else None,
                "status_reason": interval.start.reason or interval.until.reason,
            }


_INTEGER_COLUMNS = {
    EVENT_COLUMNS: frozenset({"ordinal", "start", "end"}),  # start and end: offsets in the text
    PROVISION_COLUMNS: frozenset({"number"}),
}
_ROW_GROUP = 50_000  # rows held before a Parquet row group is written


def write_table(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], path: str | Path) -> int:
    """Write rows to ``path``: Parquet for a ``.parquet`` name (needs pyarrow), else CSV.
    Rows are streamed (Parquet in row groups), so memory does not grow with the table.
    Returns the number of rows written."""
    target = Path(path)
    if target.suffix == ".parquet":
        return _write_parquet(rows, columns, target)
    count = 0
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], target: Path) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise RuntimeError("Parquet output needs pyarrow: pip install pyarrow") from None
    # A fixed schema: a row group whose column is all empty must not change its type.
    integers = _INTEGER_COLUMNS.get(columns, frozenset())
    schema = pa.schema(
        [(name, pa.int64() if name in integers else pa.string()) for name in columns]
    )
    count = 0
    with pq.ParquetWriter(target, schema) as writer:
        for chunk in batched(rows, _ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count
