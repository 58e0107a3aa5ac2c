"""Operations: Prometheus metrics, request ids, and JSON logs that carry them."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

from api.http.logs import JsonFormatter
from api.http.metrics import Metrics

GraphQLCall = Callable[..., dict[str, Any]]


def _samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.mark.neo4j
def test_metrics_count_and_time_each_operation_by_name(api: TestClient, gql: GraphQLCall) -> None:
    gql("query Dashboard { version { neo4j } }")
    gql("query Dashboard { version { neo4j } }")
    gql("{ health { ok } }")

    samples = _samples(api)

    operations = "relgraph_graphql_operation_duration_seconds"
    assert _value(samples, f"{operations}_count", operation="Dashboard") == 2
    assert _value(samples, f"{operations}_bucket", operation="Dashboard", le="+Inf") == 2
    assert _value(samples, f"{operations}_sum", operation="Dashboard") > 0
    assert _value(samples, f"{operations}_count", operation="anonymous") == 1


@pytest.mark.neo4j
def test_metrics_time_database_queries_by_kind(api: TestClient, gql: GraphQLCall) -> None:
    gql("query Version { version { neo4j } }")

    samples = _samples(api)

    # The key check and the version query: both reads.
    reads = _value(samples, "relgraph_db_query_duration_seconds_count", kind="read")
    assert reads >= 2
    assert _value(samples, "relgraph_db_query_duration_seconds_count", kind="write") == 0


@pytest.mark.neo4j
def test_metrics_count_errors_by_graphql_code_database_class_and_http_reason(
    api_whose_resolvers_lose_the_database: TestClient, anonymous_api: TestClient
) -> None:
    api = api_whose_resolvers_lose_the_database
    api.post("/graphql", json={"query": "{ counts { nope } }"})
    api.post("/graphql", json={"query": "{ counts {"})
    api.post("/graphql", json={"query": "{ counts { nodes { name } } }"})
    api.post("/graphql", json={"query": "{ health { ok } }"}, headers={"Authorization": ""})

    samples = _samples(api)

    def errors(source: str, kind: str) -> float:
        return _value(samples, "relgraph_errors_total", source=source, type=kind)

    assert errors("graphql", "GRAPHQL_VALIDATION_FAILED") == 1
    assert errors("graphql", "GRAPHQL_PARSE_FAILED") == 1
    assert errors("graphql", "INTERNAL_SERVER_ERROR") == 1
    assert errors("database", "ClientError") >= 1
    assert errors("http", "UNAUTHENTICATED") == 1
    # Each app has its own registry: another app counted nothing of this.
    assert (
        _value(
            _samples(anonymous_api), "relgraph_errors_total", source="http", type="UNAUTHENTICATED"
        )
        == 0
    )


def test_operation_labels_stay_bounded() -> None:
    metrics = Metrics(max_operations=2)

    labels = [metrics.operation_label(n) for n in ["A", "B", "A", "C", None, "", "x y", "9z"]]

    assert labels == ["A", "B", "A", "other", "anonymous", "anonymous", "invalid", "invalid"]
    assert metrics.operation_label("a" * 65) == "invalid"


@pytest.mark.neo4j
def test_a_safe_request_id_is_echoed_and_others_are_replaced(anonymous_api: TestClient) -> None:
    echoed = anonymous_api.get("/healthz", headers={"X-Request-ID": "trace-42.a_b"})
    generated = anonymous_api.get("/healthz")
    unsafe = anonymous_api.get("/healthz", headers={"X-Request-ID": "bad id\\n"})
    too_long = anonymous_api.get("/healthz", headers={"X-Request-ID": "a" * 65})
    refused = anonymous_api.post("/graphql", json={}, headers={"X-Request-ID": "refused-1"})

    assert echoed.headers["X-Request-ID"] == "trace-42.a_b"
    for response in (generated, unsafe, too_long):
        new_id = response.headers["X-Request-ID"]
        assert len(new_id) == 32 and int(new_id, 16) >= 0
    assert generated.headers["X-Request-ID"] != unsafe.headers["X-Request-ID"]
    assert refused.status_code == 401 and refused.headers["X-Request-ID"] == "refused-1"


@pytest.mark.neo4j
def test_a_masked_error_is_logged_with_its_request_id(
    api_whose_resolvers_lose_the_database: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="strawberry.execution")

    response = api_whose_resolvers_lose_the_database.post(
        "/graphql",
        json={"query": "{ counts { nodes { name } } }"},
        headers={"X-Request-ID": "masked-7"},
    )

    assert response.json()["errors"][0]["message"] == "Unexpected error."
    [record] = [r for r in caplog.records if r.name == "strawberry.execution"]
    assert getattr(record, "request_id", None) == "masked-7"
    assert record.exc_info is not None
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "masked-7" and line["level"] == "ERROR"
    assert "nosuchdatabase" in line["exc_info"]


def test_json_lines_carry_time_level_logger_message_request_id_and_traceback() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.LogRecord(
            "relgraph", logging.ERROR, __file__, 1, "failed %s", ("x",), sys.exc_info()
        )
    record.request_id = "r-1"

    line = json.loads(JsonFormatter().format(record))

    assert set(line) == {"ts", "level", "logger", "message", "request_id", "exc_info"}
    assert line["message"] == "failed x" and line["logger"] == "relgraph"
    assert line["ts"].endswith("+00:00")
    assert "RuntimeError: boom" in line["exc_info"]


_CONFIGURED = """
import logging, logging.config
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.middleware import Middleware
from starlette.testclient import TestClient
from api.http.logs import logging_config
from api.http.request_ids import RequestIdMiddleware

logging.config.dictConfig(logging_config("info"))

async def hello(request):
    logging.getLogger("relgraph.test").info("inside %s", "the request")
    return PlainTextResponse("ok")

app = Starlette(routes=[Route("/", hello)], middleware=[Middleware(RequestIdMiddleware)])
with TestClient(app) as client:
    client.get("/", headers={"X-Request-ID": "from-the-caller"})
logging.getLogger("uvicorn.access").info("outside")
"""


def test_the_serve_logging_config_writes_json_lines_with_request_ids() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CONFIGURED], capture_output=True, text=True, check=True, timeout=60
    )

    lines = [json.loads(line) for line in done.stderr.splitlines()]

    inside = next(line for line in lines if line["logger"] == "relgraph.test")
    outside = next(line for line in lines if line["logger"] == "uvicorn.access")
    assert inside["message"] == "inside the request" and inside["level"] == "INFO"
    assert inside["request_id"] == "from-the-caller"
    assert outside["request_id"] is None
