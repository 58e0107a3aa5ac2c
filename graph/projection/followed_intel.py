"""Buying committees and one company's hidden links over the follower, as
:mod:`graph.projection.followed` does for org charts and referrals: from the resident
projection once it is built (each answer waits for the feed entries already known to be
applied, and runs its CPU-bound work in a worker thread), from the per-request reads until
then. A company's links still send one indexed query per answer, the full-text name matches
(see :mod:`graph.projection.link_view`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.projection.committee_view import ResidentCommitteeReader
from graph.projection.followed import _answer, _drive
from graph.projection.follower import ProjectionFollower
from graph.projection.link_view import ResidentLinkProjection, read_name_matches
from graph.reading.committee import CommitteeReader
from graph.reading.link_projection import DEFAULT_LIMITS, LinkProjection, ProjectionLimits
from schema.reading.link_projection import CompanyNetwork
from schema.reading.org import ColleaguePaths, DealCommittee

__all__ = ["FollowedCommitteeReader", "FollowedLinkProjection"]


class FollowedCommitteeReader:
    """:class:`graph.reading.committee.CommitteeReader`'s interface over the follower."""

    def __init__(self, client: GraphClient, follower: ProjectionFollower) -> None:
        self.follower = follower
        self.reads = CommitteeReader(client)

    async def committee(self, deal_uid: str) -> DealCommittee | None:
        return await _answer(
            self.follower,
            lambda s: ResidentCommitteeReader(s).committee(deal_uid),
            lambda: self.reads.committee(deal_uid),
        )

    async def colleague_paths(
        self, targets: Sequence[str], *, per_target: int = 25
    ) -> ColleaguePaths:
        return await _answer(
            self.follower,
            lambda s: ResidentCommitteeReader(s).colleague_paths(targets, per_target=per_target),
            lambda: self.reads.colleague_paths(targets, per_target=per_target),
        )


class FollowedLinkProjection:
    """:meth:`LinkProjection.company` over the follower; :meth:`everything` (the whole
    graph's evidence, for the strongest links and communities) still reads per request."""

    def __init__(
        self,
        client: GraphClient,
        follower: ProjectionFollower,
        *,
        limits: ProjectionLimits = DEFAULT_LIMITS,
    ) -> None:
        self.follower = follower
        self.reads = LinkProjection(client, limits=limits)

    async def company(self, uid: str, *, as_of: date) -> CompanyNetwork | None:
        store = await self.follower.current()
        if store is None:
            return await self.reads.company(uid, as_of=as_of)
        async with self.follower.gate.reading():
            resident = ResidentLinkProjection(store, limits=self.reads.limits)
            await read_name_matches(resident, self.reads, uid)
            return await in_cpu_lane(_drive, resident.company(uid, as_of=as_of))

    async def everything(self, *, as_of: date) -> CompanyNetwork:
        return await self.reads.everything(as_of=as_of)
