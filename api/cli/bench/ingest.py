"""``relgraph bench ingest``: the importer against a hand-tuned ``UNWIND`` script, on the same
server, in the same run, on the same native templates.

Each load starts from an empty, migrated graph. The command prints, per loader, the seconds,
the nodes and relationships in the graph afterwards and their rates, rows per second, and the
ratio importer / baseline; then the time per template file, the counts of both graphs side by
side, and a row-at-a-time sample (one transaction per interaction) for scale. It is a
benchmark, not a test: it asserts nothing and has no thresholds. The derivations that
``relgraph ingest`` runs afterwards (KNOWS, company domains) are not part of the comparison
(``--derive`` times them on a separate line).

It deletes every node of the configured database (the managed local server, or
``NEO4J_URI``); on a graph that holds data it refuses unless given ``--yes``.
"""

from __future__ import annotations

import csv
import gc
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from api.cli.bench.ingest_report import (
    BASELINE,
    IMPORTER,
    LAST_FILE,
    LoadRun,
    RowAtATime,
    print_report,
)
from api.cli.bench.machine import describe_machine, load_average
from api.cli.bench.report import report_console
from api.cli.console import errors, fail_cleanly, run
from api.cli.db import ensure_database
from api.cli.demo import SCALES, ScaleName
from api.services.knows import refresh_knows_of
from graph.benchmarks.ingest_baseline import (
    DEFERRED_PHASE,
    TEMPLATE_FILES,
    delete_interactions,
    load_baseline,
    sample_interactions,
    server_memory,
    write_interactions,
    write_interactions_one_by_one,
)
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from graph.migrations import migrate
from graph.reading.stats import StatsReader
from graph.writing.maintenance import delete_all_data
from ingest.demo import generate as generate_dataset
from ingest.demo import write_templates
from ingest.demo.ids import SOURCE
from ingest.derivations import derive_after_import
from ingest.formats.registry import Format
from ingest.pipeline.report import ImportReport
from ingest.pipeline.run import ImportPlan, run_import

__all__ = ["ingest_command"]


@dataclass(slots=True)
class _Meter:
    """Wall time per phase (a template file) and time spent inside queries, for one load.

    It is the client's query observer while the load runs; the parent and manager links a
    load writes last count with the last file, so both loaders split their time alike.
    """

    phase: str = "start"
    starts: dict[str, float] = field(default_factory=dict)
    in_queries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    queries: int = 0

    def start(self, phase: str) -> None:
        self.phase = LAST_FILE if phase == DEFERRED_PHASE else phase
        self.starts.setdefault(self.phase, time.perf_counter())

    def __call__(self, kind: str, seconds: float, failure: str | None) -> None:
        self.in_queries[self.phase] += seconds
        self.queries += 1

    def walls(self, ended: float) -> dict[str, float]:
        """Seconds per phase, in the order they ran."""
        ordered = sorted(self.starts.items(), key=lambda item: item[1])
        ends = [start for _, start in ordered[1:]] + [ended]
        return {name: end - start for (name, start), end in zip(ordered, ends, strict=True)}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    """What one ``bench ingest`` call measures, and where its scratch files go."""

    folder: Path
    workdir: Path
    rows: dict[str, int]
    batch_size: int
    rounds: int
    sample: int
    derive: bool
    yes: bool


def _count_rows(folder: Path) -> dict[str, int]:
    """Data rows per template file present in ``folder``."""
    counts = {}
    for name in TEMPLATE_FILES:
        if (folder / name).exists():
            with (folder / name).open(encoding="utf-8", newline="") as stream:
                counts[name] = max(sum(1 for _ in csv.reader(stream)) - 1, 0)
    return counts


async def _empty_graph(client: GraphClient) -> None:
    await delete_all_data(client)
    await migrate(client)


async def _load(
    client: GraphClient, loader: str, options: _Options, meter: _Meter
) -> ImportReport | None:
    """Run one loader; the importer's report (the baseline has none)."""
    if loader == BASELINE:
        await load_baseline(
            client,
            options.folder,
            source=SOURCE,
            batch_size=options.batch_size,
            on_phase=meter.start,
        )
        return None
    plan = ImportPlan(
        fmt=Format.NATIVE,
        paths=[options.folder],
        source=SOURCE,
        batch_size=options.batch_size,
        rejects=options.workdir / "rejects.csv",
    )
    return await run_import(client, plan, on_file=lambda path: meter.start(path.name))


async def _derive(client: GraphClient, report: ImportReport) -> None:
    """Time what `relgraph ingest` derives after an import, on its own line."""
    started = time.perf_counter()
    derived = await derive_after_import(client, report, refresh_knows=refresh_knows_of)
    report_console().print(
        f"  derivations after the import (not in the comparison): "
        f"{time.perf_counter() - started:.1f} s; {derived.describe()}"
    )


