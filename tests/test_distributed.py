"""Dask on a real local cluster (not mocked): the same regulations as the process pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawparse.corpus import expand_paths, parse_files
from lawparse.index import Index
from tests.helpers import CORPUS

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as connection:
        yield connection
    cluster.close()


def test_dask_parses_like_the_process_pool(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from lawparse.distributed import index_with_dask, parse_with_dask

    files = expand_paths([CORPUS])
    local = {path: reg.model_dump() for path, reg, _ in parse_files(files) if reg}
    remote = {path: reg.model_dump() for path, reg, _ in parse_with_dask(files, client) if reg}
    assert remote == local

    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe")
    indexed, skipped, failures = index_with_dask(
        [*files[:3], tmp_path / "broken.txt"], tmp_path / "laws.db", client
    )
    assert (indexed, skipped) == (3, 0)
    assert [Path(path).name for path, _ in failures] == ["broken.txt"]
    assert len(Index(tmp_path / "laws.db")) == 3
