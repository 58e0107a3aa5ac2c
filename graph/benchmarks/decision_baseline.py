"""The decision-makers benchmark's side of plain Cypher: the largest account, and its
people ranked by title seniority alone, through the driver."""

from __future__ import annotations

from dataclasses import dataclass

from graph.benchmarks import decision_queries as q
from graph.driver import GraphClient

__all__ = ["Account", "SeniorityBaseline"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """A company and how many people work there now."""

    uid: str
    name: str
    people: int


class SeniorityBaseline:
    """Reads for ``relgraph bench referrals``' decision-makers timing."""

    def __init__(self, client: GraphClient, *, timeout: float = 60.0) -> None:
        self.client = client
        self.timeout = timeout

    async def largest_account(self) -> Account | None:
        """The account with the most current people (never our own company), if any."""
        rows = await self.client.read(q.LARGEST_ACCOUNT, {}, timeout=self.timeout)
        if not rows:
            return None
        row = rows[0]
        return Account(uid=str(row["uid"]), name=str(row["name"]), people=int(row["people"]))

    async def by_seniority(self, uid: str, *, limit: int) -> list[str]:
        """The uids of ``uid``'s current people, most senior first."""
        rows = await self.client.read(
            q.BY_SENIORITY, {"uid": uid, "limit": limit}, timeout=self.timeout
        )
        return [str(r["uid"]) for r in rows]
