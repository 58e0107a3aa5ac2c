"""KNOWS after merges and unmerges: the people involved get what derivation gives them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from api.services.commands.merges import MergeService
from api.services.knows import derive_knows
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.reading.merges import MergeDone, MergeKind
from tests.api.crm_data import EVE
from tests.graph.merge_data import ANNA, seed_people
from tests.graph.records import ANN, BOB, CAROL, T0

pytestmark = pytest.mark.neo4j
AS_OF = T0 + timedelta(days=30)
Ties = dict[tuple[str, str], dict[str, Any]]


async def _ties(client: GraphClient) -> Ties:
    rows = await client.read(
        "MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.uid AS a, b.uid AS b, k.count AS count, "
        "k.strength AS strength, k.reciprocity AS reciprocity, k.computed_at AS computed_at"
    )
    return {(r["a"], r["b"]): r for r in rows}


def _of(ties: Ties, uid: str) -> Ties:
    return {pair: tie for pair, tie in ties.items() if uid in pair}


def _assert_same(found: Ties, expected: Ties) -> None:
    assert set(found) == set(expected)
    for pair, tie in expected.items():
        assert found[pair]["count"] == tie["count"]
        assert found[pair]["computed_at"] == tie["computed_at"]
        assert found[pair]["strength"] == pytest.approx(tie["strength"])
        assert found[pair]["reciprocity"] == pytest.approx(tie["reciprocity"])


@pytest.fixture
async def derived(clean_graph: GraphClient) -> GraphClient:
    await seed_people(GraphWriter(clean_graph))
    await derive_knows(clean_graph, as_of=AS_OF)
    return clean_graph


async def _merge(client: GraphClient) -> MergeDone:
    done = await MergeService(client).merge(MergeKind.PERSON, ANN.uid, ANNA.uid, dry_run=False)
    assert isinstance(done, MergeDone)
    return done


async def test_after_a_merge_the_survivor_knows_the_merged_persons_contacts(
    derived: GraphClient,
) -> None:
    before = await _ties(derived)

    await _merge(derived)

    after = await _ties(derived)
    others = {a if b == ANN.uid else b for a, b in _of(after, ANN.uid)}
    assert others == {CAROL.uid, BOB.uid, EVE.uid}
    assert _of(before, ANNA.uid) and not _of(after, ANNA.uid)
    assert all(t["computed_at"].to_native() == AS_OF for t in after.values())
    await derive_knows(derived, as_of=AS_OF)
    _assert_same(_of(after, ANN.uid), _of(await _ties(derived), ANN.uid))


async def test_after_an_unmerge_both_people_know_whom_derivation_says(
    derived: GraphClient,
) -> None:
    before = await _ties(derived)
    done = await _merge(derived)

    await MergeService(derived).unmerge(done.merge_id)

    after = await _ties(derived)
    for uid in (ANN.uid, ANNA.uid):
        _assert_same(_of(after, uid), _of(before, uid))
    await derive_knows(derived, as_of=AS_OF)
    _assert_same(await _ties(derived), after)
