"""A projection kept current by the change feed equals one rebuilt from scratch, after
random sequences of writes through the writers and the API's commands; and a follower sees
a write as soon as the write returns."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from graph.commands.contacts import ContactCommands
from graph.commands.errors import CommandRejected
from graph.commands.jobs import JobCommands, NewJob
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.projection.build import build_store
from graph.projection.follower import ProjectionFollower
from graph.projection.org_view import ResidentOrgReader
from graph.projection.store import ProjectionStore
from graph.reading.activity import KnowsWriter
from graph.writing.resync import request_resync
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, DealStage
from schema.errors import InvalidInput
from schema.model import Company, Deal, Person, ReportingLine, Subsidiary
from tests.graph.records import company, email, employment, knows, meeting, person, provenance

pytestmark = pytest.mark.neo4j

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


def snapshot(store: ProjectionStore) -> dict[str, Any]:
    """Everything a store holds, by uid, independent of indexes and insertion order."""
    people = store.people_by_index

    def parts(item: int) -> list[tuple[str, int]]:
        return sorted((people[p], r) for p, r in store.interactions.participants(item))

    interactions = {
        uid: (
            float(store.interactions.at[i]),
            int(store.interactions.kind[i]),
            bool(store.interactions.live[i]),
            parts(i),
        )
        for uid, i in store.interactions.items()
    }
    return {
        "people": {
            u: (r.id, r.name, r.colleague, r.title, r.department, r.seniority, r.live)
            for u, r in store.people.items()
        },
        "companies": {u: (c.name, c.home, c.undeleted, c.live) for u, c in store.companies.items()},
        "jobs": sorted(repr(j) for js in store.jobs_by_person.values() for j in js),
        "jobs_by_company": sorted(repr(j) for js in store.jobs_by_company.values() for j in js),
        "knows": dict(store.knows),
        "knows_of": {u: k for u, k in store.knows_of.items() if k},
        "connections": {k: sorted(map(repr, v)) for k, v in store.connections.items() if v},
        "lines": sorted(repr(x) for xs in store.lines_of.values() for x in xs),
        "reports": {u: r for u, r in store.reports_of.items() if r},
        "parents": {u: p for u, p in store.parents.items() if p},
        "children": {u: c for u, c in store.children.items() if c},
        "deals": {u: repr(d) for u, d in store.deals.items()},
        "deals_of_person": {u: d for u, d in store.deals_of_person.items() if d},
        "interactions": interactions,
        "interactions_of": {
            u: sorted(store.interactions_of(u)) for u in store.people if store.interactions_of(u)
        },
    }


async def random_writes(client: GraphClient, rng: random.Random, steps: int) -> None:
    writer = GraphWriter(client)
    companies = [company(f"c{i}", f"Company {i}") for i in range(4)]
    people = [
        person(f"p{i}", f"Person {i}", title=rng.choice(["CEO", "VP Sales", None]))
        for i in range(12)
    ]
    await writer.companies(companies)
    await writer.people(people)
    deal = Deal(
        uid="deal:test:d1",
        name="Big deal",
        company_uid=companies[0].uid,
        provenance=provenance("d1"),
        stage=DealStage.PROPOSAL,
        amount=1000.0,
        currency="USD",
    )
    await writer.deals([deal])
    for step in range(steps):
        try:
            await _one_write(client, writer, rng, step, people, companies, deal)
        except (CommandRejected, InvalidInput):  # a refused command (a live restore) is fine
            pass


async def _one_write(
    client: GraphClient,
    writer: GraphWriter,
    rng: random.Random,
    step: int,
    people: list[Person],
    companies: list[Company],
    deal: Deal,
) -> None:
    a, b = rng.sample(people, 2)
    where = rng.choice(companies)
    if True:
        match rng.randrange(10):
            case 0:
                await writer.employments(
                    [
                        employment(
                            f"e{step}",
                            a,
                            where,
                            title="Director",
                            start=date(2020 + step % 5, 1, 1),
                        )
                    ]
                )
            case 1:
                await writer.interactions([email(f"i{step}", a, b, at=T0 + timedelta(days=step))])
            case 2:
                await writer.interactions([meeting(f"m{step}", a, b, at=T0 - timedelta(days=step))])
            case 3:
                await KnowsWriter(client).write([knows(a.uid, b.uid, rng.random(), at=T0)])
            case 4:
                await writer.reporting_lines(
                    [
                        ReportingLine(
                            person_uid=a.uid, manager_uid=b.uid, provenance=provenance(f"l{step}")
                        )
                    ]
                )
            case 5:
                await PersonCommands(client).soft_delete(a.uid)
            case 6:
                await PersonCommands(client).restore(a.uid)
            case 7:
                await JobCommands(client).change_job(
                    a.uid, NewJob(company_uid=where.uid, start=date(2025, 1, 1), title="CFO")
                )
            case 8:
                await ContactCommands(client).add(deal.uid, a.uid, DealContactRole.CHAMPION)
            case _:
                x, y = rng.sample(companies, 2)
                await writer.subsidiaries(
                    [
                        Subsidiary(
                            child_uid=x.uid, parent_uid=y.uid, provenance=provenance(f"s{step}")
                        )
                    ]
                )


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_a_projection_patched_from_the_feed_equals_one_rebuilt(
    clean_graph: GraphClient, seed: int
) -> None:
    follower = ProjectionFollower(clean_graph)
    await follower.build()
    rng = random.Random(seed)
    for _ in range(3):
        await random_writes(clean_graph, rng, steps=15)
        await follower.poll()
        assert follower.applied_seq == await follower.feed.head()
        assert follower.store is not None
        assert snapshot(follower.store) == snapshot(await build_store(clean_graph))


async def test_a_write_is_seen_by_the_next_read_without_waiting_for_a_poll(
    clean_graph: GraphClient,
) -> None:
    follower = ProjectionFollower(clean_graph, poll_interval=3600)
    clean_graph.on_change = follower.notify
    try:
        acme = company("c1", "Acme")
        ann = person("p1", "Ann Lee", title="CFO")
        await GraphWriter(clean_graph).companies([acme])
        await follower.build()
        await GraphWriter(clean_graph).people([ann])
        await GraphWriter(clean_graph).employments([employment("e1", ann, acme, title="CFO")])
        store = await follower.current()
        assert store is not None
        chart = await ResidentOrgReader(store).project(acme.uid, as_of=date(2026, 1, 1))
        assert chart is not None and [p.uid for p in chart.people] == [ann.uid]
    finally:
        clean_graph.on_change = None


async def test_a_write_made_outside_relgraph_is_picked_up_by_a_resync(
    clean_graph: GraphClient,
) -> None:
    ann = person("p1", "Ann Lee", title="CFO")
    await GraphWriter(clean_graph).people([ann])
    follower = ProjectionFollower(clean_graph)
    await follower.build()
    # As cypher-shell would: a write that appends nothing to the change feed.
    await clean_graph.write(
        "MATCH (p:Person {uid: $uid}) SET p.title = $title", {"uid": ann.uid, "title": "CEO"}
    )
    await follower.poll()
    assert follower.store is not None and follower.store.people[ann.uid].title == "CFO"

    await request_resync(clean_graph)
    await follower.poll()

    assert follower.store.people[ann.uid].title == "CEO"
