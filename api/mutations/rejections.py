"""From service refusals to the typed errors of result unions, and from global ids to uids.

A resolver catches :data:`REFUSALS` and returns ``rejected(error, *members)``: the typed
error for it, when the mutation's union has that member. Anything else is re-raised, so it
becomes a masked GraphQL error instead of a wrong answer.

>>> api_field("participants[1].person_id")
'participants[1].personId'
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

from strawberry import UNSET, relay
from strawberry.utils.str_converters import to_camel_case

from graph.commands.errors import (
    CommandRejected,
    EntityNotFound,
    KeyConflict,
    StateConflict,
    VersionMismatch,
)
from schema.errors import InvalidInput
from schema.gql.results import Conflict, MutationError, NotFound, StaleVersion, ValidationError

__all__ = ["REFUSALS", "api_field", "given", "maybe_uid", "rejected", "uid"]

REFUSALS = (InvalidInput, CommandRejected)
A = TypeVar("A", bound=MutationError)
B = TypeVar("B", bound=MutationError)
C = TypeVar("C", bound=MutationError)
D = TypeVar("D", bound=MutationError)


def api_field(field: str) -> str:
    """The GraphQL name of a model field path (snake_case segments to camelCase)."""
    segments = []
    for segment in field.split("."):
        name, bracket, rest = segment.partition("[")
        segments.append(to_camel_case(name) + bracket + rest)
    return ".".join(segments)


def _typed(error: Exception) -> MutationError | None:
    if isinstance(error, VersionMismatch):
        return StaleVersion(
            message=str(error),
            field=api_field(error.field),
            expected_version=error.expected,
            actual_version=error.actual,
        )
    if isinstance(error, EntityNotFound):
        return NotFound(message=str(error), field=api_field(error.field))
    if isinstance(error, KeyConflict | StateConflict):
        return Conflict(message=str(error), field=api_field(error.field))
    if isinstance(error, InvalidInput | CommandRejected):
        return ValidationError(message=str(error), field=api_field(error.field))
    return None


@overload
def rejected(error: Exception, a: type[A], /) -> A: ...
@overload
def rejected(error: Exception, a: type[A], b: type[B], /) -> A | B: ...
@overload
def rejected(error: Exception, a: type[A], b: type[B], c: type[C], /) -> A | B | C: ...
@overload
def rejected(
    error: Exception, a: type[A], b: type[B], c: type[C], d: type[D], /
) -> A | B | C | D: ...
def rejected(error: Exception, *members: type[MutationError]) -> MutationError:
    """The typed error of ``error`` if it is one of ``members``; else re-raise ``error``."""
    typed = _typed(error)
    if typed is None or not isinstance(typed, members):
        raise error
    return typed


def uid(id: relay.GlobalID, type_name: str, field: str) -> str:
    """The uid in a global id of ``type_name``; another type is not found on ``field``."""
    if id.type_name != type_name:
        raise EntityNotFound(f"This id does not name a {type_name}.", field=field)
    return id.node_id


def maybe_uid(id: relay.GlobalID | None, type_name: str, field: str) -> str | None:
    """:func:`uid`, or None for None."""
    return None if id is None else uid(id, type_name, field)


def given(source: object, *names: str) -> dict[str, Any]:
    """The attributes of an input that the client gave (explicit nulls included)."""
    found = {name: getattr(source, name) for name in names}
    return {name: value for name, value in found.items() if value is not UNSET}
