"""The write lane: batches written in order, each after the one before, a bounded number in
flight, outcomes settled in order, and nothing written after a failure."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import pytest

from ingest.pipeline.lane import WriteLane


class _Writer:
    """Records what runs when; fails on a batch named ``fail``."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.running = 0
        self.most_at_once = 0

    async def write(self, kind: str, rows: list[dict[str, Any]]) -> list[str]:
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        self.events.append(f"start {kind}")
        await asyncio.sleep(0.01)
        self.running -= 1
        if kind == "fail":
            raise RuntimeError("the database said no")
        self.events.append(f"end {kind}")
        return [f"{kind}:{row['n']}" for row in rows]


def _rows(*numbers: int) -> list[dict[str, Any]]:
    return [{"n": n} for n in numbers]


async def test_batches_are_written_one_after_another_in_the_order_they_were_sent() -> None:
    writer, settled = _Writer(), []
    lane = WriteLane(writer.write, lambda kind, items, outcomes: settled.append(list(outcomes)))
    for kind in ("a", "b", "c", "d"):
        await lane.submit(kind, _rows(1, 2), ["x", "y"])
    await lane.drain()
    assert writer.events == [f"{edge} {kind}" for kind in "abcd" for edge in ("start", "end")]
    assert writer.most_at_once == 1
    assert settled == [[f"{kind}:1", f"{kind}:2"] for kind in "abcd"]


async def test_sending_a_batch_waits_while_the_window_is_full() -> None:
    writer, settled = _Writer(), []

    def settle(kind: str, items: Sequence[Any], outcomes: Sequence[str]) -> None:
        settled.append(kind)

    lane = WriteLane(writer.write, settle, window=2)
    await lane.submit("a", _rows(1), [1])
    await lane.submit("b", _rows(2), [2])
    assert (len(lane), settled) == (2, [])
    await lane.submit("c", _rows(3), [3])  # waits for "a" and settles it
    assert (len(lane), settled) == (2, ["a"])
    await lane.drain()
    assert settled == ["a", "b", "c"]


async def test_after_a_failed_batch_nothing_more_is_written_and_the_error_comes_out() -> None:
    writer, settled = _Writer(), []
    lane = WriteLane(writer.write, lambda kind, items, outcomes: settled.append(kind), window=3)
    await lane.submit("a", _rows(1), [1])
    await lane.submit("fail", _rows(2), [2])
    await lane.submit("c", _rows(3), [3])
    with pytest.raises(RuntimeError, match="the database said no"):
        await lane.drain()
    assert settled == ["a"]
    assert "start c" not in writer.events
    assert len(lane) == 0


async def test_cancelling_stops_the_batches_not_written_yet() -> None:
    writer = _Writer()
    lane = WriteLane(writer.write, lambda kind, items, outcomes: None, window=3)
    for kind in ("a", "b", "c"):
        await lane.submit(kind, _rows(1), [1])
    await lane.cancel()
    assert "start b" not in writer.events and "end a" not in writer.events
    assert len(lane) == 0
