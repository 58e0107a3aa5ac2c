"""Batched writers of model records: each batch is one ``UNWIND $rows`` managed transaction.

``MERGE`` on constrained keys makes every batch idempotent, so a retried transaction or a
re-run import changes nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import LiteralString, TypeVar

from graph.driver import GraphClient
from graph.queries import entities, relationships
from graph.writing import rows
from schema.model import (
    AccountOwnership,
    Company,
    Deal,
    DealContact,
    Employment,
    Interaction,
    Person,
    ReportingLine,
    Subsidiary,
)

__all__ = ["GraphWriter", "WriteResult"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WriteResult:
    """How many records were given and how many found every node they reference."""

    given: int = 0
    written: int = 0

    @property
    def skipped(self) -> int:
        """Records dropped because a referenced node does not exist."""
        return self.given - self.written

    def __add__(self, other: WriteResult) -> WriteResult:
        return WriteResult(self.given + other.given, self.written + other.written)


class GraphWriter:
    """Writes model records to the graph in batches of ``batch_size``."""

    def __init__(self, client: GraphClient, *, batch_size: int = 1000) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.client = client
        self.batch_size = batch_size

    async def companies(self, records: Iterable[Company]) -> WriteResult:
        """Upsert companies and their Domain, Address and Phone links."""
        return await self.write_rows(entities.UPSERT_COMPANIES, records, rows.company_row)

    async def people(self, records: Iterable[Person]) -> WriteResult:
        """Upsert people and their Phone links."""
        return await self.write_rows(entities.UPSERT_PEOPLE, records, rows.person_row)

    async def employments(self, records: Iterable[Employment]) -> WriteResult:
        """Upsert WORKS_AT edges."""
        return await self.write_rows(relationships.UPSERT_EMPLOYMENTS, records, rows.employment_row)

    async def reporting_lines(self, records: Iterable[ReportingLine]) -> WriteResult:
        """Upsert REPORTS_TO edges."""
        return await self.write_rows(
            relationships.UPSERT_REPORTING_LINES, records, rows.reporting_line_row
        )

    async def subsidiaries(self, records: Iterable[Subsidiary]) -> WriteResult:
        """Upsert SUBSIDIARY_OF edges."""
        return await self.write_rows(
            relationships.UPSERT_SUBSIDIARIES, records, rows.subsidiary_row
        )

    async def ownerships(self, records: Iterable[AccountOwnership]) -> WriteResult:
        """Upsert OWNS edges from colleagues to their accounts."""
        return await self.write_rows(relationships.UPSERT_OWNERSHIPS, records, rows.ownership_row)

    async def deals(self, records: Iterable[Deal]) -> WriteResult:
        """Upsert deals with their FOR company and OWNS owner edges."""
        return await self.write_rows(entities.UPSERT_DEALS, records, rows.deal_row)

    async def deal_contacts(self, records: Iterable[DealContact]) -> WriteResult:
        """Upsert INVOLVED_IN edges with the buying-committee role."""
        return await self.write_rows(
            relationships.UPSERT_DEAL_CONTACTS, records, rows.deal_contact_row
        )

    async def interactions(self, records: Iterable[Interaction]) -> WriteResult:
        """Upsert interactions with their participants and ABOUT deal edge."""
        return await self.write_rows(entities.UPSERT_INTERACTIONS, records, rows.interaction_row)

    async def write_rows(
        self, query: LiteralString, records: Iterable[T], to_row: Callable[[T], rows.Row]
    ) -> WriteResult:
        """Run ``query`` over ``records`` turned into rows, one transaction per batch."""
        total = WriteResult()
        for batch in _batched(records, self.batch_size):
            result = await self.client.write(query, {"rows": [to_row(r) for r in batch]})
            total += WriteResult(len(batch), int(result[0]["written"]) if result else 0)
        return total


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
