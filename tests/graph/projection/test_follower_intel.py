"""What hidden links and buying committees read, kept current by the change feed: after
random writes of identifiers (domain, address, phone), names, duplicate candidates and
their dismissal, deals and their contacts, jobs, ties, soft deletes and company merges,
the patched projection holds what a rebuilt one holds, and answers every company's network
and every committee as the per-request reads do."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest

from graph.commands.companies import CompanyCommands
from graph.commands.contacts import ContactCommands
from graph.commands.deals import DealCommands
from graph.commands.errors import CommandRejected
from graph.commands.merges import MergeCommands
from graph.driver import GraphClient
from graph.projection.build import build_store
from graph.projection.committee_view import ResidentCommitteeReader
from graph.projection.follower import ProjectionFollower
from graph.projection.store import ProjectionStore
from graph.reading.activity import KnowsWriter
from graph.reading.committee import CommitteeReader
from graph.reading.dedupe import DedupeGraph
from graph.reading.link_projection import LinkProjection
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, DealStage
from schema.errors import InvalidInput
from schema.model import Company, Deal, Person
from schema.reading.merges import MergeKind
from tests.graph.projection.test_resident_intel import (
    by_target,
    network_facts,
    resident_network,
)
from tests.graph.records import company, employment, knows, person, provenance

pytestmark = pytest.mark.neo4j

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
DAY = date(2026, 6, 1)
NAMES = ["Acme", "Acme Inc", "ACME GmbH", "Globex", "Initech"]
DOMAINS = ["acme.com", "globex.com", "gmail.com", None]
ADDRESSES = ["1 Main St, Springfield", "2 High St, Shelbyville", None]
PHONES = ["+14155550100", "+14155550101", None]


@dataclass(frozen=True)
class Pair:
    a_uid: str
    b_uid: str
    score: float
    reasons: tuple[str, ...]


def link_snapshot(store: ProjectionStore) -> dict[str, Any]:
    links = store.links
    held = {n for n, h in links.holders.items() if h}
    return {
        "name_key": dict(links.name_key),
        "by_name_key": {k: v for k, v in links.by_name_key.items() if v},
        "identifiers_of": {c: v for c, v in links.identifiers_of.items() if v},
        "holders": {n: h for n, h in links.holders.items() if h},
        "identifiers": {n: links.identifiers[n] for n in held},
        "candidates": dict(links.candidates),
        "candidates_of": {c: v for c, v in links.candidates_of.items() if v},
        "deals": dict(links.deals),
    }


async def seed(client: GraphClient) -> tuple[list[Company], list[Person], list[Deal]]:
    writer = GraphWriter(client)
    companies = [company(f"c{i}", NAMES[i % len(NAMES)]) for i in range(5)]
    people = [person(f"p{i}", f"Person {i}", is_colleague=i < 2) for i in range(10)]
    await writer.companies(companies)
    await writer.people(people)
    deals = [
        Deal(
            uid=f"deal:test:d{i}",
            name=f"Deal {i}",
            company_uid=companies[i].uid,
            provenance=provenance(f"d{i}"),
            stage=DealStage.PROPOSAL,
            amount=1000.0 * (i + 1),
            currency="USD",
        )
        for i in range(2)
    ]
    await writer.deals(deals)
    for shared in companies[:2]:  # an address two companies share, from the start
        await CompanyCommands(client).update(shared.uid, {"address": ADDRESSES[0]})
    return companies, people, deals


async def one_write(
    client: GraphClient,
    rng: random.Random,
    step: int,
    companies: list[Company],
    people: list[Person],
    deals: list[Deal],
) -> None:
    a, b = sorted(rng.sample(companies, 2), key=lambda c: c.uid)
    who, other = rng.sample(people, 2)
    deal = rng.choice(deals)
    firms = CompanyCommands(client)
    match rng.randrange(13):
        case 0:
            await firms.update(a.uid, {"domain": rng.choice(DOMAINS)})
        case 1:
            await firms.update(
                a.uid, {"address": rng.choice(ADDRESSES), "phone": rng.choice(PHONES)}
            )
        case 2:
            await firms.update(a.uid, {"name": rng.choice(NAMES)})
        case 3:
            pair = Pair(a.uid, b.uid, round(rng.random(), 3), ("name", f"step {step}"))
            await DedupeGraph(client).store(MergeKind.COMPANY, [pair])
        case 4:
            await DedupeGraph(client).dismiss(a.uid, b.uid)
        case 5:
            await DealCommands(client).update(
                deal.uid, {"amount": float(step), "name": f"Deal at {step}", "currency": "EUR"}
            )
        case 6:
            await DealCommands(client).update(deal.uid, {"company_uid": a.uid})
        case 7:
            role = rng.choice(list(DealContactRole))
            await ContactCommands(client).add(deal.uid, who.uid, role)
        case 8:
            await (firms.soft_delete if rng.random() < 0.5 else firms.restore)(a.uid)
        case 9 | 10:
            start = date(2020 + step % 5, 1, 1)
            job = employment(f"e{step}", who, a, title="Director", start=start)
            await GraphWriter(client).employments([job])
        case 11:
            await KnowsWriter(client).write([knows(who.uid, other.uid, rng.random(), at=T0)])
        case _:
            if rng.random() < 0.3:
                await MergeCommands(client).merge(MergeKind.COMPANY, a.uid, b.uid)


async def assert_answers_as_read(client: GraphClient, store: ProjectionStore) -> None:
    reads = LinkProjection(client)
    for uid in sorted(store.companies):
        expected = await reads.company(uid, as_of=DAY)
        found = await resident_network(store, reads, uid, as_of=DAY)
        assert network_facts(found) == network_facts(expected), uid
    committees, resident = CommitteeReader(client), ResidentCommitteeReader(store)
    for deal in sorted(store.deals):
        assert await resident.committee(deal) == await committees.committee(deal), deal
    targets = sorted(store.people)
    wanted = await committees.colleague_paths(targets)
    assert by_target(await resident.colleague_paths(targets)) == by_target(wanted)


@pytest.mark.parametrize("seed_", [1, 2, 3])
async def test_link_and_committee_records_patched_from_the_feed_equal_rebuilt_ones(
    clean_graph: GraphClient, seed_: int
) -> None:
    follower = ProjectionFollower(clean_graph)
    await follower.build()
    rng = random.Random(seed_)
    companies, people, deals = await seed(clean_graph)
    shared = candidates = False
    for round_ in range(3):
        for step in range(15):
            try:
                await one_write(clean_graph, rng, 100 * round_ + step, companies, people, deals)
            except (CommandRejected, InvalidInput):  # a refused command is fine
                pass
        await follower.poll()
        assert follower.store is not None
        assert link_snapshot(follower.store) == link_snapshot(await build_store(clean_graph))
        await assert_answers_as_read(clean_graph, follower.store)
        links = follower.store.links
        shared |= any(len(h) > 1 for h in links.holders.values())
        candidates |= bool(links.candidates)
    assert shared and candidates  # the rounds did hold shared identifiers and candidates
