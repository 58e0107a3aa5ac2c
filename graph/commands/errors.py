"""Why a graph command refused to write: the expected failures of the write side.

::

    graph.errors.GraphError
    └── CommandRejected            a command changed nothing; ``field`` names the culprit
        ├── EntityNotFound         an id names nothing (or a soft-deleted record)
        ├── KeyConflict            a unique key (email, domain, source key) is taken
        ├── StateConflict          the records' state forbids it (a merge already undone)
        │   └── ConcurrentChange   the records changed while the command was prepared
        └── VersionMismatch        the record changed since the caller read it

Invalid values are :class:`schema.errors.InvalidInput`, raised before or by a command.
Field names are the model's (snake_case); the API translates them to its own.
"""

from __future__ import annotations

from graph.errors import GraphError

__all__ = [
    "CommandRejected",
    "ConcurrentChange",
    "EntityNotFound",
    "KeyConflict",
    "StateConflict",
    "VersionMismatch",
]


class CommandRejected(GraphError):
    """A command changed nothing; ``field`` names the input it refused."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class EntityNotFound(CommandRejected):
    """``field`` names a record that does not exist or is soft-deleted."""


class KeyConflict(CommandRejected):
    """``field`` holds a unique key that another record already has."""


class StateConflict(CommandRejected):
    """The records are not in a state that allows the command (``field`` names the input)."""


class ConcurrentChange(StateConflict):
    """The records changed between reading them and writing: preparing again may succeed."""


class VersionMismatch(CommandRejected):
    """The record's version is ``actual``, not the ``expected`` one the caller gave."""

    def __init__(self, *, expected: int, actual: int, field: str = "expected_version") -> None:
        super().__init__(
            f"The record is at version {actual}, not {expected}: read it again and retry.",
            field=field,
        )
        self.expected = expected
        self.actual = actual
