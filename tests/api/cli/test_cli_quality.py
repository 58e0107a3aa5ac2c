"""``relgraph quality`` scores the loaded demo data against its ground truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.config import GraphSettings

pytestmark = pytest.mark.neo4j
runner = CliRunner()


def test_quality_prints_and_writes_every_figure_measured_on_the_loaded_demo_data(
    demo_settings: GraphSettings, tmp_path: Path
) -> None:
    out = tmp_path / "quality.json"
    result = runner.invoke(
        app,
        ["quality", "--no-load", "--json", str(out)],
        env={"NEO4J_URI": demo_settings.uri, "NEO4J_PASSWORD": ""},
    )

    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text("utf-8"))
    strength = next(f for f in figures if f["area"] == "relationship strength")
    assert strength["value"] is not None and strength["value"] > 0.3
    assert "pairs in both" in strength["detail"]
    assert "Quality against the ground truth" in result.output
