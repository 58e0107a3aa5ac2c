"""KNOWS edges derived from interactions through the published formula, on a real graph."""

from __future__ import annotations

from datetime import timedelta

import pytest

from algorithms.relationship_strength import Direction, Touch, tie_strength
from api.services.knows import derive_knows
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import InteractionKind
from tests.graph.records import ANN, BOB, CAROL, MAIL, MEETING, T0

pytestmark = pytest.mark.neo4j
AS_OF = T0 + timedelta(days=30)


async def _seed(client: GraphClient) -> None:
    writer = GraphWriter(client)
    await writer.people([ANN, BOB, CAROL])
    await writer.interactions([MAIL, MEETING])  # Carol mails Ann and Bob; Carol meets Ann


async def _knows(client: GraphClient) -> dict[tuple[str, str], dict[str, object]]:
    rows = await client.read(
        "MATCH (a:Person)-[k:KNOWS]->(b:Person) "
        "RETURN a.full_name AS a, b.full_name AS b, k.count AS count, k.strength AS strength, "
        "k.reciprocity AS reciprocity, k.source AS source"
    )
    return {tuple(sorted((r["a"], r["b"]))): r for r in rows}


async def test_each_pair_that_interacted_gets_one_knows_edge(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)

    report = await derive_knows(clean_graph, as_of=AS_OF)

    ties = await _knows(clean_graph)
    assert report.pairs == report.written == 3
    assert set(ties) == {
        ("Ann Lee", "Carol Diaz"),
        ("Bob Stone", "Carol Diaz"),
        ("Ann Lee", "Bob Stone"),
    }
    assert ties[("Ann Lee", "Carol Diaz")]["count"] == 2
    assert all(t["source"] == "derived" for t in ties.values())


async def test_strengths_follow_the_formula(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)

    await derive_knows(clean_graph, as_of=AS_OF)

    ties = await _knows(clean_graph)
    mail_ann = Touch(kind=InteractionKind.EMAIL, at=MAIL.occurred_at, direction=Direction.B_TO_A)
    met_ann = Touch(
        kind=InteractionKind.MEETING, at=MEETING.occurred_at, direction=Direction.MUTUAL
    )
    expected = tie_strength([mail_ann, met_ann], as_of=AS_OF)
    assert ties[("Ann Lee", "Carol Diaz")]["strength"] == pytest.approx(expected.strength)
    # Ann and Bob were only copied together on Carol's mail: the weakest of the three.
    weakest = min(ties.values(), key=lambda t: t["strength"])  # type: ignore[arg-type,return-value]
    assert (weakest["a"], weakest["b"]) in {("Ann Lee", "Bob Stone"), ("Bob Stone", "Ann Lee")}


async def test_deriving_again_replaces_rather_than_duplicates(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    await derive_knows(clean_graph, as_of=AS_OF)
    first = await _knows(clean_graph)

    await derive_knows(clean_graph, as_of=AS_OF)

    assert await _knows(clean_graph) == first
