"""API fixtures: keys created through the real store, and clients of the real ASGI app.

``api`` is a TestClient that sends an admin key on every request; ``gql`` posts a GraphQL
operation through it and returns the JSON body. Keys are data: they are created after
``clean_graph`` empties the graph, so tests can run in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore
from schema.auth import Role

GraphQLCall = Callable[..., dict[str, Any]]


@pytest.fixture
def api_settings(neo4j_settings: GraphSettings) -> ApiSettings:
    """Default API settings around the session's database."""
    # The resident projection is off here: most API tests write and read at once, and the
    # projection's answers are checked against these in tests/graph/projection and
    # tests/api/graphql/test_resident_answers.py.
    return ApiSettings(graph=neo4j_settings, projection=False)


@pytest.fixture
async def key_store(clean_graph: GraphClient) -> ApiKeyStore:
    """The key store over the session's (emptied) database."""
    return ApiKeyStore(clean_graph)


@pytest.fixture
async def admin_key(key_store: ApiKeyStore) -> str:
    """A fresh admin key (plaintext)."""
    return (await key_store.create("test admin", Role.ADMIN))[1]


@pytest.fixture
async def editor_key(key_store: ApiKeyStore) -> str:
    """A fresh editor key (plaintext)."""
    return (await key_store.create("test editor", Role.EDITOR))[1]


@pytest.fixture
async def viewer_key(key_store: ApiKeyStore) -> str:
    """A fresh viewer key (plaintext)."""
    return (await key_store.create("test viewer", Role.VIEWER))[1]


@pytest.fixture
def anonymous_api(api_settings: ApiSettings, key_store: ApiKeyStore) -> Iterator[TestClient]:
    """A client of the app that sends no key."""
    with TestClient(create_app(api_settings)) as client:
        yield client


@pytest.fixture
def api(api_settings: ApiSettings, admin_key: str) -> Iterator[TestClient]:
    """A client of the app that sends an admin key on every request."""
    with TestClient(create_app(api_settings)) as client:
        client.headers["Authorization"] = f"Bearer {admin_key}"
        yield client


@pytest.fixture
def api_whose_resolvers_lose_the_database(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> TestClient:
    """``api`` once its resolvers' database has gone away (keys are still checked): every
    resolver that queries fails, as when Neo4j drops a database mid-flight."""
    state = cast(Starlette, api.app).state
    real: GraphClient = state.graph
    gone = GraphClient(real.driver, database="nosuchdatabase", timeout=5, observer=real.observer)
    monkeypatch.setattr(state, "graph", gone)
    return api


@pytest.fixture
def gql(api: TestClient) -> GraphQLCall:
    """``gql(query, variables=None, operation_name=None)``: POST through ``api``, return the
    JSON body (asserting HTTP 200)."""

    def call(
        query: str, variables: dict[str, Any] | None = None, operation_name: str | None = None
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name is not None:
            payload["operationName"] = operation_name
        response = api.post("/graphql", json=payload)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return call


@pytest.fixture(scope="session")
async def demo_admin_key(demo_client: GraphClient) -> str:
    """An admin key of the demo database (plaintext), created once per session."""
    return (await ApiKeyStore(demo_client).create("test admin (demo)", Role.ADMIN))[1]


@pytest.fixture
def demo_api(demo_settings: GraphSettings, demo_admin_key: str) -> Iterator[TestClient]:
    """A client of the app over the demo database that sends an admin key."""
    with TestClient(create_app(ApiSettings(graph=demo_settings, projection=False))) as client:
        client.headers["Authorization"] = f"Bearer {demo_admin_key}"
        yield client


@pytest.fixture
def demo_gql(demo_api: TestClient) -> GraphQLCall:
    """Like ``gql``, over the demo database."""

    def call(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = demo_api.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return call
