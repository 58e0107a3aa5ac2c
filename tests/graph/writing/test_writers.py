"""Batched writers: idempotent MERGE, shared identifier nodes, provenance everywhere."""

from __future__ import annotations

import dataclasses

import pytest

from graph.driver import GraphClient
from graph.reading.stats import StatsReader
from graph.writing.writers import GraphWriter, WriteResult
from tests.graph.records import (
    ACME,
    ACME_EU,
    ANN,
    ANN_AT_ACME,
    ANN_AT_ACME_EU,
    ANN_DECIDES,
    BOB,
    BOB_AT_ACME,
    CAROL,
    CAROL_AT_HOME,
    DEAL,
    HOME,
    MAIL,
    MEETING,
    employment,
    person,
)

pytestmark = pytest.mark.neo4j


async def _write_everything(writer: GraphWriter) -> None:
    await writer.companies([ACME, ACME_EU, HOME])
    await writer.people([ANN, BOB, CAROL])
    await writer.employments([ANN_AT_ACME, ANN_AT_ACME_EU, BOB_AT_ACME, CAROL_AT_HOME])
    await writer.deals([DEAL])
    await writer.deal_contacts([ANN_DECIDES])
    await writer.interactions([MAIL, MEETING])


async def test_writing_the_same_records_twice_changes_nothing(clean_graph: GraphClient) -> None:
    writer = GraphWriter(clean_graph, batch_size=2)
    await _write_everything(writer)
    first = await StatsReader(clean_graph).counts()

    await _write_everything(writer)

    assert await StatsReader(clean_graph).counts() == first
    assert first.nodes["Company"] == 3 and first.nodes["Person"] == 3
    assert first.relationships["WORKS_AT"] == 4
    assert first.relationships["PARTICIPATED_IN"] == 5


async def test_companies_sharing_a_domain_or_an_address_share_one_identifier_node(
    clean_graph: GraphClient,
) -> None:
    await GraphWriter(clean_graph).companies([ACME, ACME_EU])

    rows = await clean_graph.read(
        "MATCH (a:Company)-[:HAS_DOMAIN|LOCATED_AT]->(x)<-[:HAS_DOMAIN|LOCATED_AT]-(b:Company) "
        "WHERE a.uid < b.uid RETURN labels(x)[0] AS kind ORDER BY kind"
    )
    assert [r["kind"] for r in rows] == ["Address", "Domain"]


async def test_a_person_and_a_company_sharing_a_phone_meet_at_one_phone_node(
    clean_graph: GraphClient,
) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME])
    await writer.people([ANN])

    rows = await clean_graph.read(
        "MATCH (:Company)-[:HAS_PHONE]->(p:Phone)<-[:HAS_PHONE]-(:Person) RETURN p.number AS n"
    )
    assert rows == [{"n": "+14155550100"}]


async def test_rows_that_reference_missing_nodes_are_counted_as_skipped(
    clean_graph: GraphClient,
) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME])
    await writer.people([ANN])
    ghost = person("ghost", "Nobody")

    result = await writer.employments([ANN_AT_ACME, employment("e9", ghost, ACME)])

    assert result == WriteResult(given=2, written=1)
    assert result.skipped == 1


async def test_every_node_and_relationship_carries_its_provenance(
    clean_graph: GraphClient,
) -> None:
    await _write_everything(GraphWriter(clean_graph))

    nodes = await clean_graph.read(
        "MATCH (n) WHERE (n:Company OR n:Person OR n:Deal OR n:Interaction) "
        "AND (n.source IS NULL OR n.source_id IS NULL) RETURN count(n) AS missing"
    )
    rels = await clean_graph.read(
        "MATCH ()-[r]->() WHERE r.source IS NULL OR r.source_id IS NULL RETURN count(r) AS missing"
    )
    assert nodes == [{"missing": 0}] and rels == [{"missing": 0}]


async def test_an_employment_keeps_title_role_and_dates(clean_graph: GraphClient) -> None:
    await _write_everything(GraphWriter(clean_graph))

    rows = await clean_graph.read(
        "MATCH (:Person {uid: $p})-[w:WORKS_AT]->(c:Company) "
        "RETURN c.name AS company, w.title AS title, w.role AS role, "
        "toString(w.start) AS start, w.end AS end ORDER BY company",
        {"p": ANN.uid},
    )
    assert rows == [
        {
            "company": "Acme Europe GmbH",
            "title": "Board member",
            "role": "board_member",
            "start": "2022-03-01",
            "end": None,
        },
        {
            "company": "Acme Inc",
            "title": "CFO",
            "role": "employee",
            "start": "2020-01-01",
            "end": None,
        },
    ]


async def test_a_deal_links_its_company_owner_and_contacts(clean_graph: GraphClient) -> None:
    await _write_everything(GraphWriter(clean_graph))

    rows = await clean_graph.read(
        "MATCH (o:Person)-[:OWNS]->(d:Deal)-[:FOR]->(c:Company), "
        "(p:Person)-[r:INVOLVED_IN]->(d) "
        "RETURN o.full_name AS owner, c.name AS company, p.full_name AS contact, r.role AS role"
    )
    assert rows == [
        {
            "owner": "Carol Diaz",
            "company": "Acme Inc",
            "contact": "Ann Lee",
            "role": "decision_maker",
        }
    ]


async def test_a_source_record_that_now_links_other_nodes_moves_its_relationship(
    clean_graph: GraphClient,
) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME, ACME_EU])
    await writer.people([ANN, BOB])
    await writer.employments([ANN_AT_ACME])
    corrected = dataclasses.replace(ANN_AT_ACME, person_uid=BOB.uid, company_uid=ACME_EU.uid)

    await writer.employments([corrected])

    rows = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN p.uid AS p, c.uid AS c, w.uid AS uid"
    )
    assert rows == [{"p": BOB.uid, "c": ACME_EU.uid, "uid": "works_at:test:e1"}]
