"""``relgraph ingest native`` on a folder of CSV templates or of JSON lines, through the real
database: exit status, rejects report and the exact graph the files give."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from tests.api.ingest_files import (
    cli_env,
    described,
    ingest,
    read_rejects,
    summary,
    tuples,
    write_lines,
    write_native_folder,
)

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


async def test_a_native_csv_folder_lands_with_every_template_linked(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = write_native_folder(tmp_path / "crm")

    result = await ingest(env, "native", folder, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    assert summary(result) == {
        "company": (2, 0, 0, 0),
        "person": (5, 0, 2, 0),  # 4 rows and newcomer@; bo@ and sam@ met again by email
        "deal": (1, 0, 0, 0),
        "employment": (5, 0, 0, 0),  # 3 implied by people rows, 2 employment rows
        "deal_contact": (2, 0, 0, 0),
        "interaction": (2, 0, 0, 0),
        "subsidiary": (1, 0, 0, 0),
        "reporting_line": (2, 0, 0, 0),
    }
    companies = await clean_graph.read(
        "MATCH (c:Company) OPTIONAL MATCH (c)-[:SUBSIDIARY_OF]->(parent) "
        "RETURN c.uid, c.name, c.domain, c.phone, parent.uid ORDER BY c.uid"
    )
    assert tuples(companies) == [
        ("company:native:c1", "Acme Holdings", "acme.com", "+14155550100", None),
        ("company:native:c2", "Acme Europe GmbH", "acme.eu", None, "company:native:c1"),
    ]
    people = await clean_graph.read(
        "MATCH (p:Person) OPTIONAL MATCH (p)-[:REPORTS_TO]->(m) "
        "RETURN p.uid, p.email, p.seniority, p.is_colleague, m.uid ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("person:native:newcomer@partner.io", "newcomer@partner.io", "unknown", False, None),
        ("person:native:p1", "ana@acme.com", "c_level", False, "person:native:p2"),
        ("person:native:p2", "cy@acme.com", "c_level", False, None),
        ("person:native:p3", "bo@acme.eu", "director", False, "person:native:p2"),
        ("person:native:p4", "sam@relgraph.io", "individual_contributor", True, None),
    ]
    jobs = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN p.uid, c.uid, w.role, w.title, "
        "toString(w.start), toString(w.end) ORDER BY p.uid, c.uid"
    )
    assert tuples(jobs) == [
        ("person:native:p1", "company:native:c1", "employee", "Chief Financial Officer", None,
         None),
        ("person:native:p2", "company:native:c1", "employee", "CEO", None, None),
        ("person:native:p2", "company:native:c2", "board_member", None, "2022-01-01", None),
        ("person:native:p3", "company:native:c1", "employee", "Sales Manager", "2019-01-01",
         "2021-06-30"),
        ("person:native:p3", "company:native:c2", "employee", "Sales Director", None, None),
    ]  # fmt: skip
    deals = await clean_graph.read(
        "MATCH (owner:Person)-[:OWNS]->(d:Deal)-[:FOR]->(c:Company) RETURN d.uid, d.amount, "
        "d.currency, d.stage, d.probability, toString(d.close_date), owner.uid, c.uid"
    )
    assert tuples(deals) == [
        ("deal:native:d1", 12000.0, "EUR", "proposal", 0.4, "2026-12-31", "person:native:p4",
         "company:native:c1"),
    ]  # fmt: skip
    contacts = await clean_graph.read(
        "MATCH (p:Person)-[r:INVOLVED_IN]->(d:Deal) RETURN p.uid, r.role, d.uid ORDER BY p.uid"
    )
    assert tuples(contacts) == [
        ("person:native:p1", "economic_buyer", "deal:native:d1"),
        ("person:native:p2", "decision_maker", "deal:native:d1"),
    ]
    parts = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction)-[:ABOUT]->(d:Deal) "
        "RETURN i.uid, i.kind, toString(i.occurred_at), p.uid, r.role, d.uid ORDER BY i.uid, p.uid"
    )
    i1, i2 = "interaction:native:i1", "interaction:native:i2"
    assert tuples(parts) == [
        (i1, "meeting", "2026-03-10T08:00:00Z", "person:native:p1", "attendee", "deal:native:d1"),
        (i1, "meeting", "2026-03-10T08:00:00Z", "person:native:p2", "attendee", "deal:native:d1"),
        (i1, "meeting", "2026-03-10T08:00:00Z", "person:native:p4", "organizer", "deal:native:d1"),
        (i2, "email", "2026-03-11T10:00:00Z", "person:native:newcomer@partner.io", "to",
         "deal:native:d1"),
        (i2, "email", "2026-03-11T10:00:00Z", "person:native:p3", "to", "deal:native:d1"),
        (i2, "email", "2026-03-11T10:00:00Z", "person:native:p4", "from", "deal:native:d1"),
    ]  # fmt: skip


async def test_native_json_lines_land_like_the_csv_templates(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(
        folder / "companies.jsonl",
        '{"company_id": "c1", "name": "Acme Holdings", "domain": "acme.com"}',
        '{"company_id": "c2", "name": "Acme Labs", "domain": "acmelabs.io", '
        '"parent_company_id": "c1"}',
    )
    write_lines(
        folder / "people.jsonl",
        '{"person_id": "p1", "first_name": "Ana", "last_name": "Lima", "email": "ana@acme.com", '
        '"company_id": "c1", "title": "CTO", "is_colleague": false}',
        '{"person_id": "p2", "full_name": "Bo Chen", "email": "bo@acmelabs.io", '
        '"company_id": "c2", "title": "Head of Sales", "manager_person_id": "p1", "phone": null}',
    )
    write_lines(
        folder / "deals.jsonl",
        '{"deal_id": "d1", "name": "Labs pilot", "company_id": "c2", "amount": 2500.5, '
        '"currency": "USD", "stage": "qualification", "probability": 0.25, '
        '"close_date": "2026-06-30", "owner_person_id": "p1"}',
    )
    write_lines(
        folder / "interactions.jsonl",
        '{"interaction_id": "i1", "kind": "call", "occurred_at": "2026-02-03T15:00:00Z", '
        '"from_person_id": "p1", "to_person_ids": ["p2"], "subject": "Pilot scope", '
        '"deal_id": "d1"}',
        '{"interaction_id": "i2", "kind": "email", "occurred_at": "2026-02-04T08:00:00Z", '
        '"from_email": "bo@acmelabs.io", "to_emails": ["ana@acme.com", "eve@partner.io"]}',
    )

    result = await ingest(env, "native", folder, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    people = await clean_graph.read(
        "MATCH (p:Person)-[:WORKS_AT]->(c:Company) OPTIONAL MATCH (p)-[:REPORTS_TO]->(m) "
        "OPTIONAL MATCH (c)-[:SUBSIDIARY_OF]->(parent) "
        "RETURN p.uid, p.full_name, p.seniority, c.uid, parent.uid, m.uid ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("person:native:p1", "Ana Lima", "c_level", "company:native:c1", None, None),
        ("person:native:p2", "Bo Chen", "vp", "company:native:c2", "company:native:c1",
         "person:native:p1"),
    ]  # fmt: skip
    deals = await clean_graph.read(
        "MATCH (o:Person)-[:OWNS]->(d:Deal)-[:FOR]->(c:Company) "
        "RETURN d.amount, d.stage, d.probability, o.uid, c.uid"
    )
    assert tuples(deals) == [
        (2500.5, "qualification", 0.25, "person:native:p1", "company:native:c2")
    ]
    parts = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction) "
        "RETURN i.uid, p.uid, r.role, EXISTS { (i)-[:ABOUT]->(:Deal) } ORDER BY i.uid, p.uid"
    )
    assert tuples(parts) == [
        ("interaction:native:i1", "person:native:p1", "from", True),
        ("interaction:native:i1", "person:native:p2", "to", True),
        ("interaction:native:i2", "person:native:eve@partner.io", "to", False),
        ("interaction:native:i2", "person:native:p1", "to", False),
        ("interaction:native:i2", "person:native:p2", "from", False),
    ]
