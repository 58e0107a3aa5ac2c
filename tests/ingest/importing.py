"""Running the importer on hand-written source rows, as the readers would yield them."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from graph.driver import GraphClient
from graph.writing.import_writer import ImportWriter
from ingest.pipeline.importer import Importer
from ingest.pipeline.report import ImportReport, RejectsFile
from ingest.pipeline.spool import Spool
from ingest.source_rows import Entity, Origin, SourceItem, SourceRow
from ingest.validation import BuildContext

__all__ = ["import_items", "row"]


def row(entity: Entity, line: int, file: str = "f.csv", **fields: str) -> SourceRow:
    """A source row of ``entity`` at ``file:line``."""
    return SourceRow(entity, fields, Origin(file, line))


async def import_items(
    client: GraphClient | None,
    items: Sequence[SourceItem],
    rejects: Path,
    *,
    source: str = "csv",
    batch_size: int = 1000,
    owner_email: str | None = None,
    names_are_hints: bool = False,
) -> tuple[ImportReport, list[dict[str, str]]]:
    """Import ``items`` (a dry run without a client); return the report and the rejects."""
    context = BuildContext(source=source, owner_email=owner_email, names_are_hints=names_are_hints)
    with RejectsFile(rejects) as sink, Spool() as spool:
        importer = Importer(
            ImportWriter(client) if client is not None else None,
            context,
            rejects=sink,
            spool=spool,
            batch_size=batch_size,
        )
        for item in items:
            await importer.add(item)
        report = await importer.finish()
    with rejects.open(encoding="utf-8", newline="") as stream:
        return report, list(csv.DictReader(stream))
