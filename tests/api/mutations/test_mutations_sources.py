"""upsertBySource over HTTP against the real Neo4j: one record per source key, any type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.crm_data import seed
from tests.api.mutation_calls import ERROR, Gql, gid, refusal, result, signed_in
from tests.graph.records import ACME, ANN, BOB

pytestmark = pytest.mark.neo4j

UPSERT = f"""mutation($source: String!, $id: String!, $record: SourceRecordInput!) {{
  upsertBySource(source: $source, sourceId: $id, record: $record) {{ __typename
  ... on UpsertBySourceSuccess {{ outcome node {{ __typename id
      ... on Company {{ name industry source sourceId version }}
      ... on Person {{ fullName title source sourceId version }}
      ... on Deal {{ name stage source sourceId version company {{ name }} }}
      ... on Interaction {{ subject source sourceId version participants {{ role }} }} }} }}
  {ERROR} }} }}"""
COUNT = "MATCH (n) WHERE n.source = $source RETURN count(n) AS n"


@pytest.fixture
async def seeded(clean_graph: GraphClient) -> None:
    await seed(GraphWriter(clean_graph))


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str, seeded: None) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


def _parts() -> list[dict[str, str]]:
    return [{"personId": gid("Person", ANN.uid), "role": "FROM"}]


RECORDS: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = [
    ("company", {"name": "Hooli"}, {"industry": "Search"}, "Company", "industry"),
    ("person", {"fullName": "Gavin"}, {"title": "CEO"}, "Person", "title"),
    (
        "deal",
        {"name": "Hooli pilot", "companyId": gid("Company", ACME.uid)},
        {"stage": "PROPOSAL"},
        "Deal",
        "stage",
    ),
    (
        "interaction",
        {"kind": "CALL", "occurredAt": "2026-01-02T09:00:00Z", "participants": _parts()},
        {"subject": "Follow-up"},
        "Interaction",
        "subject",
    ),
]


@pytest.mark.parametrize(("kind", "create", "change", "type_name", "changed"), RECORDS)
async def test_upserting_by_source_twice_writes_one_record_and_reports_updated(
    gql: Gql,
    clean_graph: GraphClient,
    kind: str,
    create: dict[str, Any],
    change: dict[str, Any],
    type_name: str,
    changed: str,
) -> None:
    key = {"source": "salesforce", "id": "0061x"}

    first = result(gql(UPSERT, {**key, "record": {kind: create}}), "upsertBySource")
    second = result(gql(UPSERT, {**key, "record": {kind: change}}), "upsertBySource")

    assert (first["outcome"], second["outcome"]) == ("CREATED", "UPDATED")
    node = second["node"]
    assert node["__typename"] == type_name and node["id"] == first["node"]["id"]
    uid = f"{type_name.lower()}:salesforce:0061x"
    assert node["id"] == gid(type_name, uid)
    assert (node["source"], node["sourceId"], node["version"]) == ("salesforce", "0061x", 2)
    assert node[changed] == list(change.values())[0]
    [count] = await clean_graph.read(COUNT, {"source": "salesforce"})
    assert count["n"] == 1


def test_an_upsert_by_source_lands_on_the_imported_record(gql: Gql) -> None:
    body = gql(UPSERT, {"source": "test", "id": "p2", "record": {"person": {"title": "COO"}}})

    upserted = result(body, "upsertBySource")
    assert upserted["outcome"] == "UPDATED"
    assert upserted["node"]["id"] == gid("Person", BOB.uid)
    assert (upserted["node"]["fullName"], upserted["node"]["title"]) == ("Bob Stone", "COO")


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"id": "  ", "record": {"company": {"name": "X"}}}, ("ValidationError", "sourceId")),
        ({"record": {"company": {"industry": "X"}}}, ("ValidationError", "name")),
        ({"record": {"interaction": {"kind": "CALL"}}}, ("ValidationError", "occurredAt")),
        (
            {"record": {"deal": {"name": "X", "ownerId": gid("Person", "person:x:none")}}},
            ("NotFound", "ownerId"),
        ),
        (
            {"record": {"person": {"fullName": "Ann 2", "email": "ann@acme.com"}}},
            ("Conflict", "email"),
        ),
    ],
)
def test_an_upsert_by_source_reports_typed_errors(
    gql: Gql, variables: dict[str, Any], expected: tuple[str, str]
) -> None:
    body = gql(UPSERT, {"source": "hubspot", "id": "42", **variables})

    assert refusal(body, "upsertBySource") == expected


def test_an_upsert_onto_a_deleted_record_is_a_conflict_on_the_source_key(gql: Gql) -> None:
    deleted = "mutation($id: ID!) { softDeleteCompany(id: $id) { __typename } }"
    gql(deleted, {"id": gid("Company", ACME.uid)})

    body = gql(UPSERT, {"source": "test", "id": "c1", "record": {"company": {"name": "A"}}})

    assert refusal(body, "upsertBySource") == ("Conflict", "sourceId")


def test_a_record_must_name_exactly_one_type(gql: Gql) -> None:
    body = gql(
        UPSERT,
        {
            "source": "x",
            "id": "1",
            "record": {"company": {"name": "A"}, "person": {"fullName": "B"}},
        },
    )

    assert body["data"] is None and body["errors"]
