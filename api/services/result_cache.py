"""A per-app cache of expensive, stable results, invalidated by any write to the graph.

Each entry is kept under its question (a hashable key) together with the graph change
marker (:mod:`graph.reading.change_marker`) it was computed at: a lookup with another marker is a
miss, so a write by anyone (this API, an import in another process, any other client) makes
every older entry stale at once. Entries also expire after ``max_age`` seconds (the answers
depend on today's date) and the least recently used go first beyond ``max_entries``.
Concurrent requests for the same missing entry share one computation. Without a marker
(None: the server gave no bookmark) nothing is cached.

The cache lives on ``app.state`` (built in the lifespan); each request reads the marker at
most once, through its :class:`RequestMarker`.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

__all__ = ["CacheStats", "RequestMarker", "ResultCache"]

T = TypeVar("T")

DEFAULT_MAX_ENTRIES = 256
DEFAULT_MAX_AGE = 600.0


@dataclass(slots=True)
class CacheStats:
    """What the cache did so far."""

    hits: int = 0
    misses: int = 0
    evictions: int = 0


@dataclass(frozen=True, slots=True)
class _Entry:
    marker: str
    stored_at: float
    value: Any


class ResultCache:
    """Bounded (LRU), time-limited results keyed by question and graph change marker."""

    def __init__(
        self,
        *,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        max_age: float = DEFAULT_MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_entries < 1 or max_age <= 0:
            raise ValueError("max_entries must be at least 1 and max_age positive")
        self.max_entries, self.max_age, self.clock = max_entries, max_age, clock
        self.stats = CacheStats()
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._pending: dict[tuple[Hashable, str], asyncio.Future[Any]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()

    def _fresh(self, key: Hashable, marker: str) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.marker != marker or self.clock() - entry.stored_at > self.max_age:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    def _store(self, key: Hashable, marker: str, value: Any) -> None:
        self._entries[key] = _Entry(marker, self.clock(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
            self.stats.evictions += 1

    async def get_or_compute(
        self, key: Hashable, marker: str | None, compute: Callable[[], Awaitable[T]]
    ) -> T:
        """The value of ``key`` at ``marker``: cached, or computed (once, however many ask
        at the same time) and stored. A failed computation stores nothing."""
        if marker is None:
            self.stats.misses += 1
            return await compute()
        entry = self._fresh(key, marker)
        if entry is not None:
            self.stats.hits += 1
            return cast(T, entry.value)
        pending = self._pending.get((key, marker))
        if pending is not None:
            try:
                value = await asyncio.shield(pending)
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise  # this request was cancelled
            else:
                self.stats.hits += 1
                return cast(T, value)
        return await self._compute(key, marker, compute)

    async def _compute(self, key: Hashable, marker: str, compute: Callable[[], Awaitable[T]]) -> T:
        self.stats.misses += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[(key, marker)] = future
        try:
            value = await compute()
        except asyncio.CancelledError:
            future.cancel()  # whoever waits computes for themselves
            raise
        except Exception as e:
            future.set_exception(e)
            future.exception()  # retrieved: no "never retrieved" warning when nobody waits
            raise
        else:
            future.set_result(value)
            self._store(key, marker, value)
            return value
        finally:
            if self._pending.get((key, marker)) is future:
                del self._pending[(key, marker)]


class RequestMarker:
    """One request's graph change marker: read on first use, then remembered, so a request
    reads it at most once however many fields ask."""

    def __init__(self, read: Callable[[], Awaitable[str | None]]) -> None:
        self._read = read
        self._lock = asyncio.Lock()
        self._value: str | None = None
        self._known = False

    async def value(self) -> str | None:
        """The marker (None when the server gives none)."""
        async with self._lock:
            if not self._known:
                self._value = await self._read()
                self._known = True
        return self._value
