"""Batches written in the background, one after another, while the next ones are read.

Reading and validating rows is Python work; writing a batch is mostly the database's. A
:class:`WriteLane` overlaps the two: :meth:`WriteLane.submit` starts writing a batch and
returns at once, and the caller goes on reading. The guarantees of a plain sequential
import hold:

- batches are written in the order they were submitted, each only after the one before
  it committed (so a batch that names rows of an earlier one finds them);
- at most ``window`` batches are in flight: submitting one more first waits for the oldest
  and hands its outcomes to ``settle``, so memory stays bounded and outcomes are accounted
  at points that depend only on the order of the rows, never on timing;
- when a batch fails, none after it is written, and the error comes out of the next
  :meth:`WriteLane.submit` or :meth:`WriteLane.drain`; each batch is one transaction, so a
  failure or a kill still leaves whole batches only.

Examples
--------
>>> import asyncio
>>> written, settled = [], []
>>> async def write(kind, rows):
...     written.append(rows)
...     return [f"{kind} {row}" for row in rows]
>>> async def main():
...     lane = WriteLane(write, lambda kind, items, outcomes: settled.extend(outcomes))
...     for rows in (["a"], ["b", "c"], ["d"]):
...         await lane.submit("x", rows, rows)
...     await lane.drain()
>>> asyncio.run(main())
>>> written, settled
([['a'], ['b', 'c'], ['d']], ['x a', 'x b', 'x c', 'x d'])
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from schema.errors import CrmGraphError

__all__ = ["WriteLane"]

K = TypeVar("K")
T = TypeVar("T")
R = TypeVar("R")

Write = Callable[[K, list[T]], Awaitable[Sequence[R]]]
Settle = Callable[[K, Sequence[Any], Sequence[R]], None]


class WriteLane(Generic[K, T, R]):
    """Writes submitted batches in order in the background, ``window`` at most in flight.

    Parameters
    ----------
    write
        Writes one batch (``kind``, rows) in one transaction; returns one outcome per row.
    settle
        Called with ``kind``, the items the caller attached to the batch and its outcomes,
        in submission order, from :meth:`submit` or :meth:`drain`.
    window
        How many batches may be written or wait to be written at once.
    """

    def __init__(self, write: Write[K, T, R], settle: Settle[K, R], *, window: int = 2) -> None:
        if window < 1:
            raise ValueError("window must be at least 1")
        self._write = write
        self._settle = settle
        self._window = window
        self._flight: deque[tuple[K, Sequence[Any], asyncio.Task[Sequence[R]]]] = deque()

    def __len__(self) -> int:
        return len(self._flight)

    async def submit(self, kind: K, rows: list[T], items: Sequence[Any]) -> None:
        """Start writing ``rows`` after every batch submitted before; ``items`` go to
        ``settle`` with the outcomes."""
        previous = self._flight[-1][2] if self._flight else None
        task = asyncio.create_task(self._after(previous, kind, rows))
        self._flight.append((kind, items, task))
        while len(self._flight) > self._window:
            await self._settle_oldest()

    async def drain(self) -> None:
        """Wait until every submitted batch is written and settled."""
        while self._flight:
            await self._settle_oldest()

    async def cancel(self) -> None:
        """Stop: batches not written yet never will be (one being written rolls back)."""
        tasks = [task for _, _, task in self._flight]
        self._flight.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _after(
        self, previous: asyncio.Task[Sequence[R]] | None, kind: K, rows: list[T]
    ) -> Sequence[R]:
        if previous is not None:
            await asyncio.wait([previous])
            if previous.cancelled() or previous.exception() is not None:
                raise _Skipped()
        return await self._write(kind, rows)

    async def _settle_oldest(self) -> None:
        kind, items, task = self._flight[0]
        try:
            outcomes = await task
        except BaseException:
            await self.cancel()
            raise
        self._flight.popleft()
        self._settle(kind, items, outcomes)


class _Skipped(CrmGraphError):
    """A batch not written because one before it failed (that failure is what is raised)."""
