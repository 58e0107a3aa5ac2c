"""The result cache: keyed by question and change marker, bounded, time-limited, shared."""

from __future__ import annotations

import asyncio

import pytest

from api.services.result_cache import RequestMarker, ResultCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Counting:
    def __init__(self, value: object = "answer") -> None:
        self.calls, self.value = 0, value

    async def __call__(self) -> object:
        self.calls += 1
        await asyncio.sleep(0)
        return self.value


async def test_a_second_question_at_the_same_marker_is_answered_from_the_cache() -> None:
    cache, compute = ResultCache(), Counting()

    first = await cache.get_or_compute("q", "m1", compute)
    second = await cache.get_or_compute("q", "m1", compute)

    assert first == second == "answer"
    assert compute.calls == 1
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)


async def test_a_new_marker_makes_the_entry_stale() -> None:
    cache, compute = ResultCache(), Counting()

    await cache.get_or_compute("q", "m1", compute)
    await cache.get_or_compute("q", "m2", compute)
    await cache.get_or_compute("q", "m2", compute)

    assert compute.calls == 2


async def test_without_a_marker_nothing_is_cached() -> None:
    cache, compute = ResultCache(), Counting()

    await cache.get_or_compute("q", None, compute)
    await cache.get_or_compute("q", None, compute)

    assert compute.calls == 2 and len(cache) == 0


async def test_entries_expire_after_their_max_age() -> None:
    clock, compute = Clock(), Counting()
    cache = ResultCache(max_age=60, clock=clock)

    await cache.get_or_compute("q", "m", compute)
    clock.now = 60
    await cache.get_or_compute("q", "m", compute)
    clock.now = 121
    await cache.get_or_compute("q", "m", compute)

    assert compute.calls == 2


async def test_the_least_recently_used_entry_goes_first() -> None:
    cache, compute = ResultCache(max_entries=2), Counting()

    await cache.get_or_compute("a", "m", compute)
    await cache.get_or_compute("b", "m", compute)
    await cache.get_or_compute("a", "m", compute)  # a is now the most recent
    await cache.get_or_compute("c", "m", compute)  # b goes
    await cache.get_or_compute("a", "m", compute)
    await cache.get_or_compute("b", "m", compute)

    assert compute.calls == 4
    assert cache.stats.evictions == 2 and len(cache) == 2


async def test_concurrent_requests_share_one_computation() -> None:
    cache, compute = ResultCache(), Counting()

    answers = await asyncio.gather(*(cache.get_or_compute("q", "m", compute) for _ in range(5)))

    assert answers == ["answer"] * 5
    assert compute.calls == 1


async def test_a_failed_computation_is_not_cached() -> None:
    cache, compute = ResultCache(), Counting()

    async def broken() -> object:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        await cache.get_or_compute("q", "m", broken)
    assert await cache.get_or_compute("q", "m", compute) == "answer"
    assert compute.calls == 1


async def test_a_request_reads_its_marker_once_however_many_ask() -> None:
    reads = Counting("m1")
    marker = RequestMarker(reads)  # type: ignore[arg-type]

    values = await asyncio.gather(*(marker.value() for _ in range(4)))

    assert values == ["m1"] * 4 and reads.calls == 1


@pytest.mark.parametrize("options", [{"max_entries": 0}, {"max_age": 0}])
def test_a_cache_needs_room_and_a_positive_age(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ResultCache(**options)  # type: ignore[arg-type]
