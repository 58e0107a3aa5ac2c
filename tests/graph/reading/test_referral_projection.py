"""The bounded referral projection against the real Neo4j: balls, cap, deleted people."""

from __future__ import annotations

import pytest

from graph.driver import GraphClient
from graph.reading.referrals import ReferralReader
from schema.reading.referrals import ReferralProjection
from tests.api.crm_data import EVE
from tests.api.referral_data import DAN, seed_referrals, soft_delete
from tests.graph.records import ANN, BOB, CAROL

pytestmark = pytest.mark.neo4j


async def project(reader: ReferralReader, max_hops: int, node_cap: int) -> ReferralProjection:
    return await reader.project(
        [CAROL.uid],
        [ANN.uid],
        max_hops=max_hops,
        node_cap=node_cap,
        stated_weight=0.2,
        tenure_weight=0.2,
    )


@pytest.fixture
async def reader(clean_graph: GraphClient) -> ReferralReader:
    await seed_referrals(clean_graph)
    return ReferralReader(clean_graph, timeout=10)


async def test_the_balls_grow_max_hops_minus_one_rounds_in_all(reader: ReferralReader) -> None:
    one = await project(reader, 1, 100)
    two = await project(reader, 2, 100)
    four = await project(reader, 4, 100)

    # One hop needs no growth: the seeds and the links between them.
    assert set(one.people) == {CAROL.uid, ANN.uid} and one.pairs == ()
    # Two hops: one round, on one side, reaches Bob, the middle of the only 2-hop path.
    assert BOB.uid in two.people and len(two.people) <= 4
    assert set(four.people) == {CAROL.uid, ANN.uid, BOB.uid, DAN.uid, EVE.uid}
    assert not one.truncated and not two.truncated and not four.truncated


async def test_every_link_among_the_people_comes_with_its_evidence(reader: ReferralReader) -> None:
    projection = await project(reader, 2, 100)

    pairs = {(p.a_uid, p.b_uid): p for p in projection.pairs}
    bob_ann = pairs[tuple(sorted((BOB.uid, ANN.uid)))]  # type: ignore[index]
    assert bob_ann.knows is not None and bob_ann.knows.count == 8
    assert [(t.start.isoformat() if t.start else None, t.end) for t in bob_ann.tenures] == [
        ("2020-01-01", bob_ann.tenures[0].end)
    ]
    assert bob_ann.tenures[0].end is not None and not bob_ann.tenures[0].board
    assert projection.people[BOB.uid].customer and not projection.people[BOB.uid].colleague
    assert projection.people[CAROL.uid].colleague


async def test_the_node_cap_keeps_the_strongest_and_says_it_cut(reader: ReferralReader) -> None:
    projection = await project(reader, 3, 3)

    assert projection.truncated
    # Room for one more person: Bob, the strongest tie (eight meetings), not a coworker.
    assert set(projection.people) == {CAROL.uid, ANN.uid, BOB.uid}


async def test_deleted_people_are_left_out(
    reader: ReferralReader, clean_graph: GraphClient
) -> None:
    await soft_delete(clean_graph, BOB.uid)

    projection = await project(reader, 4, 100)

    assert BOB.uid not in projection.people
    assert all(BOB.uid not in (p.a_uid, p.b_uid) for p in projection.pairs)
