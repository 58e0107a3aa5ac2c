"""Typed, expected failures of mutations: members of every mutation's result union.

A mutation returns either its ``...Success`` type or one of these, each a
:class:`MutationError` with a human ``message`` and the ``field`` at fault: the argument or
input field (``fullName``, ``companyId``, ``participants[1].personId``; ``expectedVersion``
for a stale version). Unexpected failures are not here: they are masked GraphQL errors.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

__all__ = [
    "Conflict",
    "MutationError",
    "NotFound",
    "StaleVersion",
    "UpsertOutcome",
    "ValidationError",
]


@strawberry.interface(description="An expected reason why a mutation changed nothing.")
class MutationError:
    message: str
    field: str = strawberry.field(description="The argument or input field at fault.")


@strawberry.type(description="An id names no record, or a soft-deleted one.")
class NotFound(MutationError):
    pass


@strawberry.type(description="A value is invalid: wrong format, out of range, too long, missing.")
class ValidationError(MutationError):
    pass


@strawberry.type(
    description="A unique key (email, domain, source key) belongs to another record, or the "
    "records' state forbids the change (a merge undone already, or whose survivor has since "
    "been merged away)."
)
class Conflict(MutationError):
    pass


@strawberry.type(
    description="The record changed since it was read: expectedVersion is not its version."
)
class StaleVersion(MutationError):
    expected_version: int
    actual_version: int = strawberry.field(description="The record's version now.")


@strawberry.enum(description="What an upsert did.")
class UpsertOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
