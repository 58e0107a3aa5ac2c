"""``relgraph ingest`` on personal sources (vCards, an iCalendar file, an mbox and LinkedIn
connections), through the real database: exit status, rejects report and the exact graph."""

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
    tuples,
    write_lines,
    write_mbox,
)

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


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
