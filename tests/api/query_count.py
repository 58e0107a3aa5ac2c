"""How many database queries one GraphQL request costs: the measure of the batching tests."""

from __future__ import annotations

from typing import Any, cast

from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore


def queries_sent(api: TestClient) -> int:
    """How many queries the app's graph client has sent, key checks aside: the app remembers
    a key for a second (``api.http.auth.KEY_CACHE_SECONDS``), so whether a request checks
    its key in the database depends on the clock."""
    state = cast(Starlette, api.app).state
    graph: GraphClient = state.graph
    keys: ApiKeyStore = state.api_keys
    return graph.queries_sent - keys.lookups


def post_counting_queries(
    api: TestClient, query: str, variables: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """POST ``query`` through ``api``; its JSON body (asserting it has no errors) and how
    many queries the app's graph client sent while answering it, key checks aside."""
    before = queries_sent(api)
    body: dict[str, Any] = api.post(
        "/graphql", json={"query": query, "variables": variables or {}}
    ).json()
    assert "errors" not in body, body
    return body, queries_sent(api) - before
