"""The API's key checks: a key presented again within a second costs no database query, and a
key revoked elsewhere is refused within about a second."""

from __future__ import annotations

import time
from typing import cast

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.http.auth import KEY_CACHE_SECONDS
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore
from schema.auth import Role

pytestmark = pytest.mark.neo4j

NO_DATABASE = "{ __typename }"  # answered without a query: what it costs is the key check


class FakeClock:
    """Monotonic seconds that move only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _cost(api: TestClient) -> int:
    """How many queries a request that reads nothing costs: its key check's."""
    graph: GraphClient = cast(Starlette, api.app).state.graph
    before = graph.queries_sent
    response = api.post("/graphql", json={"query": NO_DATABASE})
    assert response.json() == {"data": {"__typename": "Query"}}
    return graph.queries_sent - before


def test_requests_with_one_key_within_the_cache_time_cost_one_key_lookup(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store: ApiKeyStore = cast(Starlette, api.app).state.api_keys
    clock = FakeClock()
    monkeypatch.setattr(store, "clock", clock)

    first = [_cost(api) for _ in range(5)]
    clock.now += KEY_CACHE_SECONDS
    later = [_cost(api) for _ in range(5)]

    assert first == [1, 0, 0, 0, 0]
    assert later == [1, 0, 0, 0, 0]
    assert store.lookups == 2
    assert 0 < store.cache_seconds == KEY_CACHE_SECONDS <= 1.0


async def test_a_key_revoked_elsewhere_is_refused_within_about_a_second(
    anonymous_api: TestClient, key_store: ApiKeyStore
) -> None:
    principal, key = await key_store.create("leaked", Role.VIEWER)
    headers = {"Authorization": f"Bearer {key}"}
    health = {"query": "{ health { ok } }"}
    assert anonymous_api.post("/graphql", json=health, headers=headers).status_code == 200

    # Revoked through another store, as the CLI or another worker process does it.
    assert await ApiKeyStore(key_store.client).revoke(principal.key_id)
    deadline = time.monotonic() + 1.5
    while True:
        response = anonymous_api.post("/graphql", json=health, headers=headers)
        if response.status_code != 200 or time.monotonic() > deadline:
            break
        time.sleep(0.05)

    assert response.status_code == 401
    assert "revoked" in response.json()["errors"][0]["message"]
