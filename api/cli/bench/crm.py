"""``relgraph bench crm``: the standard CRM reads through the real GraphQL API over HTTP
against the same data fetched with one plain Cypher query each through the driver, on the
same server, in the same run.

The API runs as ``relgraph serve`` would (uvicorn in a child process on a free 127.0.0.1
port, one viewer key); the client is ``httpx2.AsyncClient``. The reads: (a) a page of 20
companies with their current people and open deals, (b) a person with their jobs and deal
roles, (c) ``search`` for a name (a contact's or an account's). Each read runs ``--rounds``
times per side after untimed warm-up calls, the sides alternating which goes first; (b)
and (c) ask about a different person or name each round, the same for both sides. It
prints per read both medians and the ratio, both p95s, and the items each side brought
back (the same when both fetched the same data). It is a benchmark, not a test.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import httpx2
import typer

from api.cli.bench.data import gid, prepare, viewer_key
from api.cli.bench.documents import COMPANY_PAGE, PERSON, SEARCH, read_answer
from api.cli.bench.machine import describe_machine, load_average
from api.cli.bench.report import Comparison, Timing, comparison_table, report_console, times
from api.cli.bench.server import ApiServer
from api.cli.console import errors, fail_cleanly, run
from api.cli.demo import ScaleName
from graph.benchmarks.crm_baseline import CrmBaseline
from graph.config import GraphSettings
from graph.driver import GraphClient

__all__ = ["crm_command"]

PAGE = 20
SEARCH_HITS = 10


@dataclass(frozen=True, slots=True)
class _Read:
    """One read: its GraphQL document and root field, its variables and its plain-Cypher
    side for round ``n`` (which returns the items it fetched)."""

    name: str
    document: str
    field: str
    variables: Callable[[int], Mapping[str, object]]
    plain: Callable[[int], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class _Subjects:
    people: tuple[str, ...]
    names: tuple[str, ...]


async def _subjects(graph: GraphSettings, *, count: int, seed: int) -> _Subjects:
    client = GraphClient.from_settings(graph)
    try:
        baseline = CrmBaseline(client)
        contacts, accounts = await baseline.contacts(), await baseline.accounts()
    finally:
        await client.close()
    rng = random.Random(seed)
    people = rng.sample(contacts, min(count, len(contacts)))
    names = [
        (rng.choice(accounts) if n % 2 and accounts else person).name
        for n, person in enumerate(people)
    ]
    return _Subjects(tuple(p.uid for p in people), tuple(n for n in names if n.strip()))


def _reads(subjects: _Subjects, baseline: CrmBaseline) -> list[_Read]:
    people, names = subjects.people, subjects.names

    async def search(n: int) -> int:
        return len(await baseline.search(names[n % len(names)], limit=SEARCH_HITS))

    return [
        _Read(
            f"companies page ({PAGE}, current people, open deals)",
            COMPANY_PAGE,
            "companies",
            lambda n: {"first": PAGE, "after": None},
            lambda n: baseline.company_page(skip=0, limit=PAGE),
        ),
        _Read(
            "person with jobs and deal roles",
            PERSON,
            "person",
            lambda n: {"id": gid("Person", people[n % len(people)])},
            lambda n: baseline.person(people[n % len(people)]),
        ),
        _Read(
            "search a name",
            SEARCH,
            "search",
            lambda n: {"text": names[n % len(names)], "first": SEARCH_HITS},
            search,
        ),
    ]


async def _ours(http: httpx2.AsyncClient, read: _Read, n: int, timing: Timing) -> None:
    body = {"query": read.document, "variables": dict(read.variables(n))}
    started = time.perf_counter()
    response = await http.post("/graphql", json=body)
    seconds = time.perf_counter() - started
    try:
        payload: object = response.json()
    except ValueError:
        payload = None
    answer = read_answer(response.status_code, payload, read.field)
    if answer.error is not None:
        errors.print(f"[yellow]warning:[/] {read.name}: {answer.error}")
    timing.add(seconds, answer.error is None and answer.items > 0, items=answer.items)


async def _plain(read: _Read, n: int, timing: Timing) -> None:
    started = time.perf_counter()
    items = await read.plain(n)
    timing.add(time.perf_counter() - started, items > 0, items=items)


async def _compare(
    http: httpx2.AsyncClient, read: _Read, *, rounds: int, warmup: int
) -> Comparison:
    ours, plain = Timing("ours"), Timing("Cypher")
    for n in range(rounds, rounds + warmup):  # other subjects than the timed rounds'
        await _ours(http, read, n, Timing("warm-up"))
        await _plain(read, n, Timing("warm-up"))
    for n in range(rounds):
        for ours_now in (True, False) if n % 2 == 0 else (False, True):
            await (_ours(http, read, n, ours) if ours_now else _plain(read, n, plain))
    return Comparison(read.name, ours=ours, plain=plain)


async def _bench(
    url: str, key: str, graph: GraphSettings, subjects: _Subjects, *, rounds: int, warmup: int
) -> list[Comparison]:
    client = GraphClient.from_settings(graph)
    headers = {"Authorization": f"Bearer {key}"}
    try:
        async with httpx2.AsyncClient(base_url=url, headers=headers, timeout=120.0) as http:
            return [
                await _compare(http, read, rounds=rounds, warmup=warmup)
                for read in _reads(subjects, CrmBaseline(client))
            ]
    finally:
        await client.close()


def crm_command(
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (100k people).")
    ] = ScaleName.SMALL,
    load: Annotated[
        bool, typer.Option(help="Load the demo data first (benchmark: ~10 min).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the demo data and of the subjects.")] = 7,
    rounds: Annotated[int, typer.Option(min=1, max=1000, help="Timed calls per side.")] = 20,
    warmup: Annotated[int, typer.Option(min=0, max=100, help="Untimed calls first.")] = 2,
) -> None:
    """Time a page of companies, a person and a search through the GraphQL API (a real
    uvicorn server) against the same data read with plain Cypher; print both and the ratio."""
    out = report_console()
    with fail_cleanly(), tempfile.TemporaryDirectory(prefix="relgraph-bench-crm-") as scratch:
        settings = prepare(scale=scale, seed=seed, load=load)
        subjects = run(_subjects(settings.graph, count=rounds + warmup, seed=seed))
        if not subjects.people or not subjects.names:
            errors.print("[bold red]error:[/] no contacts: load the demo data (--load)")
            raise typer.Exit(code=1)
        out.print(describe_machine())
        with (
            viewer_key(settings, "bench crm") as key,
            ApiServer(log=Path(scratch) / "server.log") as server,
        ):
            comparisons = run(
                _bench(server.url, key, settings.graph, subjects, rounds=rounds, warmup=warmup)
            )
    title = (
        f"CRM reads: GraphQL API over HTTP (uvicorn, 1 worker) against plain Cypher through "
        f"the driver, {rounds} rounds each, same server, same run"
    )
    caption = "items: the companies, people, deals or hits the last call of each side brought back"
    out.print(comparison_table(title, comparisons, caption=caption))
    for c in comparisons:
        out.print(
            f"ours / Cypher, {c.name}: median {times(c.ours.median, c.plain.median)}, "
            f"total {times(c.ours.total, c.plain.total)}"
        )
    out.print(f"Load average at the end: {load_average()} (1/5/15 min)")
