"""``relgraph bench intelligence``: ``orgChart`` and ``hiddenLinks`` of the largest account
and ``buyingCommittee`` of a deal (the one with the most contacts, the largest account's
first) through the GraphQL API, against the closest plain Cypher through the driver, on the
same server, in the same run.

Ours runs in-process (the ASGI app with a viewer key, as ``relgraph bench referrals`` calls
it). Each round times our call computed (the app's result cache emptied before it), then
the same call again with the cache kept (a repeated question, answered however the app
answers it), and the plain Cypher, which goes first every other round. The plain sides:
the account's current people with the managers their recorded REPORTS_TO lines name; the
companies sharing a person or an identifier with it; the deal's contacts with their
strongest KNOWS to our colleagues. Nothing is inferred, scored or explained there, which is
what the ratio prices. It is a benchmark, not a test.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, cast

import typer
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.cli.bench.data import gid, prepare, viewer_key
from api.cli.bench.documents import BUYING_COMMITTEE, HIDDEN_LINKS, ORG_CHART, read_answer
from api.cli.bench.machine import describe_machine, load_average
from api.cli.bench.report import Comparison, Timing, comparison_table, report_console, times
from api.cli.bench.server import in_process_api
from api.cli.console import errors, fail_cleanly, run
from api.cli.demo import ScaleName
from api.config import ApiSettings
from api.services.result_cache import ResultCache
from graph.benchmarks.decision_baseline import Account, SeniorityBaseline
from graph.benchmarks.intelligence_baseline import DealRef, IntelligenceBaseline
from graph.config import GraphSettings
from graph.driver import GraphClient

__all__ = ["intelligence_command"]

LINKS = 20


@dataclass(frozen=True, slots=True)
class _Read:
    """One question: its GraphQL document, root field, variables and answer type, and its
    plain-Cypher side (which returns the rows it fetched)."""

    name: str
    document: str
    field: str
    variables: Mapping[str, object]
    typename: str
    plain: Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class _Subjects:
    account: Account
    deal: DealRef | None


async def _subjects(graph: GraphSettings) -> _Subjects | None:
    client = GraphClient.from_settings(graph)
    try:
        account = await SeniorityBaseline(client).largest_account()
        if account is None:
            return None
        return _Subjects(account, await IntelligenceBaseline(client).committee_deal(account.uid))
    finally:
        await client.close()


def _reads(s: _Subjects, baseline: IntelligenceBaseline) -> list[_Read]:
    company = {"id": gid("Company", s.account.uid)}
    reads = [
        _Read(
            "orgChart",
            ORG_CHART,
            "orgChart",
            company,
            "OrgChart",
            lambda: baseline.org_lines(s.account.uid),
        ),
        _Read(
            "hiddenLinks",
            HIDDEN_LINKS,
            "hiddenLinks",
            company,
            "HiddenLinks",
            lambda: baseline.shared_with(s.account.uid, limit=LINKS),
        ),
    ]
    if s.deal is not None:
        deal = s.deal
        reads.append(
            _Read(
                "buyingCommittee",
                BUYING_COMMITTEE,
                "buyingCommittee",
                {"id": gid("Deal", deal.uid)},
                "BuyingCommittee",
                lambda: baseline.committee_ties(deal.uid),
            )
        )
    return reads


def _ours(api: TestClient, read: _Read, timing: Timing) -> None:
    body = {"query": read.document, "variables": dict(read.variables)}
    started = time.perf_counter()
    response = api.post("/graphql", json=body)
    seconds = time.perf_counter() - started
    answer = read_answer(response.status_code, response.json(), read.field)
    if answer.error is not None:
        errors.print(f"[yellow]warning:[/] {read.name}: {answer.error}")
    timing.add(seconds, answer.typename == read.typename, items=answer.items)


async def _plain(read: _Read, timing: Timing) -> None:
    started = time.perf_counter()
    items = await read.plain()
    timing.add(time.perf_counter() - started, items > 0, items=items)


@dataclass(frozen=True, slots=True)
class _Sides:
    api: TestClient
    results: ResultCache
    runner: asyncio.Runner

    def compare(self, read: _Read, *, rounds: int, warmup: int) -> Comparison:
        computed, cached, plain = Timing("computed"), Timing("cached"), Timing("Cypher")
        for _ in range(warmup):
            self.results.clear()
            _ours(self.api, read, Timing("warm-up"))
            self.runner.run(_plain(read, Timing("warm-up")))
        for n in range(rounds):
            if n % 2:
                self.runner.run(_plain(read, plain))
            self.results.clear()
            _ours(self.api, read, computed)
            _ours(self.api, read, cached)
            if not n % 2:
                self.runner.run(_plain(read, plain))
        return Comparison(read.name, ours=computed, plain=plain, cached=cached)


def _bench(
    settings: ApiSettings, key: str, subjects: _Subjects, *, rounds: int, warmup: int
) -> list[Comparison]:
    with in_process_api(settings, key) as api, asyncio.Runner() as runner:
        sides = _Sides(api, cast(Starlette, api.app).state.results, runner)
        client = runner.run(_open(settings.graph))
        try:
            reads = _reads(subjects, IntelligenceBaseline(client))
            return [sides.compare(read, rounds=rounds, warmup=warmup) for read in reads]
        finally:
            runner.run(client.close())


async def _open(graph: GraphSettings) -> GraphClient:
    return GraphClient.from_settings(graph)


def _print(subjects: _Subjects, comparisons: list[Comparison], rounds: int) -> None:
    out = report_console()
    deal = subjects.deal
    title = (
        f"Intelligence: GraphQL API (computed: result cache emptied before each call; cached: "
        f"the same call again) against plain Cypher, {rounds} rounds, same server, same run"
    )
    caption = (
        f"orgChart and hiddenLinks of {subjects.account.name} "
        f"({subjects.account.people:,} current people)"
        + (f", buyingCommittee of {deal.name} ({deal.contacts} contacts)" if deal else "")
        + ". Plain Cypher: the account's current people with their recorded managers; the "
        "companies sharing a person or an identifier with it; the deal's contacts with their "
        "strongest KNOWS to colleagues. items: people, links or members of the last call; "
        "Cypher rows"
    )
    out.print(comparison_table(title, comparisons, caption=caption))
    for c in comparisons:
        cached = c.cached or c.ours
        out.print(
            f"ours / Cypher, {c.name}: median "
            f"{times(c.ours.median, c.plain.median)} computed, "
            f"{times(cached.median, c.plain.median)} cached"
        )


def intelligence_command(
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (100k people).")
    ] = ScaleName.SMALL,
    load: Annotated[
        bool, typer.Option(help="Load the demo data first (benchmark: ~10 min).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the demo data.")] = 7,
    rounds: Annotated[int, typer.Option(min=1, max=100, help="Timed calls per side.")] = 5,
    warmup: Annotated[int, typer.Option(min=0, max=10, help="Untimed calls first.")] = 1,
) -> None:
    """Time orgChart, hiddenLinks and buyingCommittee through the GraphQL API (computed, and
    again from the result cache) against the closest plain Cypher; print both and the ratios."""
    with fail_cleanly():
        settings = prepare(scale=scale, seed=seed, load=load)
        subjects = run(_subjects(settings.graph))
        if subjects is None:
            errors.print("[bold red]error:[/] no account: load the demo data (--load)")
            raise typer.Exit(code=1)
        report_console().print(describe_machine())
        with viewer_key(settings, "bench intelligence") as key:
            comparisons = _bench(settings, key, subjects, rounds=rounds, warmup=warmup)
    _print(subjects, comparisons, rounds)
    report_console().print(f"Load average at the end: {load_average()} (1/5/15 min)")
