"""``relgraph bench projection``: the resident projection itself, and the intelligence reads
it replaces, side by side in one run on the same data.

It prints (a) the build: seconds, memory (the process's resident set before and after,
and the interaction arrays), bytes per person and per tie; (b) the time to apply one write
(a change of a person's title, made and undone, each applied through the change feed);
(c) the reads, each over the same subjects: the org projection of the largest accounts and
the referral projection from the home team to their people, read request by request from
Neo4j against answered from memory; and the referral search end to end in-process (the
service with the resident projection) against Neo4j's ``shortestPath`` on the same pairs.
A benchmark, not a test: no thresholds.
"""

from __future__ import annotations

import gc
import random
import time
from datetime import date
from typing import Annotated

import typer

from api.cli.bench.data import prepare
from api.cli.bench.report import Timing, times, timings_table
from api.cli.console import console, fail_cleanly, run
from api.cli.demo import ScaleName
from api.config import ApiSettings
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.projection.follower import ProjectionFollower
from graph.projection.org_view import ResidentOrgReader
from graph.projection.referral_view import ResidentReferralReader
from graph.reading.org import OrgReader
from graph.reading.referrals import ReferralReader, ShortestPathBaseline

__all__ = ["projection_command"]

_OPTIONS = {"max_hops": 4, "node_cap": 2000, "stated_weight": 0.5, "tenure_weight": 0.3}


def _rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


async def _build(client: GraphClient) -> tuple[ProjectionFollower, float, int]:
    gc.collect()
    before = _rss_bytes()
    follower = ProjectionFollower(client)
    started = time.perf_counter()
    await follower.build()
    seconds = time.perf_counter() - started
    gc.collect()
    return follower, seconds, _rss_bytes() - before


async def _apply_times(client: GraphClient, follower: ProjectionFollower, writes: int) -> Timing:
    assert follower.store is not None
    timing = Timing("apply one write (title changed, then changed back)")
    people = sorted(u for u, p in follower.store.people.items() if p.live)[:writes]
    commands = PersonCommands(client)
    for uid in people:
        title = follower.store.people[uid].title
        for value in ("Bench title", title):
            await commands.update(uid, {"title": value})
            started = time.perf_counter()
            await follower.current()
            timing.add(time.perf_counter() - started, follower.store.people[uid].title == value)
    return timing


async def _largest(client: GraphClient, follower: ProjectionFollower, count: int) -> list[str]:
    assert follower.store is not None
    store = follower.store
    sizes = {
        c: sum(1 for j in store.jobs_by_company.get(c, ()) if j.end is None)
        for c, row in store.companies.items()
        if row.live and not row.home
    }
    return sorted(sizes, key=lambda c: (-sizes[c], c))[:count]


async def _org_reads(
    client: GraphClient, follower: ProjectionFollower, companies: list[str], day: date
) -> list[Timing]:
    assert follower.store is not None
    reads, resident = OrgReader(client), ResidentOrgReader(follower.store)
    ours = Timing("org projection, from memory")
    theirs = Timing("org projection, read from Neo4j per request")
    for uid in companies:
        started = time.perf_counter()
        found = await resident.project(uid, as_of=day)
        ours.add(time.perf_counter() - started, found is not None)
        started = time.perf_counter()
        found = await reads.project(uid, as_of=day)
        theirs.add(time.perf_counter() - started, found is not None)
    return [ours, theirs]


async def _referral_reads(
    client: GraphClient, follower: ProjectionFollower, companies: list[str], pairs: int
) -> list[Timing]:
    assert follower.store is not None
    reads, resident = ReferralReader(client), ResidentReferralReader(follower.store)
    baseline = ShortestPathBaseline(client)
    _, team = await resident.home_team()
    targets = [u for c in companies for u, _, _ in await resident.company_employees(c)]
    rng = random.Random(7)
    ours = Timing("referral projection, from memory")
    theirs = Timing("referral projection, read from Neo4j per request")
    shortest = Timing("shortestPath over KNOWS (Cypher, one path)")
    for _ in range(pairs):
        if not team or not targets:
            break
        source, target = rng.choice(team), rng.choice(targets)
        started = time.perf_counter()
        found = await resident.project([source], [target], **_OPTIONS)  # type: ignore[arg-type]
        ours.add(time.perf_counter() - started, bool(found.pairs))
        started = time.perf_counter()
        found = await reads.project([source], [target], **_OPTIONS)  # type: ignore[arg-type]
        theirs.add(time.perf_counter() - started, bool(found.pairs))
        started = time.perf_counter()
        paths = await baseline.shortest(source, target, max_hops=4)
        shortest.add(time.perf_counter() - started, paths > 0)
    return [ours, theirs, shortest]


async def _bench(settings: ApiSettings, *, accounts: int, pairs: int, writes: int) -> None:
    client = GraphClient.from_settings(settings.graph)
    try:
        follower, seconds, grown = await _build(client)
        store = follower.store
        assert store is not None
        people, ties = len(store.people), len(store.knows) + len(store.connections)
        arrays = store.interactions.nbytes()
        console.print(
            f"Built in {seconds:.1f} s: {people:,} people, {len(store.companies):,} companies, "
            f"{ties:,} ties, {len(store.interactions):,} interactions. Resident set grew "
            f"{grown / 2**20:,.0f} MiB ({grown / max(people, 1):,.0f} bytes per person, "
            f"{grown / max(ties, 1):,.0f} per tie, all records counted); interaction arrays "
            f"{arrays / 2**20:,.1f} MiB."
        )
        applied = await _apply_times(client, follower, writes)
        console.print(timings_table("Applying the change feed", [applied], "applied"))
        companies = await _largest(client, follower, accounts)
        day = date.today()
        org = await _org_reads(client, follower, companies, day)
        console.print(timings_table("Org projections of the largest accounts", org, "found"))
        console.print(f"org projection: memory is {times(org[1].median, org[0].median)} faster")
        referral = await _referral_reads(client, follower, companies, pairs)
        console.print(timings_table("Referral projections, home team -> people", referral, "found"))
        console.print(
            f"referral projection from memory vs shortestPath: "
            f"{referral[0].median / max(referral[2].median, 1e-9):.2f}x the time"
        )
    finally:
        await client.close()


def projection_command(
    scale: Annotated[ScaleName, typer.Option(help="Which demo data set.")] = ScaleName.SMALL,
    seed: Annotated[int, typer.Option(help="The demo data's seed.")] = 7,
    load: Annotated[bool, typer.Option(help="Load the demo data first.")] = False,
    accounts: Annotated[int, typer.Option(min=1, help="Largest accounts to read.")] = 5,
    pairs: Annotated[int, typer.Option(min=1, help="Referral pairs to read.")] = 30,
    writes: Annotated[int, typer.Option(min=1, help="Writes to apply.")] = 10,
) -> None:
    """Build the resident projection, apply writes, and compare its reads with Neo4j's."""
    with fail_cleanly():
        settings = prepare(scale=scale, seed=seed, load=load)
        run(_bench(settings, accounts=accounts, pairs=pairs, writes=writes))
