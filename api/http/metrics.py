"""Prometheus metrics of one app, served at ``GET /metrics``.

Each app owns a :class:`Metrics` with its own ``CollectorRegistry`` (never the global one):

- ``relgraph_graphql_operation_duration_seconds{operation}``: a histogram of GraphQL
  operations per operation name (its ``_count`` is the number of requests); names are
  client-chosen, so labels are capped: ``anonymous`` without a name, ``invalid`` for a name
  that is not a GraphQL name, ``other`` once ``max_operations`` distinct names were seen;
- ``relgraph_db_query_duration_seconds{kind}``: a histogram of Neo4j queries, ``read`` or
  ``write``, fed by :class:`graph.driver.GraphClient`'s observer;
- ``relgraph_errors_total{source, type}``: errors by source, ``graphql`` (by error code),
  ``database`` (by error class) and ``http`` (requests refused before GraphQL).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator

import strawberry
from graphql import GraphQLError
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import choose_encoder
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

__all__ = ["Metrics", "OperationMetrics", "error_code", "instrument"]

_GRAPHQL_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
_QUERY_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)


class Metrics:
    """The app's registry and its instruments."""

    def __init__(self, *, max_operations: int = 100) -> None:
        if max_operations < 1:
            raise ValueError("max_operations must be positive")
        self.registry = CollectorRegistry()
        self.operations = Histogram(
            "relgraph_graphql_operation_duration_seconds",
            "GraphQL operations (count) and their latency in seconds, per operation name.",
            ["operation"],
            registry=self.registry,
        )
        self.queries = Histogram(
            "relgraph_db_query_duration_seconds",
            "Neo4j queries (count) and their latency in seconds, per kind (read or write).",
            ["kind"],
            buckets=_QUERY_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "relgraph_errors",
            "Errors by source (graphql: error code, database: error class, http: reason).",
            ["source", "type"],
            registry=self.registry,
        )
        self._max_operations = max_operations
        self._operation_labels: set[str] = set()

    def operation_label(self, name: str | None) -> str:
        """The label value for an operation name, keeping the number of labels bounded."""
        if not name:
            return "anonymous"
        if not _GRAPHQL_NAME.fullmatch(name):
            return "invalid"
        if name in self._operation_labels:
            return name
        if len(self._operation_labels) >= self._max_operations:
            return "other"
        self._operation_labels.add(name)
        return name

    def observe_operation(self, name: str | None, seconds: float, codes: Iterable[str]) -> None:
        """Record one GraphQL operation, its latency and the codes of its errors."""
        self.operations.labels(operation=self.operation_label(name)).observe(seconds)
        for code in codes:
            self.count_error("graphql", code)

    def observe_query(self, kind: str, seconds: float, error: str | None) -> None:
        """Record one Neo4j query (a :data:`graph.driver.QueryObserver`)."""
        self.queries.labels(kind=kind).observe(seconds)
        if error is not None:
            self.count_error("database", error)

    def count_error(self, source: str, kind: str) -> None:
        """Count one error of ``source`` (graphql, database, http) and type ``kind``."""
        self.errors.labels(source=source, type=kind[:64]).inc()

    async def endpoint(self, request: Request) -> Response:
        """``GET /metrics``: the text format the scraper asks for (Prometheus or OpenMetrics)."""
        encoder, content_type = choose_encoder(request.headers.get("accept", ""))
        return Response(encoder(self.registry), headers={"Content-Type": content_type})


def error_code(error: GraphQLError, *, parsed: bool = True) -> str:
    """The code an error is counted under: its ``extensions.code``, else what kind it is.

    An error behind a field without a code was unexpected (and masked): it counts as
    ``INTERNAL_SERVER_ERROR``; the others are parse or validation errors of the request.

    >>> error_code(GraphQLError("no", extensions={"code": "FORBIDDEN"}))
    'FORBIDDEN'
    >>> error_code(GraphQLError("Unexpected error.", path=["counts"]))
    'INTERNAL_SERVER_ERROR'
    >>> error_code(GraphQLError("Syntax Error"), parsed=False)
    'GRAPHQL_PARSE_FAILED'
    """
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if error.original_error is not None or error.path is not None:
        return "INTERNAL_SERVER_ERROR"
    return "GRAPHQL_VALIDATION_FAILED" if parsed else "GRAPHQL_PARSE_FAILED"


class OperationMetrics(SchemaExtension):
    """Time each operation and count its errors as the client gets them."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        errors = getattr(context.result, "errors", None) or []
        parsed = context.graphql_document is not None
        self.metrics.observe_operation(
            context.operation_name,
            time.perf_counter() - started,
            [error_code(e, parsed=parsed) for e in errors],
        )


def instrument(schema: strawberry.Schema, metrics: Metrics) -> strawberry.Schema:
    """Add :class:`OperationMetrics` to ``schema``, outermost: it times the whole operation,
    and sees the errors once the other extensions have masked or typed them.

    Parameters
    ----------
    schema : strawberry.Schema
        The app's schema (from :func:`api.graphql.schema.build_schema`).
    metrics : Metrics
        The app's metrics.

    Returns
    -------
    strawberry.Schema
        The same schema, instrumented.
    """
    schema.extensions = (lambda: OperationMetrics(metrics), *schema.extensions)
    return schema
