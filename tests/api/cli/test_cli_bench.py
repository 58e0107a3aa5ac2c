"""``relgraph bench ingest`` on a tiny data set: it runs end to end and prints both loaders,
their ratio and the graphs side by side (no timings are checked: it is a benchmark)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.config import GraphSettings
from graph.driver import GraphClient
from ingest.demo import generate, write_templates
from ingest.demo.scale import Scale

runner = CliRunner()
TINY = Scale(name="tiny", companies=10, people=120, interactions=200, deals=5, colleagues=8)


def _counts(output: str, key: str) -> tuple[int, int]:
    """The baseline and importer counts of one row of the "What each graph holds" table."""
    match = re.search(rf"│ {key}\s+│\s+([\d,]+) │\s+([\d,]+) │", output)
    assert match is not None, f"no {key} row in:\n{output}"
    return int(match[1].replace(",", "")), int(match[2].replace(",", ""))


@pytest.fixture(scope="module")
def tiny_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench-tiny")
    write_templates(generate(seed=2, scale=TINY), folder)
    return folder


@pytest.mark.neo4j
def test_bench_ingest_prints_both_loaders_the_ratio_and_the_same_interactions(
    neo4j_settings: GraphSettings, clean_graph: GraphClient, tiny_templates: Path
) -> None:
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""}

    result = runner.invoke(
        app,
        ["bench", "ingest", "--data", str(tiny_templates), "--sample", "20", "--yes"],
        env=env,
    )

    assert result.exit_code == 0, result.output
    assert re.search(r"│ baseline +│ +1 │", result.output)
    assert re.search(r"│ importer +│ +1 │", result.output)
    assert "ratio importer/baseline, round 1: rows/s " in result.output
    assert "sample of 20 interactions" in result.output
    baseline, importer = _counts(result.output, "Interaction")
    assert baseline == importer == TINY.interactions
    baseline, importer = _counts(result.output, "PARTICIPATED_IN")
    assert baseline == importer > 0


@pytest.mark.neo4j
def test_bench_ingest_refuses_a_graph_with_data_without_yes(
    neo4j_settings: GraphSettings,
    clean_graph: GraphClient,
    tiny_templates: Path,
    tmp_path: Path,
) -> None:
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""}
    rejects = str(tmp_path / "rejects.csv")
    ingest = ["ingest", "native", str(tiny_templates), "--no-derive", "--rejects", rejects]
    assert runner.invoke(app, ingest, env=env).exit_code == 0

    result = runner.invoke(app, ["bench", "ingest", "--data", str(tiny_templates)], env=env)

    assert result.exit_code == 1
    assert "deletes every node" in result.output


@pytest.mark.neo4j
def test_bench_referrals_prints_both_sides_and_the_decision_makers_of_the_largest_account(
    demo_settings: GraphSettings,
) -> None:
    env = {"NEO4J_URI": demo_settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""}
    args = ["--pairs", "2", "--warmup", "0", "--rounds", "1", "--max-hops", "3"]

    result = runner.invoke(app, ["bench", "referrals", *args], env=env)

    assert result.exit_code == 0, result.output
    assert "ours / shortestPath: median x" in result.output
    assert re.search(r"Decision-makers of the largest account: .+ \([\d,]+ current", result.output)
    assert re.search(r"│ decisionMakers \(GraphQL API.*│ +1/1 │", result.output)
    assert "ours / plain Cypher: median x" in result.output
    assert re.search(r"│ decisionMakers again, from the .*│ +1/1 │", result.output)
    assert "ours again, from the result cache / plain Cypher: median x" in result.output
