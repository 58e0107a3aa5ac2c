"""The async driver, and the one object through which every query runs.

:class:`GraphClient` runs each query in a managed transaction (``execute_read`` /
``execute_write``) with a server-side timeout, consumes the result inside the transaction
function, translates driver errors, and counts the queries it sends.
"""

from __future__ import annotations

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

__all__ = ["GraphClient", "QueryObserver", "Record", "Transaction", "open_driver"]

Record = dict[str, Any]
T = TypeVar("T")
# Called after every query with ("read" | "write", seconds, error class name or None).
QueryObserver = Callable[[str, float, str | None], None]


class Transaction:
    """The queries of one managed transaction opened by :meth:`GraphClient.transaction`."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx

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
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.observer = observer
        self.queries_sent = 0

    @classmethod
    def from_settings(
        cls, settings: GraphSettings, *, observer: QueryObserver | None = None
    ) -> GraphClient:
        """Open a driver for ``settings`` and wrap it."""
        return cls(
            open_driver(settings),
            database=settings.database,
            timeout=settings.query_timeout,
            observer=observer,
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
    ) -> list[Record]:
        """Run a write query in its own managed transaction and return its records."""
        records: list[Record] = await self._run("write", text, parameters, timeout)
        return records

    async def write_all(
        self,
        statements: Sequence[tuple[LiteralString, Mapping[str, Any]]],
        *,
        timeout: float | None = None,
    ) -> list[list[Record]]:
        """Run several write queries, in order, in ONE managed transaction: all or none."""
        texts = tuple(text for text, _ in statements)
        parameters = [dict(p) for _, p in statements]
        records: list[list[Record]] = await self._run(
            "write", texts, parameters, timeout, work_function=_collect_all
        )
        return records

    async def transaction(
        self,
        work: Callable[[Transaction], Awaitable[T]],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run ``work`` as ONE managed write transaction: every query it runs commits
        together or not at all, and reads inside it see its own earlier writes.

        A transient failure runs ``work`` again from the start, so it must keep no state
        of its own between attempts (decide from what it reads, return the result).
        """

        async def unit(tx: AsyncManagedTransaction, _text: object, _parameters: object) -> T:
            return await work(Transaction(tx))

        result: T = await self._run("write", None, None, timeout, work_function=unit)
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


async def _discard(
    tx: AsyncManagedTransaction, text: LiteralString, parameters: dict[str, Any]
) -> None:
    await (await tx.run(text, parameters)).consume()
