"""Load a complete set of model records into the graph, in dependency order.

Nodes first (companies, people, deals, interactions), then the relationships that reference
them. Every write is an idempotent ``MERGE`` batch, so loading the same records twice changes
nothing, and an interrupted load is completed by running it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from graph.writing.writers import GraphWriter, WriteResult
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

__all__ = ["LoadReport", "RecordSet", "load_records"]


class RecordSet(Protocol):
    """Any bundle of model records, such as the demo generator's dataset."""

    @property
    def companies(self) -> Sequence[Company]: ...
    @property
    def people(self) -> Sequence[Person]: ...
    @property
    def employments(self) -> Sequence[Employment]: ...
    @property
    def reporting_lines(self) -> Sequence[ReportingLine]: ...
    @property
    def subsidiaries(self) -> Sequence[Subsidiary]: ...
    @property
    def account_ownerships(self) -> Sequence[AccountOwnership]: ...
    @property
    def deals(self) -> Sequence[Deal]: ...
    @property
    def deal_contacts(self) -> Sequence[DealContact]: ...
    @property
    def interactions(self) -> Sequence[Interaction]: ...


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Per collection: how many records were given and written."""

    results: dict[str, WriteResult]

    @property
    def skipped(self) -> int:
        """Records whose referenced nodes were missing."""
        return sum(r.skipped for r in self.results.values())


Progress = Callable[[str, WriteResult], None]


async def load_records(
    writer: GraphWriter, records: RecordSet, *, progress: Progress | None = None
) -> LoadReport:
    """Write every collection of ``records`` through ``writer`` and report the counts."""
    results: dict[str, WriteResult] = {}

    async def step(name: str, result: WriteResult) -> None:
        results[name] = result
        if progress is not None:
            progress(name, result)

    await step("companies", await writer.companies(records.companies))
    await step("people", await writer.people(records.people))
    await step("subsidiaries", await writer.subsidiaries(records.subsidiaries))
    await step("employments", await writer.employments(records.employments))
    await step("reporting_lines", await writer.reporting_lines(records.reporting_lines))
    await step("account_ownerships", await writer.ownerships(records.account_ownerships))
    await step("deals", await writer.deals(records.deals))
    await step("deal_contacts", await writer.deal_contacts(records.deal_contacts))
    await step("interactions", await writer.interactions(records.interactions))
    return LoadReport(results)
