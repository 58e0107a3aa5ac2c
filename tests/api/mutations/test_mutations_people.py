"""Person mutations over HTTP against the real Neo4j."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.mutation_calls import ERROR, STALE, Gql, gid, refusal, result, signed_in
from tests.graph.records import ANN

pytestmark = pytest.mark.neo4j

FIELDS = "id fullName email phone title department seniority isColleague source version deletedAt"
CREATE = f"""mutation($input: CreatePersonInput!) {{ createPerson(input: $input) {{
  __typename ... on CreatePersonSuccess {{ person {{ {FIELDS} }} }} {ERROR} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: PersonChangesInput!, $v: Int) {{
  updatePerson(id: $id, input: $input, expectedVersion: $v) {{
  __typename ... on UpdatePersonSuccess {{ person {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
UPSERT = f"""mutation($input: UpsertPersonInput!) {{ upsertPerson(input: $input) {{
  __typename ... on UpsertPersonSuccess {{ outcome person {{ {FIELDS} }} }} {ERROR} }} }}"""
DELETE = f"""mutation($id: ID!) {{ softDeletePerson(id: $id) {{
  __typename ... on SoftDeletePersonSuccess {{ person {{ {FIELDS} }} }} {ERROR} }} }}"""
RESTORE = f"""mutation($id: ID!, $v: Int) {{ restorePerson(id: $id, expectedVersion: $v) {{
  __typename ... on RestorePersonSuccess {{ person {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
LIST = "{ people { totalCount nodes { fullName } } }"
NODE = "query($id: ID!) { node(id: $id) { id } person(id: $id) { fullName } }"


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


def _create(gql: Gql, **fields: object) -> dict[str, Any]:
    body = gql(CREATE, {"input": {"fullName": "Ann Lee", **fields}})
    person: dict[str, Any] = result(body, "createPerson")["person"]
    return person


def test_creating_a_person_lower_cases_the_email(gql: Gql) -> None:
    person = _create(gql, email=" Ann@Acme.COM ", seniority="VP", title="VP Sales")

    assert (person["email"], person["seniority"], person["title"]) == (
        "ann@acme.com",
        "VP",
        "VP Sales",
    )
    assert (person["source"], person["version"], person["isColleague"]) == ("api", 1, False)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "ann@acme"}, "email"),
        ({"email": "ann lee@acme.com"}, "email"),
        ({"email": "ann@@acme.com"}, "email"),
        ({"fullName": ""}, "fullName"),
        ({"title": "t" * 201}, "title"),
        ({"department": "d" * 201}, "department"),
    ],
)
def test_an_invalid_person_is_a_validation_error_naming_the_field(
    gql: Gql, fields: dict[str, str], field: str
) -> None:
    body = gql(CREATE, {"input": {"fullName": "Ann", **fields}})

    assert refusal(body, "createPerson") == ("ValidationError", field)


def test_an_email_that_someone_has_is_a_conflict(gql: Gql) -> None:
    _create(gql, email="ann@acme.com")
    bob = _create(gql, fullName="Bob")

    created = gql(CREATE, {"input": {"fullName": "Ann 2", "email": "ANN@acme.com"}})
    updated = gql(UPDATE, {"id": bob["id"], "input": {"email": "ann@acme.com"}})

    assert refusal(created, "createPerson") == ("Conflict", "email")
    assert refusal(updated, "updatePerson") == ("Conflict", "email")


def test_an_update_keeps_omitted_fields_and_clears_nulls(gql: Gql) -> None:
    person = _create(gql, email="ann@acme.com", title="CFO", department="Finance")

    body = gql(UPDATE, {"id": person["id"], "input": {"title": "CEO", "department": None}, "v": 1})

    updated = result(body, "updatePerson")["person"]
    assert (updated["email"], updated["title"], updated["department"]) == (
        "ann@acme.com",
        "CEO",
        None,
    )
    assert updated["version"] == 2


def test_a_required_field_cannot_be_cleared(gql: Gql) -> None:
    person = _create(gql)

    body = gql(UPDATE, {"id": person["id"], "input": {"fullName": None}})

    assert refusal(body, "updatePerson") == ("ValidationError", "fullName")


def test_a_stale_update_and_an_unknown_person_are_refused(gql: Gql) -> None:
    person = _create(gql)

    stale = result(gql(UPDATE, {"id": person["id"], "input": {}, "v": 2}), "updatePerson")
    missing = gql(UPDATE, {"id": gid("Person", "person:api:none"), "input": {"title": "x"}})

    assert (stale["__typename"], stale["expectedVersion"], stale["actualVersion"]) == (
        "StaleVersion",
        2,
        1,
    )
    assert refusal(missing, "updatePerson") == ("NotFound", "id")


def test_upserting_by_email_twice_writes_one_person_and_reports_updated(gql: Gql) -> None:
    first = result(
        gql(UPSERT, {"input": {"email": "eve@acme.com", "fullName": "Eve"}}), "upsertPerson"
    )
    second = result(
        gql(UPSERT, {"input": {"email": "EVE@acme.com", "title": "CTO"}}), "upsertPerson"
    )

    assert (first["outcome"], second["outcome"]) == ("CREATED", "UPDATED")
    assert second["person"]["id"] == first["person"]["id"]
    assert (second["person"]["fullName"], second["person"]["title"]) == ("Eve", "CTO")
    assert result(gql(LIST), "people")["totalCount"] == 1


def test_upserting_a_new_email_without_a_name_or_a_bad_email_is_invalid(gql: Gql) -> None:
    nameless = gql(UPSERT, {"input": {"email": "eve@acme.com", "title": "CTO"}})
    bad = gql(UPSERT, {"input": {"email": "eve", "fullName": "Eve"}})

    assert refusal(nameless, "upsertPerson") == ("ValidationError", "fullName")
    assert refusal(bad, "upsertPerson") == ("ValidationError", "email")


async def test_upserting_the_email_of_a_deleted_person_is_a_conflict(
    gql: Gql, clean_graph: GraphClient
) -> None:
    await GraphWriter(clean_graph).people([ANN])
    gql(DELETE, {"id": gid("Person", ANN.uid)})

    body = gql(UPSERT, {"input": {"email": "ann@acme.com", "title": "CEO"}})

    assert refusal(body, "upsertPerson") == ("Conflict", "email")


async def test_an_imported_person_counts_as_version_one(gql: Gql, clean_graph: GraphClient) -> None:
    await GraphWriter(clean_graph).people([ANN])

    stale = gql(UPDATE, {"id": gid("Person", ANN.uid), "input": {"title": "x"}, "v": 2})
    body = gql(UPDATE, {"id": gid("Person", ANN.uid), "input": {"title": "CEO"}, "v": 1})

    assert result(stale, "updatePerson")["actualVersion"] == 1
    updated = result(body, "updatePerson")["person"]
    assert (updated["title"], updated["version"], updated["source"]) == ("CEO", 2, "test")


def test_a_soft_deleted_person_disappears_and_comes_back_on_restore(gql: Gql) -> None:
    person = _create(gql)

    deleted = result(gql(DELETE, {"id": person["id"]}), "softDeletePerson")["person"]
    hidden = gql(LIST), gql(NODE, {"id": person["id"]})
    stale = result(gql(RESTORE, {"id": person["id"], "v": 1}), "restorePerson")
    restored = result(gql(RESTORE, {"id": person["id"], "v": 2}), "restorePerson")["person"]

    assert deleted["deletedAt"] is not None
    assert result(hidden[0], "people")["totalCount"] == 0
    assert hidden[1]["data"] == {"node": None, "person": None}
    assert (stale["__typename"], stale["actualVersion"]) == ("StaleVersion", 2)
    assert (restored["deletedAt"], restored["version"]) == (None, 3)
    assert result(gql(LIST), "people")["nodes"] == [{"fullName": "Ann Lee"}]
    assert result(gql(NODE, {"id": person["id"]}), "person") == {"fullName": "Ann Lee"}
