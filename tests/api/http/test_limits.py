"""Query cost and request body limits, and the settings that set them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import parse
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from api.http.cost_limit import query_cost
from graph.config import GraphSettings

COUNTS = "{ counts { nodes { name count } relationships { name count } } }"  # costs 7


@pytest.mark.parametrize(
    ("query", "variables", "cost"),
    [
        ("{ health { ok } }", None, 2),
        (COUNTS, None, 7),
        ("{ people(first: 10) { edges { node { name } } } }", None, 31),
        ("{ people(last: 10, first: 3) { name } }", None, 11),
        (
            "{ companies(first: 10) { name people(first: 20) { name email } } }",
            None,
            1 + 10 * (1 + 1 + 20 * 2),
        ),
        ("query($n: Int) { people(first: $n) { name } }", {"n": 50}, 51),
        ("query($n: Int = 4) { people(first: $n) { name } }", None, 5),
        ("query($n: Int) { people(first: $n) { name } }", None, 2),
        ("{ people(first: 5) { ...Names } } fragment Names on Person { name email }", None, 11),
        ("{ node(id: 1) { ... on Person { name } ... on Company { name domain } } }", None, 4),
        ('{ people(first: "lots") { name } }', None, 2),
    ],
)
def test_each_field_costs_one_and_pages_multiply_their_selection(
    query: str, variables: dict[str, Any] | None, cost: int
) -> None:
    assert query_cost(parse(query), variables=variables) == cost


def test_the_named_operation_is_the_one_priced() -> None:
    document = parse("query Cheap { a } query Dear { b(first: 100) { c d } }")

    assert query_cost(document, "Cheap") == 1
    assert query_cost(document, "Dear") == 201
    assert query_cost(document, "Missing") == 0


@pytest.fixture
def strict_api(api_settings: ApiSettings, admin_key: str) -> Iterator[TestClient]:
    settings = dataclasses.replace(api_settings, max_query_cost=5, max_body_bytes=1000)
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {admin_key}"
        yield client


@pytest.mark.neo4j
def test_a_query_above_the_cost_limit_is_refused_with_its_cost_and_the_limit(
    strict_api: TestClient,
) -> None:
    response = strict_api.post("/graphql", json={"query": COUNTS})

    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 7, "maxCost": 5}
    assert "costs 7" in error["message"] and "limit of 5" in error["message"]


@pytest.mark.neo4j
def test_a_query_within_the_cost_limit_runs(strict_api: TestClient) -> None:
    response = strict_api.post("/graphql", json={"query": "{ health { ok } }"})

    assert response.json() == {"data": {"health": {"ok": True}}}


@pytest.mark.neo4j
def test_a_body_over_the_size_limit_gets_413(strict_api: TestClient) -> None:
    padded = {"query": "{ health { ok } }" + " " * 2000}

    declared = strict_api.post("/graphql", json=padded)
    chunked = strict_api.post(
        "/graphql",
        content=iter([b'{"query": "{ health { ok } }', b" " * 600, b" " * 600, b'"}']),
        headers={"Content-Type": "application/json"},
    )

    for response in (declared, chunked):
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"] == {"code": "PAYLOAD_TOO_LARGE"}
        assert "1000 bytes" in response.json()["errors"][0]["message"]


@pytest.mark.neo4j
def test_a_chunked_body_within_the_limit_is_served(strict_api: TestClient) -> None:
    response = strict_api.post(
        "/graphql",
        content=iter([b'{"query": ', b'"{ health { ok } }"}']),
        headers={"Content-Type": "application/json"},
    )

    assert response.json() == {"data": {"health": {"ok": True}}}


def test_limits_are_read_from_the_environment() -> None:
    settings = ApiSettings.from_env(
        {
            "RELGRAPH_API_MAX_COST": "900",
            "RELGRAPH_API_MAX_PAGE_SIZE": "50",
            "RELGRAPH_API_MAX_BODY_BYTES": "4096",
            "RELGRAPH_LOG_LEVEL": "DEBUG",
        }
    )

    assert (settings.max_query_cost, settings.max_page_size, settings.max_body_bytes) == (
        900,
        50,
        4096,
    )
    assert settings.log_level == "debug"
    defaults = ApiSettings.from_env({})
    assert (defaults.max_query_cost, defaults.max_page_size) == (5000, 100)


@pytest.mark.parametrize("field", ["max_query_cost", "max_page_size", "max_body_bytes"])
def test_limits_must_be_positive(field: str) -> None:
    zero: dict[str, Any] = {field: 0}
    with pytest.raises(ValueError, match="must be positive"):
        ApiSettings(graph=GraphSettings(uri="bolt://127.0.0.1:7687"), **zero)
