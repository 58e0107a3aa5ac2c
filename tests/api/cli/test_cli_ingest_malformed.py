"""``relgraph ingest`` on broken files, as they arrive from real exports: every bad row is in
the rejects report with its file, line and reason, and every good row still lands."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from ingest.formats.text import SAMPLE_BYTES
from tests.api.ingest_files import (
    cli_env,
    described,
    ingest,
    read_rejects,
    rejected,
    tuples,
    write_lines,
)
from tests.ingest.graph_content import label_counts

pytestmark = pytest.mark.neo4j

_COMPANIES = "MATCH (c:Company) RETURN c.uid, c.name ORDER BY c.uid"
_PEOPLE = "MATCH (p:Person) RETURN p.uid, p.full_name ORDER BY p.uid"


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


@pytest.fixture
def rejects(tmp_path: Path) -> Path:
    """Where the command writes its rejects report."""
    return tmp_path / "rejects.csv"


async def test_a_utf8_bom_does_not_hide_the_first_column(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    companies = write_lines(
        tmp_path / "companies.csv",
        "company_id,name,domain",
        "c1,Müller AG,mueller.de",
        bom=codecs.BOM_UTF8,
    )

    result = await ingest(env, "native", companies, rejects=rejects)

    assert result.exit_code == 0, described(result)
    assert read_rejects(rejects) == []
    assert tuples(await clean_graph.read(_COMPANIES)) == [("company:native:c1", "Müller AG")]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
async def test_chinese_names_and_titles_are_read_and_classified(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path, encoding: str
) -> None:
    folder = tmp_path / "crm"
    write_lines(
        folder / "companies.csv",
        "company_id,name,domain,industry",
        "c1,北京字节跳动科技有限公司,bytedance.com,互联网",
        "c2,阿里巴巴集团,alibaba.com,电子商务",
        encoding=encoding,
    )
    write_lines(
        folder / "people.csv",
        "person_id,full_name,email,company_id,title,department",
        "p1,张伟,zhang.wei@bytedance.com,c1,销售总监,销售部",
        "p2,李娜,li.na@alibaba.com,c2,首席财务官,财务部",
        encoding=encoding,
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 0, described(result)
    assert read_rejects(rejects) == []
    people = await clean_graph.read(
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) RETURN p.full_name, p.title, p.seniority, "
        "p.department_key, w.seniority, c.name, c.industry ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("张伟", "销售总监", "director", "sales", "director", "北京字节跳动科技有限公司", "互联网"),
        ("李娜", "首席财务官", "c_level", "finance", "c_level", "阿里巴巴集团", "电子商务"),
    ]


async def test_latin1_western_names_are_read(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(
        folder / "companies.csv",
        "company_id,name,domain,address",
        'c1,Société Générale,societegenerale.fr,"29 Boulevard Haussmann, Paris"',
        "c2,Müller GmbH,mueller.de,Köln",
        encoding="latin-1",
    )
    write_lines(
        folder / "people.csv",
        "person_id,full_name,email,company_id",
        "p1,Jürgen Müller,jurgen@mueller.de,c2",
        "p2,Hélène Dupré,helene@societegenerale.fr,c1",
        encoding="latin-1",
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 0, described(result)
    assert read_rejects(rejects) == []
    people = await clean_graph.read(
        "MATCH (p:Person)-[:WORKS_AT]->(c:Company)-[:LOCATED_AT]->(a:Address) "
        "RETURN p.full_name, c.name, a.text ORDER BY p.uid"
    )
    assert tuples(people) == [
        ("Jürgen Müller", "Müller GmbH", "Köln"),
        ("Hélène Dupré", "Société Générale", "29 Boulevard Haussmann, Paris"),
    ]


async def test_a_file_without_its_key_column_is_rejected_whole(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(folder / "companies.csv", "company_id,name", "c1,Acme")
    people = write_lines(
        folder / "people.csv",
        "full_name,title,company_id",
        "Ana Lima,CFO,c1",
        "Bo Chen,CTO,c1",
    )

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [
        rejected(people, 1, "no person key column: needs person_id or email")
    ]
    assert await label_counts(clean_graph) == {"Company": 1}


async def test_an_unknown_column_is_reported_and_ignored(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    people = write_lines(
        tmp_path / "people.csv",
        "person_id,full_name,nickname,email",
        "p1,Ana Lima,Annie,ana@acme.com",
    )

    result = await ingest(env, "native", people, rejects=rejects)

    assert result.exit_code == 0, described(result)
    assert read_rejects(rejects) == [
        rejected(
            people,
            1,
            "unknown column 'nickname' ignored",
            column="nickname",
            outcome="value ignored",
        )
    ]
    assert await clean_graph.read(
        "MATCH (p:Person) RETURN p.uid AS uid, p.email AS email, p.nickname AS nickname"
    ) == [{"uid": "person:native:p1", "email": "ana@acme.com", "nickname": None}]


async def test_a_row_with_an_unquoted_comma_is_rejected_with_its_line(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    companies = write_lines(
        tmp_path / "companies.csv",
        "company_id,name,industry",
        "c1,Acme,Software",
        "c2,Globex, Inc.,Manufacturing",
        "c3,Initech,Software",
    )

    result = await ingest(env, "native", companies, rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [
        rejected(companies, 3, "4 values for 3 columns (an unquoted comma?)")
    ]
    assert tuples(await clean_graph.read(_COMPANIES)) == [
        ("company:native:c1", "Acme"),
        ("company:native:c3", "Initech"),
    ]


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


async def test_an_empty_file_is_reported_and_the_other_files_still_land(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    folder = tmp_path / "crm"
    write_lines(folder / "companies.csv", "company_id,name", "c1,Acme")
    empty = folder / "people.csv"
    empty.write_bytes(b"")

    result = await ingest(env, "native", folder, rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [rejected(empty, 0, "the file is empty")]
    assert tuples(await clean_graph.read(_COMPANIES)) == [("company:native:c1", "Acme")]


async def test_a_huge_field_rejects_its_row_and_the_next_row_lands(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    companies = write_lines(
        tmp_path / "companies.csv",
        "company_id,name,industry",
        "c1,Acme,Software",
        'c2,Globex,"' + "x" * 2_000_000 + '"',
        "c3,Initech,Software",
    )

    result = await ingest(env, "native", companies, rejects=rejects)

    assert result.exit_code == 1, described(result)
    [problem] = read_rejects(rejects)
    assert (problem["file"], problem["line"], problem["outcome"]) == (
        str(companies),
        "3",
        "rejected",
    )
    assert problem["reason"].startswith("a value longer than ")
    assert problem["reason"].endswith(" characters (a stray quote?)")
    assert tuples(await clean_graph.read(_COMPANIES)) == [
        ("company:native:c1", "Acme"),
        ("company:native:c3", "Initech"),
    ]


async def test_undecodable_bytes_in_a_forced_utf8_file_reject_only_their_row(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    companies = tmp_path / "companies.csv"
    companies.write_bytes(
        "company_id,name\nc1,Müller AG\n".encode()
        + b"c2,Bad \xff\xfe Name\n"
        + "c3,北京字节跳动科技有限公司\n".encode()
    )

    result = await ingest(env, "native", companies, "--encoding", "utf-8", rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [
        rejected(
            companies,
            3,
            "bytes that are not valid utf-8",
            column="name",
            value="Bad \ufffd\ufffd Name",
        )
    ]
    assert tuples(await clean_graph.read(_COMPANIES)) == [
        ("company:native:c1", "Müller AG"),
        ("company:native:c3", "北京字节跳动科技有限公司"),
    ]


async def test_undecodable_bytes_past_the_detection_sample_reject_only_their_row(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    # Blank lines are skipped (but counted), so they push the bad row past the sample cheaply.
    padding = b"\n" * SAMPLE_BYTES
    people = tmp_path / "people.csv"
    people.write_bytes(
        "person_id,full_name\np1,Jürgen Müller\n".encode()
        + padding
        + b"p2,Bad \xff Name\np3,Bo Chen\n"
    )

    result = await ingest(env, "native", people, rejects=rejects)

    assert result.exit_code == 1, described(result)
    bad_line = 3 + SAMPLE_BYTES
    assert read_rejects(rejects) == [
        rejected(
            people,
            bad_line,
            "bytes that are not valid utf-8",
            column="full_name",
            value="Bad \ufffd Name",
        )
    ]
    assert tuples(await clean_graph.read(_PEOPLE)) == [
        ("person:native:p1", "Jürgen Müller"),
        ("person:native:p3", "Bo Chen"),
    ]


async def test_undecodable_bytes_in_the_middle_of_a_utf8_file_reject_only_their_row(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path, rejects: Path
) -> None:
    companies = tmp_path / "companies.csv"
    companies.write_bytes(
        "company_id,name\nc1,Müller AG\nc2,Société Générale\n".encode()
        + b"c3,Bad \xff\xfe Name\n"
        + "c4,北京字节跳动科技有限公司\nc5,Zoë Ltd\n".encode()
    )

    result = await ingest(env, "native", companies, rejects=rejects)

    assert result.exit_code == 1, described(result)
    assert read_rejects(rejects) == [
        rejected(
            companies,
            4,
            "bytes that are not valid utf-8",
            column="name",
            value="Bad \ufffd\ufffd Name",
        )
    ]
    assert tuples(await clean_graph.read(_COMPANIES)) == [
        ("company:native:c1", "Müller AG"),
        ("company:native:c2", "Société Générale"),
        ("company:native:c4", "北京字节跳动科技有限公司"),
        ("company:native:c5", "Zoë Ltd"),
    ]
