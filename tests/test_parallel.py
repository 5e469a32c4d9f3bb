"""The bounded window behind parallel parsing: order kept, memory bounded, stops cleanly."""

from __future__ import annotations

from concurrent.futures import Future

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawparse.collection.parallel import batched, in_order, process_map


@given(st.lists(st.integers(), max_size=60), st.integers(1, 7))
def test_batched_keeps_every_item_in_order(items: list[int], size: int) -> None:
    chunks = list(batched(items, size))
    assert [item for chunk in chunks for item in chunk] == items
    assert all(len(chunk) == size for chunk in chunks[:-1])


class _Done:
    """A finished future that counts how often its result was taken."""

    taken = 0

    def __init__(self, value: list[int]) -> None:
        self.value = value

    def result(self) -> list[int]:
        _Done.taken += 1
        return self.value

    def cancel(self) -> bool:
        return False


@given(st.lists(st.integers(), max_size=80), st.integers(1, 5), st.integers(1, 4))
def test_in_order_never_has_more_than_the_window_in_flight(
    items: list[int], batch: int, window: int
) -> None:
    submitted = most = 0
    _Done.taken = 0

    def submit(chunk: list[int]) -> _Done:
        nonlocal submitted, most
        submitted += 1
        most = max(most, submitted - _Done.taken)
        return _Done([x * 2 for x in chunk])

    assert list(in_order(submit, items, batch, window)) == [x * 2 for x in items]
    assert most <= window


def test_in_order_pulls_items_lazily() -> None:
    pulled = []

    def items():  # type: ignore[no-untyped-def]
        for n in range(10_000):
            pulled.append(n)
            yield n

    def submit(chunk: list[int]) -> Future[list[int]]:
        future: Future[list[int]] = Future()
        future.set_result(chunk)
        return future

    stream = in_order(submit, items(), batch=4, window=2)
    assert [next(stream) for _ in range(3)] == [0, 1, 2]
    assert len(pulled) <= 4 * 3  # a bounded look-ahead, not the whole input


def test_abandoning_the_stream_cancels_what_has_not_started() -> None:
    made: list[Future[list[int]]] = []

    def submit(chunk: list[int]) -> Future[list[int]]:
        future: Future[list[int]] = Future()  # never run: stays pending until consumed
        made.append(future)
        if len(made) == 1:
            future.set_result(chunk)
        return future

    stream = in_order(submit, range(100), batch=5, window=3)
    assert next(stream) == 0
    stream.close()
    assert all(future.cancelled() for future in made[1:])


def _square(n: int) -> int:
    return n * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def test_process_map_matches_map_in_order() -> None:
    numbers = range(200)
    assert list(process_map(_square, numbers, workers=2, batch=3, window=2)) == [
        n * n for n in numbers
    ]
    assert list(process_map(_square, iter(numbers), workers=1)) == [n * n for n in numbers]


def test_process_map_reports_a_worker_error() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(process_map(_fail_on_seven, range(20), workers=2, batch=2))
