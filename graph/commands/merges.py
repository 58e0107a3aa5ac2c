"""Merge commands: preview a merge of two people or two companies, merge them, undo a merge.

A merge reads both records and their relationships (one read query), plans it in Python (the
survivor's fields, an action per relationship, the warnings, the merge record) and writes the
plan in ONE write transaction (one query) that first checks nothing changed since the read;
when something did, the command plans again (up to ``attempts`` times) and then reports
:class:`~graph.commands.errors.ConcurrentChange`. The merge record keeps the survivor's
properties before the merge (``survivor_before``, typed entries as JSON), the fields the
merge changed (``survivor_changes``) and every relationship taken off the merged record
(``moved``, one JSON text each, see :func:`graph.commands.merge_links.moved_rows`).

An undo reads the merge record and the survivor, and writes the undo in one query the same
way. The reads of a merge or an undo are routed like writes (to the cluster's leader), so the
check compares with what the writer sees; a preview is a plain read.

KNOWS edges are derived: the merge deletes the merged person's, and the caller computes the
survivor's again (and both people's after an undo), as of ``knows_as_of``.

Change feed: a merge or an undo touches both records and every Person, Company, Deal and
Interaction at the other end of a relationship of the merged record (the ones that move, the
ones dropped and KNOWS partners), in the transaction of its write.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from graph.commands.errors import ConcurrentChange, StateConflict
from graph.commands.merge_fields import changes, resolve, restoring
from graph.commands.merge_links import (
    ACTIONS,
    MOVABLE,
    Link,
    decide,
    groups,
    links_from,
    moved_rows,
)
from graph.commands.merge_warnings import warnings
from graph.commands.outcome import run_command
from graph.driver import GraphClient, Record
from graph.queries.commands.merges import merge_apply, merge_plan
from graph.queries.commands.unmerges import UNMERGE_APPLY, UNMERGE_PLAN
from graph.reading.crm.records import company_from, native, person_from
from schema.changes import Touched, touched
from schema.enums import Label, RelType
from schema.reading.merges import (
    FieldChange,
    LinkDirection,
    MergedEntity,
    MergeDone,
    MergeKind,
    MergePreview,
    UnmergeDone,
)

__all__ = ["MergeCommands"]

T = TypeVar("T")
_PLAN = {MergeKind.PERSON: merge_plan("Person"), MergeKind.COMPANY: merge_plan("Company")}
_APPLY = {MergeKind.PERSON: merge_apply("Person"), MergeKind.COMPANY: merge_apply("Company")}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Plan:
    preview: MergePreview
    parameters: dict[str, Any]
    knows_as_of: datetime | None
    touched: Touched


def _entity(kind: MergeKind, props: Mapping[str, Any]) -> MergedEntity:
    return person_from(dict(props)) if kind is MergeKind.PERSON else company_from(dict(props))


def _version(props: Mapping[str, Any]) -> int:
    return int(props.get("version") or 1)


def _restorable(kind: MergeKind, text: str) -> dict[str, Any]:
    """A relationship of a merge record, checked against the whitelist before it is used."""
    row: dict[str, Any] = json.loads(text)
    try:
        pair = (RelType(row["type"]), LinkDirection(row["direction"]))
    except (KeyError, ValueError) as e:
        raise StateConflict("The merge record is not readable.", field="merge_id") from e
    if pair not in MOVABLE[kind] or row.get("action") not in ACTIONS:
        raise StateConflict("The merge record is not readable.", field="merge_id")
    return row


def _touched(kind: MergeKind, pair: tuple[str, str], others: list[tuple[Any, Any]]) -> Touched:
    """The two records of a merge and the records at the other end of the merged one's
    relationships (``others``: label and natural key; identifiers are no records)."""
    by_label: dict[str, list[str]] = {label: [] for label in Label}
    for label, key in others:
        if label in by_label and key is not None:
            by_label[str(label)].append(str(key))
    by_label[kind.label].extend(pair)
    return touched(
        people=by_label[Label.PERSON],
        companies=by_label[Label.COMPANY],
        deals=by_label[Label.DEAL],
        interactions=by_label[Label.INTERACTION],
    )


def _apply_parameters(
    kind: MergeKind,
    row: Record,
    links: list[Link],
    actions: dict[str, str],
    fields: tuple[FieldChange, ...],
) -> dict[str, Any]:
    """What the write of a merge needs besides the ids: what the read saw, the actions, the
    survivor's new properties and the merge record."""
    props, survivor_changes = changes(fields)
    record = {
        "merge_id": uuid.uuid4().hex,
        "kind": kind.value,
        "survivor_before": json.dumps(row["survivor_entries"], sort_keys=True),
        "survivor_changes": json.dumps(survivor_changes, sort_keys=True),
        "moved": moved_rows(links, actions),
    }
    return {
        "seen_versions": {"survivor": _version(row["survivor"]), "merged": _version(row["merged"])},
        "seen_ids": sorted({link.id for link in links}),
        "actions": actions,
        "props": props,
        "record": record,
    }


