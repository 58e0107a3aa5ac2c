"""The intelligence benchmark's side of plain Cypher: for ``orgChart``, ``hiddenLinks`` and
``buyingCommittee``, the nearest single query through the driver (the account's people and
their recorded lines; the companies sharing a person or an identifier with it; the deal's
contacts and their ties to our colleagues), and the deal the benchmark asks about.

Each read returns how many rows it fetched, so a benchmark can show what each side
brought back.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.benchmarks import intelligence_queries as q
from graph.driver import GraphClient

__all__ = ["DealRef", "IntelligenceBaseline"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DealRef:
    """A deal and how many contacts its committee has."""

    uid: str
    name: str
    contacts: int


class IntelligenceBaseline:
    """Plain-Cypher reads for ``relgraph bench intelligence``."""

    def __init__(self, client: GraphClient, *, timeout: float = 60.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.client = client
        self.timeout = timeout

    async def org_lines(self, company_uid: str) -> int:
        """The account's current people with their recorded managers; how many rows."""
        rows = await self.client.read(q.ORG_LINES, {"uid": company_uid}, timeout=self.timeout)
        return len(rows)

    async def shared_with(self, company_uid: str, *, limit: int) -> int:
        """The companies sharing a person or an identifier with the account, the most shared
        first (at most ``limit``); how many."""
        rows = await self.client.read(
            q.SHARED_WITH, {"uid": company_uid, "limit": limit}, timeout=self.timeout
        )
        return len(rows)

    async def committee_ties(self, deal_uid: str, *, ties: int = 3) -> int:
        """The deal's contacts, each with their ``ties`` strongest KNOWS to our colleagues;
        how many contacts."""
        rows = await self.client.read(
            q.COMMITTEE_TIES, {"uid": deal_uid, "ties": ties}, timeout=self.timeout
        )
        return len(rows)

    async def committee_deal(self, company_uid: str | None) -> DealRef | None:
        """The deal with the most contacts, the account's first; None when no deal has any."""
        rows = await self.client.read(
            q.COMMITTEE_DEAL, {"company": company_uid}, timeout=self.timeout
        )
        if not rows:
            return None
        r = rows[0]
        return DealRef(uid=str(r["uid"]), name=str(r["name"] or ""), contacts=int(r["contacts"]))
