"""Keep a resident projection current: build it in bulk reads, then apply the change feed.

Every write of Relgraph appends an entry to the feed in its own transaction (see
:mod:`graph.reading.change_feed`); the follower reads the entries after the last it applied
and reads the touched records again (:func:`graph.projection.build.refresh`), or rebuilds on
a ``reset`` entry. It learns of new entries two ways: this process's own writes tell it at
once (``GraphClient.on_change`` calls :meth:`ProjectionFollower.notify`), and a poll of the
feed's head every ``poll_interval`` seconds finds other processes' writes. Before answering,
a reader calls :meth:`current`: it reads the feed's head (one indexed node) and applies what
is not applied yet, so a request sent after a write returned, from any process, is answered
with that write (read-your-writes). Entries pruned before the follower read them, and
``reset`` entries, make it rebuild.

The store is mutated only while no reader holds it (:class:`ReadWriteGate`), so readers may
run their CPU-bound work in worker threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from graph.driver import GraphClient, Transaction
from graph.projection.build import BuildStopped, Fetched, build_store, fetch_touched, put_fetched
from graph.projection.store import ProjectionStore
from graph.reading.change_feed import ChangeFeedReader
from schema.changes import ChangeEntry, Touched

__all__ = ["FollowerStats", "ProjectionFollower", "ReadWriteGate"]

_log = logging.getLogger("relgraph.projection")

_FEED_PAGE = 1000  # entries applied per round


class ReadWriteGate:
    """Many readers at once, or one writer: writers wait for readers to leave and keep new
    readers out while they wait."""

    def __init__(self) -> None:
        self._readers = 0
        self._writing = False
        self._changed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def reading(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            async with self._changed:
                self._readers -= 1
                self._changed.notify_all()

    @contextlib.asynccontextmanager
    async def writing(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._writing)
            self._writing = True
            await self._changed.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            async with self._changed:
                self._writing = False
                self._changed.notify_all()


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowerStats:
    """What the follower has done: the feed position, build and apply timings."""

    ready: bool
    applied_seq: int
    known_seq: int
    build_seconds: float | None
    applied_entries: int
    last_apply_seconds: float | None


class ProjectionFollower:
    """One process's resident projection and its place in the change feed."""

    def __init__(
        self,
        client: GraphClient,
        *,
        poll_interval: float = 0.5,
        apply_timeout: float = 30.0,
        freeze_heap: bool = False,
    ) -> None:
        if poll_interval <= 0 or apply_timeout <= 0:
            raise ValueError("poll_interval and apply_timeout must be positive")
        self.apply_timeout = apply_timeout
        self.freeze_heap = freeze_heap  # the process's own projection: gc.freeze() it
        self.client = client
        self.feed = ChangeFeedReader(client)
        self.poll_interval = poll_interval
        self.gate = ReadWriteGate()
        self.store: ProjectionStore | None = None
        self.applied_seq = 0
        self.known_seq = 0
        self._apply_lock = asyncio.Lock()
        self._build_seconds: float | None = None
        self._applied_entries = 0
        self._last_apply: float | None = None
        self._stopping = asyncio.Event()
        self._signal_handled = 0
        self._builds = 0

    @property
    def ready(self) -> bool:
        """Whether the projection has been built (until then, readers use the database)."""
        return self.store is not None

    def notify(self, seq: int) -> None:
        """A write of this process committed feed entry ``seq``."""
        self.known_seq = max(self.known_seq, seq)

    def stats(self) -> FollowerStats:
        return FollowerStats(
            ready=self.ready,
            applied_seq=self.applied_seq,
            known_seq=self.known_seq,
            build_seconds=self._build_seconds,
            applied_entries=self._applied_entries,
            last_apply_seconds=self._last_apply,
        )

    async def build(self) -> None:
        """Build (or rebuild) the projection from the whole graph."""
        async with self._apply_lock:
            await self._rebuild()

    async def _rebuild(self) -> None:
        started = time.perf_counter()
        head = await self.feed.head()
        store = await build_store(self.client, stopping=self._stopping.is_set)
        async with self.gate.writing():
            self.store = store
            self.applied_seq = head
            self.known_seq = head
            self._builds += 1
        if self.freeze_heap:
            # The store is millions of long-lived objects: the collector's full passes
            # would walk them all, again and again, while answering requests. Objects
            # frozen are left out of those passes (the previous store's, unfrozen first,
            # are collected once).
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        self._build_seconds = time.perf_counter() - started
        _log.info("projection built in %.1f s at feed entry %d", self._build_seconds, head)

    async def current(self) -> ProjectionStore | None:
        """The store with every entry committed before the call applied (None until it is
        built). With a machine-local feed signal (:mod:`graph.feed_signal`) that costs no
        database read when nothing changed: the signal says whether any process of this
        machine committed an entry this process has not applied. Without one, it reads the
        feed's head (one indexed node). New entries' records are read when there are any."""
        if self.store is None:
            return None
        signal = self.client.feed_signal
        if signal is None:
            await self._learn(await self.feed.head())
            return self.store
        published = signal.read()
        if published > self._signal_handled or self.known_seq > self.applied_seq:
            await self.catch_up()
            # A signal above everything the feed holds is another database's (this one was
            # replaced under the same address): acting on it once is enough.
            self._signal_handled = max(self._signal_handled, published)
        return self.store

    def marker(self) -> str:
        """A token that changes whenever the applied projection does (the result cache's
        change marker while the projection serves)."""
        return f"feed:{self.applied_seq}:{self._builds}"

    async def _learn(self, head: int) -> None:
        """Catch up to ``head``; a head behind what was applied is another database (the
        graph was replaced): rebuild."""
        if head < self.applied_seq:
            await self.build()
            return
        self.known_seq = max(self.known_seq, head)
        if self.known_seq > self.applied_seq:
            await self.catch_up()

    async def catch_up(self) -> None:
        """Apply the feed's entries after the last applied one: each round reads the new
        entries and the records they touched in one read transaction, then patches."""
        async with self._apply_lock:
            while self.store is not None:
                started = time.perf_counter()
                entries, fetched = await self.client.read_together(
                    self._read_changes, timeout=self.apply_timeout
                )
                if not entries:
                    return
                if fetched is None:
                    await self._rebuild()
                    return
                async with self.gate.writing():
                    put_fetched(self.store, fetched)
                    self.applied_seq = entries[-1].seq
                    self.known_seq = max(self.known_seq, self.applied_seq)
                self._applied_entries += len(entries)
                self._last_apply = time.perf_counter() - started
                if len(entries) < _FEED_PAGE:
                    return  # that was all there was

    async def _read_changes(self, tx: Transaction) -> tuple[list[ChangeEntry], Fetched | None]:
        """The entries after the last applied, and what they touched (None when they ask
        for a rebuild: a ``reset``, or a gap left by entries pruned before we read them)."""
        assert self.store is not None
        entries = await ChangeFeedReader.since_in(tx, self.applied_seq, limit=_FEED_PAGE)
        if not entries:
            return entries, None
        if entries[0].seq != self.applied_seq + 1 or any(e.touched.reset for e in entries):
            return entries, None
        touched = Touched()
        for entry in entries:
            touched = touched | entry.touched
        return entries, await fetch_touched(tx, self.store, touched)

    async def poll(self) -> None:
        """Learn the feed's head and catch up (one round of :meth:`run`)."""
        await self._learn(await self.feed.head())

    async def run(self) -> None:
        """Build, then poll the feed until :meth:`stop`; failures are logged and retried.
        A step under way (a build, a poll) finishes before it stops, so no read is cut off
        in the middle."""
        while self.store is None and not self._stopping.is_set():
            try:
                await self.build()
            except BuildStopped:
                return
            except Exception as e:
                _log.warning("building the projection failed (%s); trying again", e)
                await self._pause(5 * self.poll_interval)
        while not self._stopping.is_set():
            await self._pause(self.poll_interval)
            if self._stopping.is_set():
                return
            try:
                await self.poll()
            except Exception:
                _log.warning("following the change feed failed; trying again", exc_info=True)

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    def stop(self) -> None:
        """Ask :meth:`run` to return after the step under way."""
        self._stopping.set()
