"""``relgraph ingest FORMAT`` on a small realistic file of every format, through the real
database: exit status, rejects report and the exact graph each file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from tests.api.ingest_files import (
    BAD_DATE_MESSAGE,
    CALENDAR,
    CONNECTIONS,
    QUARTERLY_MESSAGE,
    REPLY_MESSAGE,
    VCARDS,
    cli_env,
    described,
    ingest,
    read_rejects,
    rejected,
    summary,
    tuples,
    write_hubspot_export,
    write_lines,
    write_mbox,
    write_native_folder,
    write_salesforce_export,
)

pytestmark = pytest.mark.neo4j

_NO_OWNER = (
    "the deal owner is not an email address: owners in this column are not linked "
    "(reported once per file)"
)


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


async def test_hubspot_companies_contacts_and_deals_land_with_their_links(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    export, deals = write_hubspot_export(tmp_path / "hubspot")

    result = await ingest(env, "hubspot", export, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == [
        rejected(
            deals, 3, _NO_OWNER, column="Deal owner", value="Sam Sales", outcome="value ignored"
        )
    ]
    companies = await clean_graph.read(
        "MATCH (c:Company) OPTIONAL MATCH (c)-[:SUBSIDIARY_OF]->(parent) "
        "OPTIONAL MATCH (c)-[:LOCATED_AT]->(a:Address) "
        "RETURN c.uid, c.domain, parent.uid, a.text ORDER BY c.uid"
    )
    assert tuples(companies) == [
        ("company:hubspot:9000", "acme.com", None,
         "1 Main St, Springfield, IL, 62701, United States"),
        ("company:hubspot:9001", "acmelabs.io", "company:hubspot:9000", None),
    ]  # fmt: skip
    people = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN p.uid, p.full_name, p.title, c.uid, "
        "p.phone, COLLECT { MATCH (p)-[:HAS_PHONE]->(ph) RETURN ph.number ORDER BY ph.number } "
        "ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("person:hubspot:101", "Ana Silva", "CTO", "company:hubspot:9000", "+14155550101",
         ["+14155550101", "+14155550199"]),  # the mobile too
        ("person:hubspot:102", "Bo Chen", "VP Sales", "company:hubspot:9001", None, []),
    ]  # fmt: skip
    deals_found = await clean_graph.read(
        "MATCH (d:Deal)-[:FOR]->(c:Company) OPTIONAL MATCH (o:Person)-[:OWNS]->(d) "
        "RETURN d.uid, d.name, d.stage, d.amount, toString(d.close_date), c.uid, o.uid "
        "ORDER BY d.uid"
    )
    assert tuples(deals_found) == [
        ("deal:hubspot:7001", "Acme – Renewal", "negotiation", 15000.0, "2024-12-01",
         "company:hubspot:9000", "person:hubspot:101"),
        ("deal:hubspot:7002", "Acme Labs – Pilot", "closed_won", 2500.5, "2024-06-30",
         "company:hubspot:9001", None),
    ]  # fmt: skip


async def test_salesforce_accounts_contacts_and_opportunities_land_with_their_links(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    accounts, contacts, opportunities = write_salesforce_export(tmp_path / "salesforce")

    result = await ingest(
        env, "salesforce", accounts, contacts, opportunities, rejects=tmp_path / "rejects.csv"
    )

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == [
        rejected(
            opportunities, 3, _NO_OWNER, column="OwnerId", value="005X", outcome="value ignored"
        )
    ]
    companies = await clean_graph.read(
        "MATCH (c:Company) OPTIONAL MATCH (c)-[:SUBSIDIARY_OF]->(parent) "
        "OPTIONAL MATCH (c)-[:LOCATED_AT]->(a:Address) "
        "RETURN c.uid, c.name, c.domain, parent.uid, a.text ORDER BY c.uid"
    )
    assert tuples(companies) == [
        ("company:salesforce:001A", "Acme", "acme.com", None,
         "1 Main St, Suite 200, Springfield, IL, 62701, USA"),
        ("company:salesforce:001B", "Müller AG", "mueller.de", "company:salesforce:001A",
         "Zürich, 8001, Switzerland"),
    ]  # fmt: skip
    people = await clean_graph.read(
        "MATCH (p:Person)-[:WORKS_AT]->(c:Company) OPTIONAL MATCH (p)-[:REPORTS_TO]->(m) "
        "RETURN p.uid, p.full_name, c.uid, m.uid ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("person:salesforce:003A", "Cy Ng", "company:salesforce:001A", None),
        ("person:salesforce:003B", "Ana Silva", "company:salesforce:001A",
         "person:salesforce:003A"),
        ("person:salesforce:003C", "Jürgen Müller", "company:salesforce:001B", None),
    ]  # fmt: skip
    deals = await clean_graph.read(
        "MATCH (d:Deal)-[:FOR]->(c:Company) OPTIONAL MATCH (o:Person)-[:OWNS]->(d) "
        "RETURN d.uid, d.stage, d.probability, d.currency, toString(d.close_date), c.uid, o.uid "
        "ORDER BY d.uid"
    )
    assert tuples(deals) == [
        ("deal:salesforce:006A", "proposal", 0.6, "USD", "2024-03-31", "company:salesforce:001A",
         "person:salesforce:003A"),
        ("deal:salesforce:006B", "closed_lost", 0.0, "EUR", "2023-12-01",
         "company:salesforce:001B", None),
    ]  # fmt: skip


async def test_a_mapped_csv_is_read_through_its_toml_mapping(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    mapping = write_lines(
        tmp_path / "journal.toml",
        'entity = "interactions"',
        'delimiter = ";"',
        'date_format = "%d/%m/%Y %H:%M"',
        "[columns]",
        '"Réf" = "interaction_id"',
        '"Type" = "kind"',
        '"Date" = "occurred_at"',
        '"De" = "from_email"',
        '"À" = "to_emails"',
        '"Copie" = "to_emails"',
        '"Objet" = "subject"',
        "[values.kind]",
        '"Réunion" = "meeting"',
        '"Appel" = "call"',
    )
    journal = write_lines(
        tmp_path / "journal.csv",
        "Réf;Type;Date;De;À;Copie;Objet;Notes",
        "r1;Réunion;05/03/2024 14:30;ana@acme.fr;bo@client.fr;cy@client.fr;Lancement;interne",
        "r2;appel;06/03/2024 09:00;bo@client.fr;ana@acme.fr;;Suivi;",
        encoding="cp1252",
    )

    result = await ingest(
        env, "mapped", journal, "--mapping", mapping, rejects=tmp_path / "rejects.csv"
    )

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    parts = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction) RETURN i.uid, i.kind, "
        "toString(i.occurred_at), i.subject, p.email, r.role ORDER BY i.uid, p.email"
    )
    r1, r2 = "interaction:mapped:r1", "interaction:mapped:r2"
    assert tuples(parts) == [
        (r1, "meeting", "2024-03-05T14:30:00Z", "Lancement", "ana@acme.fr", "organizer"),
        (r1, "meeting", "2024-03-05T14:30:00Z", "Lancement", "bo@client.fr", "attendee"),
        (r1, "meeting", "2024-03-05T14:30:00Z", "Lancement", "cy@client.fr", "attendee"),
        (r2, "call", "2024-03-06T09:00:00Z", "Suivi", "ana@acme.fr", "to"),
        (r2, "call", "2024-03-06T09:00:00Z", "Suivi", "bo@client.fr", "from"),
    ]


async def test_vcard_3_and_4_cards_become_people_at_the_company_of_their_org(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    cards = write_lines(tmp_path / "contacts.vcf", *VCARDS, end="\r\n")

    result = await ingest(env, "vcard", cards, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    people = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN p.source_line, p.uid, p.full_name, "
        "p.email, p.alternate_emails, p.phone, p.title, p.department, c.name, c.domain "
        "ORDER BY p.source_line"
    )
    assert tuples(people) == [
        (1, "person:vcard:a1b2c3d4-0001", "Ana Maria Lopez", "ana.lopez@acme.example",
         ["ana@home.example"], "+15550102000", "VP Sales", "Strategic Sales",
         "Acme Corporation", "acme.example"),
        (14, "person:vcard:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", "Björn Ängström",
         "bjorn@nordic.example", ["bjorn.a@mail.example"], "+46701234567",
         "Head of Procurement", None, "Nordic Trading AB", "nordic.example"),
    ]  # fmt: skip


async def test_an_icalendar_event_becomes_a_meeting_with_its_organizer_and_attendees(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    calendar = write_lines(tmp_path / "team.ics", *CALENDAR, end="\r\n")

    result = await ingest(env, "ics", calendar, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    meetings = await clean_graph.read(
        "MATCH (i:Interaction) RETURN i.uid, i.kind, i.subject, toString(i.occurred_at), "
        "toString(i.ended_at), i.body, i.source_line"
    )
    assert tuples(meetings) == [
        ("interaction:ics:qbr-2025-09@acme.example", "meeting", "Quarterly review",
         "2025-09-10T07:30:00Z", "2025-09-10T08:30:00Z", None, 4),
    ]  # fmt: skip
    people = await clean_graph.read(
        "MATCH (p:Person) OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(:Interaction) "
        "RETURN p.email, p.full_name, r.role ORDER BY p.email"
    )
    assert tuples(people) == [
        ("ana.lopez@acme.example", "Ana Lopez", "organizer"),
        ("bo.chen@client.example", "Bo Chen", "attendee"),
        ("carla@client.example", "Carla Diaz", None),  # declined: known, but not there
        ("dave@partner.example", "dave@partner.example", "attendee"),
    ]  # and the room is nobody


async def test_an_mbox_gives_emails_and_their_people_without_bodies_or_bcc(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    messages = [QUARTERLY_MESSAGE, REPLY_MESSAGE, BAD_DATE_MESSAGE]
    inbox = write_mbox(tmp_path / "Inbox.mbox", messages)

    result = await ingest(env, "email", inbox, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 1, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == [
        rejected(inbox, 3, "Date is not an RFC 5322 date", column="Date", value="yesterday at noon")
    ]
    parts = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction) "
        "RETURN i.uid, toString(i.occurred_at), p.email, r.role ORDER BY i.uid, p.email"
    )
    quarterly, reply = (
        "interaction:email:CAF123@mail.acme.example",
        "interaction:email:re-1@client.example",
    )
    assert tuples(parts) == [
        (quarterly, "2025-09-10T07:30:00Z", "ana.lopez@acme.example", "from"),
        (quarterly, "2025-09-10T07:30:00Z", "bo.chen@client.example", "to"),
        (quarterly, "2025-09-10T07:30:00Z", "carla@client.example", "cc"),
        (quarterly, "2025-09-10T07:30:00Z", "dave@partner.example", "to"),
        (reply, "2025-09-11T16:00:00Z", "ana.lopez@acme.example", "to"),
        (reply, "2025-09-11T16:00:00Z", "bo.chen@client.example", "from"),
    ]
    people = await clean_graph.read("MATCH (p:Person) RETURN p.email, p.full_name ORDER BY p.email")
    assert tuples(people) == [
        ("ana.lopez@acme.example", "Ana Lopez"),
        ("bo.chen@client.example", "Bo Chen"),
        ("carla@client.example", "Diaz, Carla"),
        ("dave@partner.example", "dave@partner.example"),
    ]
    assert await clean_graph.read("MATCH (i:Interaction) WHERE i.body IS NOT NULL RETURN i") == []


async def test_linkedin_connections_link_the_owner_to_each_with_the_date_connected(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    me = write_lines(
        tmp_path / "people.csv",
        "person_id,full_name,email,title,is_colleague",
        "me,Sam Seller,sam@relgraph.io,Account Executive,yes",
    )
    first = await ingest(env, "native", me, rejects=tmp_path / "native-rejects.csv")
    assert first.exit_code == 0, described(first)
    connections = write_lines(tmp_path / "Connections.csv", *CONNECTIONS)

    result = await ingest(
        env, "linkedin", connections, "--owner-email", "Sam@Relgraph.io", rejects=tmp_path / "r.csv"
    )

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "r.csv") == []
    links = await clean_graph.read(
        "MATCH (o:Person)-[r:CONNECTED_TO]->(p:Person)-[:WORKS_AT]->(c:Company) "
        "RETURN r.source_line, o.uid, p.uid, p.full_name, p.email, p.title, c.name, "
        "toString(r.since) ORDER BY r.source_line"
    )
    assert tuples(links) == [
        (5, "person:native:me", "person:linkedin:https://www.linkedin.com/in/ana-silva",
         "Ana Silva", "ana@acme.com", "CTO", "Acme", "2023-03-15"),
        (6, "person:native:me", "person:linkedin:https://www.linkedin.com/in/bochen", "Bo Chen",
         None, "VP Sales", "Globex, Inc.", "2021-02-01"),
    ]  # fmt: skip
