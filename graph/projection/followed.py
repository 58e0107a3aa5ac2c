"""Readers that answer from the resident projection once it is built, and from the
per-request reads until then; each answer waits for the feed entries already known to be
applied (read-your-writes) and runs its CPU-bound work in a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Collection, Coroutine, Sequence
from datetime import date
from typing import Any, TypeVar

from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.projection.follower import ProjectionFollower
from graph.projection.org_view import ResidentOrgReader
from graph.projection.referral_view import ResidentReferralReader
from graph.projection.store import ProjectionStore
from graph.reading.org import OrgReader
from graph.reading.referrals import ReferralReader
from schema.enums import Seniority
from schema.reading.org import DealRole, FamilyCompany, OrgProjection
from schema.reading.referrals import ReferralProjection

__all__ = ["FollowedOrgReader", "FollowedReferralReader"]

T = TypeVar("T")


def _drive(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends (the resident readers' methods) to its end."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("a resident reader suspended")


async def _answer(
    follower: ProjectionFollower,
    resident: Callable[[ProjectionStore], Coroutine[Any, Any, T]],
    fallback: Callable[[], Coroutine[Any, Any, T]],
) -> T:
    store = await follower.current()
    if store is None:
        return await fallback()
    async with follower.gate.reading():
        return await in_cpu_lane(_drive, resident(store))


class FollowedOrgReader:
    """:class:`graph.reading.org.OrgReader`'s interface over the follower."""

    def __init__(self, client: GraphClient, follower: ProjectionFollower) -> None:
        self.follower = follower
        self.reads = OrgReader(client)

    def _resident(self, store: ProjectionStore) -> ResidentOrgReader:
        return ResidentOrgReader(
            store, node_cap=self.reads.node_cap, company_cap=self.reads.company_cap
        )

    async def company_uids(self, *, after: str = "", limit: int = 500) -> list[str]:
        return await _answer(
            self.follower,
            lambda s: self._resident(s).company_uids(after=after, limit=limit),
            lambda: self.reads.company_uids(after=after, limit=limit),
        )

    async def family(
        self, company_uid: str, *, include_subsidiaries: bool, depth: int = 3
    ) -> tuple[FamilyCompany, ...] | None:
        return await _answer(
            self.follower,
            lambda s: self._resident(s).family(
                company_uid, include_subsidiaries=include_subsidiaries, depth=depth
            ),
            lambda: self.reads.family(
                company_uid, include_subsidiaries=include_subsidiaries, depth=depth
            ),
        )

    async def project(
        self,
        company_uid: str,
        *,
        as_of: date,
        include_subsidiaries: bool = False,
        window_days: int = 365,
    ) -> OrgProjection | None:
        options: dict[str, Any] = {
            "as_of": as_of,
            "include_subsidiaries": include_subsidiaries,
            "window_days": window_days,
        }
        return await _answer(
            self.follower,
            lambda s: self._resident(s).project(company_uid, **options),
            lambda: self.reads.project(company_uid, **options),
        )

    async def deal_roles(
        self, person_uids: Sequence[str], companies: Sequence[str]
    ) -> list[DealRole]:
        return await _answer(
            self.follower,
            lambda s: self._resident(s).deal_roles(person_uids, companies),
            lambda: self.reads.deal_roles(person_uids, companies),
        )


class FollowedReferralReader:
    """:class:`graph.reading.referrals.ReferralReader`'s interface over the follower."""

    def __init__(
        self, client: GraphClient, follower: ProjectionFollower, *, timeout: float = 10.0
    ) -> None:
        self.follower = follower
        self.reads = ReferralReader(client, timeout=timeout)

    async def home_team(self) -> tuple[str | None, list[str]]:
        return await _answer(
            self.follower,
            lambda s: ResidentReferralReader(s).home_team(),
            self.reads.home_team,
        )

    async def company_employees(self, uid: str) -> list[tuple[str, Seniority, str | None]]:
        return await _answer(
            self.follower,
            lambda s: ResidentReferralReader(s).company_employees(uid),
            lambda: self.reads.company_employees(uid),
        )

    async def project(
        self, sources: Collection[str], targets: Collection[str], **options: Any
    ) -> ReferralProjection:
        return await _answer(
            self.follower,
            lambda s: ResidentReferralReader(s).project(sources, targets, **options),
            lambda: self.reads.project(sources, targets, **options),
        )
