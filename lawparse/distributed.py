"""Dask runs, as :mod:`lawparse.collection.distributed` (kept here for its users)."""

from .collection.distributed import export_with_dask, index_with_dask, parse_with_dask

__all__ = ["export_with_dask", "index_with_dask", "parse_with_dask"]
