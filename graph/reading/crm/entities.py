"""Entities by uid, in batches, and ordered, filtered pages of uids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.driver import GraphClient
from graph.queries import reads
from graph.reading.crm.compiler import compile_filter, compile_order
from graph.reading.crm.records import company_from, deal_from, interaction_from, person_from
from graph.reading.crm.specs import EntitySpec
from schema.listing import Filter, OrderKey, PageWindow
from schema.model import Company, Deal, Interaction, Person

__all__ = ["EntityReader", "UidPage"]


@dataclass(frozen=True, slots=True)
class UidPage:
    """One page of an ordered list: the uids in order, and how many matched in all."""

    total: int
    uids: tuple[str, ...]


class EntityReader:
    """Loads companies, people, deals and interactions, and pages through them."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def companies(self, uids: Sequence[str]) -> dict[str, Company]:
        """Companies by uid (missing uids are absent from the result)."""
        rows = await self.client.read(reads.COMPANIES_BY_UID, {"uids": list(uids)})
        return {r["props"]["uid"]: company_from(r["props"]) for r in rows}

    async def people(self, uids: Sequence[str]) -> dict[str, Person]:
        """People by uid."""
        rows = await self.client.read(reads.PEOPLE_BY_UID, {"uids": list(uids)})
        return {r["props"]["uid"]: person_from(r["props"]) for r in rows}

    async def deals(self, uids: Sequence[str]) -> dict[str, Deal]:
        """Deals by uid, with their company and owner uids."""
        rows = await self.client.read(reads.DEALS_BY_UID, {"uids": list(uids)})
        return {
            r["props"]["uid"]: deal_from(
                r["props"], company_uid=r["company_uid"], owner_uid=r["owner_uid"]
            )
            for r in rows
        }

    async def interactions(self, uids: Sequence[str]) -> dict[str, Interaction]:
        """Interactions by uid, with the uid of the deal they are about."""
        rows = await self.client.read(reads.INTERACTIONS_BY_UID, {"uids": list(uids)})
        return {
            r["props"]["uid"]: interaction_from(r["props"], deal_uid=r["deal_uid"]) for r in rows
        }

    async def page(
        self,
        spec: EntitySpec,
        *,
        where: Filter | None,
        order: Sequence[OrderKey],
        window: PageWindow | Callable[[int], PageWindow] | None,
    ) -> UidPage:
        """Count the matches, then read the uids of one ordered window of them.

        ``window`` may be a function of the total (Relay's ``last`` needs it): then the count
        is read first; a window known beforehand is read with the count in one query. With
        ``window`` None only the count is read (``uids`` is empty).
        """
        condition, params = compile_filter(where, spec)
        match = "MATCH (n:" + spec.label + ") WHERE n.deleted_at IS NULL AND " + condition
        if isinstance(window, PageWindow):  # known beforehand: count and page in one read
            text = (
                "CALL () { "
                + match
                + " RETURN count(n) AS total } CALL () { "
                + match
                + " WITH n ORDER BY "
                + compile_order(order, spec)
                + " SKIP $skip LIMIT $limit RETURN collect(n.uid) AS uids } RETURN total, uids"
            )
            both: dict[str, Any] = {**params, "skip": window.skip, "limit": window.limit}
            [row] = await self.client.read(text, both)
            return UidPage(total=int(row["total"]), uids=tuple(str(u) for u in row["uids"]))
        count = await self.client.read(match + " RETURN count(n) AS total", params)
        total = int(count[0]["total"]) if count else 0
        if callable(window):
            window = window(total)
        if window is None or window.limit == 0 or total == 0:
            return UidPage(total=total, uids=())
        text = (
            match
            + " WITH n ORDER BY "
            + compile_order(order, spec)
            + " SKIP $skip LIMIT $limit RETURN n.uid AS uid"
        )
        page_params: dict[str, Any] = {**params, "skip": window.skip, "limit": window.limit}
        rows = await self.client.read(text, page_params)
        return UidPage(total=total, uids=tuple(str(r["uid"]) for r in rows))
