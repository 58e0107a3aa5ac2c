"""``relgraph demo`` and ``relgraph generate``: the generated demo data set."""

from __future__ import annotations

import dataclasses
import time
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.cli.console import console, fail_cleanly, run
from api.cli.db import apply_migrations, ensure_database
from api.cli.keys import create_key
from api.cli.serve import serve_api
from api.config import ApiSettings
from api.services.knows import derive_knows
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from graph.reading.stats import StatsReader
from graph.writing.maintenance import delete_source
from graph.writing.writers import GraphWriter, WriteResult
from ingest.dataset_loader import load_records
from ingest.demo import BENCHMARK, SMALL, DemoDataset, Scale, write_templates
from ingest.demo import generate as generate_dataset
from ingest.demo.ids import SOURCE as DEMO_SOURCE
from schema.auth import Role

__all__ = ["SCALES", "ScaleName", "demo", "generate", "load_demo"]


class ScaleName(StrEnum):
    """Sizes of the demo data set."""

    SMALL = "small"
    BENCHMARK = "benchmark"


SCALES: dict[ScaleName, Scale] = {ScaleName.SMALL: SMALL, ScaleName.BENCHMARK: BENCHMARK}


def _report(name: str, result: WriteResult) -> None:
    note = f" ([yellow]{result.skipped} skipped[/])" if result.skipped else ""
    console.print(f"  {name:<20} {result.written:>9,} written{note}")


def _as_of(dataset: DemoDataset) -> datetime:
    return max(i.occurred_at for i in dataset.interactions)


async def load_demo(graph: GraphSettings, dataset: DemoDataset) -> dict[str, int]:
    """Replace the demo data with ``dataset``, derive KNOWS, and return node counts.

    Only records whose source is the demo's are replaced; other data stays.
    """
    client = GraphClient.from_settings(graph)
    try:
        replaced = await delete_source(client, DEMO_SOURCE)
        if replaced:
            console.print(f"  replaced the previous demo data ({replaced:,} nodes)")
        await load_records(GraphWriter(client), dataset, progress=_report)
        knows = await derive_knows(client, as_of=_as_of(dataset))
        console.print(f"  {'KNOWS (derived)':<20} {knows.written:>9,} written")
        return (await StatsReader(client).counts()).nodes
    finally:
        await client.close()


def _print_demo_key(key: str) -> None:
    console.print(
        "\nAn admin API key for this demo (a new one each run; shown once, only its hash "
        "is stored):"
    )
    console.print(f"  {key}", markup=False, soft_wrap=True)
    console.print(
        "Open the workspace at / in a browser and sign in with it. GraphiQL (/graphiql) then "
        "has it in its Headers tab; elsewhere paste this there:",
        markup=False,
    )
    console.print(f'  {{"Authorization": "Bearer {key}"}}', markup=False, soft_wrap=True)


def demo(
    seed: Annotated[int, typer.Option(help="Seed of the generator: same seed, same data.")] = 7,
    scale: Annotated[
        ScaleName, typer.Option(help="small, or benchmark (~1M interactions).")
    ] = ScaleName.SMALL,
    serve: Annotated[bool, typer.Option(help="Serve the GraphQL API after loading.")] = True,
    port: Annotated[int | None, typer.Option(help="API port (default 8000).")] = None,
) -> None:
    """Start the database, load the generated demo data, and serve the workspace and GraphQL."""
    local, settings = LocalServerSettings.from_env(), ApiSettings.from_env()
    with fail_cleanly():
        ensure_database(local, settings.graph)
        report = run(apply_migrations(settings.graph))
        console.print(
            f"Schema: {len(report.applied)} new migration(s), "
            f"{len(report.already_applied)} already applied"
        )
        started = time.perf_counter()
        dataset = generate_dataset(seed=seed, scale=SCALES[scale])
        files = write_templates(dataset, local.home / "demo")
        console.print(
            f"Generated the {scale.value} data set (seed {seed}) in "
            f"{time.perf_counter() - started:.1f}s; import templates and ground truth "
            f"in {local.home / 'demo'} ({len(files)} files)"
        )
        started = time.perf_counter()
        counts = run(load_demo(settings.graph, dataset))
        console.print(
            f"Loaded in {time.perf_counter() - started:.1f}s: "
            + ", ".join(f"{k} {v:,}" for k, v in counts.items())
        )
        _, key = run(create_key(settings.graph, "demo", Role.ADMIN))
    _print_demo_key(key)
    if serve:
        serve_api(dataclasses.replace(settings, port=port or settings.port))


def generate(
    out: Annotated[Path, typer.Argument(help="Folder for the CSV templates and ground truth.")],
    seed: Annotated[int, typer.Option(help="Seed of the generator.")] = 7,
    scale: Annotated[ScaleName, typer.Option(help="small or benchmark.")] = ScaleName.SMALL,
) -> None:
    """Write the demo data set as native import templates plus its ground truth."""
    dataset = generate_dataset(seed=seed, scale=SCALES[scale])
    for name, path in write_templates(dataset, out).items():
        console.print(f"{name}: {path}")
