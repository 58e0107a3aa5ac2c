"""The model's uniqueness constraints reject duplicates with a typed error."""

from __future__ import annotations

import dataclasses

import pytest

from graph.driver import GraphClient
from graph.errors import DuplicateEntity
from graph.writing.writers import GraphWriter
from tests.graph.records import ACME, ANN, ANN_AT_ACME, BOB, company, person

pytestmark = pytest.mark.neo4j


async def test_two_people_cannot_share_an_email(clean_graph: GraphClient) -> None:
    writer = GraphWriter(clean_graph)
    await writer.people([ANN])
    twin = person("other", "Ann Lee (2)", email="ANN@acme.com")  # emails are lower-cased

    with pytest.raises(DuplicateEntity, match="email"):
        await writer.people([twin])


async def test_two_companies_cannot_share_a_source_and_source_id(
    clean_graph: GraphClient,
) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME])
    clash = dataclasses.replace(company("zzz", "Other"), provenance=ACME.provenance)

    with pytest.raises(DuplicateEntity, match="source"):
        await writer.companies([clash])


async def test_the_schema_itself_refuses_two_employments_with_one_uid(
    clean_graph: GraphClient,
) -> None:
    # The writers move a keyed relationship instead of duplicating it; the constraint is the
    # backstop for any other write path.
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME])
    await writer.people([ANN, BOB])
    await writer.employments([ANN_AT_ACME])

    with pytest.raises(DuplicateEntity, match="uid"):
        await clean_graph.write(
            "MATCH (p:Person {uid: $p}), (c:Company {uid: $c}) "
            "CREATE (p)-[:WORKS_AT {uid: $uid}]->(c)",
            {"p": BOB.uid, "c": ACME.uid, "uid": "works_at:test:e1"},
        )


async def test_a_failed_batch_writes_nothing(clean_graph: GraphClient) -> None:
    writer = GraphWriter(clean_graph)
    await writer.people([ANN])
    fresh = person("p9", "New Person", email="new@acme.com")
    clash = person("p10", "Clash", email="ann@acme.com")

    with pytest.raises(DuplicateEntity):
        await writer.people([fresh, clash])

    rows = await clean_graph.read("MATCH (p:Person) RETURN p.uid AS uid ORDER BY uid")
    assert rows == [{"uid": ANN.uid}]
