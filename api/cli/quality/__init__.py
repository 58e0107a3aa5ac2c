"""``relgraph quality``: every intelligence answer scored against the demo's ground truth.

It generates the demo data set for a seed and scale (the same seed gives the same data),
loads it exactly as ``relgraph demo`` does (replacing the previous demo data; other sources
stay), asks each area's scorer to read its answers from the graph, and prints one table of
figures, each with what it counts. ``--no-load`` scores the demo data already loaded (for
the same seed and scale). The figures come from this run only; nothing is typed in.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli.console import console, fail_cleanly, run
from api.cli.db import apply_migrations, ensure_database
from api.cli.demo import SCALES, ScaleName, load_demo
from api.cli.quality.base import QualityFigure
from api.cli.quality.registry import SCORERS
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from ingest.demo import GroundTruth
from ingest.demo import generate as generate_dataset

__all__ = ["QualityFigure", "quality", "score_all"]


async def score_all(graph: GraphSettings, truth: GroundTruth) -> list[QualityFigure]:
    """Run every scorer against the loaded demo graph, in order."""
    client = GraphClient.from_settings(graph)
    try:
        figures: list[QualityFigure] = []
        for scorer in SCORERS:
            figures.extend(await scorer(client, truth))
        return figures
    finally:
        await client.close()


def _print(figures: list[QualityFigure], *, seed: int, scale: str) -> None:
    table = Table(title=f"Quality against the ground truth (demo data, {scale}, seed {seed})")
    for column in ("area", "figure", "value", "counted over"):
        table.add_column(column, justify="right" if column == "value" else "left")
    for f in figures:
        value = "n/a" if f.value is None else f"{f.value:.3f}"
        table.add_row(f.area, f.name, value, f.detail)
    console.print(table)


def quality(
    seed: Annotated[int, typer.Option(help="Seed of the generated demo data.")] = 7,
    scale: Annotated[ScaleName, typer.Option(help="small or benchmark.")] = ScaleName.SMALL,
    load: Annotated[
        bool, typer.Option(help="Load the data set first (--no-load: score what is loaded).")
    ] = True,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures to this JSON file.")
    ] = None,
) -> None:
    """Score decision-makers, org charts, referral paths, hidden links and tie strengths
    against the demo generator's ground truth."""
    local, graph = LocalServerSettings.from_env(), GraphSettings.from_env()
    with fail_cleanly():
        ensure_database(local, graph)
        run(apply_migrations(graph))
        dataset = generate_dataset(seed=seed, scale=SCALES[scale])
        if load:
            started = time.perf_counter()
            run(load_demo(graph, dataset))
            seconds = time.perf_counter() - started
            console.print(f"Loaded the {scale.value} demo data in {seconds:.0f}s")
        started = time.perf_counter()
        figures = run(score_all(graph, dataset.ground_truth))
    _print(figures, seed=seed, scale=scale.value)
    console.print(f"Scored in {time.perf_counter() - started:.1f}s")
    if json_out is not None:
        rows = [
            {"area": f.area, "name": f.name, "value": f.value, "detail": f.detail} for f in figures
        ]
        json_out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", "utf-8")
