"""Relationships of many entities at once, for DataLoaders: one query per batch."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import LiteralString

from graph.driver import GraphClient
from graph.queries import reads
from graph.reading.crm.records import (
    deal_contact_from,
    employment_from,
    participation_from,
    reporting_line_from,
)
from schema.model import DealContact, Employment, Participation, ReportingLine

__all__ = ["RelationReader"]


class RelationReader:
    """Batched reads along the model's relationships, keyed by the starting uid."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def employments_of_people(self, uids: Sequence[str]) -> dict[str, list[Employment]]:
        """Every WORKS_AT of each person: current first, then by start date, newest first."""
        return await self._employments(reads.EMPLOYMENTS_BY_PERSON, uids, "person_uid")

    async def employments_at_companies(self, uids: Sequence[str]) -> dict[str, list[Employment]]:
        """Every WORKS_AT into each company: current first."""
        return await self._employments(reads.EMPLOYMENTS_BY_COMPANY, uids, "company_uid")

    async def managers_of(self, uids: Sequence[str]) -> dict[str, list[ReportingLine]]:
        """Each person's REPORTS_TO lines: current first."""
        return await self._lines(reads.MANAGERS_BY_PERSON, uids, "person_uid")

    async def reports_of(self, uids: Sequence[str]) -> dict[str, list[ReportingLine]]:
        """The REPORTS_TO lines into each manager."""
        return await self._lines(reads.REPORTS_BY_MANAGER, uids, "manager_uid")

    async def parents_of(self, uids: Sequence[str]) -> dict[str, list[str]]:
        """The parent company uid of each company (at most one expected)."""
        return await self._pairs(reads.PARENTS_BY_COMPANY, uids)

    async def subsidiaries_of(self, uids: Sequence[str]) -> dict[str, list[str]]:
        """Subsidiary uids of each company, by name."""
        return await self._pairs(reads.SUBSIDIARIES_BY_COMPANY, uids)

    async def owners_of(self, uids: Sequence[str]) -> dict[str, list[str]]:
        """Account owner uids of each company."""
        return await self._pairs(reads.OWNERS_BY_COMPANY, uids)

    async def deals_of_companies(self, uids: Sequence[str]) -> dict[str, list[str]]:
        """Deal uids of each company, latest close date first."""
        return await self._pairs(reads.DEALS_BY_COMPANY, uids)

    async def contacts_of_deals(self, uids: Sequence[str]) -> dict[str, list[DealContact]]:
        """Buying-committee roles on each deal."""
        rows = await self.client.read(reads.CONTACTS_BY_DEAL, {"uids": list(uids)})
        result: dict[str, list[DealContact]] = defaultdict(list)
        for r in rows:
            result[r["deal_uid"]].append(
                deal_contact_from(r["props"], deal_uid=r["deal_uid"], person_uid=r["person_uid"])
            )
        return result

    async def deal_roles_of_people(self, uids: Sequence[str]) -> dict[str, list[DealContact]]:
        """Each person's roles on deals, latest close date first."""
        rows = await self.client.read(reads.CONTACTS_BY_PERSON, {"uids": list(uids)})
        result: dict[str, list[DealContact]] = defaultdict(list)
        for r in rows:
            result[r["person_uid"]].append(
                deal_contact_from(r["props"], deal_uid=r["deal_uid"], person_uid=r["person_uid"])
            )
        return result

    async def recent_interactions_of(
        self, uids: Sequence[str], *, cap: int
    ) -> dict[str, list[str]]:
        """Uids of the ``cap`` newest interactions of each company's people, newest first."""
        rows = await self.client.read(
            reads.RECENT_INTERACTIONS_BY_COMPANY, {"uids": list(uids), "cap": cap}
        )
        return {str(r["key"]): [str(u) for u in r["recent"]] for r in rows}

    async def participants_of(self, uids: Sequence[str]) -> dict[str, list[Participation]]:
        """Who took part in each interaction, and how."""
        rows = await self.client.read(reads.PARTICIPANTS_BY_INTERACTION, {"uids": list(uids)})
        result: dict[str, list[Participation]] = defaultdict(list)
        for r in rows:
            result[r["key"]].append(participation_from(r["props"], person_uid=r["person_uid"]))
        return result

    async def _employments(
        self, query: LiteralString, uids: Sequence[str], key: str
    ) -> dict[str, list[Employment]]:
        rows = await self.client.read(query, {"uids": list(uids)})
        result: dict[str, list[Employment]] = defaultdict(list)
        for r in rows:
            result[r[key]].append(
                employment_from(
                    r["props"], person_uid=r["person_uid"], company_uid=r["company_uid"]
                )
            )
        return result

    async def _lines(
        self, query: LiteralString, uids: Sequence[str], key: str
    ) -> dict[str, list[ReportingLine]]:
        rows = await self.client.read(query, {"uids": list(uids)})
        result: dict[str, list[ReportingLine]] = defaultdict(list)
        for r in rows:
            result[r[key]].append(
                reporting_line_from(
                    r["props"], person_uid=r["person_uid"], manager_uid=r["manager_uid"]
                )
            )
        return result

    async def _pairs(self, query: LiteralString, uids: Sequence[str]) -> dict[str, list[str]]:
        rows = await self.client.read(query, {"uids": list(uids)})
        result: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            result[str(r["key"])].append(str(r["value"]))
        return result
