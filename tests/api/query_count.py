"""How many database queries one GraphQL request costs: the measure of the batching tests."""

from __future__ import annotations

from typing import Any, cast

from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.driver import GraphClient


def post_counting_queries(
    api: TestClient, query: str, variables: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """POST ``query`` through ``api``; its JSON body (asserting it has no errors) and how
    many queries the app's graph client sent while answering it."""
    graph: GraphClient = cast(Starlette, api.app).state.graph
    before = graph.queries_sent
    body: dict[str, Any] = api.post(
        "/graphql", json={"query": query, "variables": variables or {}}
    ).json()
    assert "errors" not in body, body
    return body, graph.queries_sent - before
