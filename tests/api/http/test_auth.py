"""API keys at the door of /graphql, and role permissions on fields."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import strawberry
from starlette.testclient import TestClient

from api.graphql.permissions import IsAdmin, IsEditor, IsViewer
from schema.auth import Principal, Role

HEALTH = {"query": "{ health { ok } }"}


@pytest.mark.neo4j
def test_a_request_without_a_key_gets_401_and_a_bearer_challenge(
    anonymous_api: TestClient,
) -> None:
    response = anonymous_api.post("/graphql", json=HEALTH)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert "Authorization: Bearer" in error["message"]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "authorization",
    ["Bearer rg_0123456789ab_thisisnotthesecretofanykey", "Bearer nonsense", "Basic dXNlcjpwdw=="],
)
def test_a_wrong_key_gets_401(anonymous_api: TestClient, authorization: str) -> None:
    response = anonymous_api.post("/graphql", json=HEALTH, headers={"Authorization": authorization})

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


# A revoked key: see test_key_cache.py (refused within about a second).


@pytest.mark.neo4j
def test_a_viewer_key_can_query_through_either_header(
    anonymous_api: TestClient, viewer_key: str
) -> None:
    for headers in ({"Authorization": f"Bearer {viewer_key}"}, {"X-API-Key": viewer_key}):
        response = anonymous_api.post("/graphql", json=HEALTH, headers=headers)
        assert response.status_code == 200, response.text
        assert response.json() == {"data": {"health": {"ok": True}}}


@pytest.mark.neo4j
def test_the_graphiql_page_needs_no_key_but_its_queries_do(anonymous_api: TestClient) -> None:
    page = anonymous_api.get("/graphql", headers={"Accept": "text/html"})
    query_by_get = anonymous_api.get(
        "/graphql", params={"query": "{ health { ok } }"}, headers={"Accept": "text/html"}
    )
    json_get = anonymous_api.get("/graphql", headers={"Accept": "application/json"})

    assert page.status_code == 200 and "graphiql" in page.text.lower()
    assert query_by_get.status_code == 401
    assert json_get.status_code == 401


@pytest.mark.neo4j
def test_operations_routes_need_no_key(anonymous_api: TestClient) -> None:
    for path in ("/healthz", "/readyz", "/metrics"):
        assert anonymous_api.get(path).status_code == 200, path


# Permission classes, proven on a small schema of their own (no database involved).


@dataclass
class _Context:
    principal: Principal | None


def _greeting() -> str:
    return "hello"


def _rename(name: str) -> str:
    return name


def _audit_log() -> str:
    return "audited"


@strawberry.type
class _Query:
    greeting: str = strawberry.field(resolver=_greeting, permission_classes=[IsViewer])
    audit_log: str = strawberry.field(resolver=_audit_log, permission_classes=[IsAdmin])


@strawberry.type
class _Mutation:
    rename: str = strawberry.mutation(resolver=_rename, permission_classes=[IsEditor])


SCHEMA = strawberry.Schema(query=_Query, mutation=_Mutation)
RENAME = 'mutation { rename(name: "Acme") }'


def _caller(role: Role | None) -> _Context:
    if role is None:
        return _Context(principal=None)
    return _Context(principal=Principal(key_id="0123456789ab", name="test", role=role))


async def test_a_viewer_may_query_but_a_mutation_is_forbidden_and_names_the_role() -> None:
    query = await SCHEMA.execute("{ greeting }", context_value=_caller(Role.VIEWER))
    mutation = await SCHEMA.execute(RENAME, context_value=_caller(Role.VIEWER))

    assert query.errors is None and query.data == {"greeting": "hello"}
    assert mutation.data is None and mutation.errors is not None
    [error] = mutation.errors
    assert error.extensions == {"code": "FORBIDDEN"}
    assert "editor role" in error.message
    assert error.path == ["rename"]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMIN])
async def test_editors_and_admins_may_mutate(role: Role) -> None:
    result = await SCHEMA.execute(RENAME, context_value=_caller(role))

    assert result.errors is None and result.data == {"rename": "Acme"}


@pytest.mark.parametrize(("role", "allowed"), [(Role.EDITOR, False), (Role.ADMIN, True)])
async def test_admin_fields_are_for_admins_only(role: Role, allowed: bool) -> None:
    result = await SCHEMA.execute("{ auditLog }", context_value=_caller(role))

    if allowed:
        assert result.errors is None and result.data == {"auditLog": "audited"}
    else:
        assert result.errors is not None and "admin role" in result.errors[0].message


async def test_without_a_principal_every_guarded_field_is_forbidden() -> None:
    result = await SCHEMA.execute("{ greeting }", context_value=_caller(None))

    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "FORBIDDEN"}
