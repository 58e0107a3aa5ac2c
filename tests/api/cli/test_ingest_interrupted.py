"""An import killed in the middle leaves a consistent graph, and running it again gives
exactly the graph a clean, uninterrupted import gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.maintenance import delete_all_data
from ingest.demo.generator import generate
from ingest.demo.scale import Scale
from ingest.demo.templates import write_templates
from tests.ingest.graph_content import graph_content, label_counts

pytestmark = pytest.mark.neo4j

_INTERACTIONS = 2000
_TINY = Scale(
    name="tiny", companies=12, people=150, interactions=_INTERACTIONS, deals=6, colleagues=8
)


def _env(settings: GraphSettings) -> dict[str, str]:
    return {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""}


def _arguments(folder: Path, rejects: Path, batch_size: int = 500) -> list[str]:
    return [
        "ingest", "native", str(folder), "--source", "demo", "--batch-size", str(batch_size),
        "--no-derive", "--rejects", str(rejects),
    ]  # fmt: skip


async def _interactions(client: GraphClient) -> int:
    [row] = await client.read("MATCH (i:Interaction) RETURN count(i) AS n")
    return int(row["n"])


async def test_a_killed_import_rerun_equals_a_clean_import(
    neo4j_settings: GraphSettings, clean_graph: GraphClient, tmp_path: Path
) -> None:
    folder = tmp_path / "templates"
    write_templates(generate(seed=3, scale=_TINY), folder)
    command = [sys.executable, "-c", "from api.cli import app; app()"]
    process = subprocess.Popen(
        [*command, *_arguments(folder, tmp_path / "killed.csv", batch_size=10)],
        env=_env(neo4j_settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while await _interactions(clean_graph) == 0:
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    written = await _interactions(clean_graph)
    assert 0 < written < _INTERACTIONS, "the kill must land in the middle of the import"
    [run] = await clean_graph.read("MATCH (r:ImportRun) RETURN r.status AS status")
    assert run == {"status": "running"}  # it never got to say how it ended

    rerun = subprocess.run(
        [*command, *_arguments(folder, tmp_path / "rerun.csv")],
        env=_env(neo4j_settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert await _interactions(clean_graph) == _INTERACTIONS
    resumed = await graph_content(clean_graph)

    await delete_all_data(clean_graph)
    clean = subprocess.run(
        [*command, *_arguments(folder, tmp_path / "clean.csv")],
        env=_env(neo4j_settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert await graph_content(clean_graph) == resumed
    counts = await label_counts(clean_graph)
    assert counts["Interaction"] == _INTERACTIONS and counts["Person"] == 150
