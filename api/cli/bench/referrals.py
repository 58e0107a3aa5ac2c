"""``relgraph bench referrals``: our referralPaths through the real GraphQL API against
Neo4j's own ``shortestPath`` and ``allShortestPaths`` Cypher through the driver, on the same
server, in the same run, for the same (source, target) pairs.

Pairs: the planted introductions of the demo's ground truth first (colleague -> target),
then random colleague -> contact pairs (seeded). Ours runs in-process (one ASGI app for the
whole run, once it says it is ready, with an API key, as a client would call it) and answers
the k best weighted paths with evidence; the baseline answers one (or all) unweighted
shortest paths over KNOWS only, with the same hop limit. The command prints per side the
median, p95 and total seconds, how often a path was found, and the ratios. It is a
benchmark, not a test: no thresholds.

Then decision-makers for the largest account (the one with the most current people): our
``decisionMakers`` through the API (seniority, place in the inferred org chart, influence in
the account's interaction graph and deal roles, with the breakdown) against plain Cypher
ranking the same people by title seniority alone, a few rounds each, same run. Each of our
timed calls computes the ranking afresh (the app's result cache is emptied before it); a
third row times the same call answered from the cache, as a repeated question is.
"""

from __future__ import annotations

import random
import time
from typing import Annotated, cast

import typer
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.cli.bench.data import gid, prepare, viewer_key
from api.cli.bench.documents import DECISION_MAKERS, REFERRAL_PATHS
from api.cli.bench.report import Timing, times, timings_table
from api.cli.bench.server import in_process_api
from api.cli.console import console, fail_cleanly, run
from api.cli.demo import SCALES, ScaleName
from api.services.result_cache import ResultCache
from graph.benchmarks.decision_baseline import Account, SeniorityBaseline
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from graph.reading.referrals import ReferralReader, ShortestPathBaseline
from ingest.demo import GroundTruth, read_ground_truth
from ingest.demo import generate as generate_dataset

__all__ = ["referrals_command"]


def _truth(local: LocalServerSettings, seed: int, scale: ScaleName) -> GroundTruth:
    path = local.home / "demo" / "ground_truth.json"
    if path.exists():
        truth = read_ground_truth(path)
        if truth.seed == seed and truth.scale == SCALES[scale].name:
            return truth
    return generate_dataset(seed=seed, scale=SCALES[scale]).ground_truth


async def _pairs(
    graph: GraphSettings, truth: GroundTruth, count: int, seed: int
) -> list[tuple[str, str]]:
    client = GraphClient.from_settings(graph)
    try:
        _, team = await ReferralReader(client).home_team()
    finally:
        await client.close()
    contacts = sorted(set(truth.seniority_rank) - set(team))  # the accounts' people
    pairs = [(i.source_uid, i.target_uid) for i in truth.planted_introductions][:count]
    rng = random.Random(seed)
    while len(pairs) < count and team and contacts:
        pairs.append((rng.choice(team), rng.choice(contacts)))
    return pairs


def _ours(api: TestClient, pairs: list[tuple[str, str]], *, k: int, hops: int) -> Timing:
    timing = Timing("referralPaths (GraphQL API, k best weighted, with evidence)")
    for source, target in pairs:
        variables = {
            "from": gid("Person", source),
            "to": gid("Person", target),
            "k": k,
            "hops": hops,
        }
        started = time.perf_counter()
        body = api.post("/graphql", json={"query": REFERRAL_PATHS, "variables": variables}).json()
        seconds = time.perf_counter() - started
        result = (body.get("data") or {}).get("referralPaths") or {}
        timing.add(seconds, result.get("__typename") == "ReferralPaths")
    return timing


async def _baseline(
    graph: GraphSettings, pairs: list[tuple[str, str]], *, hops: int, all_paths: bool
) -> Timing:
    name = "allShortestPaths" if all_paths else "shortestPath"
    timing = Timing(f"Neo4j {name} over KNOWS (driver, unweighted)")
    client = GraphClient.from_settings(graph)
    try:
        baseline = ShortestPathBaseline(client)
        for source, target in pairs:
            started = time.perf_counter()
            found = await baseline.shortest(source, target, max_hops=hops, all_paths=all_paths)
            timing.add(time.perf_counter() - started, found > 0)
    finally:
        await client.close()
    return timing


async def _largest_account(graph: GraphSettings) -> Account | None:
    client = GraphClient.from_settings(graph)
    try:
        return await SeniorityBaseline(client).largest_account()
    finally:
        await client.close()


def _decision_makers_ours(
    api: TestClient,
    account: Account,
    *,
    rounds: int,
    limit: int,
    cached: bool = False,
) -> Timing:
    """Our side: each call computed afresh (the app's result cache emptied before it), or,
    with ``cached``, each call answered from the cache that one untimed call filled."""
    timing = Timing(
        "decisionMakers again, from the result cache (GraphQL API)"
        if cached
        else "decisionMakers (GraphQL API, scored with breakdown)"
    )
    variables = {"id": gid("Company", account.uid), "limit": limit}
    results: ResultCache = cast(Starlette, api.app).state.results
    if cached:
        api.post("/graphql", json={"query": DECISION_MAKERS, "variables": variables})
    for _ in range(rounds):
        if not cached:
            results.clear()
        started = time.perf_counter()
        body = api.post("/graphql", json={"query": DECISION_MAKERS, "variables": variables}).json()
        seconds = time.perf_counter() - started
        result = (body.get("data") or {}).get("decisionMakers") or {}
        timing.add(seconds, bool(result.get("people")))
    return timing


