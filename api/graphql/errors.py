"""How errors reach clients: expected ones typed and visible, the rest masked.

An exception raised anywhere behind a field is shown to the client when :data:`EXPOSED` names
its type, with ``extensions.code`` (and, where a retry can succeed, ``retryable: true``):

- :class:`schema.errors.InvalidInput`: ``BAD_USER_INPUT`` with the offending ``field``, its
  own message;
- :class:`graph.errors.QueryTimeout` (a query the server stopped at its time budget):
  ``TIMEOUT``, retryable;
- :class:`graph.errors.GraphUnavailable` (Neo4j unreachable or saturated):
  ``SERVICE_UNAVAILABLE``, retryable.

A GraphQL error raised on purpose (a permission's ``FORBIDDEN``) stays as it is; any other
exception is masked by strawberry's ``MaskErrors`` as "Unexpected error." and logged at ERROR
with its traceback. Retryable errors are the database's weather, not bugs: they are logged at
WARNING in one line (:func:`log_error`), and their message is ours, never the server's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from graph.errors import GraphUnavailable, QueryTimeout
from schema.errors import InvalidInput

__all__ = ["EXPOSED", "Exposure", "TypedErrors", "exposure", "log_error", "should_mask", "typed"]

_TIMEOUT = (
    "The query ran past its time budget and was stopped; retry it, or ask for less "
    "(a smaller page, fewer hops)."
)
_UNAVAILABLE = "The database is unavailable right now; retry shortly."


@dataclass(frozen=True, slots=True)
class Exposure:
    """How an expected exception reaches the client."""

    code: str
    retryable: bool = False
    message: str | None = None  # None keeps the exception's own message


EXPOSED: tuple[tuple[type[Exception], Exposure], ...] = (
    (InvalidInput, Exposure("BAD_USER_INPUT")),
    (QueryTimeout, Exposure("TIMEOUT", retryable=True, message=_TIMEOUT)),
    (GraphUnavailable, Exposure("SERVICE_UNAVAILABLE", retryable=True, message=_UNAVAILABLE)),
)
"""The exceptions clients see, each with its code; the first matching type wins."""


def exposure(error: GraphQLError) -> Exposure | None:
    """How the exception behind ``error`` is shown, or None when it is not exposed.

    >>> shown = exposure(GraphQLError("x", original_error=QueryTimeout("terminated")))
    >>> shown.code, shown.retryable
    ('TIMEOUT', True)
    >>> exposure(GraphQLError("x", original_error=KeyError("k"))) is None
    True
    """
    original = error.original_error
    return next((shown for kind, shown in EXPOSED if isinstance(original, kind)), None)


def should_mask(error: GraphQLError) -> bool:
    """Mask what a resolver raised, except exposed exceptions and deliberate GraphQL errors
    (permission denials); request errors stay visible."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return exposure(error) is None


def typed(error: GraphQLError) -> GraphQLError:
    """``error`` with the code (and message) of its exposed exception; others unchanged."""
    shown = exposure(error)
    if shown is None:
        return error
    extensions: dict[str, Any] = {**(error.extensions or {}), "code": shown.code}
    if isinstance(error.original_error, InvalidInput):
        extensions["field"] = error.original_error.field
    if shown.retryable:
        extensions["retryable"] = True
    return GraphQLError(
        shown.message or error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions=extensions,
    )


class TypedErrors(SchemaExtension):
    """Give exposed errors their machine-readable code, ``retryable`` flag and message."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [typed(error) for error in result.errors]


def log_error(error: GraphQLError, execution_context: ExecutionContext | None = None) -> None:
    """Log one error of an operation: a retryable one at WARNING in one line, naming its code,
    path and cause; any other as strawberry does (ERROR, with the traceback)."""
    shown = exposure(error)
    if shown is None or not shown.retryable:
        StrawberryLogger.error(error, execution_context)
        return
    path = ".".join(str(p) for p in error.path or ()) or "-"
    StrawberryLogger.logger.warning(
        "%s at %s (retryable): %s: %s",
        shown.code,
        path,
        type(error.original_error).__name__,
        error.original_error,
    )
