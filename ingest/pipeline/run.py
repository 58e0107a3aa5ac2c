"""One import run over files of one format: read, validate, write, report.

Examples
--------
A dry run needs no database:

>>> import asyncio, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "companies.csv").write_text("company_id,name\\nc1,Acme\\nc1,Acme again\\n")
>>> plan = ImportPlan(fmt=Format.NATIVE, paths=[folder], source="csv", dry_run=True)
>>> report = asyncio.run(run_import(None, plan))
>>> report.rows_read, report.rows_rejected
(2, 1)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graph.driver import GraphClient
from graph.writing.import_writer import ImportWriter
from ingest.formats.options import ReadOptions
from ingest.formats.registry import Format, expand_paths, read
from ingest.pipeline.importer import Importer, Progress
from ingest.pipeline.report import ImportReport, RejectsFile
from ingest.pipeline.spool import Spool
from ingest.validation import BuildContext

__all__ = ["ImportPlan", "run_import", "summary_json"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportPlan:
    """Everything one ``relgraph ingest`` call asks for."""

    fmt: Format
    paths: list[Path]
    source: str
    dry_run: bool = False
    batch_size: int = 1000
    rejects: Path | None = None
    read_options: ReadOptions = field(default_factory=ReadOptions)
    owner_email: str | None = None
    default_region: str | None = None


async def run_import(
    client: GraphClient | None,
    plan: ImportPlan,
    *,
    on_file: Callable[[Path], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> ImportReport:
    """Import ``plan``'s files through ``client`` (nothing is written in a dry run or
    without a client). The run is recorded as an ``ImportRun`` node that says ``running``
    until it ends, ``completed`` or ``failed``."""
    files = expand_paths(plan.fmt, plan.paths)
    writer = None if plan.dry_run or client is None else ImportWriter(client)
    context = BuildContext(
        source=plan.source,
        owner_email=plan.owner_email,
        default_region=plan.default_region,
        include_bodies=plan.read_options.include_bodies,
        names_are_hints=plan.fmt.names_are_hints,
    )
    run_id = uuid.uuid4().hex
    if writer is not None:
        await writer.start_run(
            run_id, source=plan.source, format=plan.fmt.value, files=[str(f) for f in files]
        )
    status, report = "failed", None
    try:
        with RejectsFile(plan.rejects) as rejects, Spool() as spool:
            importer = Importer(
                writer,
                context,
                rejects=rejects,
                spool=spool,
                batch_size=plan.batch_size,
                on_progress=on_progress,
            )
            report = await _import_files(importer, plan, files, on_file)
        status = "completed"
        return report
    finally:
        if writer is not None:
            summary = summary_json(report) if report is not None else "{}"
            await writer.finish_run(run_id, status=status, summary=summary)


async def _import_files(
    importer: Importer,
    plan: ImportPlan,
    files: list[Path],
    on_file: Callable[[Path], None] | None,
) -> ImportReport:
    """Feed every item of ``files`` to ``importer`` and finish; on any failure (or an
    interruption) stop the batches still being written."""
    try:
        for path in files:
            if on_file is not None:
                on_file(path)
            for item in read(plan.fmt, path, plan.read_options):
                await importer.add(item)
        return await importer.finish()
    except BaseException:
        await importer.abort()
        raise


def summary_json(report: ImportReport) -> str:
    """The counts of ``report`` as JSON text."""
    return json.dumps(
        {
            "rows_read": report.rows_read,
            "rows_rejected": report.rows_rejected,
            "values_ignored": report.values_ignored,
            "unreadable": report.unreadable,
            "counts": {
                kind.value: {
                    "created": c.created,
                    "updated": c.updated,
                    "unchanged": c.unchanged,
                    "rejected": c.rejected,
                    "valid": c.valid,
                }
                for kind, c in report.counts.items()
            },
        },
        sort_keys=True,
    )