async def _decision_makers_baseline(
    graph: GraphSettings, account: Account, *, rounds: int, limit: int
) -> Timing:
    timing = Timing("Cypher: current people by title seniority (driver)")
    client = GraphClient.from_settings(graph)
    try:
        baseline = SeniorityBaseline(client)
        for _ in range(rounds):
            started = time.perf_counter()
            ranked = await baseline.by_seniority(account.uid, limit=limit)
            timing.add(time.perf_counter() - started, bool(ranked))
    finally:
        await client.close()
    return timing


def _print_decision_makers(account: Account, timings: list[Timing]) -> None:
    title = (
        f"Decision-makers of the largest account: {account.name} "
        f"({account.people:,} current people), same server, same run"
    )
    console.print(timings_table(title, timings, "answered"))
    ours, plain, cached = timings
    if plain.median:
        console.print(f"ours / plain Cypher: median {times(ours.median, plain.median)}")
        console.print(
            "ours again, from the result cache / plain Cypher: median "
            f"{times(cached.median, plain.median)}"
        )


def _print(timings: list[Timing], pairs: int, hops: int) -> None:
    title = f"Referral paths: {pairs} pairs, maxHops {hops}, same server, same run"
    console.print(timings_table(title, timings, "found"))
    ours = timings[0]
    for other in timings[1:3]:
        if other.median and other.total:
            console.print(
                f"ours / {other.name.split()[1]}: median {times(ours.median, other.median)}, "
                f"total {times(ours.total, other.total)}"
            )


def referrals_command(
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (100k people).")
    ] = ScaleName.SMALL,
    pairs: Annotated[int, typer.Option(min=1, max=10_000, help="(source, target) pairs.")] = 50,
    load: Annotated[
        bool, typer.Option(help="Load the demo data first (benchmark: ~10 min).")
    ] = False,
    max_hops: Annotated[int, typer.Option(min=1, max=6, help="Hop limit of both sides.")] = 4,
    k: Annotated[int, typer.Option(min=1, max=20, help="Paths our side returns.")] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the demo data and of the random pairs.")] = 7,
    warmup: Annotated[int, typer.Option(min=0, help="Untimed pairs first, per side.")] = 3,
    rounds: Annotated[
        int, typer.Option(min=1, max=100, help="Decision-makers calls per side.")
    ] = 5,
) -> None:
    """Time referralPaths through the GraphQL API against Neo4j's shortestPath and
    allShortestPaths for the same pairs, then decisionMakers for the largest account against
    plain Cypher by seniority; print both sides and the ratios."""
    local = LocalServerSettings.from_env()
    with fail_cleanly():
        settings = prepare(scale=scale, seed=seed, load=load)
        graph = settings.graph
        truth = _truth(local, seed, scale)
        chosen = run(_pairs(graph, truth, pairs, seed))
        if not chosen:
            console.print(
                "[bold red]error:[/] no colleagues or contacts: load the demo data (--load)"
            )
            raise typer.Exit(code=1)
        planted = min(len(truth.planted_introductions), len(chosen))
        console.print(
            f"{len(chosen)} pairs: {planted} planted introductions, "
            "then random colleague -> contact"
        )
        with viewer_key(settings, "bench referrals") as key, in_process_api(settings, key) as api:
            _paths(api, graph, chosen, k=k, hops=max_hops, warmup=warmup)
            account = run(_largest_account(graph))
            if account is not None:
                _decision_makers(api, graph, account, rounds=rounds)


def _paths(
    api: TestClient,
    graph: GraphSettings,
    chosen: list[tuple[str, str]],
    *,
    k: int,
    hops: int,
    warmup: int,
) -> None:
    _ours(api, chosen[:warmup], k=k, hops=hops)
    run(_baseline(graph, chosen[:warmup], hops=hops, all_paths=False))
    timings = [
        _ours(api, chosen, k=k, hops=hops),
        run(_baseline(graph, chosen, hops=hops, all_paths=False)),
        run(_baseline(graph, chosen, hops=hops, all_paths=True)),
    ]
    _print(timings, len(chosen), hops)


def _decision_makers(
    api: TestClient, graph: GraphSettings, account: Account, *, rounds: int
) -> None:
    _decision_makers_ours(api, account, rounds=1, limit=10)  # warm-up
    run(_decision_makers_baseline(graph, account, rounds=1, limit=10))
    _print_decision_makers(
        account,
        [
            _decision_makers_ours(api, account, rounds=rounds, limit=10),
            run(_decision_makers_baseline(graph, account, rounds=rounds, limit=10)),
            _decision_makers_ours(api, account, rounds=rounds, limit=10, cached=True),
        ],
    )