class MergeCommands:
    """Preview, merge and unmerge; each write is one transaction."""

    def __init__(self, client: GraphClient, *, attempts: int = 3) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.client = client
        self.attempts = attempts

    async def preview(
        self,
        kind: MergeKind,
        survivor_uid: str,
        merged_uid: str,
        *,
        expected_survivor: int | None = None,
        expected_merged: int | None = None,
    ) -> MergePreview:
        """What merging ``merged_uid`` into ``survivor_uid`` would do; writes nothing."""
        pair, expected = (survivor_uid, merged_uid), (expected_survivor, expected_merged)
        return (await self._plan(kind, pair, expected, read_only=True)).preview

    async def merge(
        self,
        kind: MergeKind,
        survivor_uid: str,
        merged_uid: str,
        *,
        expected_survivor: int | None = None,
        expected_merged: int | None = None,
    ) -> MergeDone:
        """Merge ``merged_uid`` into ``survivor_uid`` in one write transaction."""
        pair, expected = (survivor_uid, merged_uid), (expected_survivor, expected_merged)
        return await self._retrying(lambda: self._merge(kind, pair, expected))

    async def unmerge(self, merge_id: str) -> UnmergeDone:
        """Undo the merge ``merge_id`` in one write transaction."""
        return await self._retrying(lambda: self._unmerge(merge_id))

    async def _retrying(self, attempt: Callable[[], Awaitable[T]]) -> T:
        for remaining in range(self.attempts - 1, -1, -1):
            try:
                return await attempt()
            except ConcurrentChange:
                if remaining == 0:
                    raise
        raise AssertionError("unreachable")

    async def _plan(
        self,
        kind: MergeKind,
        pair: tuple[str, str],
        expected: tuple[int | None, int | None],
        *,
        read_only: bool = False,
    ) -> _Plan:
        base = {
            "survivor_uid": pair[0],
            "merged_uid": pair[1],
            "expected_survivor": expected[0],
            "expected_merged": expected[1],
        }
        row = await run_command(self.client, _PLAN[kind], base, read=read_only)
        records = (row["survivor"], row["merged"])
        links = links_from(row["links"], kind, pair)
        actions = decide(kind, links)
        fields = resolve(kind, *records)
        preview = MergePreview(
            kind=kind,
            survivor=_entity(kind, records[0]),
            merged=_entity(kind, records[1]),
            fields=fields,
            relationships=groups(links, actions),
            warnings=warnings(kind, records, links, actions),
        )
        parameters = {**base, **_apply_parameters(kind, row, links, actions, fields)}
        others = [link.other for link in links if link.owner == "merged"]
        return _Plan(
            preview=preview,
            parameters=parameters,
            knows_as_of=native(row["knows_as_of"]),
            touched=_touched(kind, pair, others),
        )

    async def _merge(
        self, kind: MergeKind, pair: tuple[str, str], expected: tuple[int | None, int | None]
    ) -> MergeDone:
        plan = await self._plan(kind, pair, expected)
        row = await run_command(
            self.client, _APPLY[kind], plan.parameters, touches=lambda *_: plan.touched
        )
        return MergeDone(
            merge_id=plan.parameters["record"]["merge_id"],
            kind=kind,
            survivor=_entity(kind, row["survivor"]),
            merged=_entity(kind, row["merged"]),
            knows_as_of=plan.knows_as_of,
        )

    async def _unmerge(self, merge_id: str) -> UnmergeDone:
        plan = await run_command(self.client, UNMERGE_PLAN, {"merge_id": merge_id})
        kind = MergeKind(plan["kind"])
        rows = [_restorable(kind, text) for text in plan["moved"] or ()]
        parameters = {
            "merge_id": merge_id,
            "seen_versions": {
                "survivor": _version(plan["survivor"]),
                "merged": _version(plan["merged"]),
            },
            "rows": rows,
            "restore": restoring(json.loads(plan["survivor_changes"]), plan["survivor"]),
        }
        pair = (str(plan["survivor"]["uid"]), str(plan["merged"]["uid"]))
        change = _touched(kind, pair, [(r["other_label"], r["other_key"]) for r in rows])
        row: Record = await run_command(
            self.client, UNMERGE_APPLY, parameters, touches=lambda *_: change
        )
        restored = int(row["restored"])
        return UnmergeDone(
            merge_id=merge_id,
            kind=kind,
            survivor=_entity(kind, row["survivor"]),
            restored=_entity(kind, row["merged"]),
            relationships_restored=restored,
            relationships_not_restored=len(rows) - restored,
            knows_as_of=native(plan["knows_as_of"]),
        )
