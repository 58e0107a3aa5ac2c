"""The import loop: validate each source item, batch its writes, write them in dependency
order, and account for every row.

Writes of one kind wait in a batch until it holds ``batch_size`` rows; before a batch is
written, the batches it depends on are written first (an employment needs its person and
company), so a reference inside the same import always resolves. Parent companies and
managers are written at the very end, from the spool, because they may come later in the
file. A key that already waits in a batch (the same email twice, say) sends that batch off
first: two creations of one key in one transaction would clash.

Batches are written in the background by a :class:`~ingest.pipeline.lane.WriteLane`, in the
order they were sent off and each after the previous one committed, while the next rows are
read and validated; at most two are in flight.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

from graph.writing.import_writer import ImportWriter, RowOutcome
from ingest.pipeline.batches import Batch, Pending
from ingest.pipeline.lane import WriteLane
from ingest.pipeline.report import ImportReport, RejectsFile
from ingest.pipeline.spool import Spool
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow
from ingest.validation import BuildContext, RowRejected, Write, build_row
from schema.import_rows import ImportKind, ImportRow, PersonRow

__all__ = ["Importer", "Progress"]

_DEPENDS: Mapping[ImportKind, tuple[ImportKind, ...]] = MappingProxyType(
    {
        ImportKind.COMPANY: (),
        ImportKind.PERSON: (),
        ImportKind.DEAL: (ImportKind.COMPANY, ImportKind.PERSON),
        ImportKind.EMPLOYMENT: (ImportKind.COMPANY, ImportKind.PERSON),
        ImportKind.CONNECTION: (ImportKind.PERSON,),
        ImportKind.DEAL_CONTACT: (ImportKind.DEAL, ImportKind.PERSON),
        ImportKind.INTERACTION: (ImportKind.PERSON, ImportKind.DEAL),
        ImportKind.SUBSIDIARY: (ImportKind.COMPANY,),
        ImportKind.REPORTING_LINE: (ImportKind.PERSON,),
    }
)
_DEFERRED = (ImportKind.SUBSIDIARY, ImportKind.REPORTING_LINE)
_ROW_KIND: Mapping[Entity, ImportKind] = MappingProxyType(
    {
        Entity.COMPANY: ImportKind.COMPANY,
        Entity.PERSON: ImportKind.PERSON,
        Entity.EMPLOYMENT: ImportKind.EMPLOYMENT,
        Entity.DEAL: ImportKind.DEAL,
        Entity.DEAL_CONTACT: ImportKind.DEAL_CONTACT,
        Entity.INTERACTION: ImportKind.INTERACTION,
    }
)
_RECENT_EMAILS = 100_000
_YIELD_EVERY = 16  # items read between two chances for the batch being written to progress


@dataclass(frozen=True, slots=True)
class Progress:
    """Rows read and rows written so far."""

    rows_read: int
    writes_done: int


class Importer:
    """Imports a stream of source items; :meth:`finish` writes what is left and reports.

    With ``writer=None`` nothing is written (a dry run): rows are validated, ids checked for
    repeats, and each write counted as ``valid``.
    """

    def __init__(
        self,
        writer: ImportWriter | None,
        context: BuildContext,
        *,
        rejects: RejectsFile,
        spool: Spool,
        batch_size: int = 1000,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.writer = writer
        self.context = context
        self.rejects = rejects
        self.spool = spool
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.report = ImportReport(dry_run=writer is None)
        self._batches = {kind: Batch(kind) for kind in ImportKind}
        self._recent_emails: OrderedDict[str, None] = OrderedDict()
        self._writes_done = 0
        self._items = 0
        self._lane: WriteLane[ImportKind, ImportRow, RowOutcome] | None = None
        if writer is not None:
            self._lane = WriteLane(writer.write, self._settle, window=2)

    async def add(self, item: SourceItem) -> None:
        """Take one item from a reader."""
        self._items += 1
        if self._lane and self._items % _YIELD_EVERY == 0:
            await asyncio.sleep(0)  # let the batch in flight take its next step
        if isinstance(item, SourceProblem):
            self.rejects.write(item)
            if item.row_kept:
                self.report.values_ignored += 1
            else:
                self.report.unreadable += 1
            return
        self.report.rows_read += 1
        await self._row(item)
        if self.on_progress is not None and self.report.rows_read % 500 == 0:
            self.on_progress(Progress(self.report.rows_read, self._writes_done))

    async def finish(self) -> ImportReport:
        """Write every waiting batch, then the deferred links; return the report."""
        for kind in ImportKind:
            if kind not in _DEFERRED:
                await self._flush(kind)
        for kind in _DEFERRED:
            for payload in self.spool.deferred(kind.value):
                origin = Origin(payload["file"], payload["line"], payload.get("record"))
                await self._enqueue(Write(kind, payload["row"], tuple(payload["keys"])), origin)
            await self._flush(kind)
        if self._lane is not None:
            await self._lane.drain()
        if self.on_progress is not None:
            self.on_progress(Progress(self.report.rows_read, self._writes_done))
        return self.report

    async def abort(self) -> None:
        """Stop writing: batches sent off but not written yet never will be."""
        if self._lane is not None:
            await self._lane.cancel()

    async def _row(self, row: SourceRow) -> None:
        kind = _ROW_KIND[row.entity]
        try:
            built = build_row(row, self.context)
        except RowRejected as rejected:
            for problem in rejected.problems:
                self.rejects.write(problem)
            self._rejected(kind)
            return
        if built.unique_key is not None:
            column, value = built.unique_key
            first = self.spool.first_line(row.origin.file, column, value, row.origin.line)
            if first is not None:
                self.rejects.write(
                    SourceProblem(
                        row.origin,
                        f"duplicate {column} '{value}' in this file (first at line {first}); "
                        "the first row was kept",
                        column,
                        value,
                    )
                )
                self._rejected(kind)
                return
        for note in built.notes:
            self.rejects.write(note)
            self.report.values_ignored += 1
        for write in built.writes:
            if self._known_in_passing(write):
                continue
            if write.kind in _DEFERRED:
                self.spool.defer(
                    write.kind.value,
                    {
                        "row": write.row,
                        "keys": list(write.batch_keys),
                        "file": row.origin.file,
                        "line": row.origin.line,
                        "record": row.origin.record_id,
                    },
                )
            else:
                await self._enqueue(write, row.origin)

    def _known_in_passing(self, write: Write) -> bool:
        """A person known only by an email, already written in this import: skip."""
        if write.kind is not ImportKind.PERSON:
            return False
        row = cast(PersonRow, write.row)
        if row["props"] or row["ref"]["ext"] is not None or not row["email"]:
            return False
        email = str(row["email"])
        if email in self._recent_emails:
            self._recent_emails.move_to_end(email)
            return True
        self._recent_emails[email] = None
        if len(self._recent_emails) > _RECENT_EMAILS:
            self._recent_emails.popitem(last=False)
        return False

    async def _enqueue(self, write: Write, origin: Origin) -> None:
        batch = self._batches[write.kind]
        if batch.clashes(write):
            await self._flush(write.kind)
        batch.add(Pending(write, origin))
        if len(batch) >= self.batch_size:
            await self._flush(write.kind)

    async def _flush(self, kind: ImportKind) -> None:
        for dependency in _DEPENDS[kind]:
            if self._batches[dependency]:
                await self._flush(dependency)
        batch = self._batches[kind]
        if not batch:
            return
        pending = batch.take()
        if self._lane is None:
            self.report.kind(kind).valid += len(pending)
            self._writes_done += len(pending)
        else:
            await self._lane.submit(kind, [p.write.row for p in pending], pending)

    def _settle(
        self, kind: ImportKind, pending: Sequence[Pending], outcomes: Sequence[RowOutcome]
    ) -> None:
        """Account for a written batch (in the order the batches were sent off)."""
        for item, outcome in zip(pending, outcomes, strict=True):
            self._account(kind, item, outcome)
        self._writes_done += len(pending)

    def _account(self, kind: ImportKind, item: Pending, outcome: RowOutcome) -> None:
        counts = self.report.kind(kind)
        if outcome.outcome == "missing":
            counts.rejected += 1
            self.report.rows_rejected += 1
            for label in outcome.missing:
                self.rejects.write(_missing_problem(item.origin, label))
            return
        setattr(counts, outcome.outcome, getattr(counts, outcome.outcome) + 1)
        if outcome.conflict is not None:
            email = item.write.row.get("email")
            self.rejects.write(
                SourceProblem(
                    item.origin,
                    f"the email belongs to another person ({outcome.conflict}); left with "
                    "them, see `relgraph dedupe`",
                    "email",
                    str(email),
                    row_kept=True,
                )
            )
            self.report.values_ignored += 1
        if outcome.outcome in ("created", "updated"):
            if kind is ImportKind.PERSON and outcome.uid:
                self.report.touched_people.add(outcome.uid)
            elif kind is ImportKind.COMPANY and outcome.uid:
                self.report.touched_companies.add(outcome.uid)
            elif kind is ImportKind.INTERACTION:
                self.report.touched_people.update(outcome.people)

    def _rejected(self, kind: ImportKind) -> None:
        self.report.kind(kind).rejected += 1
        self.report.rows_rejected += 1


def _missing_problem(origin: Origin, label: str) -> SourceProblem:
    """A reference the graph does not hold: ``company_id 'c9'`` -> column and value."""
    column, _, rest = label.partition(" ")
    value: Any = rest.strip()
    if value.startswith("'") and "'" in value[1:]:
        end = value.index("'", 1)
        value, tail = value[1:end], value[end + 1 :].strip()
    else:
        tail = ""
    reason = f"{column} '{value}' {tail}" if tail else f"{column} '{value}' does not exist"
    if not tail:
        reason += " (not in the graph nor earlier in this import); nothing was written for it"
    return SourceProblem(origin, reason, column, str(value))
