"""The importer against the real Neo4j: employers found or created, jobs replacing the
jobs rows implied, and companies of one family kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.driver import GraphClient
from schema.import_rows import ImportKind
from tests.ingest.graph_content import label_counts
from tests.ingest.importing import import_items, row
from tests.ingest.small_crm import C, E, P, small_crm

pytestmark = pytest.mark.neo4j


async def test_an_employer_known_by_name_is_found_or_created_with_its_work_domain(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [
        row(
            P,
            2,
            person_id="https://linkedin.com/in/dee",
            full_name="Dee",
            company_name="ACME",
            email="dee@acme.com",
            connected_on="2024-03-15",
        ),
        row(
            P,
            3,
            person_id="https://linkedin.com/in/eve",
            full_name="Eve",
            company_name="Globex Corporation",
            email="eve@gmail.com",
        ),
        row(
            P,
            4,
            person_id="https://linkedin.com/in/fay",
            full_name="Fay",
            company_name="Globex Corp.",
        ),
    ]
    await import_items(
        clean_graph, items, tmp_path / "b.csv", source="linkedin", owner_email="cy@acme.com"
    )
    jobs = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) WHERE p.source = 'linkedin' "
        "RETURN p.full_name AS who, c.uid AS company, c.domain AS domain ORDER BY who"
    )
    assert jobs == [
        {"who": "Dee", "company": "company:csv:c1", "domain": "acme.com"},
        {"who": "Eve", "company": "company:linkedin:name:globex", "domain": None},
        {"who": "Fay", "company": "company:linkedin:name:globex", "domain": None},
    ]
    [link] = await clean_graph.read(
        "MATCH (o:Person)-[r:CONNECTED_TO]->(p:Person) RETURN o.uid AS o, p.full_name AS p, "
        "toString(r.since) AS since"
    )
    assert link == {"o": "person:csv:p3", "p": "Dee", "since": "2024-03-15"}


async def test_a_new_employer_on_a_person_row_ends_the_job_it_implied_before(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    moved = [row(P, 2, person_id="p1", full_name="Ana Lima", company_id="c2")]
    report, _ = await import_items(clean_graph, moved, tmp_path / "b.csv")
    assert report.kind(ImportKind.EMPLOYMENT).created == 1
    jobs = await clean_graph.read(
        "MATCH (:Person {uid: 'person:csv:p1'})-[w:WORKS_AT]->(c) "
        "RETURN c.uid AS company, w.end IS NULL AS current ORDER BY company"
    )
    assert jobs == [
        {"company": "company:csv:c1", "current": False},
        {"company": "company:csv:c2", "current": True},
    ]


async def test_display_names_from_mail_never_rename_a_known_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    await import_items(clean_graph, small_crm(), tmp_path / "a.csv")
    items = [
        row(P, 1, full_name="ana", email="ana@acme.com"),
        row(P, 1, full_name="Gus Grey", email="gus@grey.org"),
    ]
    await import_items(clean_graph, items, tmp_path / "b.csv", source="email", names_are_hints=True)
    names = await clean_graph.read(
        "MATCH (p:Person) WHERE p.email IN ['ana@acme.com', 'gus@grey.org'] "
        "RETURN p.full_name AS name ORDER BY name"
    )
    assert [n["name"] for n in names] == ["Ana Lima", "Gus Grey"]


async def test_a_job_row_replaces_the_job_its_person_row_implied_even_in_one_batch(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="Acme"),
        row(P, 2, person_id="p1", full_name="Ana", company_id="c1", title="CFO"),
        row(E, 2, person_id="p1", company_id="c1", title="CFO", start_date="2020-01-01"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert rejects == []
    jobs = await clean_graph.read(
        "MATCH (:Person {uid: 'person:csv:p1'})-[w:WORKS_AT]->(:Company {uid: 'company:csv:c1'}) "
        "RETURN toString(w.start) AS start, coalesce(w.implied, false) AS implied"
    )
    assert jobs == [{"start": "2020-01-01", "implied": False}]


async def test_companies_of_one_source_sharing_a_domain_stay_apart(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(C, 2, company_id="c1", name="Acme Inc.", domain="acme.com"),
        row(C, 3, company_id="c2", name="Acme Europe GmbH", domain="acme.com"),
        row(C, 4, company_id="c3", name="Unrelated Ltd", domain="acme.com"),
    ]
    await import_items(clean_graph, items, tmp_path / "a.csv", batch_size=1)
    assert (await label_counts(clean_graph))["Company"] == 3
    other = [row(C, 2, company_id="h7", name="ACME Europe", domain="www.acme.com")]
    report, _ = await import_items(clean_graph, other, tmp_path / "b.csv", source="hubspot")
    assert report.kind(ImportKind.COMPANY).updated == 1
    [hit] = await clean_graph.read(
        "MATCH (:ExternalId {key: 'company:hubspot:h7'})-[:IDENTIFIES]->(c) RETURN c.uid AS uid"
    )
    assert hit == {"uid": "company:csv:c2"}


async def test_a_family_sharing_domain_and_name_meets_another_source_by_legal_name(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    family = [
        ("c1", "Redwood Medical AG"),
        ("c2", "Redwood Medical LLC"),
        ("c3", "Redwood Medical PLC"),
    ]
    items = [
        row(C, n, company_id=cid, name=name, domain="redwoodmedical.co.uk")
        for n, (cid, name) in enumerate(family, start=2)
    ]
    await import_items(clean_graph, items, tmp_path / "a.csv")
    other = [
        row(C, 2, company_id="h1", name="REDWOOD MEDICAL PLC", domain="redwoodmedical.co.uk"),
        row(C, 3, company_id="h2", name="Redwood Medical LLC", domain="redwoodmedical.co.uk"),
        row(C, 4, company_id="h3", name="Redwood Medical GmbH", domain="redwoodmedical.co.uk"),
        row(C, 5, company_id="h4", name="Redwood Medical", domain="redwoodmedical.co.uk"),
    ]
    report, rejects = await import_items(clean_graph, other, tmp_path / "b.csv", source="hubspot")
    assert rejects == []
    hits = await clean_graph.read(
        "UNWIND ['h1', 'h2', 'h3', 'h4'] AS id WITH 'company:hubspot:' + id AS key "
        "OPTIONAL MATCH (:ExternalId {key: key})-[:IDENTIFIES]->(known:Company) "
        "OPTIONAL MATCH (own:Company {uid: key}) "
        "RETURN coalesce(known.uid, own.uid) AS uid ORDER BY key"
    )
    # PLC and LLC join their namesakes, a legal name nobody bears is a new entity, and a
    # name without a legal form still joins the family (its first record) as before
    assert [h["uid"] for h in hits] == [
        "company:csv:c3",
        "company:csv:c2",
        "company:hubspot:h3",
        "company:csv:c1",
    ]
    assert report.kind(ImportKind.COMPANY).created == 1
