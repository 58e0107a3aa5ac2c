"""Errors of the graph layer, and the translation of neo4j driver errors into them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from schema.errors import CrmGraphError

__all__ = [
    "AlreadyRunning",
    "DistributionError",
    "DuplicateEntity",
    "GraphError",
    "GraphUnavailable",
    "JavaNotFound",
    "LocalServerError",
    "NotRunning",
    "QueryTimeout",
    "ServerStartFailed",
    "translate_driver_errors",
]


class GraphError(CrmGraphError):
    """Base class of the graph layer's errors."""


class GraphUnavailable(GraphError):
    """The Neo4j server cannot be reached."""


class DuplicateEntity(GraphError):
    """A write would break a uniqueness constraint."""


class QueryTimeout(GraphError):
    """A query ran past its time budget and was terminated by the server."""


class LocalServerError(GraphError):
    """The managed local Neo4j server could not do what was asked."""


class AlreadyRunning(LocalServerError):
    """A server already runs on this data directory."""


class NotRunning(LocalServerError):
    """No server runs on this data directory."""


class ServerStartFailed(LocalServerError):
    """The server process exited or never answered on Bolt."""


class JavaNotFound(LocalServerError):
    """No Java runtime that this Neo4j version supports could be found or installed."""


class DistributionError(LocalServerError):
    """The Neo4j jars could not be fetched or failed verification."""


# How a transaction over its time budget surfaces: terminated while it runs, or while it waits
# for a lock (``LockClientStopped``; an operator's or a shutdown's termination reads the same,
# and is as safe to retry). Neo4j 4.4 sent the last two as transient errors; the driver renames
# them, and both spellings are here.
_TIMEOUT_CODES = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
        "Neo.ClientError.Transaction.LockClientStopped",
        "Neo.ClientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
        "Neo.TransientError.Transaction.Terminated",
    }
)


@contextmanager
def translate_driver_errors() -> Iterator[None]:
    """Re-raise neo4j driver errors as :class:`GraphError` subclasses (``from`` the original).

    ``ConstraintError`` becomes :class:`DuplicateEntity`; an unreachable server, an expired
    session or a pool with no connection free in time (the server is saturated)
    :class:`GraphUnavailable`; a transaction the server stopped at its time budget
    :class:`QueryTimeout`. Anything else passes unchanged.
    """
    try:
        yield
    except ConstraintError as e:
        raise DuplicateEntity(e.message or str(e)) from e
    except (ServiceUnavailable, SessionExpired) as e:
        raise GraphUnavailable(f"Neo4j is unreachable: {e}") from e
    except ConnectionAcquisitionTimeoutError as e:
        raise GraphUnavailable(f"Neo4j is saturated: {e}") from e
    except Neo4jError as e:
        if e.code in _TIMEOUT_CODES:
            raise QueryTimeout(e.message or str(e)) from e
        raise
