"""The root of Relgraph's exception hierarchy: every exception class of ours derives from
:class:`CrmGraphError` (``tests/schema/test_errors.py`` checks it).

::

    CrmGraphError                     schema.errors
    ├── InvalidInput                  schema.errors                 a request's input is invalid
    │   └── Unresolved                api.cli.intel.resolve         unknown or ambiguous CLI name
    ├── GraphError                    graph.errors
    │   ├── GraphUnavailable          graph.errors                  the database is unreachable
    │   ├── DuplicateEntity           graph.errors                  a unique key would repeat
    │   ├── QueryTimeout              graph.errors                  a query ran out of time
    │   ├── LocalServerError          graph.errors                  the managed local server
    │   │   ├── AlreadyRunning        graph.errors
    │   │   ├── NotRunning            graph.errors
    │   │   ├── ServerStartFailed     graph.errors
    │   │   ├── JavaNotFound          graph.errors
    │   │   └── DistributionError     graph.errors
    │   ├── ApiKeyNotFound            graph.reading.api_keys        no active key has this id
    │   └── CommandRejected           graph.commands.errors         a command changed nothing
    │       ├── EntityNotFound        graph.commands.errors
    │       ├── KeyConflict           graph.commands.errors
    │       ├── StateConflict         graph.commands.errors
    │       │   └── ConcurrentChange  graph.commands.errors
    │       └── VersionMismatch       graph.commands.errors
    ├── BuildStopped                  graph.projection.build        a projection build stopped
    ├── FormatError                   ingest.formats.errors         a source cannot be read
    │   └── MappingError              ingest.formats.errors         a mapping file is unusable
    ├── EventTimeError *              ingest.formats.ical.times     an event's start is unreadable
    ├── _NotAValue *                  ingest.formats.tables.native_jsonl     (private)
    ├── Invalid *                     ingest.validation.values      a cell cannot be used
    ├── RowRejected                   ingest.validation.context     a row cannot be imported
    └── _Skipped                      ingest.pipeline.lane          (private) after a failed batch

    * also a ``ValueError``, as before they joined the tree: ``except ValueError`` holds

The API defines no exception of its own, and the CLI only :class:`Unresolved` (a name or id
given on the command line that names no record, or several); they map these at their edge:
``api.graphql.errors`` shows :class:`InvalidInput`, ``QueryTimeout`` and ``GraphUnavailable``
(the last two as retryable ``TIMEOUT`` and ``SERVICE_UNAVAILABLE``) to clients and masks the rest,
``api.cli.console.fail_cleanly`` prints any :class:`CrmGraphError` without a traceback.

Builtins are raised, not subclassed, for a caller's programming mistake: ``ValueError`` for
an argument or setting out of range (constructors fail fast), ``RuntimeError`` for a broken
invariant. ``algorithms/`` imports nothing of ours but :mod:`schema.enums`, so it raises
builtins and networkx errors only, as each function's docstring says: ``ValueError``,
``networkx.NodeNotFound`` and ``networkx.NetworkXNotImplemented``.
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
