"""The async driver, and the one object through which every query runs.

:class:`GraphClient` runs each query in a managed transaction (``execute_read`` /
``execute_write``) with a server-side timeout, consumes the result inside the transaction
function, translates driver errors, and counts the queries it sends.

Change feed: a write names what it changed (``touched=`` on :meth:`GraphClient.write` and
:meth:`GraphClient.write_all`, :meth:`Transaction.touch` inside
:meth:`GraphClient.transaction`), and when anything was touched, one ``(:Change)`` entry is
appended as the LAST statement of the same transaction (see :mod:`graph.queries.changes`), so
the feed and the graph commit together or not at all. Touches belong to one attempt of a
managed transaction: a retried attempt starts with none. After the commit,
``GraphClient.on_change`` (if set) gets the new entry's sequence number.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, LiteralString, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    NotificationDisabledClassification,
    unit_of_work,
)

from graph.config import GraphSettings
from graph.errors import translate_driver_errors
from graph.feed_signal import FeedSignal
from graph.queries.changes import APPEND_CHANGE
from schema.changes import Touched

__all__ = [
    "ChangeHook",
    "GraphClient",
    "QueryObserver",
    "Record",
    "Touches",
    "Transaction",
    "open_driver",
]

Record = dict[str, Any]
T = TypeVar("T")
# Called after every query with ("read" | "write", seconds, error class name or None).
QueryObserver = Callable[[str, float, str | None], None]
# Called after a commit that appended a change-feed entry, with its sequence number.
ChangeHook = Callable[[int], None]
# What a write touched: given, or computed from the records it returned.
Touches = Touched | Callable[[list[Record]], Touched]

_log = logging.getLogger(__name__)


class Transaction:
    """The queries of one managed transaction opened by :meth:`GraphClient.transaction`."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx
        self._touched = Touched()

    @property
    def touched(self) -> Touched:
        """Everything :meth:`touch` was given so far in this attempt."""
        return self._touched

    def touch(self, touched: Touched) -> None:
        """Add ``touched`` to what this transaction changed: the change-feed entry appended
        before the commit names it."""
        self._touched = self._touched | touched

    async def run(
        self, text: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> list[Record]:
        """Run one query inside the transaction and return its records as dicts of the
        values as the driver hydrated them (nodes and relationships are not turned into
        dicts: return plain values, which is what batch work reads, and it is cheaper)."""
        sent = {k: _quiet(v) for k, v in (parameters or {}).items()}
        result = await self._tx.run(text, sent)
        return [dict(zip(record.keys(), record, strict=True)) async for record in result]


def _quiet(value: Any) -> Any:
    """``value`` with a short ``repr``: a list as :class:`_Quiet`, a map with its lists as
    :class:`_Quiet` (a batch query's parameters travel in one map, ``$batch``)."""
    if isinstance(value, list):
        return _Quiet(value)
    if isinstance(value, dict):
        return {k: _Quiet(v) if isinstance(v, list) else v for k, v in value.items()}
    return value


class _Quiet(list[Any]):
    """A list parameter with a short ``repr``: the driver formats every query's parameters
    for its debug log even when debug logging is off, which for a batch of rows costs about
    as much as packing them."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"[{len(self)} items]"


def open_driver(settings: GraphSettings) -> AsyncDriver:
    """Build the process's single async driver from ``settings`` (no I/O yet)."""
    return AsyncGraphDatabase.driver(
        settings.uri,
        auth=settings.auth,
        connection_timeout=5.0,
        connection_acquisition_timeout=30.0,
        max_transaction_retry_time=settings.retry_time,
        user_agent="relgraph/0.1",
        # "label does not exist" is expected on a fresh database; keep the other notifications.
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    )


class GraphClient:
    """Managed-transaction reads and writes against one database, with a time budget."""

    def __init__(
        self,
        driver: AsyncDriver,
        *,
        database: str,
        timeout: float,
        observer: QueryObserver | None = None,
        on_change: ChangeHook | None = None,
        feed_signal: FeedSignal | None = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.observer = observer
        self.on_change = on_change
        self.feed_signal = feed_signal
        self.queries_sent = 0

    @classmethod
    def from_settings(
        cls,
        settings: GraphSettings,
        *,
        observer: QueryObserver | None = None,
        on_change: ChangeHook | None = None,
    ) -> GraphClient:
        """Open a driver for ``settings`` and wrap it."""
        return cls(
            open_driver(settings),
            database=settings.database,
            timeout=settings.query_timeout,
            observer=observer,
            on_change=on_change,
            feed_signal=(
                None
                if settings.feed_signal_dir is None
                else FeedSignal.for_database(
                    settings.feed_signal_dir, settings.uri, settings.database
                )
            ),
        )

    async def close(self) -> None:
        """Close the driver and its connection pool."""
        await self.driver.close()

    async def verify(self) -> None:
        """Raise :class:`graph.errors.GraphUnavailable` unless the server answers."""
        with translate_driver_errors():
            await self.driver.verify_connectivity()

    async def read(
        self,
        text: LiteralString,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> list[Record]:
        """Run a read query and return its records as dicts."""
        records: list[Record] = await self._run("read", text, parameters, timeout)
        return records

    async def read_bookmark(
        self, text: LiteralString, *, timeout: float | None = None
    ) -> str | None:
        """Run a read query and return the bookmark the server gave its transaction: an
        opaque token of the last transaction the database had committed (None when the
        server gave none). See :mod:`graph.reading.change_marker`."""
        bookmarks: frozenset[str] = await self._run(
            "read", text, None, timeout, work_function=_discard, bookmarks=True
        )
        return "|".join(sorted(bookmarks)) or None

    async def write(
        self,
        text: LiteralString,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
        touched: Touches | None = None,
    ) -> list[Record]:
        """Run a write query in its own managed transaction and return its records.

        ``touched`` (what the write changes, or a function of its records that says so)
        appends a change-feed entry in the same transaction; an empty one appends none.
        """
        if touched is None:
            records: list[Record] = await self._run("write", text, parameters, timeout)
            return records
        sent = dict(parameters or {})

        async def work(tx: Transaction) -> list[Record]:
            found = await _collect(tx._tx, text, sent)
            tx.touch(touched(found) if callable(touched) else touched)
            return found

        return await self.transaction(work, timeout=timeout)

    async def write_all(
        self,
        statements: Sequence[tuple[LiteralString, Mapping[str, Any]]],
        *,
        timeout: float | None = None,
        touched: Touched | None = None,
    ) -> list[list[Record]]:
        """Run several write queries, in order, in ONE managed transaction: all or none
        (with the change-feed entry of ``touched``, if any)."""
        texts = tuple(text for text, _ in statements)
        parameters = [dict(p) for _, p in statements]
        if touched is None:
            records: list[list[Record]] = await self._run(
                "write", texts, parameters, timeout, work_function=_collect_all
            )
            return records
        change = touched

        async def work(tx: Transaction) -> list[list[Record]]:
            found = await _collect_all(tx._tx, texts, parameters)
            tx.touch(change)
            return found

        return await self.transaction(work, timeout=timeout)

    async def read_together(
        self,
        work: Callable[[Transaction], Awaitable[T]],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run ``work`` as ONE managed read transaction: its queries share one transaction
        (fewer round trips than one transaction each). A transient failure runs ``work``
        again from the start; it writes nothing."""

        async def unit(tx: AsyncManagedTransaction, _text: object, _parameters: object) -> T:
            return await work(Transaction(tx))

        done: T = await self._run("read", None, None, timeout, work_function=unit)
        return done

    async def transaction(
        self,
        work: Callable[[Transaction], Awaitable[T]],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run ``work`` as ONE managed write transaction: every query it runs commits
        together or not at all, and reads inside it see its own earlier writes.

        A transient failure runs ``work`` again from the start, so it must keep no state
        of its own between attempts (decide from what it reads, return the result). What
        it touches (:meth:`Transaction.touch`) is appended to the change feed before the
        commit; each attempt starts with nothing touched.
        """

        async def unit(
            tx: AsyncManagedTransaction, _text: object, _parameters: object
        ) -> tuple[T, int | None]:
            wrapped = Transaction(tx)
            result = await work(wrapped)
            return result, await _append_change(tx, wrapped.touched)

        done: tuple[T, int | None] = await self._run(
            "write", None, None, timeout, work_function=unit
        )
        result, seq = done
        if seq is not None and self.feed_signal is not None:
            self.feed_signal.publish(seq)  # other processes of this machine learn of it
        if seq is not None and self.on_change is not None:
            try:
                self.on_change(seq)
            except Exception:  # the write has committed: a hook's failure is not the write's
                _log.exception("on_change hook failed for change %d", seq)
        return result

    async def _run(
        self,
        kind: str,
        text: Any,
        parameters: Any,
        timeout: float | None,
        *,
        work_function: Callable[..., Any] | None = None,
        bookmarks: bool = False,
    ) -> Any:
        work = unit_of_work(timeout=timeout or self.timeout)(work_function or _collect)
        self.queries_sent += 1
        started, failure = time.perf_counter(), None
        try:
            with translate_driver_errors():
                async with self.driver.session(database=self.database) as session:
                    execute = session.execute_read if kind == "read" else session.execute_write
                    arguments = parameters if work_function else dict(parameters or {})
                    result = await execute(work, text, arguments)
                    if bookmarks:
                        return (await session.last_bookmarks()).raw_values
                    return result
        except Exception as e:
            failure = type(e).__name__
            raise
        finally:
            if self.observer is not None:
                self.observer(kind, time.perf_counter() - started, failure)


async def _collect(
    tx: AsyncManagedTransaction, text: LiteralString, parameters: dict[str, Any]
) -> list[Record]:
    result = await tx.run(text, parameters)
    return [record.data() async for record in result]


async def _collect_all(
    tx: AsyncManagedTransaction,
    texts: tuple[LiteralString, ...],
    parameters: list[dict[str, Any]],
) -> list[list[Record]]:
    return [
        await _collect(tx, text, params) for text, params in zip(texts, parameters, strict=True)
    ]


async def _append_change(tx: AsyncManagedTransaction, touched: Touched) -> int | None:
    """Append ``touched`` to the change feed (nothing when it is empty); its seq."""
    if not touched:
        return None
    parameters = {
        "people": sorted(touched.people),
        "companies": sorted(touched.companies),
        "deals": sorted(touched.deals),
        "interactions": sorted(touched.interactions),
        "reset": touched.reset,
    }
    result = await tx.run(APPEND_CHANGE, parameters)
    record = await result.single(strict=True)
    return int(record["seq"])


async def _discard(
    tx: AsyncManagedTransaction, text: LiteralString, parameters: dict[str, Any]
) -> None:
    await (await tx.run(text, parameters)).consume()
