"""Many regulations: the in-memory corpus, the SQLite index, exports, parallel and Dask runs."""
