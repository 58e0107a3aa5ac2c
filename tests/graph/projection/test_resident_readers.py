"""The resident projection answers exactly what the per-request reads answer, on the demo
data: the same org projections (every account, with and without its subsidiaries), the
same deal roles, home team, employees and referral projections (wide and truncated)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from graph.driver import GraphClient
from graph.projection.build import build_store
from graph.projection.org_view import ResidentOrgReader
from graph.projection.referral_view import ResidentReferralReader
from graph.projection.store import ProjectionStore
from graph.reading.org import OrgReader
from graph.reading.referrals import ReferralReader
from ingest.demo import DemoDataset
from schema.reading.org import OrgProjection
from schema.reading.referrals import ReferralProjection

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
async def store(demo_client: GraphClient) -> AsyncIterator[ProjectionStore]:
    yield await build_store(demo_client)


def org_facts(projection: OrgProjection | None) -> dict[str, Any] | None:
    """A projection with its unordered parts as sets (the reads' order is the database's)."""
    if projection is None:
        return None
    return {
        "company": projection.company_uid,
        "family": projection.family,
        "people": projection.people,
        "lines": set(projection.lines),
        "interactions": set(projection.interactions),
        "ties": set(projection.ties),
        "affiliates": sorted(projection.affiliates, key=repr),
        "truncated": projection.truncated,
    }


def referral_facts(projection: ReferralProjection) -> dict[str, Any]:
    people = {
        uid: (f.colleague, f.customer, tuple(sorted(f.companies)), f.seniority, f.title)
        for uid, f in projection.people.items()
    }
    pairs = {
        (p.a_uid, p.b_uid): (p.knows, sorted(map(repr, p.stated)), sorted(map(repr, p.tenures)))
        for p in projection.pairs
    }
    return {"people": people, "pairs": pairs, "truncated": projection.truncated}


async def test_every_org_projection_is_the_one_the_reads_give(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    reads, resident = OrgReader(demo_client), ResidentOrgReader(store)
    day = demo_dataset.ground_truth.anchor
    companies = await reads.company_uids(limit=1000)
    assert companies == await resident.company_uids(limit=1000)
    for uid in companies[:120]:
        for group in (False, True):
            expected = await reads.project(uid, as_of=day, include_subsidiaries=group)
            found = await resident.project(uid, as_of=day, include_subsidiaries=group)
            assert org_facts(found) == org_facts(expected), (uid, group)
    assert await resident.project("no-such-company", as_of=day) is None


async def test_org_projections_of_other_days_and_windows_agree(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    reads, resident = OrgReader(demo_client), ResidentOrgReader(store)
    companies = await reads.company_uids(limit=40)
    for uid in companies:
        for back, window in ((400, 90), (900, 30)):
            day = demo_dataset.ground_truth.anchor - timedelta(days=back)
            expected = await reads.project(uid, as_of=day, window_days=window)
            found = await resident.project(uid, as_of=day, window_days=window)
            assert org_facts(found) == org_facts(expected), (uid, back)


async def test_deal_roles_and_capped_projections_agree(
    demo_client: GraphClient, store: ProjectionStore, demo_dataset: DemoDataset
) -> None:
    reads = OrgReader(demo_client, node_cap=7, company_cap=2)
    resident = ResidentOrgReader(store, node_cap=7, company_cap=2)
    day = demo_dataset.ground_truth.anchor
    for uid in await reads.company_uids(limit=60):
        expected = await reads.project(uid, as_of=day, include_subsidiaries=True)
        found = await resident.project(uid, as_of=day, include_subsidiaries=True)
        assert org_facts(found) == org_facts(expected), uid
        if expected is not None:
            people = [p.uid for p in expected.people]
            wanted = sorted(map(repr, await reads.deal_roles(people, expected.companies)))
            got = sorted(map(repr, await resident.deal_roles(people, expected.companies)))
            assert got == wanted, uid


async def test_home_team_employees_and_referral_projections_agree(
    demo_client: GraphClient, store: ProjectionStore
) -> None:
    reads, resident = ReferralReader(demo_client), ResidentReferralReader(store)
    home = await reads.home_team()
    assert await resident.home_team() == home
    companies = await OrgReader(demo_client).company_uids(limit=1000)
    rng = random.Random(7)
    for company in rng.sample(companies, 10):
        employees = await reads.company_employees(company)
        assert await resident.company_employees(company) == employees, company
        if not employees:
            continue
        targets = [uid for uid, _, _ in employees]
        for node_cap, work in ((2000, 50_000), (60, 400)):
            options = dict(
                max_hops=4, node_cap=node_cap, stated_weight=0.5, tenure_weight=0.3, work=work
            )
            expected = await reads.project(home[1], targets, **options)  # type: ignore[arg-type]
            found = await resident.project(home[1], targets, **options)  # type: ignore[arg-type]
            assert referral_facts(found) == referral_facts(expected), (company, node_cap)
