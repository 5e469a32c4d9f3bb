"""The same parse on a Dask cluster, for collections beyond one machine (``lawparse[dask]``).

Workers parse files and send back plain JSON-able dicts (the model dumped), not parser
objects: each worker process builds the grammar once (it is cached per process), and the
client validates the dicts back into models. On two local cores Dask does not beat the
process pool (its start-up alone costs more than the corpus in this repository); it exists
for clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .corpus import expand_paths
from .index import Index
from .model import Regulation

__all__ = ["index_with_dask", "parse_with_dask"]


def _record(path: str) -> dict[str, Any]:
    """Runs on a worker: one file to a plain dict, or an error row."""
    from .errors import LawParseError
    from .pipeline import parse_file

    try:
        reg = parse_file(path, errors="collect")
    except LawParseError as error:
        return {"path": path, "error": f"{error.code}: {error.message}"}
    return {"path": path, "regulation": reg.model_dump(mode="json")}


def parse_with_dask(
    paths: Iterable[str | Path], client: Any = None, partitions: int | None = None
) -> Iterator[tuple[str, Regulation | None, str | None]]:
    """(path, regulation or ``None``, problem) for each file, parsed by a Dask bag on
    ``client`` (the default scheduler when ``None``)."""
    import importlib

    bag: Any = importlib.import_module("dask.bag")  # an optional extra, loaded on use

    files = expand_paths(paths)
    if not files:
        return
    parts = partitions or max(1, min(len(files), 64))
    records = bag.from_sequence(files, npartitions=parts).map(_record)
    results = client.compute(records).result() if client is not None else records.compute()
    for record in results:
        if "error" in record:
            yield record["path"], None, record["error"]
        else:
            yield record["path"], Regulation.model_validate(record["regulation"]), None


def index_with_dask(
    paths: Iterable[str | Path], database: str | Path, client: Any = None
) -> tuple[int, int, list[tuple[str, str]]]:
    """Parse on Dask and write the same SQLite index as ``lawparse index``.

    Returns (indexed, unchanged, failures as (path, problem))."""
    index = Index(database)
    indexed = skipped = 0
    failures: list[tuple[str, str]] = []
    for path, reg, problem in parse_with_dask(paths, client):
        if reg is None:
            failures.append((path, problem or "unreadable"))
        elif index.add(reg, path):
            indexed += 1
        else:
            skipped += 1
    return indexed, skipped, failures
