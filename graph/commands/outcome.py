"""Run one command query and turn its verdict into a row, or into the refusal it reports.

Every command query returns one row with ``status`` (``ok``, ``unchanged``, ``missing``,
``conflict``, ``blocked``, ``changed``, ``stale`` or ``invalid``), ``field``, ``reason`` and
``actual`` (the version before the write; a query checking several versions also returns the
``expected`` one at fault). A uniqueness constraint that still fires (two writers racing for
one email) is reported as the same :class:`KeyConflict` as the check inside the query.

A command that wrote (status ``ok``) appends what it touched to the change feed in its own
transaction: ``touches`` says it from the command's row and from the row of ``before``, a
read run first in the same transaction (what a relationship is about to leave).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, LiteralString, TypeVar

from graph.commands.errors import (
    ConcurrentChange,
    EntityNotFound,
    KeyConflict,
    StateConflict,
    VersionMismatch,
)
from graph.driver import GraphClient, Record, Transaction
from graph.errors import DuplicateEntity
from schema.changes import Touched
from schema.errors import InvalidInput
from schema.model import Provenance

__all__ = ["API_SOURCE", "CommandTouches", "Upserted", "new_provenance", "run_command"]

CommandTouches = Callable[[Record, Record | None], Touched]
"""What a command that wrote touched, from its row and the row of its ``before`` read."""

T = TypeVar("T")
API_SOURCE = "api"

_REASONS = {
    "no_record": "No such record: it does not exist or has been deleted.",
    "not_deleted": "This record is not deleted.",
    "deleted": "A deleted record holds this key: restore it first.",
    "domain_taken": "Another company already has this domain.",
    "email_taken": "Another person already has this email.",
    "source_taken": "Another record already has this source key.",
    "required": "Required to create a new record.",
    "self": "A person cannot report to themselves.",
    "cycle": "The manager reports to this person, directly or not: this would make a cycle.",
    "before_current": "Must come after the start of the current one.",
    "no_contact": "The person has no such role on this deal.",
    "contact_exists": "The person already has this role on this deal.",
    "same_record": "The survivor and the merged record must be two different records.",
    "merged_away": "This record was merged into another one (unmerge brings it back).",
    "deleted_record": "This record is soft-deleted: restore it first.",
    "changed": "The records changed while the command was prepared: try again.",
    "no_merge": "No merge has this id.",
    "undone": "This merge has been undone already.",
    "survivor_merged": "The survivor has since been merged into another record: undo that first.",
    "survivor_deleted": "The survivor has since been soft-deleted: restore it first.",
    "not_merged": "The merged record is no longer in the state this merge left it in.",
    "record_gone": "A record of this merge no longer exists.",
}


@dataclass(frozen=True, slots=True)
class Upserted(Generic[T]):
    """The record an upsert wrote, and whether it was new."""

    record: T
    created: bool


def new_provenance() -> Provenance:
    """The provenance of a record the API creates: source ``api``, a fresh uuid4 hex id."""
    return Provenance(source=API_SOURCE, source_id=uuid.uuid4().hex)


def _field_of_duplicate(message: str) -> str:
    for needle, field in (("email", "email"), ("source", "source_id"), ("uid", "id")):
        if needle in message:
            return field
    return "id"


async def run_command(
    client: GraphClient,
    query: LiteralString,
    parameters: Mapping[str, Any],
    *,
    read: bool = False,
    touches: CommandTouches | None = None,
    before: LiteralString | None = None,
) -> Record:
    """Run ``query`` in one write transaction (a read one if ``read``: a command's preview);
    return its row if the verdict allows.

    When the verdict is ``ok`` and ``touches`` is given, the records it names go to the
    change feed in the same transaction; ``before`` (a read with the same parameters) runs
    first and its one row is passed to ``touches``.

    Raises
    ------
    EntityNotFound, KeyConflict, StateConflict, ConcurrentChange, VersionMismatch,
    schema.errors.InvalidInput
        What the verdict reports.
    """

    async def work(tx: Transaction) -> list[Record]:
        prior = (await tx.run(before, parameters))[0] if before is not None else None
        found = await tx.run(query, parameters)
        if touches is not None and found and found[0]["status"] == "ok":
            tx.touch(touches(found[0], prior))
        return found

    try:
        if read:
            rows = await client.read(query, parameters)
        elif touches is None:
            rows = await client.write(query, parameters)
        else:
            rows = await client.transaction(work)
    except DuplicateEntity as e:
        field = _field_of_duplicate(str(e))
        reason = "email_taken" if field == "email" else "source_taken"
        raise KeyConflict(_REASONS[reason], field=field) from e
    return _allowed(rows[0], parameters)


def _allowed(row: Record, parameters: Mapping[str, Any]) -> Record:
    status, field, reason = row["status"], row["field"], row["reason"]
    if status in ("ok", "unchanged"):
        return row
    message = _REASONS.get(reason, "Refused.")
    if status == "missing":
        raise EntityNotFound(message, field=field)
    if status == "conflict":
        raise KeyConflict(message, field=field)
    if status == "blocked":
        raise StateConflict(message, field=field)
    if status == "changed":
        raise ConcurrentChange(message, field=field)
    if status == "stale":
        expected = row["expected"] if "expected" in row else parameters["expected"]
        raise VersionMismatch(expected=int(expected), actual=int(row["actual"]), field=field)
    raise InvalidInput(message, field=field)
