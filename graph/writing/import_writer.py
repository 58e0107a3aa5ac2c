"""Import writes: one ``UNWIND $batch.rows`` managed transaction per batch, one outcome per row.

Rows are the dicts of :mod:`schema.import_rows` that the importer (``ingest/``) builds, one
:class:`~schema.import_rows.ImportKind` per batch. Entity-specific keys are documented with
the queries in :mod:`graph.queries.ingest.nodes`, :mod:`graph.queries.ingest.links` and
:mod:`graph.queries.ingest.two_step`. A batch either commits whole or not at all (managed
transactions retry transient failures, running the batch's read and decisions again), so an
interrupted import leaves every batch either written or absent, and re-running it completes
the rest with the same keys.

Each batch that changed something appends one change-feed entry in its own transaction,
naming every record its rows created or updated and the other ends of the relationships they
wrote or moved (see :mod:`graph.writing.touches`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import LiteralString, cast

from graph.driver import GraphClient, Record, Transaction
from graph.errors import DuplicateEntity
from graph.queries.ingest import links as ingest_links
from graph.queries.ingest import nodes as ingest_nodes
from graph.queries.ingest import runs as ingest_runs
from graph.queries.ingest.refs import batch_parameters
from graph.writing import import_jobs as ingest_jobs
from graph.writing import import_two_step as ingest_two_step
from graph.writing.touches import touched_by_outcomes
from schema.import_rows import EmploymentRow, ImportKind, ImportRow, InteractionRow, PersonRow

__all__ = ["ImportWriter", "RowOutcome"]

_QUERIES: Mapping[ImportKind, LiteralString] = MappingProxyType(
    {
        ImportKind.COMPANY: ingest_nodes.IMPORT_COMPANIES,
        ImportKind.DEAL: ingest_nodes.IMPORT_DEALS,
        ImportKind.REPORTING_LINE: ingest_links.IMPORT_REPORTING_LINES,
        ImportKind.SUBSIDIARY: ingest_links.IMPORT_SUBSIDIARIES,
        ImportKind.DEAL_CONTACT: ingest_links.IMPORT_DEAL_CONTACTS,
        ImportKind.CONNECTION: ingest_links.IMPORT_CONNECTIONS,
    }
)


_CLASH_RETRIES = 3
"""How many times a batch refused by a uniqueness constraint runs again before failing."""


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What became of one row.

    ``outcome`` is ``created``, ``updated``, ``unchanged`` or ``missing``; ``missing``
    lists how the row named the references that were not found; ``conflict`` is the uid of
    another node holding a key the row claimed (the key was left alone); ``people`` are the
    participants of an interaction row.
    """

    outcome: str
    uid: str | None = None
    missing: tuple[str, ...] = ()
    conflict: str | None = None
    people: tuple[str, ...] = ()


class ImportWriter:
    """Writes import rows of one kind per call, as one transaction."""

    def __init__(self, client: GraphClient, *, today: date | None = None) -> None:
        self.client = client
        self.today = today or date.today()

    async def write(self, kind: ImportKind, rows: Sequence[ImportRow]) -> list[RowOutcome]:
        """Write ``rows`` of ``kind`` in one transaction; outcomes come back in row order.

        A batch creates the keys its own read found absent. When another import creates one
        of them in between (two imports of overlapping files at once), the uniqueness
        constraint refuses the batch, which rolls back whole; it then runs again, and its
        read finds what the other import wrote.
        """
        for _ in range(_CLASH_RETRIES):
            try:
                return await self._write_once(kind, rows)
            except DuplicateEntity:
                continue
        return await self._write_once(kind, rows)

    async def _write_once(self, kind: ImportKind, rows: Sequence[ImportRow]) -> list[RowOutcome]:
        if not rows:
            return []
        # A batch holds rows of its kind only (``ingest.validation.Write`` pairs them).
        if kind is ImportKind.EMPLOYMENT:
            jobs = cast(Sequence[EmploymentRow], rows)
            done = await ingest_jobs.write_employments(self.client, jobs, today=self.today)
            return [RowOutcome(*o) for o in done]
        if kind is ImportKind.PERSON:
            people = cast(Sequence[PersonRow], rows)
            return [RowOutcome(*o) for o in await ingest_two_step.write_people(self.client, people)]
        if kind is ImportKind.INTERACTION:
            interactions = cast(Sequence[InteractionRow], rows)
            done = await ingest_two_step.write_interactions(self.client, interactions)
            return [RowOutcome(*o) for o in done]
        batch = [{"defaults": {}, **row, "i": i, "today": self.today} for i, row in enumerate(rows)]
        query = _QUERIES[kind]

        async def work(tx: Transaction) -> list[Record]:
            [result] = await tx.run(query, batch_parameters(rows=batch))
            outcomes: list[Record] = result["outcomes"]
            tx.touch(touched_by_outcomes(outcomes))
            return outcomes

        records = await self.client.transaction(work)
        found: list[RowOutcome | None] = [None] * len(rows)
        for record in records:
            found[int(record["i"])] = RowOutcome(
                outcome=str(record["outcome"]),
                uid=record.get("uid"),
                missing=tuple(record.get("missing") or ()),
                conflict=record.get("conflict"),
                people=tuple(p for p in record.get("people") or () if p is not None),
            )
        if any(o is None for o in found):
            raise RuntimeError(f"the {kind} import query lost rows: {len(records)} of {len(rows)}")
        return [o for o in found if o is not None]

    async def start_run(self, run_id: str, *, source: str, format: str, files: list[str]) -> None:
        """Record that import ``run_id`` started (status ``running`` until it finishes, so an
        interrupted run stays visible)."""
        await self.client.write(
            ingest_runs.START_RUN,
            {"id": run_id, "source": source, "format": format, "files": files},
        )

    async def finish_run(self, run_id: str, *, status: str, summary: str) -> None:
        """Record how import ``run_id`` ended, with its summary (JSON text)."""
        await self.client.write(
            ingest_runs.FINISH_RUN, {"id": run_id, "status": status, "summary": summary}
        )
