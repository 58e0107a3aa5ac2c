"""The root of Relgraph's exception hierarchy.

::

    CrmGraphError
    ├── graph.errors.GraphError
    │   ├── GraphUnavailable          the database cannot be reached
    │   ├── DuplicateEntity           a write broke a uniqueness constraint
    │   ├── QueryTimeout              a query ran past its time budget
    │   └── LocalServerError          the managed local Neo4j server
    │       ├── AlreadyRunning
    │       ├── NotRunning
    │       ├── ServerStartFailed
    │       ├── JavaNotFound
    │       └── DistributionError
    └── (later: ingest and api errors)
"""

from __future__ import annotations

__all__ = ["CrmGraphError", "InvalidInput"]


class CrmGraphError(Exception):
    """Base class of every error Relgraph raises on purpose."""


class InvalidInput(CrmGraphError):
    """A request's input is invalid; ``field`` names the offending argument or field."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field
