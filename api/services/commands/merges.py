"""Merge use cases: preview or merge two people or two companies, undo a merge.

The ids are checked before the database is touched (two different ids; versions 1 or more).
A person merge or unmerge then derives KNOWS again for the people it changed: the merged
person's edges are gone with the merge, the survivor's are computed from its interactions
now, and an unmerge computes both people's. They are computed as of the latest
``computed_at`` of the edges they replace, so they stay comparable with the rest of the
graph (as of now when there were none).
"""

from __future__ import annotations

from datetime import UTC, datetime

from api.services.commands import validation
from api.services.knows import refresh_person_knows
from graph.commands.merges import MergeCommands
from graph.driver import GraphClient
from schema.errors import InvalidInput
from schema.reading.merges import MergeDone, MergeKind, MergePreview, UnmergeDone

__all__ = ["MergeService"]


class MergeService:
    """Reversible merges of duplicate records."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client
        self.merges = MergeCommands(client)

    async def merge(
        self,
        kind: MergeKind,
        survivor_uid: str,
        merged_uid: str,
        *,
        dry_run: bool = True,
        expected_survivor: int | None = None,
        expected_merged: int | None = None,
    ) -> MergePreview | MergeDone:
        """Preview (``dry_run``: nothing is written) or do the merge of ``merged_uid`` into
        ``survivor_uid``."""
        if survivor_uid == merged_uid:
            raise InvalidInput("must name another record than survivorId", field="merged_id")
        survivor_version = validation.expected_version(
            expected_survivor, "expected_versions.survivor"
        )
        merged_version = validation.expected_version(expected_merged, "expected_versions.merged")
        if dry_run:
            return await self.merges.preview(
                kind,
                survivor_uid,
                merged_uid,
                expected_survivor=survivor_version,
                expected_merged=merged_version,
            )
        done = await self.merges.merge(
            kind,
            survivor_uid,
            merged_uid,
            expected_survivor=survivor_version,
            expected_merged=merged_version,
        )
        if kind is MergeKind.PERSON:
            await self._refresh_knows((survivor_uid,), done.knows_as_of)
        return done

    async def unmerge(self, merge_id: str) -> UnmergeDone:
        """Undo the merge ``merge_id``: both records as they were before it."""
        key = validation.name(merge_id, "merge_id")
        done = await self.merges.unmerge(key)
        if done.kind is MergeKind.PERSON:
            await self._refresh_knows((done.survivor.uid, done.restored.uid), done.knows_as_of)
        return done

    async def _refresh_knows(self, uids: tuple[str, ...], as_of: datetime | None) -> None:
        moment = as_of or datetime.now(UTC)
        for uid in uids:
            await refresh_person_knows(self.client, uid, as_of=moment)
