"""Dask on a real local cluster (not mocked): the same regulations as the process pool."""

from __future__ import annotations

import datetime as dt
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


def test_dask_index_skips_unchanged_files_and_matches_the_local_index(
    client, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from lawparse.distributed import index_with_dask
    from lawparse.index import index_files

    files = expand_paths([CORPUS])
    assert index_with_dask(files, tmp_path / "dask.db", client, batch=4, window=2)[:2] == (
        len(files),
        0,
    )
    assert index_with_dask(files, tmp_path / "dask.db", client)[:2] == (0, len(files))
    with Index(tmp_path / "local.db") as local:
        assert {outcome for _, outcome in index_files(local, files)} == {"indexed"}
        expected = list(local.applicable_on(dt.date(2024, 1, 1)))
    with Index(tmp_path / "dask.db") as remote:
        assert list(remote.applicable_on(dt.date(2024, 1, 1))) == expected


def test_dask_export_writes_the_same_table_as_the_cli(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from lawparse.cli import main
    from lawparse.distributed import export_with_dask

    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe")
    files = [*expand_paths([CORPUS]), str(tmp_path / "broken.txt")]
    written, failures = export_with_dask(files, tmp_path / "dask.csv", "provisions", client)
    assert [Path(path).name for path, _ in failures] == ["broken.txt"]
    assert main(["export", str(CORPUS), "--table", "provisions", "-o", str(tmp_path / "cli.csv"),
                 "--quiet"]) == 0  # fmt: skip
    read = lambda name: list(csv.DictReader((tmp_path / name).open(encoding="utf-8")))  # noqa: E731
    assert read("dask.csv") == read("cli.csv")
    assert written == len(read("cli.csv"))
