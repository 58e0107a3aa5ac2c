"""What the four entity command classes share: create, update, upsert by source, lifecycle.

A subclass names its label, its queries and the fields a new record needs, and turns a patch
into the queries' ``$props`` and ``$links`` and a result row into a model record.

Change feed: a write touches the record (:meth:`EntityCommands.touches`; a label whose
relationships a write may move reads them first with ``links_before``), and a soft delete or
a restore touches the record and every record linked to it, whose facts filter on liveness.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, LiteralString, TypeVar

from graph.commands.outcome import Upserted, new_provenance, run_command
from graph.driver import GraphClient, Record
from graph.queries.changes import NEIGHBOURS
from graph.writing.touches import own, touched_from
from schema.changes import Touched
from schema.enums import Label
from schema.model import Provenance, make_uid

__all__ = ["EntityCommands", "Params"]

R = TypeVar("R")
P = TypeVar("P", bound=Mapping[str, Any])
Params = dict[str, Any]


class EntityCommands(ABC, Generic[R, P]):
    """Versioned writes of one entity label; see :mod:`graph.queries.commands.fragments`."""

    label: ClassVar[Label]
    required: ClassVar[tuple[str, ...]]
    by_uid: ClassVar[LiteralString]
    by_source: ClassVar[LiteralString]
    lifecycle: ClassVar[LiteralString]
    links_before: ClassVar[LiteralString | None] = None

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    @abstractmethod
    def props_and_links(self, patch: P) -> tuple[Params, Params]:
        """The node properties to set and the ``$links`` map of ``patch``."""

    @abstractmethod
    def record(self, row: Record) -> R:
        """The model record of a command's result row."""

    def touches(self, row: Record, before: Record | None, links: Params) -> Touched:
        """What a create, update or upsert that wrote ``row`` touched, given the row that
        ``links_before`` read and the write's ``$links``: the record itself here (a label
        with relationships adds the records they leave and join)."""
        return own(self.label, str(row["props"]["uid"]))

    async def create(self, patch: P) -> R:
        """Create a record with source ``api`` and a new source id."""
        provenance = new_provenance()
        row = await self.write(self.by_uid, patch, provenance=provenance)
        return self.record(row)

    async def update(
        self, uid: str, patch: P, *, expected_version: int | None = None, id_field: str = "id"
    ) -> R:
        """Change the fields in ``patch`` of a live record (``id_field`` names its id)."""
        row = await self.write(
            self.by_uid,
            patch,
            uid=uid,
            must_exist=True,
            expected=expected_version,
            id_field=id_field,
        )
        return self.record(row)

    async def upsert_by_source(self, provenance: Provenance, patch: P) -> Upserted[R]:
        """Create or update the record that ``provenance`` names."""
        row = await self.write(self.by_source, patch, provenance=provenance, key_field="source_id")
        return self.upserted(row)

    async def soft_delete(self, uid: str, *, expected_version: int | None = None) -> R:
        """Set ``deleted_at``: readers stop seeing the record; its relationships stay."""
        return await self._lifecycle(uid, expected_version, restoring=False)

    async def restore(self, uid: str, *, expected_version: int | None = None) -> R:
        """Clear ``deleted_at`` of a soft-deleted record."""
        return await self._lifecycle(uid, expected_version, restoring=True)

    def upserted(self, row: Record) -> Upserted[R]:
        """An upsert's record; version 1 after the write means it was just created."""
        return Upserted(self.record(row), created=int(row["props"]["version"]) == 1)

    async def write(
        self,
        query: LiteralString,
        patch: P,
        *,
        uid: str | None = None,
        provenance: Provenance | None = None,
        must_exist: bool = False,
        expected: int | None = None,
        key_field: str = "id",
        key: str | None = None,
        id_field: str = "id",
    ) -> Record:
        """Run an entity command query with the standard parameters."""
        provenance = provenance or new_provenance()
        props, links = self.props_and_links(patch)
        missing = next((f for f in self.required if patch.get(f) in (None, ())), None)
        parameters = {
            "uid": uid or make_uid(self.label, provenance),
            "source": provenance.source,
            "source_id": provenance.source_id,
            "must_exist": must_exist,
            "id_field": id_field,
            "expected": expected,
            "key_field": key_field,
            "key": key,
            "required": missing,
            "props": props,
            "links": links,
        }

        def touches(row: Record, before: Record | None) -> Touched:
            return self.touches(row, before, links)

        return await run_command(
            self.client, query, parameters, touches=touches, before=self.links_before
        )

    async def _lifecycle(self, uid: str, expected: int | None, *, restoring: bool) -> R:
        parameters = {"uid": uid, "expected": expected, "restoring": restoring}

        def neighbours(row: Record, before: Record | None) -> Touched:
            return own(self.label, uid) | touched_from(before)

        row = await run_command(
            self.client,
            self.lifecycle,
            parameters,
            touches=neighbours,
            before=NEIGHBOURS[self.label],
        )
        return self.record(row)
