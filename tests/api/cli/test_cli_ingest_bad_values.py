"""``relgraph ingest`` on rows with bad values: dates and emails that do not parse, ids given
twice, references to records that do not exist. Each bad row is in the rejects report with its
file, line, column and reason, and every good row still lands."""

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
    write_lines,
)

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


@pytest.fixture
def rejects(tmp_path: Path) -> Path:
    """Where the command writes its rejects report."""
    return tmp_path / "rejects.csv"


async def test_bad_dates_reject_their_rows(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(folder / "companies.csv", "company_id,name", "c1,Acme")
    write_lines(folder / "people.csv", "person_id,full_name", "p1,Ana Lima", "p2,Bo Chen")
    jobs = write_lines(
        folder / "employments.csv",
        "person_id,company_id,title,start_date,end_date",
        "p1,c1,CFO,2020-01-15,",
        "p2,c1,CTO,15/01/2020,",
        "p2,c1,VP Sales,2021-02-30,",
        "p2,c1,Advisor,2022-01-01,2021-01-01",
    )
    calls = write_lines(
        folder / "interactions.csv",
        "interaction_id,kind,occurred_at,from_person_id,to_person_ids",
        "i1,call,yesterday,p1,p2",
        "i2,call,2026-01-05T10:00,p1,p2",
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 1, described(result)
    not_a_date = "not an ISO 8601 date (YYYY-MM-DD)"
    assert read_rejects(rejects) == [
        rejected(jobs, 3, not_a_date, column="start_date", value="15/01/2020"),
        rejected(jobs, 4, not_a_date, column="start_date", value="2021-02-30"),
        rejected(jobs, 5, "ends before its start_date", column="end_date", value="2021-01-01"),
        rejected(
            calls,
            2,
            "not an ISO 8601 date-time (YYYY-MM-DDTHH:MM[:SS][+HH:MM])",
            column="occurred_at",
            value="yesterday",
        ),
    ]
    assert await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(:Company) "
        "RETURN p.uid AS uid, w.title AS title, toString(w.start) AS start"
    ) == [{"uid": "person:native:p1", "title": "CFO", "start": "2020-01-15"}]
    assert await clean_graph.read(
        "MATCH (i:Interaction) RETURN i.uid AS uid, toString(i.occurred_at) AS at"
    ) == [{"uid": "interaction:native:i2", "at": "2026-01-05T10:00:00Z"}]


async def test_bad_emails_reject_their_rows(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    people = write_lines(
        folder / "people.csv",
        "person_id,full_name,email",
        "p1,Ana Lima,ana@acme.com",
        "p2,Bo Chen,bo(at)acme.com",
        "p3,Cy Ng,cy@acme",
    )
    mails = write_lines(
        folder / "interactions.csv",
        "interaction_id,kind,occurred_at,from_email,to_emails",
        "i1,email,2026-01-05T10:00:00Z,ana@acme.com,dee@globex.com;not an address",
        "i2,email,2026-01-06T10:00:00Z,ana@acme.com,dee@globex.com",
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 1, described(result)
    invalid = "not a valid email address"
    assert read_rejects(rejects) == [
        rejected(people, 3, invalid, column="email", value="bo(at)acme.com"),
        rejected(people, 4, invalid, column="email", value="cy@acme"),
        rejected(mails, 2, invalid, column="to_emails", value="not an address"),
    ]
    assert await clean_graph.read(
        "MATCH (p:Person) RETURN p.email AS email, "
        "[(p)-[r:PARTICIPATED_IN]->(i) | i.uid + ' ' + r.role] AS parts ORDER BY email"
    ) == [
        {"email": "ana@acme.com", "parts": ["interaction:native:i2 from"]},
        {"email": "dee@globex.com", "parts": ["interaction:native:i2 to"]},
    ]


async def test_a_duplicate_id_in_one_file_rejects_the_second_row_and_keeps_the_first(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    people = write_lines(
        tmp_path / "people.csv",
        "person_id,full_name,email",
        "p1,Ana Lima,ana@acme.com",
        "p2,Bo Chen,bo@acme.com",
        "p1,Ana Again,ana.again@acme.com",
    )

    result = await ingest(env, "native", people, rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [
        rejected(
            people,
            4,
            "duplicate person_id 'p1' in this file (first at line 2); the first row was kept",
            column="person_id",
            value="p1",
        )
    ]
    found = await clean_graph.read(
        "MATCH (p:Person) RETURN p.uid, p.full_name, p.email, p.alternate_emails ORDER BY p.uid"
    )
    assert tuples(found) == [
        ("person:native:p1", "Ana Lima", "ana@acme.com", None),
        ("person:native:p2", "Bo Chen", "bo@acme.com", None),
    ]


async def test_references_to_unknown_ids_are_rejected_with_the_id(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(folder / "companies.csv", "company_id,name", "c1,Acme")
    write_lines(folder / "people.csv", "person_id,full_name", "p1,Ana Lima")
    jobs = write_lines(
        folder / "employments.csv",
        "person_id,company_id,title,start_date",
        "p1,c1,CFO,2020-01-15",
        "p1,c9,Advisor,2019-01-01",
    )
    deals = write_lines(
        folder / "deals.csv",
        "deal_id,name,company_id,owner_person_id",
        "d1,Acme renewal,c1,p1",
        "d2,Ghost deal,c1,p404",
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 1, described(result)
    unknown = "does not exist (not in the graph nor earlier in this import); nothing was written"
    # reported as each batch is written, so in the order deals then jobs are written
    assert read_rejects(rejects) == [
        rejected(
            deals,
            3,
            f"owner_person_id 'p404' {unknown} for it",
            column="owner_person_id",
            value="p404",
        ),
        rejected(jobs, 3, f"company_id 'c9' {unknown} for it", column="company_id", value="c9"),
    ]
    assert await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN w.title AS title, c.uid AS company"
    ) == [{"title": "CFO", "company": "company:native:c1"}]
    assert await clean_graph.read("MATCH (d:Deal) RETURN d.uid AS uid") == [
        {"uid": "deal:native:d1"}
    ]