async def _measure(client: GraphClient, loader: str, round_: int, options: _Options) -> LoadRun:
    """Empty the graph, time one load, count what it left."""
    await _empty_graph(client)
    gc.collect()
    meter = _Meter()
    client.observer = meter
    started = time.perf_counter()
    try:
        report = await _load(client, loader, options, meter)
        ended = time.perf_counter()
    finally:
        client.observer = None
    stats = await StatsReader(client).counts()
    result = LoadRun(
        loader=loader,
        round=round_,
        seconds=ended - started,
        rows=sum(options.rows.values()),
        stats=stats,
        phases=meter.walls(ended),
        in_queries=dict(meter.in_queries),
        queries=meter.queries,
        rejected=report.rejected if report is not None else 0,
    )
    report_console().print(
        f"  round {round_}, {loader}: {result.seconds:.1f} s, {result.nodes:,} nodes, "
        f"{result.relationships:,} relationships"
    )
    if report is not None and options.derive and round_ == options.rounds:
        await _derive(client, report)
    return result


async def _row_at_a_time(client: GraphClient, options: _Options) -> RowAtATime:
    """Rewrite the first interactions one transaction per row, then the same rows batched."""
    sample = sample_interactions(options.folder, options.sample, source=SOURCE)
    await delete_interactions(client, sample)
    started = time.perf_counter()
    await write_interactions_one_by_one(client, sample)
    one_by_one = time.perf_counter() - started
    await delete_interactions(client, sample)
    started = time.perf_counter()
    await write_interactions(client, sample, batch_size=options.batch_size)
    batched = time.perf_counter() - started
    return RowAtATime(
        rows=len(sample),
        relationships=sample.relationships,
        one_by_one=one_by_one,
        batched=batched,
    )


async def _refuse_unless_empty(client: GraphClient, yes: bool) -> None:
    stats = await StatsReader(client).counts()
    held = sum(stats.nodes.values())
    if held and not yes:
        errors.print(
            f"[bold red]error:[/] the database holds {held:,} nodes; `relgraph bench ingest` "
            "deletes every node of it. Run it against a scratch database, or pass --yes."
        )
        raise typer.Exit(code=1)


async def _bench(
    graph: GraphSettings, options: _Options
) -> tuple[list[LoadRun], RowAtATime | None]:
    client = GraphClient.from_settings(graph)
    try:
        await client.verify()
        await _refuse_unless_empty(client, options.yes)
        info, memory = await StatsReader(client).server(), await server_memory(client)
        report_console().print(
            f"Neo4j {info.version} {info.edition} at {graph.uri}: heap {memory.heap or '?'}, "
            f"page cache {memory.page_cache or '?'}"
        )
        runs = []
        for round_ in range(1, options.rounds + 1):
            order = (BASELINE, IMPORTER) if round_ % 2 else (IMPORTER, BASELINE)
            for loader in order:
                runs.append(await _measure(client, loader, round_, options))
        sample = await _row_at_a_time(client, options) if options.sample else None
        return runs, sample
    finally:
        await client.close()


def _print_setup(options: _Options) -> None:
    report_console().print(describe_machine())
    files = ", ".join(f"{name} {count:,}" for name, count in options.rows.items())
    report_console().print(f"Data: {options.folder} ({sum(options.rows.values()):,} rows: {files})")
    second = "; round 2 importer then baseline, alternating" if options.rounds > 1 else ""
    report_console().print(
        f"Order: round 1 baseline then importer{second}. Batches of {options.batch_size:,} rows; "
        "derivations (KNOWS, company domains) not included."
    )


def _templates(scale: ScaleName, seed: int, folder: Path) -> None:
    started = time.perf_counter()
    write_templates(generate_dataset(seed=seed, scale=SCALES[scale]), folder)
    gc.collect()
    report_console().print(
        f"Generated the {scale.value} data set (seed {seed}) in "
        f"{time.perf_counter() - started:.1f} s into {folder}"
    )


def ingest_command(
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (~1M interactions).")
    ] = ScaleName.SMALL,
    data: Annotated[
        Path | None,
        typer.Option(
            exists=True, file_okay=False, help="Native templates to load (instead of --scale)."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=50_000, help="Rows per write.")] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the generated data.")] = 7,
    rounds: Annotated[
        int, typer.Option(min=1, max=10, help="Loads per loader, alternating the order.")
    ] = 1,
    sample: Annotated[
        int, typer.Option(min=0, help="Interactions to write row at a time (0: skip).")
    ] = 2000,
    derive: Annotated[
        bool, typer.Option(help="Also time the derivations after the import, separately.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Delete the data the graph holds.")] = False,
) -> None:
    """Load the same templates with `relgraph ingest` and with a hand-tuned UNWIND script,
    on the same server, and print both rates and the ratio. Deletes all data first."""
    local, graph = LocalServerSettings.from_env(), GraphSettings.from_env()
    with tempfile.TemporaryDirectory(prefix="relgraph-bench-") as scratch, fail_cleanly():
        workdir = Path(scratch)
        folder = data.resolve() if data is not None else workdir / "templates"
        if data is None:
            _templates(scale, seed, folder)
        options = _Options(
            folder=folder,
            workdir=workdir,
            rows=_count_rows(folder),
            batch_size=batch_size,
            rounds=rounds,
            sample=sample,
            derive=derive,
            yes=yes,
        )
        _print_setup(options)
        ensure_database(local, graph)
        runs, measured = run(_bench(graph, options))
    print_report(runs, options.rows, measured, batch_size=batch_size)
    report_console().print(f"Load average at the end: {load_average()} (1/5/15 min)")
