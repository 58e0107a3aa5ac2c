"""Batched writers of model records: each batch is one ``UNWIND $rows`` managed transaction.

``MERGE`` on constrained keys makes every batch idempotent, so a retried transaction or a
re-run import changes nothing twice.

Change feed: each batch appends one entry naming every record its rows name (the records and
both ends of the relationships; an employment or reporting line that moves, the ends it
leaves too, read in the batch's transaction first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, LiteralString, TypeVar

from graph.driver import GraphClient, Transaction
from graph.queries import entities, relationships
from graph.queries.changes import REPORTS_TO_ENDS, WORKS_AT_ENDS
from graph.writing import rows
from graph.writing.touches import touched_from
from schema.changes import Touched, touched
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

__all__ = ["GraphWriter", "RowTouches", "WriteResult"]

T = TypeVar("T")
RowTouches = Callable[[list[rows.Row]], Touched]
"""What a batch of rows touches."""


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
        return await self.write_rows(
            entities.UPSERT_COMPANIES, records, rows.company_row, touches=_uids("companies")
        )

    async def people(self, records: Iterable[Person]) -> WriteResult:
        """Upsert people and their Phone links."""
        return await self.write_rows(
            entities.UPSERT_PEOPLE, records, rows.person_row, touches=_uids("people")
        )

    async def employments(self, records: Iterable[Employment]) -> WriteResult:
        """Upsert WORKS_AT edges."""
        return await self.write_rows(
            relationships.UPSERT_EMPLOYMENTS,
            records,
            rows.employment_row,
            touches=_ends(people=("person_uid",), companies=("company_uid",)),
            ends_of=WORKS_AT_ENDS,
        )

    async def reporting_lines(self, records: Iterable[ReportingLine]) -> WriteResult:
        """Upsert REPORTS_TO edges."""
        return await self.write_rows(
            relationships.UPSERT_REPORTING_LINES,
            records,
            rows.reporting_line_row,
            touches=_ends(people=("person_uid", "manager_uid")),
            ends_of=REPORTS_TO_ENDS,
        )

    async def subsidiaries(self, records: Iterable[Subsidiary]) -> WriteResult:
        """Upsert SUBSIDIARY_OF edges."""
        return await self.write_rows(
            relationships.UPSERT_SUBSIDIARIES,
            records,
            rows.subsidiary_row,
            touches=_ends(companies=("child_uid", "parent_uid")),
        )

    async def ownerships(self, records: Iterable[AccountOwnership]) -> WriteResult:
        """Upsert OWNS edges from colleagues to their accounts."""
        return await self.write_rows(
            relationships.UPSERT_OWNERSHIPS,
            records,
            rows.ownership_row,
            touches=_ends(people=("person_uid",), companies=("company_uid",)),
        )

    async def deals(self, records: Iterable[Deal]) -> WriteResult:
        """Upsert deals with their FOR company and OWNS owner edges."""
        return await self.write_rows(
            entities.UPSERT_DEALS,
            records,
            rows.deal_row,
            touches=_ends(deals=("uid",), companies=("company_uid",), people=("owner_uid",)),
        )

    async def deal_contacts(self, records: Iterable[DealContact]) -> WriteResult:
        """Upsert INVOLVED_IN edges with the buying-committee role."""
        return await self.write_rows(
            relationships.UPSERT_DEAL_CONTACTS,
            records,
            rows.deal_contact_row,
            touches=_ends(deals=("deal_uid",), people=("person_uid",)),
        )

    async def interactions(self, records: Iterable[Interaction]) -> WriteResult:
        """Upsert interactions with their participants and ABOUT deal edge."""
        return await self.write_rows(
            entities.UPSERT_INTERACTIONS, records, rows.interaction_row, touches=_interactions
        )

    async def write_rows(
        self,
        query: LiteralString,
        records: Iterable[T],
        to_row: Callable[[T], rows.Row],
        *,
        touches: RowTouches,
        ends_of: LiteralString | None = None,
    ) -> WriteResult:
        """Run ``query`` over ``records`` turned into rows, one transaction per batch, each
        with the change-feed entry of what ``touches`` says of its rows (and of what
        ``ends_of``, a read of the ends of the relationships with the rows' ``uid``, finds
        before the write)."""
        total = WriteResult()
        for batch in _batched(records, self.batch_size):
            batch_rows = [to_row(r) for r in batch]
            written = await self._write_batch(query, batch_rows, touches, ends_of)
            total += WriteResult(len(batch), written)
        return total

    async def _write_batch(
        self,
        query: LiteralString,
        batch: list[rows.Row],
        touches: RowTouches,
        ends_of: LiteralString | None,
    ) -> int:
        async def work(tx: Transaction) -> int:
            if ends_of is not None:
                [ends] = await tx.run(ends_of, {"uids": [r["uid"] for r in batch]})
                tx.touch(touched_from(ends))
            result = await tx.run(query, {"rows": batch})
            tx.touch(touches(batch))
            return int(result[0]["written"]) if result else 0

        written: int = await self.client.transaction(work)
        return written


def _uids(kind: str) -> RowTouches:
    """The rows' ``uid`` as records of ``kind``."""
    return lambda batch: touched_from({kind: [r["uid"] for r in batch]})


def _ends(**fields: tuple[str, ...]) -> RowTouches:
    """The uids the rows hold in ``fields`` (by kind: the row keys holding them)."""

    def touches(batch: list[rows.Row]) -> Touched:
        found: dict[str, list[Any]] = {kind: [] for kind in fields}
        for row in batch:
            for kind, keys in fields.items():
                found[kind] += (row[key] for key in keys)
        return touched_from(found)

    return touches


def _interactions(batch: list[rows.Row]) -> Touched:
    return touched(
        interactions=[r["uid"] for r in batch],
        deals=[r["deal_uid"] for r in batch],
        people=[p["person_uid"] for r in batch for p in r["participants"]],
    )


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
