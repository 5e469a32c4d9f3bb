"""Work spread over processes (or a Dask cluster) with a bounded window of batches in flight.

``Executor.map`` submits every item at once and keeps every result until it is consumed, so
its memory grows with the corpus. Here at most ``window`` batches are outstanding: the
parent holds a few batches of results whatever the number of files.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

__all__ = ["WINDOW_PER_WORKER", "batched", "in_order", "process_map"]

WINDOW_PER_WORKER = 4  # batches in flight per worker: enough to keep each busy, no more

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class _Pending(Protocol[R_co]):  # concurrent.futures.Future and distributed.Future alike
    def result(self) -> R_co: ...

    def cancel(self) -> Any: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter); ``itertools.batched`` is 3.12+."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(
    submit: Callable[[list[T]], _Pending[list[R]]],
    items: Iterable[T],
    batch: int,
    window: int,
) -> Iterator[R]:
    """Results of ``submit`` for batches of ``items``, in the order of the items, with at most
    ``window`` batches submitted and not yet consumed. Abandoning the iterator cancels what
    has not started."""
    pending: deque[_Pending[list[R]]] = deque()
    try:
        for chunk in batched(items, batch):
            if len(pending) >= window:
                yield from pending.popleft().result()
            pending.append(submit(chunk))
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _apply(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def process_map(
    function: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    batch: int = 8,
    window: int | None = None,
) -> Iterator[R]:
    """``map(function, items)`` computed in ``workers`` processes, streamed in order.

    ``function`` must be importable by the workers (a module-level function). Results come
    back in batches of ``batch`` items, and ``window`` (default ``WINDOW_PER_WORKER`` per
    worker) bounds the batches in flight, hence the memory.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:

        def submit(chunk: list[T]) -> _Pending[list[R]]:
            return pool.submit(_apply, function, chunk)

        yield from in_order(submit, items, batch, window or workers * WINDOW_PER_WORKER)
