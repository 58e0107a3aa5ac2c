"""``relgraph ingest`` on files in other encodings than UTF-8, or with bytes that decode in
none: a BOM, Chinese and Latin-1 files are read, and undecodable bytes reject only their row."""

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
