"""Merges over HTTP against the real Neo4j: preview, merge, unmerge and their typed errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.mutation_calls import ERROR, STALE, Gql, gid, refusal, result, signed_in
from tests.graph.merge_data import (
    ACME_DE,
    ANNA,
    graph_snapshot,
    record_snapshot,
    seed_companies,
    seed_people,
)
from tests.graph.records import ACME, ANN, BOB, DEAL

pytestmark = pytest.mark.neo4j

NODE = """id ... on Person { fullName email alternateEmails title department version }
  ... on Company { name domain industry version }"""
PREVIEW = f"""... on MergePreview {{ kind survivor {{ {NODE} }} merged {{ {NODE} }}
  fields {{ field survivorValue mergedValue resultValue changed }}
  relationships {{ type direction moved dropped }} warnings {{ code message }} }}"""
SUCCESS = f"... on MergeSuccess {{ mergeId survivor {{ {NODE} }} }}"
ARGS = "(survivorId: $s, mergedId: $m, dryRun: $dry, expectedVersions: $v)"
VARS = "($s: ID!, $m: ID!, $dry: Boolean! = true, $v: MergeVersionsInput)"
MERGE_PEOPLE = f"""mutation{VARS} {{ mergePeople{ARGS} {{
  __typename {PREVIEW} {SUCCESS} {ERROR} {STALE} }} }}"""
MERGE_COMPANIES = f"""mutation{VARS} {{ mergeCompanies{ARGS} {{
  __typename {PREVIEW} {SUCCESS} {ERROR} {STALE} }} }}"""
UNMERGE = f"""mutation($id: String!) {{ unmerge(mergeId: $id) {{ __typename
  ... on UnmergeSuccess {{ survivor {{ {NODE} }} restored {{ {NODE} }}
      relationshipsRestored relationshipsNotRestored }} {ERROR} }} }}"""
PEOPLE = "{ people(first: 50) { totalCount nodes { id } } }"
NODE_QUERY = "query($id: ID!) { node(id: $id) { id } person(id: $id) { fullName } }"


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


@pytest.fixture
async def people(clean_graph: GraphClient) -> None:
    await seed_people(GraphWriter(clean_graph))


def _merge(gql: Gql, merged: str = ANNA.uid, **variables: Any) -> dict[str, Any]:
    body = gql(MERGE_PEOPLE, {"s": gid("Person", ANN.uid), "m": gid("Person", merged), **variables})
    return result(body, "mergePeople")


async def test_a_dry_run_shows_the_diff_moves_and_warnings_and_writes_nothing(
    gql: Gql, people: None, clean_graph: GraphClient
) -> None:
    before = await graph_snapshot(clean_graph)

    preview = _merge(gql)

    assert await graph_snapshot(clean_graph) == before
    assert (preview["__typename"], preview["kind"]) == ("MergePreview", "PERSON")
    assert (preview["survivor"]["fullName"], preview["merged"]["email"]) == ("Ann Lee", ANNA.email)
    fields = {f["field"]: f for f in preview["fields"]}
    assert fields["department"] == {
        "field": "department",
        "survivorValue": None,
        "mergedValue": "Finance",
        "resultValue": "Finance",
        "changed": True,
    }
    assert fields["seniority"]["resultValue"] == "DIRECTOR"
    assert fields["alternateEmails"]["resultValue"] == [ANNA.email]
    assert not fields["fullName"]["changed"]
    assert {"type": "REPORTS_TO", "direction": "OUTGOING", "moved": 1, "dropped": 1} in preview[
        "relationships"
    ]
    assert {w["code"] for w in preview["warnings"]} == {
        "DIFFERENT_CURRENT_EMPLOYERS",
        "DIFFERENT_DEAL_ROLES",
        "LINK_BETWEEN_RECORDS",
    }


def test_a_merge_hides_the_merged_person_and_bumps_the_survivor(gql: Gql, people: None) -> None:
    total = result(gql(PEOPLE), "people")["totalCount"]

    merged = _merge(gql, dry=False, v={"survivor": 1, "merged": 1})

    assert merged["__typename"] == "MergeSuccess" and len(merged["mergeId"]) == 32
    survivor = merged["survivor"]
    assert (survivor["version"], survivor["department"], survivor["alternateEmails"]) == (
        2,
        "Finance",
        [ANNA.email],
    )
    listed = result(gql(PEOPLE), "people")
    assert listed["totalCount"] == total - 1
    assert gid("Person", ANNA.uid) not in {n["id"] for n in listed["nodes"]}
    assert gql(NODE_QUERY, {"id": gid("Person", ANNA.uid)})["data"] == {
        "node": None,
        "person": None,
    }


async def test_unmerge_brings_both_people_back_as_they_were(
    gql: Gql, people: None, clean_graph: GraphClient
) -> None:
    before = [await record_snapshot(clean_graph, uid) for uid in (ANN.uid, ANNA.uid)]
    merge_id = _merge(gql, dry=False)["mergeId"]

    undone = result(gql(UNMERGE, {"id": merge_id}), "unmerge")

    assert undone["__typename"] == "UnmergeSuccess"
    assert (undone["survivor"]["alternateEmails"], undone["restored"]["version"]) == ([], 3)
    assert (undone["relationshipsRestored"], undone["relationshipsNotRestored"]) == (11, 0)
    assert [await record_snapshot(clean_graph, uid) for uid in (ANN.uid, ANNA.uid)] == before
    assert result(gql(NODE_QUERY, {"id": gid("Person", ANNA.uid)}), "person") == {
        "fullName": "Ann Lee"
    }


def test_unmerging_twice_or_after_the_survivor_was_merged_away_is_a_conflict(
    gql: Gql, people: None
) -> None:
    first = _merge(gql, dry=False)["mergeId"]
    again = result(gql(UNMERGE, {"id": first}), "unmerge")
    twice = gql(UNMERGE, {"id": first})
    second = _merge(gql, dry=False)["mergeId"]
    ann_into_bob = {"s": gid("Person", BOB.uid), "m": gid("Person", ANN.uid), "dry": False}
    assert result(gql(MERGE_PEOPLE, ann_into_bob), "mergePeople")["__typename"] == "MergeSuccess"

    later = gql(UNMERGE, {"id": second})

    assert again["__typename"] == "UnmergeSuccess"
    assert refusal(twice, "unmerge") == ("Conflict", "mergeId")
    assert refusal(later, "unmerge") == ("Conflict", "mergeId")


def test_an_unknown_merge_is_not_found(gql: Gql, people: None) -> None:
    assert refusal(gql(UNMERGE, {"id": "0" * 32}), "unmerge") == ("NotFound", "mergeId")


@pytest.mark.parametrize(
    ("survivor", "merged", "expected"),
    [
        (gid("Person", "person:test:nobody"), gid("Person", ANNA.uid), ("NotFound", "survivorId")),
        (gid("Person", ANN.uid), gid("Person", "person:test:nobody"), ("NotFound", "mergedId")),
        (gid("Person", ANN.uid), gid("Person", ANN.uid), ("ValidationError", "mergedId")),
        (gid("Company", ACME.uid), gid("Person", ANNA.uid), ("ValidationError", "survivorId")),
        (gid("Person", ANN.uid), gid("Deal", DEAL.uid), ("ValidationError", "mergedId")),
    ],
)
def test_unknown_repeated_and_mistyped_ids_are_typed_errors(
    gql: Gql, people: None, survivor: str, merged: str, expected: tuple[str, str]
) -> None:
    for dry in (True, False):
        body = gql(MERGE_PEOPLE, {"s": survivor, "m": merged, "dry": dry})
        assert refusal(body, "mergePeople") == expected


def test_a_stale_expected_version_is_refused_with_both_versions(gql: Gql, people: None) -> None:
    stale = _merge(gql, dry=False, v={"survivor": 1, "merged": 4})

    assert (stale["__typename"], stale["field"]) == ("StaleVersion", "expectedVersions.merged")
    assert (stale["expectedVersion"], stale["actualVersion"]) == (4, 1)
    assert result(gql(PEOPLE), "people")["totalCount"] == 6


def test_merging_a_deleted_or_merged_away_record_is_a_validation_error(
    gql: Gql, people: None
) -> None:
    gql(
        "mutation($id: ID!) { softDeletePerson(id: $id) { __typename } }",
        {"id": gid("Person", BOB.uid)},
    )
    deleted = _merge(gql, merged=BOB.uid)
    _merge(gql, dry=False)
    merged_away = _merge(gql, merged=ANNA.uid)

    assert (deleted["__typename"], deleted["field"]) == ("ValidationError", "mergedId")
    assert (merged_away["__typename"], merged_away["field"]) == ("ValidationError", "mergedId")
    assert "merged into another" in merged_away["message"]


async def test_companies_merge_and_unmerge_over_http(gql: Gql, clean_graph: GraphClient) -> None:
    await seed_companies(GraphWriter(clean_graph))
    ids = {"s": gid("Company", ACME.uid), "m": gid("Company", ACME_DE.uid)}

    preview = result(gql(MERGE_COMPANIES, ids), "mergeCompanies")
    merged = result(gql(MERGE_COMPANIES, {**ids, "dry": False}), "mergeCompanies")
    undone = result(gql(UNMERGE, {"id": merged["mergeId"]}), "unmerge")

    assert {"type": "SUBSIDIARY_OF", "direction": "INCOMING", "moved": 1, "dropped": 0} in (
        preview["relationships"]
    )
    assert (merged["survivor"]["name"], merged["survivor"]["version"]) == ("Acme Inc", 2)
    assert undone["restored"]["name"] == "ACME Deutschland"


def test_a_viewer_may_not_merge_or_unmerge(
    api_settings: ApiSettings, viewer_key: str, people: None
) -> None:
    ids = {"s": gid("Person", ANN.uid), "m": gid("Person", ANNA.uid)}
    with signed_in(api_settings, viewer_key) as gql:
        bodies = [
            gql(MERGE_PEOPLE, ids),
            gql(MERGE_COMPANIES, {"s": gid("Company", ACME.uid), "m": gid("Company", ACME.uid)}),
            gql(UNMERGE, {"id": "0" * 32}),
        ]

    for body in bodies:
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
