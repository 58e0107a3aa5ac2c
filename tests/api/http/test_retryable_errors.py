"""Errors worth retrying reach the client typed: a query the server stopped at its time budget
is ``TIMEOUT``, an unreachable database ``SERVICE_UNAVAILABLE``, both ``retryable``; they are
counted under their code and logged at WARNING, never masked."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from typing import Any, cast

import pytest
from neo4j import GraphDatabase
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from api.http.logs import JsonFormatter
from graph.config import GraphSettings
from graph.driver import GraphClient
from tests.api.mutation_calls import result

pytestmark = pytest.mark.neo4j

CREATE = """mutation { createCompany(input: {name: "Initech"}) {
  ... on CreateCompanySuccess { company { id } } } }"""
UPDATE = """mutation($id: ID!) { updateCompany(id: $id, input: {industry: "Software"}) {
  __typename } }"""
COUNTS = "{ counts { nodes { name count } } }"


def _errors_total(client: TestClient, source: str, kind: str) -> float:
    text = client.get("/metrics").text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "relgraph_errors_total"
        and sample.labels == {"source": source, "type": kind}
    )


def _post(client: TestClient, query: str, **variables: Any) -> dict[str, Any]:
    response = client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"X-Request-ID": "retry-me-1"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def impatient_api(neo4j_settings: GraphSettings, editor_key: str) -> Iterator[TestClient]:
    """The app with a budget of two seconds per transaction, signed in as an editor."""
    graph = dataclasses.replace(neo4j_settings, query_timeout=2.0)
    with TestClient(create_app(ApiSettings(graph=graph))) as client:
        client.headers["Authorization"] = f"Bearer {editor_key}"
        yield client


def test_a_write_stopped_at_its_time_budget_is_a_retryable_timeout(
    api: TestClient,
    impatient_api: TestClient,
    neo4j_settings: GraphSettings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The company, and one update so that the server has planned the update's queries.
    company_id = result(_post(api, CREATE), "createCompany")["company"]["id"]
    result(_post(api, UPDATE, id=company_id), "updateCompany")
    caplog.set_level(logging.WARNING, logger="strawberry.execution")

    # Another transaction holds the company's write lock: the update waits on the server
    # until its budget is spent, and the server stops it.
    with (
        GraphDatabase.driver(neo4j_settings.uri, auth=neo4j_settings.auth) as driver,
        driver.session(database=neo4j_settings.database) as session,
    ):
        holder = session.begin_transaction(timeout=60)
        holder.run("MATCH (c:Company) SET c.held_by_test = true").consume()
        try:
            body = _post(impatient_api, UPDATE, id=company_id)
        finally:
            holder.rollback()

    [error] = body["errors"]
    assert error["extensions"] == {"code": "TIMEOUT", "retryable": True}
    assert "time budget" in error["message"] and "Unexpected" not in error["message"]
    assert error["path"] == ["updateCompany"]
    assert _errors_total(impatient_api, "graphql", "TIMEOUT") == 1
    assert _errors_total(impatient_api, "graphql", "INTERNAL_SERVER_ERROR") == 0
    assert _errors_total(impatient_api, "database", "QueryTimeout") == 1
    [record] = [r for r in caplog.records if r.name == "strawberry.execution"]
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING" and "exc_info" not in line
    assert line["request_id"] == "retry-me-1"
    assert line["message"].startswith("TIMEOUT at updateCompany (retryable): QueryTimeout")
    # Once the lock is gone, the same request succeeds: retrying was the right thing to do.
    retried = _post(impatient_api, UPDATE, id=company_id)
    assert result(retried, "updateCompany")["__typename"] == "UpdateCompanySuccess"


@pytest.fixture
def api_whose_database_goes_away(
    api: TestClient, unused_port: int, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """``api`` once its resolvers' Neo4j no longer answers (keys are still checked)."""
    state = cast(Starlette, api.app).state
    unreachable = GraphSettings(uri=f"bolt://127.0.0.1:{unused_port}", retry_time=0)
    gone = GraphClient.from_settings(unreachable, observer=state.graph.observer)
    monkeypatch.setattr(state, "graph", gone)
    yield api
    api.portal.call(gone.close)  # type: ignore[union-attr]


def test_an_unreachable_database_is_a_retryable_service_unavailable(
    api_whose_database_goes_away: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="strawberry.execution")
    api = api_whose_database_goes_away

    body = _post(api, COUNTS)

    [error] = body["errors"]
    assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE", "retryable": True}
    assert error["message"] == "The database is unavailable right now; retry shortly."
    assert _errors_total(api, "graphql", "SERVICE_UNAVAILABLE") == 1
    assert _errors_total(api, "database", "GraphUnavailable") == 1
    [record] = [r for r in caplog.records if r.name == "strawberry.execution"]
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert getattr(record, "request_id", None) == "retry-me-1"
