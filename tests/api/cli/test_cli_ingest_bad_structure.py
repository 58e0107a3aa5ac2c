"""``relgraph ingest`` on files of a broken structure, as they arrive from real exports: a
missing key column, unknown columns, stray commas and quotes, empty files. Every problem is in
the rejects report with its file and line, and every good row still lands."""

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
from tests.ingest.graph_content import label_counts

pytestmark = pytest.mark.neo4j

_COMPANIES = "MATCH (c:Company) RETURN c.uid, c.name ORDER BY c.uid"


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


@pytest.fixture
def rejects(tmp_path: Path) -> Path:
    """Where the command writes its rejects report."""
    return tmp_path / "rejects.csv"


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
