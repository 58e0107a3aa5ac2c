"""Company mutations over HTTP against the real Neo4j; editors may write, viewers may not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.config import ApiSettings
from tests.api.mutation_calls import ERROR, STALE, Gql, gid, refusal, result, signed_in

pytestmark = pytest.mark.neo4j

FIELDS = "id name domain industry address phone source sourceId version deletedAt"
CREATE = f"""mutation($input: CreateCompanyInput!) {{ createCompany(input: $input) {{
  __typename ... on CreateCompanySuccess {{ company {{ {FIELDS} }} }} {ERROR} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: CompanyChangesInput!, $v: Int) {{
  updateCompany(id: $id, input: $input, expectedVersion: $v) {{
  __typename ... on UpdateCompanySuccess {{ company {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
UPSERT = f"""mutation($input: UpsertCompanyInput!) {{ upsertCompany(input: $input) {{
  __typename ... on UpsertCompanySuccess {{ outcome company {{ {FIELDS} }} }} {ERROR} }} }}"""
DELETE = f"""mutation($id: ID!, $v: Int) {{ softDeleteCompany(id: $id, expectedVersion: $v) {{
  __typename ... on SoftDeleteCompanySuccess {{ company {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
RESTORE = f"""mutation($id: ID!) {{ restoreCompany(id: $id) {{
  __typename ... on RestoreCompanySuccess {{ company {{ {FIELDS} }} }} {ERROR} }} }}"""
LIST = "{ companies { totalCount nodes { name } } }"
NODE = "query($id: ID!) { node(id: $id) { id } company(id: $id) { name } }"


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


@pytest.fixture
def viewer(api_settings: ApiSettings, viewer_key: str) -> Iterator[Gql]:
    with signed_in(api_settings, viewer_key) as run:
        yield run


def _create(gql: Gql, **fields: object) -> dict[str, object]:
    body = gql(CREATE, {"input": {"name": "Initech", **fields}})
    company: dict[str, object] = result(body, "createCompany")["company"]
    return company


def test_creating_a_company_gives_it_api_provenance_and_version_one(gql: Gql) -> None:
    company = _create(gql, domain="WWW.Initech.com.", industry="Software")

    assert company["source"] == "api" and len(str(company["sourceId"])) == 32
    assert company["id"] == gid("Company", f"company:api:{company['sourceId']}")
    assert (company["domain"], company["version"], company["deletedAt"]) == (
        "initech.com",
        1,
        None,
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"domain": "not a domain"}, "domain"),
        ({"industry": "y" * 201}, "industry"),
    ],
)
def test_an_invalid_company_is_a_validation_error_naming_the_field(
    gql: Gql, fields: dict[str, str], field: str
) -> None:
    body = gql(CREATE, {"input": {"name": "Initech", **fields}})

    assert refusal(body, "createCompany") == ("ValidationError", field)
    assert result(gql(LIST), "companies")["totalCount"] == 0


def test_a_domain_of_another_live_company_is_a_conflict(gql: Gql) -> None:
    _create(gql, domain="initech.com")

    body = gql(CREATE, {"input": {"name": "Initech Two", "domain": "Initech.com"}})

    assert refusal(body, "createCompany") == ("Conflict", "domain")


def test_an_update_changes_only_the_given_fields_and_null_clears(gql: Gql) -> None:
    company = _create(gql, industry="Software", phone="+15550100")

    body = gql(UPDATE, {"id": company["id"], "input": {"name": "Initrode", "phone": None}})

    updated = result(body, "updateCompany")["company"]
    assert (updated["name"], updated["industry"], updated["phone"]) == (
        "Initrode",
        "Software",
        None,
    )
    assert updated["version"] == 2


def test_an_update_with_an_old_version_is_stale(gql: Gql) -> None:
    company = _create(gql)
    gql(UPDATE, {"id": company["id"], "input": {"industry": "A"}, "v": 1})

    body = gql(UPDATE, {"id": company["id"], "input": {"industry": "B"}, "v": 1})

    stale = result(body, "updateCompany")
    assert (stale["__typename"], stale["field"]) == ("StaleVersion", "expectedVersion")
    assert (stale["expectedVersion"], stale["actualVersion"]) == (1, 2)


@pytest.mark.parametrize(
    "id_", [gid("Company", "company:api:nope"), gid("Person", "company:api:nope")]
)
def test_updating_an_unknown_company_is_not_found(gql: Gql, id_: str) -> None:
    body = gql(UPDATE, {"id": id_, "input": {"name": "X"}})

    assert refusal(body, "updateCompany") == ("NotFound", "id")


def test_an_update_onto_a_taken_domain_is_a_conflict(gql: Gql) -> None:
    _create(gql, domain="initech.com")
    other = _create(gql, name="Other")

    body = gql(UPDATE, {"id": other["id"], "input": {"domain": "initech.com"}})

    assert refusal(body, "updateCompany") == ("Conflict", "domain")


def test_upserting_by_domain_twice_writes_one_company_and_reports_updated(gql: Gql) -> None:
    first = result(gql(UPSERT, {"input": {"domain": "Acme.io", "name": "Acme"}}), "upsertCompany")
    second = result(
        gql(UPSERT, {"input": {"domain": "www.acme.io", "industry": "Rockets"}}), "upsertCompany"
    )

    assert (first["outcome"], second["outcome"]) == ("CREATED", "UPDATED")
    assert second["company"]["id"] == first["company"]["id"]
    assert (second["company"]["name"], second["company"]["industry"]) == ("Acme", "Rockets")
    assert second["company"]["version"] == 2
    assert result(gql(LIST), "companies")["totalCount"] == 1


def test_upserting_a_new_domain_without_a_name_is_a_validation_error(gql: Gql) -> None:
    body = gql(UPSERT, {"input": {"domain": "acme.io", "industry": "Rockets"}})

    assert refusal(body, "upsertCompany") == ("ValidationError", "name")


def test_a_soft_deleted_company_disappears_and_comes_back_on_restore(gql: Gql) -> None:
    company = _create(gql)

    deleted = result(gql(DELETE, {"id": company["id"], "v": 1}), "softDeleteCompany")
    hidden = gql(LIST), gql(NODE, {"id": company["id"]})
    restored = result(gql(RESTORE, {"id": company["id"]}), "restoreCompany")
    shown = gql(LIST), gql(NODE, {"id": company["id"]})

    assert deleted["company"]["deletedAt"] is not None and deleted["company"]["version"] == 2
    assert result(hidden[0], "companies")["totalCount"] == 0
    assert hidden[1]["data"] == {"node": None, "company": None}
    assert restored["company"]["deletedAt"] is None and restored["company"]["version"] == 3
    assert result(shown[0], "companies")["nodes"] == [{"name": "Initech"}]
    assert shown[1]["data"] == {"node": {"id": company["id"]}, "company": {"name": "Initech"}}


def test_deleting_twice_restoring_a_live_one_or_a_stale_delete_are_refused(gql: Gql) -> None:
    company = _create(gql)
    stale = result(gql(DELETE, {"id": company["id"], "v": 7}), "softDeleteCompany")
    restore_live = gql(RESTORE, {"id": company["id"]})
    gql(DELETE, {"id": company["id"]})
    delete_again = gql(DELETE, {"id": company["id"]})

    assert (stale["__typename"], stale["actualVersion"]) == ("StaleVersion", 1)
    assert refusal(restore_live, "restoreCompany") == ("NotFound", "id")
    assert refusal(delete_again, "softDeleteCompany") == ("NotFound", "id")


def test_an_expected_version_below_one_is_a_validation_error(gql: Gql) -> None:
    company = _create(gql)

    body = gql(DELETE, {"id": company["id"], "v": 0})

    assert refusal(body, "softDeleteCompany") == ("ValidationError", "expectedVersion")


def test_a_viewer_may_not_mutate_and_nothing_is_written(gql: Gql, viewer: Gql) -> None:
    body = viewer(CREATE, {"input": {"name": "Initech"}})

    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN" and "editor" in error["message"]
    assert result(gql(LIST), "companies")["totalCount"] == 0
