"""The use cases every entity shares: validate a patch, then create, update, upsert by source
key, soft delete or restore it through the graph commands.

A label's service gives its field rules: ``rules`` maps a patch key to the check of
:mod:`api.services.commands.validation` (or another function of value and field).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar, cast

from api.services.commands import validation
from graph.commands.base import EntityCommands
from graph.commands.outcome import Upserted
from schema.errors import InvalidInput
from schema.model import Provenance

__all__ = ["EntityService", "Rule", "not_null", "unchanged"]

R = TypeVar("R")
P = TypeVar("P", bound=Mapping[str, Any])
Rule = Callable[[Any, str], Any]


def not_null(value: Any, field: str) -> Any:
    """Any value but null (enums, booleans, times that a record cannot lack)."""
    if value is None:
        raise InvalidInput("must not be null", field=field)
    return value


def unchanged(value: Any, field: str) -> Any:
    """Any value, null included (references are checked by the graph command)."""
    return value


class EntityService(Generic[R, P]):
    """Validated writes of one entity."""

    rules: Mapping[str, Rule]
    required: tuple[str, ...]

    def __init__(self, commands: EntityCommands[R, P]) -> None:
        self.commands = commands

    def check(self, patch: P, *, creating: bool) -> P:
        """``patch`` with every value checked and normalised (``creating``: required fields
        must be there)."""
        if creating:
            for field in self.required:
                if field not in patch:
                    raise InvalidInput("is required", field=field)
        return cast(P, {key: self.rules[key](value, key) for key, value in patch.items()})

    async def create(self, patch: P) -> R:
        """A new record with source ``api``."""
        return await self.commands.create(self.check(patch, creating=True))

    async def update(self, uid: str, patch: P, *, expected_version: int | None = None) -> R:
        """Change the given fields of a live record."""
        return await self.commands.update(
            uid,
            self.check(patch, creating=False),
            expected_version=validation.expected_version(expected_version),
        )

    async def upsert_by_source(self, source: str, source_id: str, patch: P) -> Upserted[R]:
        """Create or update the record that ``(source, source_id)`` names."""
        source, source_id = validation.source_key(source, source_id)
        provenance = Provenance(source=source, source_id=source_id)
        return await self.commands.upsert_by_source(provenance, self.check(patch, creating=False))

    async def soft_delete(self, uid: str, *, expected_version: int | None = None) -> R:
        """Hide a record from every read; it can be restored."""
        version = validation.expected_version(expected_version)
        return await self.commands.soft_delete(uid, expected_version=version)

    async def restore(self, uid: str, *, expected_version: int | None = None) -> R:
        """Bring a soft-deleted record back."""
        version = validation.expected_version(expected_version)
        return await self.commands.restore(uid, expected_version=version)
