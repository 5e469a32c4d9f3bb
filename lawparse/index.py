"""The SQLite index, as :mod:`lawparse.collection.index` (kept here for its users)."""

from .collection.index import (
    Index,
    IndexedProvision,
    IndexRows,
    index_files,
    index_record,
    rows_for,
)

__all__ = ["Index", "IndexRows", "IndexedProvision", "index_files", "index_record", "rows_for"]
