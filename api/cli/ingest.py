"""``relgraph ingest FORMAT PATH...``: import files, report every rejected row, then derive
what the import changed (KNOWS ties, company domains, duplicate candidates)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli.console import console, errors, fail_cleanly, run
from api.services.knows import refresh_knows_of
from graph.config import GraphSettings
from graph.driver import GraphClient
from ingest.derivations import DerivationReport, derive_after_import
from ingest.formats.errors import FormatError
from ingest.formats.options import ReadOptions
from ingest.formats.registry import Format
from ingest.formats.tables.mapped import load_mapping
from ingest.pipeline.importer import Progress as ImportProgress
from ingest.pipeline.report import ImportReport
from ingest.pipeline.run import ImportPlan, run_import
from ingest.source_rows import Entity
from schema.import_rows import ImportKind

__all__ = ["ingest"]

_FORMAT_HELP = (
    "native (the CSV/JSONL templates), hubspot, salesforce, mapped (any CSV with --mapping), "
    "vcard, ics, email (mbox or .eml folder), linkedin (Connections.csv)"
)


def ingest(
    fmt: Annotated[Format, typer.Argument(metavar="FORMAT", help=_FORMAT_HELP)],
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", exists=True, help="Files or folders.")
    ],
    source: Annotated[
        str | None,
        typer.Option(help="Name of the source system; scopes its ids (default: the format)."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only; write nothing.")] = (
        False
    ),
    rejects: Annotated[
        Path | None,
        typer.Option(help="Where to write the rejects CSV (default: rejects-<time>.csv)."),
    ] = None,
    allow_rejects: Annotated[
        bool, typer.Option("--allow-rejects", help="Exit 0 even when rows were rejected.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000, help="Rows per write.")] = 1000,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (default: detect).")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(exists=True, help="TOML column mapping (format mapped).")
    ] = None,
    entity: Annotated[
        Entity | None, typer.Option(help="Native templates: the entity of every file.")
    ] = None,
    owner_email: Annotated[
        str | None, typer.Option(help="You: the person who knows every LinkedIn connection.")
    ] = None,
    default_region: Annotated[
        str | None, typer.Option(help="Region of phone numbers without +country, e.g. US.")
    ] = None,
    with_bodies: Annotated[
        bool, typer.Option("--with-bodies", help="Mail and calendars: also store bodies.")
    ] = False,
    derive: Annotated[
        bool, typer.Option(help="Derive KNOWS, domains and duplicate candidates afterwards.")
    ] = True,
) -> None:
    """Import files of one FORMAT; every rejected row goes to the rejects CSV."""
    if fmt is Format.MAPPED and mapping is None:
        raise typer.BadParameter("the mapped format needs --mapping FILE", param_hint="--mapping")
    if mapping is not None:
        try:
            load_mapping(mapping)  # a usage error is said before anything is read or written
        except FormatError as e:
            errors.print(f"[bold red]error:[/] {e}")
            raise typer.Exit(code=2) from e
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    plan = ImportPlan(
        fmt=fmt,
        paths=paths,
        source=source or fmt.default_source,
        dry_run=dry_run,
        batch_size=batch_size,
        rejects=rejects or Path(f"rejects-{stamp}.csv"),
        read_options=ReadOptions(
            encoding=encoding, entity=entity, mapping=mapping, include_bodies=with_bodies
        ),
        owner_email=owner_email.strip().lower() if owner_email else None,
        default_region=default_region.upper() if default_region else None,
    )
    with fail_cleanly():
        try:
            report, derived = run(_ingest(GraphSettings.from_env(), plan, derive=derive))
        except FormatError as e:
            errors.print(f"[bold red]error:[/] {e}")
            raise typer.Exit(code=2) from e
    _print_summary(report, derived, plan)
    if report.rejected and not allow_rejects:
        raise typer.Exit(code=1)


async def _ingest(
    graph: GraphSettings, plan: ImportPlan, *, derive: bool
) -> tuple[ImportReport, DerivationReport | None]:
    client = None if plan.dry_run else GraphClient.from_settings(graph)
    try:
        with _progress_reporter() as (on_file, on_progress):
            report = await run_import(client, plan, on_file=on_file, on_progress=on_progress)
        derived = None
        if client is not None and derive:
            derived = await derive_after_import(client, report, refresh_knows=refresh_knows_of)
        return report, derived
    finally:
        if client is not None:
            await client.close()


class _progress_reporter:
    """A progress bar with rows per second on a terminal; plain lines every 10 s otherwise."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last_line = self.started
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> tuple[Callable[[Path], None], Callable[[ImportProgress], None]]:
        if console.is_terminal:
            self.bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                TextColumn("{task.completed:,} rows"),
                TextColumn("{task.fields[rate]:,.0f} rows/s"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("reading", total=None, rate=0.0)
        return self.on_file, self.on_progress

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def on_file(self, path: Path) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, description=path.name)
        else:
            print(f"ingest: reading {path}", file=sys.stderr, flush=True)

    def on_progress(self, progress: ImportProgress) -> None:
        now = time.perf_counter()
        rate = progress.rows_read / max(now - self.started, 1e-9)
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=progress.rows_read, rate=rate)
        elif now - self.last_line >= 10:
            self.last_line = now
            print(
                f"ingest: {progress.rows_read:,} rows read, {progress.writes_done:,} written, "
                f"{rate:,.0f} rows/s",
                file=sys.stderr,
                flush=True,
            )


def _print_summary(
    report: ImportReport, derived: DerivationReport | None, plan: ImportPlan
) -> None:
    title = "Dry run: nothing was written" if report.dry_run else f"Imported ({plan.source})"
    table = Table(title=title)
    table.add_column("kind")
    columns = (
        ("valid", "rejected") if report.dry_run else ("created", "updated", "unchanged", "rejected")
    )
    for column in columns:
        table.add_column(column, justify="right")
    for kind in ImportKind:
        if kind in report.counts:
            counts = report.counts[kind]
            table.add_row(kind.value, *(f"{getattr(counts, c):,}" for c in columns))
    console.print(table)
    console.print(
        f"{report.rows_read:,} rows read; {report.rejected:,} rejected, "
        f"{report.values_ignored:,} values ignored; rejects report: {plan.rejects}"
    )
    if derived is not None:
        console.print(derived.describe())
