"""``relgraph ingest``'s options and guarantees, invoked as a user would against the real
database: re-imports change nothing, another source's record joins the same person, a dry
run writes nothing, batching does not change the graph, usage errors exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.maintenance import delete_all_data
from tests.api.ingest_files import (
    QUARTERLY_MESSAGE,
    REPLY_MESSAGE,
    cli_env,
    described,
    ingest,
    read_rejects,
    rejected,
    says,
    summary,
    tuples,
    write_lines,
    write_mbox,
    write_native_folder,
)
from tests.ingest.graph_content import graph_content, label_counts

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


def _bad_people(folder: Path) -> Path:
    """A second people file: one good row, one with an email nobody can send to."""
    return write_lines(
        folder / "people.csv",
        "person_id,full_name,email",
        "p8,Dee Dale,dee@acme.com",
        "p9,Eve Error,eve(at)acme.com",
    )


async def test_importing_a_native_folder_twice_changes_nothing_the_second_time(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = write_native_folder(tmp_path / "crm")
    first = await ingest(env, "native", folder, rejects=tmp_path / "first.csv")
    assert first.exit_code == 0, described(first)
    before = await graph_content(clean_graph)

    again = await ingest(env, "native", folder, rejects=tmp_path / "again.csv")

    assert again.exit_code == 0, described(again)
    assert read_rejects(tmp_path / "again.csv") == []
    counts = summary(again)
    assert set(counts) == set(summary(first))
    assert {kind: (created, updated) for kind, (created, updated, *_) in counts.items()} == {
        kind: (0, 0) for kind in counts
    }
    assert await graph_content(clean_graph) == before


async def test_importing_an_mbox_twice_changes_nothing_the_second_time(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    inbox = write_mbox(tmp_path / "Inbox.mbox", [QUARTERLY_MESSAGE, REPLY_MESSAGE])
    first = await ingest(env, "email", inbox, rejects=tmp_path / "first.csv")
    assert first.exit_code == 0, described(first)
    before = await graph_content(clean_graph)

    again = await ingest(env, "email", inbox, rejects=tmp_path / "again.csv")

    assert again.exit_code == 0, described(again)
    assert read_rejects(tmp_path / "again.csv") == []
    assert summary(again) == {"person": (0, 0, 4, 0), "interaction": (0, 0, 2, 0)}
    assert await graph_content(clean_graph) == before


async def test_a_hubspot_contact_with_a_known_email_in_another_case_joins_the_same_person(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    native = write_lines(
        tmp_path / "people.csv",
        "person_id,full_name,email,title",
        "p1,Ana Lima,Ana@Acme.com,Chief Financial Officer",
    )
    assert (await ingest(env, "native", native, rejects=tmp_path / "native.csv")).exit_code == 0
    contacts = write_lines(
        tmp_path / "hubspot" / "contacts.csv",
        "Record ID,First Name,Last Name,Email,Job Title",
        "101,Ana,Lima,ANA@acme.COM,CFO",
    )

    result = await ingest(env, "hubspot", contacts, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "rejects.csv") == []
    assert summary(result) == {"person": (0, 1, 0, 0)}
    assert await clean_graph.read(
        "MATCH (p:Person) OPTIONAL MATCH (x:ExternalId)-[:IDENTIFIES]->(p) "
        "RETURN p.uid AS uid, p.email AS email, p.title AS title, collect(x.key) AS ids"
    ) == [
        {
            "uid": "person:native:p1",
            "email": "ana@acme.com",
            "title": "CFO",
            "ids": ["person:hubspot:101"],
        }
    ]


async def test_a_dry_run_writes_nothing_yet_reports_rejects_and_exits_1(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = write_native_folder(tmp_path / "crm")
    more = _bad_people(tmp_path / "more")

    result = await ingest(
        env, "native", folder, more, "--dry-run", rejects=tmp_path / "rejects.csv"
    )

    assert result.exit_code == 1, described(result)
    assert "Dry run: nothing was written" in result.output
    assert read_rejects(tmp_path / "rejects.csv") == [
        rejected(more, 3, "not a valid email address", column="email", value="eve(at)acme.com")
    ]
    assert summary(result) == {
        "company": (2, 0),
        "person": (8, 1),  # 5 people rows and 3 addresses of the interactions
        "deal": (1, 0),
        "employment": (5, 0),
        "deal_contact": (2, 0),
        "interaction": (2, 0),
        "subsidiary": (1, 0),
        "reporting_line": (2, 0),
    }
    assert await label_counts(clean_graph) == {}


async def test_allow_rejects_exits_0_and_still_reports_them(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    more = _bad_people(tmp_path / "more")

    result = await ingest(env, "native", more, "--allow-rejects", rejects=tmp_path / "r.csv")

    assert result.exit_code == 0, described(result)
    assert read_rejects(tmp_path / "r.csv") == [
        rejected(more, 3, "not a valid email address", column="email", value="eve(at)acme.com")
    ]
    assert says(result, "2 rows read; 1 rejected, 0 values ignored")
    assert await clean_graph.read("MATCH (p:Person) RETURN p.uid AS uid") == [
        {"uid": "person:native:p8"}
    ]


async def test_a_batch_size_of_2_gives_the_same_graph_as_the_default(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    # --no-derive: KNOWS strengths decay with the wall clock, which batching has no part in.
    folder = write_native_folder(tmp_path / "crm")
    default = await ingest(env, "native", folder, "--no-derive", rejects=tmp_path / "a.csv")
    assert default.exit_code == 0, described(default)
    whole = await graph_content(clean_graph)
    await delete_all_data(clean_graph)

    batched = await ingest(
        env, "native", folder, "--no-derive", "--batch-size", "2", rejects=tmp_path / "b.csv"
    )

    assert batched.exit_code == 0, described(batched)
    assert read_rejects(tmp_path / "b.csv") == []
    assert summary(batched) == summary(default)
    assert await graph_content(clean_graph) == whole


async def test_an_eml_folder_stores_bodies_only_when_asked(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "quarterly.eml").write_bytes(QUARTERLY_MESSAGE)
    (folder / "reply.eml").write_bytes(REPLY_MESSAGE)
    bodies = "MATCH (i:Interaction) RETURN i.uid, i.body ORDER BY i.uid"

    headers_only = await ingest(env, "email", folder, rejects=tmp_path / "rejects.csv")

    assert headers_only.exit_code == 0, described(headers_only)
    assert read_rejects(tmp_path / "rejects.csv") == []
    assert tuples(await clean_graph.read(bodies)) == [
        ("interaction:email:CAF123@mail.acme.example", None),
        ("interaction:email:re-1@client.example", None),
    ]

    with_bodies = await ingest(
        env, "email", folder, "--with-bodies", rejects=tmp_path / "rejects.csv"
    )

    assert with_bodies.exit_code == 0, described(with_bodies)
    assert summary(with_bodies)["interaction"] == (0, 2, 0, 0)
    assert tuples(await clean_graph.read(bodies)) == [
        ("interaction:email:CAF123@mail.acme.example", "See you there.\n\nAna"),
        ("interaction:email:re-1@client.example", "Works for me."),
    ]


async def test_the_mapped_format_without_a_mapping_is_a_usage_error(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    journal = write_lines(tmp_path / "journal.csv", "Ref,Date", "r1,2024-03-05")

    result = await ingest(env, "mapped", journal, rejects=tmp_path / "rejects.csv")

    assert result.exit_code == 2, described(result)
    assert says(result, "Invalid value for --mapping: the mapped format needs --mapping FILE")
    assert "Traceback" not in result.output
    assert not (tmp_path / "rejects.csv").exists()
    assert await label_counts(clean_graph) == {}


async def test_a_mapping_naming_an_unknown_field_is_a_usage_error(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    mapping = write_lines(
        tmp_path / "people.toml",
        'entity = "people"',
        "[columns]",
        'Mail = "email"',
        'Job = "titel"',
    )
    people = write_lines(tmp_path / "people.csv", "Mail,Job", "ana@acme.com,CFO")

    result = await ingest(
        env, "mapped", people, "--mapping", mapping, rejects=tmp_path / "rejects.csv"
    )

    assert result.exit_code == 2, described(result)
    assert result.output.count("error:") == 1
    assert says(
        result,
        f"error: {mapping}: column 'Job' maps to 'titel', which is not a person field (one of "
        "person_id, full_name, first_name, last_name, email, phone, company_id, title, "
        "department, manager_person_id, is_colleague, company_name, company_domain, "
        "alternate_emails, alternate_phones, connected_on)",
    )
    assert "Traceback" not in result.output
    assert await label_counts(clean_graph) == {}


async def test_an_unknown_encoding_is_a_usage_error(
    env: dict[str, str], clean_graph: GraphClient, tmp_path: Path
) -> None:
    people = write_lines(tmp_path / "people.csv", "person_id,full_name", "p1,Ana Lima")

    result = await ingest(
        env, "native", people, "--encoding", "klingon", rejects=tmp_path / "rejects.csv"
    )

    assert result.exit_code == 2, described(result)
    assert result.output.count("error:") == 1
    assert says(result, "error: unknown encoding 'klingon'")
    assert "Traceback" not in result.output
    assert await label_counts(clean_graph) == {}
