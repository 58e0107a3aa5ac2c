"""The CRM benchmark's side of plain Cypher: the standard reads through the driver, one
query each, and the accounts and contacts the read benchmarks pick their subjects from.

Each read returns how many items it fetched (records and the records nested in them), so
a benchmark can show both sides brought back the same data.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.benchmarks import crm_queries as q
from graph.driver import GraphClient
from graph.reading.crm.analytics import lucene_query

__all__ = ["CrmBaseline", "Named"]

_CAP = 500_000
"""At most this many accounts or contacts to pick subjects from."""


@dataclass(frozen=True, slots=True)
class Named:
    """A record's uid and its name."""

    uid: str
    name: str


class CrmBaseline:
    """Plain-Cypher reads for ``relgraph bench crm`` and ``relgraph bench load``."""

    def __init__(self, client: GraphClient, *, timeout: float = 60.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.client = client
        self.timeout = timeout

    async def company_page(self, *, skip: int, limit: int) -> int:
        """Companies ``skip`` .. ``skip + limit`` by name, with their current people and open
        deals; the number of companies, people and deals fetched."""
        rows = await self.client.read(
            q.COMPANY_PAGE, {"skip": skip, "limit": limit}, timeout=self.timeout
        )
        return sum(1 + len(r["people"]) + len(r["deals"]) for r in rows)

    async def person(self, uid: str) -> int:
        """A person with their jobs and deal roles; the number of records fetched (0 when
        there is no such live person)."""
        rows = await self.client.read(q.PERSON_PROFILE, {"uid": uid}, timeout=self.timeout)
        return sum(1 + len(r["jobs"]) + len(r["roles"]) for r in rows)

    async def search(self, text: str, *, limit: int) -> list[str]:
        """The uids of the best ``limit`` companies, people and deals matching ``text``, with
        the typo-tolerant Lucene query the API sends the same index."""
        query = lucene_query(text)
        if not query:
            return []
        parameters = {"query": query, "limit": limit, "scan": limit * 5 + 50}
        rows = await self.client.read(q.SEARCH, parameters, timeout=self.timeout)
        return [str(r["uid"]) for r in rows]

    async def accounts(self) -> list[Named]:
        """Every live account (never our own company), by uid."""
        rows = await self.client.read(q.ACCOUNTS, {"cap": _CAP}, timeout=self.timeout)
        return [Named(str(r["uid"]), str(r["name"] or "")) for r in rows]

    async def contacts(self) -> list[Named]:
        """Every live person with a job now who is not our colleague, by uid."""
        rows = await self.client.read(q.CONTACTS, {"cap": _CAP}, timeout=self.timeout)
        return [Named(str(r["uid"]), str(r["name"] or "")) for r in rows]
