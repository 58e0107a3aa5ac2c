"""The clients of ``relgraph bench load``: C concurrent asyncio tasks sharing one
``httpx2.AsyncClient`` (one connection each, one API key), each sending the operation mix
in turn for a fixed time, while the server's memory and the machine's CPU are read.

A client starts no request after the deadline (nor beyond the level's request budget); a
request started before it is waited for (up to the timeout) and counted. Throughput is
the requests completed over the time from the start until the last one ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import httpx2

from api.cli.bench.documents import read_answer
from api.cli.bench.machine import CpuTimes, ProcessTree

__all__ = ["LevelRun", "Operation", "OperationStats", "Usage", "run_level"]

Variables = Callable[[random.Random], Mapping[str, object]]


@dataclass(frozen=True, slots=True)
class Operation:
    """One kind of request of the mix: a GraphQL document, its root field, and variables
    drawn for each request."""

    name: str
    document: str
    field: str
    variables: Variables


@dataclass(slots=True)
class OperationStats:
    """Seconds of every completed request of one operation, and its errors by code."""

    seconds: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, seconds: float, error: str | None) -> None:
        self.seconds.append(seconds)
        if error is not None:
            self.errors[error] += 1


@dataclass(frozen=True, slots=True)
class Usage:
    """The CPU a level took: the share of the machine's CPU time busy (everything on it),
    and the CPU seconds of the server's process tree and of the benchmark's clients."""

    machine_busy: float | None
    server_cpu: float | None
    client_cpu: float


@dataclass(frozen=True, slots=True)
class _Reading:
    machine: CpuTimes | None
    server: float | None
    client: float

    @classmethod
    def take(cls, server: ProcessTree) -> _Reading:
        return cls(CpuTimes.now(), server.cpu_seconds(), time.process_time())

    def since(self, earlier: _Reading) -> Usage:
        busy = self.machine.busy_since(earlier.machine) if self.machine is not None else None
        server = None
        if self.server is not None and earlier.server is not None:
            server = self.server - earlier.server
        return Usage(busy, server, self.client - earlier.client)


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelRun:
    """One level of concurrency: what the clients saw and what the machine did."""

    clients: int
    elapsed: float
    operations: Mapping[str, OperationStats]
    server_rss_peak: int | None
    server_rss_end: int | None
    usage: Usage

    @property
    def requests(self) -> int:
        return sum(len(s.seconds) for s in self.operations.values())

    @property
    def errors(self) -> Counter[str]:
        return sum((s.errors for s in self.operations.values()), Counter())

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(slots=True)
class _Budget:
    left: int
    deadline: float


async def _one(http: httpx2.AsyncClient, op: Operation, rng: random.Random) -> str | None:
    """Send one request of ``op``; its error code, or None."""
    body = {"query": op.document, "variables": dict(op.variables(rng))}
    try:
        response = await http.post("/graphql", json=body)
    except httpx2.HTTPError as e:
        return type(e).__name__
    try:
        payload: object = response.json()
    except ValueError:
        payload = None
    return read_answer(response.status_code, payload, op.field).error


async def _client(
    http: httpx2.AsyncClient,
    operations: Sequence[Operation],
    stats: Mapping[str, OperationStats],
    *,
    budget: _Budget,
    rng: random.Random,
    turn: int,
) -> None:
    while time.monotonic() < budget.deadline and budget.left > 0:
        budget.left -= 1
        op = operations[turn % len(operations)]
        turn += 1
        started = time.perf_counter()
        error = await _one(http, op, rng)
        stats[op.name].add(time.perf_counter() - started, error)


@dataclass(slots=True)
class _Peak:
    rss: int | None = None


async def _watch_memory(server: ProcessTree, peak: _Peak) -> None:
    """Keep the largest RSS of the server's process tree, read twice a second."""
    while True:
        rss = await asyncio.to_thread(server.rss)
        if rss is not None and (peak.rss is None or rss > peak.rss):
            peak.rss = rss
        await asyncio.sleep(0.5)


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def run_level(
    url: str,
    key: str,
    operations: Sequence[Operation],
    *,
    clients: int,
    seconds: float,
    max_requests: int,
    timeout: float,
    seed: int,
    server: ProcessTree,
) -> LevelRun:
    """Run ``clients`` clients against the API at ``url`` for ``seconds`` (at most
    ``max_requests`` requests in all), each seeded from ``seed``; the server's process tree
    is ``server``."""
    stats = {op.name: OperationStats() for op in operations}
    limits = httpx2.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {key}"}
    peak = _Peak()
    async with httpx2.AsyncClient(
        base_url=url, headers=headers, timeout=timeout, limits=limits
    ) as http:
        watcher = asyncio.create_task(_watch_memory(server, peak))
        before, started = _Reading.take(server), time.monotonic()
        budget = _Budget(left=max_requests, deadline=started + seconds)
        await asyncio.gather(
            *(
                _client(http, operations, stats, budget=budget, rng=random.Random(seed + i), turn=i)
                for i in range(clients)
            )
        )
        elapsed, after = time.monotonic() - started, _Reading.take(server)
        await _stop(watcher)
    return LevelRun(
        clients=clients,
        elapsed=elapsed,
        operations=stats,
        server_rss_peak=peak.rss,
        server_rss_end=server.rss(),
        usage=after.since(before),
    )
