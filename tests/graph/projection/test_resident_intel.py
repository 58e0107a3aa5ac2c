"""The resident projection answers buying committees and one company's hidden-link network
exactly as the per-request reads do, on the demo data: every deal's committee and its
colleagues' paths, and the networks of many companies on several days."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from graph.driver import GraphClient
from graph.projection.build import build_store
from graph.projection.committee_view import ResidentCommitteeReader
from graph.projection.link_view import ResidentLinkProjection, read_name_matches
from graph.projection.store import ProjectionStore
from graph.reading.committee import CommitteeReader
from graph.reading.link_projection import LinkProjection, ProjectionLimits
from graph.reading.org import OrgReader
from ingest.demo import DemoDataset
from schema.reading.link_projection import CompanyNetwork
from schema.reading.org import ColleaguePaths

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
async def store(demo_client: GraphClient) -> AsyncIterator[ProjectionStore]:
    yield await build_store(demo_client)


def network_facts(network: CompanyNetwork | None) -> dict[str, Any] | None:
    """A network with the parts whose order is the database's as sets."""
    if network is None:
        return None
    return {
        "companies": {c.uid: c for c in network.companies},
        "company_count": len(network.companies),
        "people": {
            p.uid: (
                p.name,
                {place.company_uid: sorted(map(repr, place.tenures)) for place in p.places},
            )
            for p in network.people
        },
        "people_count": len(network.people),
        "identifiers": sorted(map(repr, network.identifiers)),
        "family": sorted(map(repr, network.family)),
        "candidates": sorted(map(repr, network.candidates)),
        "ties": sorted(map(repr, network.ties)),
    }


def by_target(paths: ColleaguePaths) -> dict[str, Any]:
    found: dict[str, list[Any]] = {}
    for path in paths.paths:
        found.setdefault(path.target, []).append(path)
    return {"targets": paths.targets, "paths": found}


async def resident_network(
    store: ProjectionStore, reads: LinkProjection, uid: str, **options: Any
) -> CompanyNetwork | None:
    resident = ResidentLinkProjection(store, limits=reads.limits)
    await read_name_matches(resident, reads, uid)
    return await resident.company(uid, **options)


async def test_every_deals_committee_and_colleague_paths_are_the_ones_read(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    reads, resident = CommitteeReader(demo_client), ResidentCommitteeReader(store)
    people = sorted(p.uid for p in demo_dataset.people)
    rng = random.Random(11)
    for deal in demo_dataset.deals:
        expected = await reads.committee(deal.uid)
        assert await resident.committee(deal.uid) == expected, deal.uid
        targets = [p for p, _ in expected.members] if expected is not None else []
        targets += rng.sample(people, 20)
        targets = list(dict.fromkeys(targets))
        for per_target in (25, 3):
            wanted = await reads.colleague_paths(targets, per_target=per_target)
            got = await resident.colleague_paths(targets, per_target=per_target)
            assert by_target(got) == by_target(wanted), deal.uid
    assert await resident.committee("no-such-deal") is None
    assert await reads.committee("no-such-deal") is None


async def test_company_networks_are_the_ones_read_on_several_days(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    reads = LinkProjection(demo_client)
    anchor = demo_dataset.ground_truth.anchor
    companies = await OrgReader(demo_client).company_uids(limit=1000)
    rng = random.Random(5)
    chosen = sorted(set(companies[:60]) | set(rng.sample(companies, 40)))
    for uid in chosen:
        for day in (anchor, anchor - timedelta(days=400)):
            expected = await reads.company(uid, as_of=day)
            found = await resident_network(store, reads, uid, as_of=day)
            assert network_facts(found) == network_facts(expected), (uid, day)
            assert found == expected, (uid, day)  # in the same canonical order, too
    assert await resident_network(store, reads, "no-such-company", as_of=anchor) is None


async def test_capped_company_networks_agree(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    limits = ProjectionLimits(
        max_people=3,
        max_holders=2,
        max_family=2,
        max_candidates=2,
        max_neighbours=3,
        max_expanded=2,
        max_degree_reads=2,
    )
    reads = LinkProjection(demo_client, limits=limits)
    day = demo_dataset.ground_truth.anchor
    companies = await OrgReader(demo_client).company_uids(limit=1000)
    for uid in random.Random(3).sample(companies, 40):
        expected = await reads.company(uid, as_of=day)
        found = await resident_network(store, reads, uid, as_of=day)
        assert network_facts(found) == network_facts(expected), uid
        assert found == expected, uid
