"""Merge mutations: merge two people or two companies (a dry run by default), unmerge.

``mergePeople`` and ``mergeCompanies`` return a :class:`~schema.gql.merges.MergePreview`
when ``dryRun`` (the default: nothing is written) and a ``MergeSuccess`` with the
``mergeId`` that ``unmerge`` takes otherwise. An id of another type is a ``ValidationError``
on its argument (not ``NotFound``: the id is well-formed but cannot be merged here).
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, rejected
from schema.errors import InvalidInput
from schema.gql.merges import MergePreview, merged_node
from schema.gql.results import Conflict, NotFound, StaleVersion, ValidationError
from schema.reading.merges import MergeDone, MergeKind

__all__ = [
    "MergeSuccess",
    "MergeVersionsInput",
    "UnmergeSuccess",
    "merge_companies",
    "merge_people",
    "unmerge",
]


@strawberry.input(description="The versions the caller read; a merge refuses to run on others.")
class MergeVersionsInput:
    survivor: int | None = None
    merged: int | None = None


@strawberry.type(description="A merge that happened: the survivor now, and the merge's id.")
class MergeSuccess:
    survivor: relay.Node
    merge_id: str = strawberry.field(description="What unmerge takes to undo this merge.")


@strawberry.type(description="An undone merge: both records as they were before it.")
class UnmergeSuccess:
    survivor: relay.Node
    restored: relay.Node = strawberry.field(description="The merged record, live again.")
    relationships_restored: int
    relationships_not_restored: int = strawberry.field(
        description="Moved relationships that a later write removed from the survivor, or "
        "whose other end is gone: they stay removed."
    )


MergeResult = MergePreview | MergeSuccess | NotFound | ValidationError | StaleVersion | Conflict
MergePeopleResult = Annotated[MergeResult, strawberry.union("MergePeopleResult")]
MergeCompaniesResult = Annotated[MergeResult, strawberry.union("MergeCompaniesResult")]
UnmergeResult = Annotated[
    UnmergeSuccess | NotFound | ValidationError | Conflict, strawberry.union("UnmergeResult")
]

_TYPE_NAMES = {MergeKind.PERSON: "Person", MergeKind.COMPANY: "Company"}


def _uid(id: relay.GlobalID, kind: MergeKind, field: str) -> str:
    if id.type_name != _TYPE_NAMES[kind]:
        raise InvalidInput(f"This id does not name a {_TYPE_NAMES[kind]}.", field=field)
    return id.node_id


async def _merge(
    info: Info,
    kind: MergeKind,
    ids: tuple[relay.GlobalID, relay.GlobalID],
    dry_run: bool,
    versions: MergeVersionsInput | None,
) -> MergeResult:
    versions = versions or MergeVersionsInput()
    try:
        outcome = await info.context.commands.merges.merge(
            kind,
            _uid(ids[0], kind, "survivor_id"),
            _uid(ids[1], kind, "merged_id"),
            dry_run=dry_run,
            expected_survivor=versions.survivor,
            expected_merged=versions.merged,
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, StaleVersion, Conflict)
    if isinstance(outcome, MergeDone):
        return MergeSuccess(survivor=merged_node(outcome.survivor), merge_id=outcome.merge_id)
    return MergePreview.from_model(outcome)


async def merge_people(
    info: Info,
    survivor_id: relay.GlobalID,
    merged_id: relay.GlobalID,
    dry_run: bool = True,
    expected_versions: MergeVersionsInput | None = None,
) -> MergePeopleResult:
    return await _merge(
        info, MergeKind.PERSON, (survivor_id, merged_id), dry_run, expected_versions
    )


async def merge_companies(
    info: Info,
    survivor_id: relay.GlobalID,
    merged_id: relay.GlobalID,
    dry_run: bool = True,
    expected_versions: MergeVersionsInput | None = None,
) -> MergeCompaniesResult:
    return await _merge(
        info, MergeKind.COMPANY, (survivor_id, merged_id), dry_run, expected_versions
    )


async def unmerge(info: Info, merge_id: str) -> UnmergeResult:
    try:
        done = await info.context.commands.merges.unmerge(merge_id)
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, Conflict)
    return UnmergeSuccess(
        survivor=merged_node(done.survivor),
        restored=merged_node(done.restored),
        relationships_restored=done.relationships_restored,
        relationships_not_restored=done.relationships_not_restored,
    )
