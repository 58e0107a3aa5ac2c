"""Run one command query and turn its verdict into a row, or into the refusal it reports.

Every command query returns one row with ``status`` (``ok``, ``unchanged``, ``missing``,
``conflict``, ``stale`` or ``invalid``), ``field``, ``reason`` and ``actual`` (the version
before the write). A uniqueness constraint that still fires (two writers racing for one
email) is reported as the same :class:`KeyConflict` as the check inside the query.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, LiteralString, TypeVar

from graph.commands.errors import EntityNotFound, KeyConflict, VersionMismatch
from graph.driver import GraphClient, Record
from graph.errors import DuplicateEntity
from schema.errors import InvalidInput
from schema.model import Provenance

__all__ = ["API_SOURCE", "Upserted", "new_provenance", "run_command"]

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
    client: GraphClient, query: LiteralString, parameters: Mapping[str, Any]
) -> Record:
    """Run ``query`` in one write transaction; return its row if the verdict allows.

    Raises
    ------
    EntityNotFound, KeyConflict, VersionMismatch, schema.errors.InvalidInput
        What the verdict reports.
    """
    try:
        rows = await client.write(query, parameters)
    except DuplicateEntity as e:
        field = _field_of_duplicate(str(e))
        reason = "email_taken" if field == "email" else "source_taken"
        raise KeyConflict(_REASONS[reason], field=field) from e
    row = rows[0]
    status, field, reason = row["status"], row["field"], row["reason"]
    if status in ("ok", "unchanged"):
        return row
    message = _REASONS.get(reason, "Refused.")
    if status == "missing":
        raise EntityNotFound(message, field=field)
    if status == "conflict":
        raise KeyConflict(message, field=field)
    if status == "stale":
        raise VersionMismatch(expected=int(parameters["expected"]), actual=int(row["actual"]))
    raise InvalidInput(message, field=field)
