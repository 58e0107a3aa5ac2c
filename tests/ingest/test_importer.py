"""The importer against the real Neo4j: upserts on natural keys, idempotency, batching
and references."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.driver import GraphClient
from schema.import_rows import ImportKind
from tests.ingest.graph_content import graph_content, label_counts
from tests.ingest.importing import import_items, row
from tests.ingest.small_crm import IX, C, P, small_crm

pytestmark = pytest.mark.neo4j


async def test_a_small_crm_lands_with_every_key_normalised(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    report, rejects = await import_items(clean_graph, small_crm(), tmp_path / "r.csv", batch_size=2)
    assert rejects == []
    assert report.kind(ImportKind.PERSON).created == 4  # three rows and newcomer@partner.io
    [ana] = await clean_graph.read(
        "MATCH (p:Person {uid: 'person:csv:p1'})-[:REPORTS_TO]->(m) "
        "MATCH (p)-[w:WORKS_AT]->(c) "
        "RETURN p.email AS email, p.seniority AS seniority, m.uid AS manager, c.uid AS employer, "
        "p.source_file AS file, p.source_line AS line"
    )
    assert ana == {
        "email": "ana@acme.com",
        "seniority": "c_level",
        "manager": "person:csv:p3",
        "employer": "company:csv:c1",
        "file": "f.csv",
        "line": 2,
    }
    [bo] = await clean_graph.read(
        "MATCH (p:Person {uid: 'person:csv:p2'})-[:HAS_PHONE]->(ph) "
        "RETURN p.seniority AS seniority, p.department_key AS dept, ph.number AS phone"
    )
    assert bo == {"seniority": "director", "dept": "sales", "phone": "+8613800138000"}
    [acme] = await clean_graph.read(
        "MATCH (c:Company {uid: 'company:csv:c1'})-[:HAS_DOMAIN]->(d) "
        "MATCH (c)-[:HAS_PHONE]->(ph) "
        "MATCH (:Company {uid: 'company:csv:c2'})-[:SUBSIDIARY_OF]->(c) "
        "RETURN d.name AS domain, ph.number AS phone, c.name_key AS key"
    )
    assert acme == {"domain": "acme.com", "phone": "+14155550100", "key": "acme"}
    [deal] = await clean_graph.read(
        "MATCH (o:Person)-[:OWNS]->(d:Deal {uid: 'deal:csv:d1'})-[:FOR]->(c:Company) "
        "MATCH (:Person {uid: 'person:csv:p1'})-[r:INVOLVED_IN]->(d) "
        "RETURN d.amount AS amount, d.currency AS currency, d.stage AS stage, "
        "d.probability AS probability, o.uid AS owner, c.uid AS company, r.role AS role"
    )
    assert deal == {
        "amount": 12000.0,
        "currency": "EUR",
        "stage": "proposal",
        "probability": 0.4,
        "owner": "person:csv:p3",
        "company": "company:csv:c1",
        "role": "economic_buyer",
    }
    roles = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction) "
        "RETURN i.uid AS i, p.email AS email, r.role AS role ORDER BY i, email"
    )
    assert [(r["i"], r["email"], r["role"]) for r in roles] == [
        ("interaction:csv:i1", "ana@acme.com", "attendee"),
        ("interaction:csv:i1", "bo@acme.com", "attendee"),
        ("interaction:csv:i1", "cy@acme.com", "organizer"),
        ("interaction:csv:i2", "ana@acme.com", "from"),
        ("interaction:csv:i2", "bo@acme.com", "cc"),
        ("interaction:csv:i2", "newcomer@partner.io", "to"),
    ]


async def test_importing_the_same_rows_twice_changes_nothing(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv", batch_size=3)
    before = await graph_content(clean_graph)
    report, rejects = await import_items(clean_graph, small_crm(), tmp_path / "b.csv")
    assert rejects == []
    assert await graph_content(clean_graph) == before
    assert {k.value: (c.created, c.updated) for k, c in report.counts.items()} == {
        k.value: (0, 0) for k in report.counts
    }
    assert report.kind(ImportKind.INTERACTION).unchanged == 2


async def test_another_source_with_the_same_email_updates_the_same_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [row(P, 2, person_id="9", full_name="Ana Lima", email="ANA@acme.com ", title="CFO")]
    report, _ = await import_items(clean_graph, items, tmp_path / "b.csv", source="hubspot")
    assert report.kind(ImportKind.PERSON).updated == 1
    [hit] = await clean_graph.read(
        "MATCH (x:ExternalId {key: 'person:hubspot:9'})-[:IDENTIFIES]->(p:Person) "
        "RETURN p.uid AS uid, p.title AS title, x.source_file AS file, count(*) AS n"
    )
    assert hit == {"uid": "person:csv:p1", "title": "CFO", "file": "f.csv", "n": 1}
    again, _ = await import_items(clean_graph, items, tmp_path / "c.csv", source="hubspot")
    assert again.kind(ImportKind.PERSON).unchanged == 1
    assert (await label_counts(clean_graph))["Person"] == 4


async def test_an_empty_cell_never_erases_a_value(clean_graph: GraphClient, tmp_path: Path) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [row(P, 2, person_id="p1", full_name="Ana Lima", email="ana@acme.com")]
    report, _ = await import_items(clean_graph, items, tmp_path / "b.csv")
    assert report.kind(ImportKind.PERSON).unchanged == 1
    [ana] = await clean_graph.read("MATCH (p:Person {uid: 'person:csv:p1'}) RETURN p.title AS t")
    assert ana == {"t": "Chief Financial Officer"}


async def test_a_duplicate_id_in_one_file_is_rejected_and_the_first_row_kept(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="First"),
        row(C, 7, company_id="c1", name="Second"),
        row(C, 3, file="other.csv", company_id="c1", name="First"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert rejects == [
        {
            "file": "f.csv",
            "line": "7",
            "column": "company_id",
            "value": "c1",
            "reason": "duplicate company_id 'c1' in this file (first at line 2); the first "
            "row was kept",
            "outcome": "rejected",
        }
    ]
    assert report.rejected == 1
    [company] = await clean_graph.read("MATCH (c:Company) RETURN c.name AS name")
    assert company == {"name": "First"}


async def test_an_unknown_reference_rejects_only_what_needs_it(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="p1", full_name="Ana", company_id="c404"),
        row(
            IX,
            3,
            interaction_id="i1",
            kind="call",
            occurred_at="2026-01-05",
            from_person_id="p1",
            to_person_ids="p404",
        ),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"], r["value"]) for r in rejects] == [
        ("2", "company_id", "c404"),
        ("3", "to_person_ids", "p404"),
    ]
    assert rejects[0]["reason"].startswith("company_id 'c404' does not exist")
    assert report.kind(ImportKind.PERSON).created == 1
    assert report.kind(ImportKind.EMPLOYMENT).rejected == 1
    assert report.kind(ImportKind.INTERACTION).rejected == 1
    assert await label_counts(clean_graph) == {"Person": 1}
