"""``relgraph dedupe``, ``dedupe merge | unmerge | dismiss``, invoked as a user would, against
the session database: ANN and ANNA ("Lee, Ann") share a phone, ACME and ACME_INC only a
name key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase
from typer.testing import CliRunner

from api.cli import app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.graph.records import company, person

pytestmark = pytest.mark.neo4j

runner = CliRunner()
ANN = person("p1", "Ann Lee", phone="+14155550101")
ANNA = person("p2", "Lee, Ann", phone="+1 415 555 0101")
ACME = company("c1", "Acme Corp", domain="acme.com")
ACME_INC = company("c2", "ACME Corporation", domain="acme-corp.com")
MERGE_ID = re.compile(r"merge id ([0-9a-f]{32})")


@pytest.fixture
async def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The environment that points the CLI at the session's database, seeded."""
    writer = GraphWriter(clean_graph)
    await writer.people([ANN, ANNA])
    await writer.companies([ACME, ACME_INC])
    return {
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user or "",
        "NEO4J_PASSWORD": neo4j_settings.password or "",
    }


@pytest.fixture
def db(neo4j_settings: GraphSettings) -> Iterator[Driver]:
    """A plain driver to look at the graph from the (synchronous) tests."""
    with GraphDatabase.driver(neo4j_settings.uri, auth=neo4j_settings.auth) as driver:
        yield driver


def _read(db: Driver, query: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = db.execute_query(query, parameters, database_="neo4j")
    return [r.data() for r in records]


def _invoke(env: dict[str, str], *args: str) -> str:
    result = runner.invoke(app, ["dedupe", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _words(output: str) -> str:
    return " ".join(output.split())


def _rows(output: str) -> list[list[str]]:
    """The first line of each table row: its cells, stripped."""
    return [
        [cell.strip() for cell in line.strip("│ ").split("│")]
        for line in output.splitlines()
        if line.startswith("│") and re.search(r"│\s+\d\.\d\d\s+│", line)
    ]


def test_scan_stores_the_candidates_and_lists_them_with_ids_names_scores_and_reasons(
    env: dict[str, str], db: Driver
) -> None:
    output = _invoke(env, "--scan")

    assert (
        "Scanned 4 records and scored 2 pairs: 2 candidates (2 new, 0 refreshed; "
        "0 dismissed pairs left alone)." in _words(output)
    )
    assert _rows(output) == [
        ["0.90", "Ann Lee", "Lee, Ann", "names 100% similar; same phone"],
        ["0.80", "Acme Corp", "ACME Corporation", "names 100% similar"],
    ]
    assert ANN.uid in output and ANNA.uid in output and "+14155550101" in output
    assert ACME.uid in output and ACME_INC.uid in output
    stored = _read(db, "MATCH (a)-[r:POSSIBLE_DUPLICATE]->(b) RETURN a.uid AS a, b.uid AS b")
    assert sorted((r["a"], r["b"]) for r in stored) == [
        (ACME.uid, ACME_INC.uid),
        (ANN.uid, ANNA.uid),
    ]


def test_the_list_filters_by_type_and_minimum_score_without_scanning(env: dict[str, str]) -> None:
    _invoke(env, "--scan", "--min-score", "0.5")

    people = _invoke(env, "--type", "person")
    strict = _invoke(env, "--min-score", "0.85")

    assert [row[:3] for row in _rows(people)] == [["0.90", "Ann Lee", "Lee, Ann"]]
    assert "Possible duplicate companies" not in people
    assert [row[:3] for row in _rows(strict)] == [["0.90", "Ann Lee", "Lee, Ann"]]
    assert "No open duplicate companies." in strict


def test_merge_without_apply_previews_the_merge_and_writes_nothing(
    env: dict[str, str], db: Driver
) -> None:
    output = _invoke(env, "merge", ANN.uid, ANNA.uid)

    words = _words(output)
    assert f"Merging {ANNA.uid} into {ANN.uid} (person):" in words
    assert "Dry run: nothing was written. Add --apply to merge." in words
    assert [r for r in _read(db, "MATCH (p:Person) WHERE p.merged_into IS NOT NULL RETURN p")] == []
    assert "HAS_PHONE" in output and "full_name" in output


def test_merge_apply_merges_through_the_reversible_merge_and_unmerge_undoes_it(
    env: dict[str, str], db: Driver
) -> None:
    _invoke(env, "--scan")

    merged = _invoke(env, "merge", ANN.uid, ANNA.uid, "--apply")
    [merge_id] = MERGE_ID.findall(_words(merged))
    after_merge = _read(
        db, "MATCH (p:Person {uid: $uid}) RETURN p.merged_into AS into", uid=ANNA.uid
    )
    listed = _invoke(env, "--type", "person")
    unmerged = _invoke(env, "unmerge", merge_id)
    after_unmerge = _read(
        db, "MATCH (p:Person {uid: $uid}) RETURN p.merged_into AS into", uid=ANNA.uid
    )

    assert f"Merged {ANNA.uid} into {ANN.uid}: merge id {merge_id}" in _words(merged)
    assert f"Undo with: relgraph dedupe unmerge {merge_id}" in _words(merged)
    assert after_merge == [{"into": ANN.uid}]
    assert "No open duplicate people." in listed
    assert (
        f"Unmerged {ANNA.uid} from {ANN.uid}: 2 relationships restored, 0 not restored."
        in _words(unmerged)
    )
    assert after_unmerge == [{"into": None}]
    assert [row[:3] for row in _rows(_invoke(env, "--type", "person"))] == [
        ["0.90", "Ann Lee", "Lee, Ann"]
    ]


def test_a_dismissed_pair_leaves_the_list_and_a_new_scan_does_not_bring_it_back(
    env: dict[str, str], db: Driver
) -> None:
    _invoke(env, "--scan")

    dismissed = _invoke(env, "dismiss", ANNA.uid, ANN.uid)
    rescanned = _invoke(env, "--scan", "--type", "person")

    assert (
        f"Dismissed: {ANNA.uid} and {ANN.uid} are different people; "
        "they will not be proposed again." in _words(dismissed)
    )
    assert "(0 new, 0 refreshed; 1 dismissed pairs left alone)" in _words(rescanned)
    assert "No open duplicate people." in rescanned
    statuses = _read(db, "MATCH ()-[r:POSSIBLE_DUPLICATE]->(:Person) RETURN r.status AS s")
    assert statuses == [{"s": "dismissed"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", ANN.uid, "person:test:nobody"], "No person or company has the uid"),
        (["merge", ANN.uid, ACME.uid, "--apply"], "A person and a company cannot be merged."),
        (["merge", ANN.uid, ANN.uid], "must name another record than survivorId"),
        (["unmerge", "0" * 32], "No merge has this id."),
        (["dismiss", ANN.uid, ACME.uid], "A person and a company cannot be duplicates."),
    ],
)
def test_a_refused_command_says_why_in_one_line_with_exit_status_1(
    env: dict[str, str], db: Driver, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["dedupe", *args], env=env)

    assert result.exit_code == 1
    assert message in _words(result.output) and "Traceback" not in result.output
    assert _read(db, "MATCH (p) WHERE p.merged_into IS NOT NULL RETURN p") == []
