"""``relgraph bench load``: the API under concurrent clients, on one machine, in one run.

The command starts the API as ``relgraph serve`` would (uvicorn, ``--workers`` processes) on
a free 127.0.0.1 port, creates one viewer key, picks its subjects from the data (accounts,
contacts, our colleagues, names to search, seeded), sends one untimed warm-up request of each
operation, then for each level C of ``--clients`` runs C concurrent clients for
``--seconds``, all sending the same mix in turn: ``orgChart`` and ``decisionMakers`` of an
account, ``referralPaths`` from a colleague to a contact, a page of 20 companies with their
current people and open deals, a person with jobs and deal roles, and ``search`` for a name.

Per level it prints throughput (requests/s) and its ratio to one client, p50/p95/p99, the
errors by code, the server's peak RSS (its whole process tree), how busy the machine's CPUs
were (everything on it: the API, Neo4j and the clients), and the CPU the API and the clients
took; then the latencies per operation. The server stops when the run ends. Every request
runs through the app as it is (result cache and all): a question asked again may be
answered from the cache, as it would be for real users. It is a benchmark, not a test.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from api.cli.bench.data import gid, prepare, viewer_key
from api.cli.bench.documents import (
    COMPANY_PAGE,
    DECISION_MAKERS,
    ORG_CHART,
    PERSON,
    REFERRAL_PATHS,
    SEARCH,
)
from api.cli.bench.load_clients import LevelRun, Operation, run_level
from api.cli.bench.load_report import print_levels
from api.cli.bench.machine import ProcessTree, describe_machine, load_average, mib
from api.cli.bench.report import report_console
from api.cli.bench.server import ApiServer
from api.cli.console import errors, fail_cleanly, run
from api.cli.demo import ScaleName
from api.services.pagination import encode_cursor
from graph.benchmarks.crm_baseline import CrmBaseline, Named
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.referrals import ReferralReader

__all__ = ["load_command"]

T = TypeVar("T")
PAGE = 20
MAX_CLIENTS = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class Subjects:
    """What the clients ask about, drawn from the data."""

    accounts: tuple[str, ...]
    contacts: tuple[str, ...]
    colleagues: tuple[str, ...]
    names: tuple[str, ...]
    pages: int


def _sample(rng: random.Random, items: Sequence[T], count: int) -> list[T]:
    return rng.sample(list(items), min(count, len(items)))


async def _subjects(graph: GraphSettings, *, pool: int, seed: int) -> Subjects:
    client = GraphClient.from_settings(graph)
    try:
        baseline = CrmBaseline(client)
        accounts, contacts = await baseline.accounts(), await baseline.contacts()
        _, team = await ReferralReader(client).home_team()
    finally:
        await client.close()
    rng = random.Random(seed)
    chosen: list[Named] = _sample(rng, accounts, pool)
    people: list[Named] = _sample(rng, contacts, pool)
    names = [a.name for a in chosen[: pool // 2]] + [p.name for p in people[: pool // 2]]
    return Subjects(
        accounts=tuple(a.uid for a in chosen),
        contacts=tuple(p.uid for p in people),
        colleagues=tuple(team),
        names=tuple(n for n in names if n.strip()),
        pages=max(1, -(-(len(accounts) + 1) // PAGE)),
    )


def operations(s: Subjects) -> list[Operation]:
    """The mix, one of each in turn."""

    def account(rng: random.Random) -> dict[str, object]:
        return {"id": gid("Company", rng.choice(s.accounts))}

    def ranking(rng: random.Random) -> dict[str, object]:
        return {**account(rng), "limit": 10}

    def person(rng: random.Random) -> dict[str, object]:
        return {"id": gid("Person", rng.choice(s.contacts))}

    def pair(rng: random.Random) -> dict[str, object]:
        source, target = rng.choice(s.colleagues), rng.choice(s.contacts)
        return {"from": gid("Person", source), "to": gid("Person", target), "k": 5, "hops": 4}

    def page(rng: random.Random) -> dict[str, object]:
        skip = rng.randrange(s.pages) * PAGE
        return {"first": PAGE, "after": encode_cursor(skip - 1) if skip else None}

    return [
        Operation("orgChart", ORG_CHART, "orgChart", account),
        Operation("decisionMakers", DECISION_MAKERS, "decisionMakers", ranking),
        Operation("referralPaths", REFERRAL_PATHS, "referralPaths", pair),
        Operation("companies page", COMPANY_PAGE, "companies", page),
        Operation("person", PERSON, "person", person),
        Operation(
            "search", SEARCH, "search", lambda rng: {"text": rng.choice(s.names), "first": 10}
        ),
    ]


def _levels(text: str) -> list[int]:
    try:
        levels = list(dict.fromkeys(int(part) for part in text.split(",") if part.strip()))
    except ValueError as e:
        raise typer.BadParameter(f"not a list of numbers: {text!r}") from e
    if not levels or len(levels) > 10 or not all(1 <= c <= MAX_CLIENTS for c in levels):
        raise typer.BadParameter(f"1 to 10 levels, each 1..{MAX_CLIENTS} clients: {text!r}")
    return levels


@dataclass(frozen=True, slots=True, kw_only=True)
class _Plan:
    levels: list[int]
    seconds: float
    timeout: float
    max_requests: int
    seed: int


async def _run(server: ApiServer, key: str, mix: list[Operation], plan: _Plan) -> list[LevelRun]:
    tree, out = ProcessTree(server.pid), report_console()
    await run_level(
        server.url,
        key,
        mix,
        clients=1,
        seconds=plan.timeout,
        max_requests=len(mix),
        timeout=plan.timeout,
        seed=plan.seed,
        server=tree,
    )  # warm-up: one of each, untimed
    out.print(
        f"API server after the warm-up (one request of each operation): "
        f"{len(tree.pids())} process(es), RSS {mib(tree.rss())} MiB"
    )
    runs = []
    for n, clients in enumerate(plan.levels):
        runs.append(
            await run_level(
                server.url,
                key,
                mix,
                clients=clients,
                seconds=plan.seconds,
                max_requests=plan.max_requests,
                timeout=plan.timeout,
                seed=plan.seed + 1000 * (n + 1),
                server=tree,
            )
        )
        out.print(
            f"  {clients} client{'s' if clients > 1 else ''}: {runs[-1].requests:,} requests, "
            f"{runs[-1].throughput:,.1f} req/s, {sum(runs[-1].errors.values()):,} errors"
        )
    return runs


def _check(subjects: Subjects) -> None:
    if not (subjects.accounts and subjects.contacts and subjects.colleagues and subjects.names):
        errors.print(
            "[bold red]error:[/] no accounts, contacts or colleagues: load the demo data (--load)"
        )
        raise typer.Exit(code=1)


def load_command(
    clients: Annotated[
        str, typer.Option(help="Levels of concurrency, comma-separated.")
    ] = "1,10,50",
    seconds: Annotated[float, typer.Option(min=1, max=600, help="Seconds each level runs.")] = 20.0,
    workers: Annotated[int, typer.Option(min=1, max=16, help="uvicorn worker processes.")] = 1,
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (100k people).")
    ] = ScaleName.SMALL,
    load: Annotated[
        bool, typer.Option(help="Load the demo data first (benchmark: ~10 min).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the demo data and of the subjects.")] = 7,
    pool: Annotated[
        int, typer.Option(min=1, max=100_000, help="Accounts and contacts to ask about.")
    ] = 200,
    timeout: Annotated[
        float, typer.Option(min=1, max=600, help="Seconds one request may take.")
    ] = 60.0,
    max_requests: Annotated[
        int, typer.Option(min=1, max=10_000_000, help="Requests per level at most.")
    ] = 1_000_000,
) -> None:
    """Serve the API on a free loopback port and run C concurrent clients per level, each
    for a fixed time, with the same mix of reads; print throughput, latencies, errors, the
    server's memory and the machine's CPU per level."""
    levels = _levels(clients)
    plan = _Plan(
        levels=levels, seconds=seconds, timeout=timeout, max_requests=max_requests, seed=seed
    )
    out = report_console()
    with fail_cleanly(), tempfile.TemporaryDirectory(prefix="relgraph-bench-load-") as scratch:
        settings = prepare(scale=scale, seed=seed, load=load)
        subjects = run(_subjects(settings.graph, pool=pool, seed=seed))
        _check(subjects)
        out.print(describe_machine())
        out.print(
            f"Subjects: {len(subjects.accounts)} accounts, {len(subjects.contacts)} contacts, "
            f"{len(subjects.colleagues)} colleagues, {len(subjects.names)} names, "
            f"{subjects.pages} company pages; levels {', '.join(map(str, levels))} clients"
        )
        with (
            viewer_key(settings, "bench load") as key,
            ApiServer(log=Path(scratch) / "server.log", workers=workers) as server,
        ):
            runs = run(_run(server, key, operations(subjects), plan))
    print_levels(runs, seconds=seconds, workers=workers)
    out.print(f"Load average at the end: {load_average()} (1/5/15 min)")
