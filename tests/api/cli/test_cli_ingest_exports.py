"""``relgraph ingest`` on HubSpot and Salesforce exports and on a CSV file read through a
TOML mapping, through the real database: exit status, rejects report and the exact graph."""

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
    rejected,
    tuples,
    write_hubspot_export,
    write_lines,
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
