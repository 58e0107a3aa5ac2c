"""What an import did, per kind of write, and the rejects report.

The rejects file is CSV with the columns ``file, line, column, value, reason, outcome``;
``outcome`` is ``rejected`` (the row was not imported) or ``value ignored`` (the row was
imported without that value).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ingest.source_rows import SourceProblem
from schema.import_rows import ImportKind

__all__ = ["REJECT_COLUMNS", "ImportReport", "KindCounts", "RejectsFile"]

REJECT_COLUMNS = ("file", "line", "column", "value", "reason", "outcome")


@dataclass(slots=True)
class KindCounts:
    """Rows of one kind: what they did to the graph (``valid`` in a dry run)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    valid: int = 0

    @property
    def total(self) -> int:
        """Every row of this kind."""
        return self.created + self.updated + self.unchanged + self.rejected + self.valid


@dataclass(slots=True)
class ImportReport:
    """The outcome of one import run."""

    dry_run: bool = False
    rows_read: int = 0
    rows_rejected: int = 0
    values_ignored: int = 0
    counts: dict[ImportKind, KindCounts] = field(default_factory=dict)
    touched_people: set[str] = field(default_factory=set)
    touched_companies: set[str] = field(default_factory=set)

    def kind(self, kind: ImportKind) -> KindCounts:
        """The counts of ``kind``, created on first use."""
        return self.counts.setdefault(kind, KindCounts())

    @property
    def rejected(self) -> int:
        """Rejections of whole rows or of one of their writes (an unknown reference)."""
        return sum(c.rejected for c in self.counts.values()) + self.unreadable

    unreadable: int = 0  # problems no row could be built from (bad lines, empty files)


class RejectsFile:
    """Writes every problem as one CSV line, as it happens (nothing held in memory)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stream: TextIO | None = None
        self._writer: csv.DictWriter[str] | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = path.open("w", encoding="utf-8", newline="")
            self._writer = csv.DictWriter(self._stream, fieldnames=REJECT_COLUMNS)
            self._writer.writeheader()

    def write(self, problem: SourceProblem) -> None:
        """Record ``problem``."""
        if self._writer is None:
            return
        self._writer.writerow(
            {
                "file": problem.origin.file,
                "line": problem.origin.line,
                "column": problem.column or "",
                "value": problem.value or "",
                "reason": problem.reason,
                "outcome": "value ignored" if problem.row_kept else "rejected",
            }
        )

    def __enter__(self) -> RejectsFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            self._stream.close()
