"""The ASGI app end to end: operations routes and the minimal GraphQL schema."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.graph.records import ACME, ANN, ANN_AT_ACME, BOB, MAIL

pytestmark = pytest.mark.neo4j

GraphQLCall = Callable[..., dict[str, Any]]


@pytest.fixture
def api_without_database(unused_port: int) -> Iterator[TestClient]:
    graph = GraphSettings(uri=f"bolt://127.0.0.1:{unused_port}", query_timeout=2, retry_time=0)
    with TestClient(create_app(ApiSettings(graph=graph))) as client:
        yield client


def test_healthz_answers_while_the_process_lives(api_without_database: TestClient) -> None:
    response = api_without_database.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_readyz_is_ready_when_neo4j_answers_and_needs_no_key(anonymous_api: TestClient) -> None:
    response = anonymous_api.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready" and body["database"] is True
    assert "projection" not in body  # off in these settings; see test_resident_answers.py


def test_readyz_is_503_when_neo4j_is_unreachable(api_without_database: TestClient) -> None:
    response = api_without_database.get("/readyz")
    assert response.status_code == 503 and response.json()["database"] is False


async def test_counts_report_nodes_per_label_and_relationships_per_type(
    clean_graph: GraphClient, gql: GraphQLCall
) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME])
    await writer.people([ANN, BOB])
    await writer.employments([ANN_AT_ACME])
    await writer.interactions([MAIL])  # its sender is missing: two of three participants

    body = gql("{ counts { nodes { name count } relationships { name count } } }")

    counts = body["data"]["counts"]
    nodes = {n["name"]: n["count"] for n in counts["nodes"]}
    rels = {r["name"]: r["count"] for r in counts["relationships"]}
    assert nodes["Company"] == 1 and nodes["Person"] == 2 and nodes["Interaction"] == 1
    assert nodes["Deal"] == 0
    assert rels["WORKS_AT"] == 1 and rels["PARTICIPATED_IN"] == 2


def test_version_names_the_neo4j_server_behind_the_api(gql: GraphQLCall) -> None:
    body = gql("{ version { relgraph neo4j neo4jEdition } health { ok } }")

    data = body["data"]
    assert data["version"]["neo4j"].startswith("5.26")
    assert data["version"]["neo4jEdition"] == "community"
    assert data["health"] == {"ok": True}


def test_browsers_get_graphiql_without_a_key(anonymous_api: TestClient) -> None:
    response = anonymous_api.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()


def test_a_malformed_query_gets_a_graphql_error_and_no_stack_trace(api: TestClient) -> None:
    response = api.post("/graphql", json={"query": "{ counts { nope } }"})

    assert "Cannot query field 'nope'" in response.text
    assert "Traceback" not in response.text


def test_a_failure_behind_a_field_is_masked(
    api_whose_resolvers_lose_the_database: TestClient,
) -> None:
    response = api_whose_resolvers_lose_the_database.post(
        "/graphql", json={"query": "{ counts { nodes { name } } }"}
    )

    body = response.json()
    assert response.status_code == 200

    assert body["data"] is None
    assert body["errors"] == [
        {
            "message": "Unexpected error.",
            "locations": [{"line": 1, "column": 3}],
            "path": ["counts"],
        }
    ]


def test_queries_deeper_than_the_limit_are_rejected(
    api_settings: ApiSettings, admin_key: str
) -> None:
    settings = dataclasses.replace(api_settings, max_query_depth=1)
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/graphql",
            json={"query": "{ counts { nodes { name } } }"},
            headers={"Authorization": f"Bearer {admin_key}"},
        )
    assert "exceeds maximum operation depth" in str(response.json()["errors"])
