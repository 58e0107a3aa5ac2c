"""``relgraph bench crm``, ``bench intelligence`` and ``bench load`` on the small demo data,
``bench projection`` on a small seeded graph:
each runs end to end against the real API and Neo4j and prints its table with finite ratios
(no timings are checked: they are benchmarks)."""

from __future__ import annotations

import math
import re

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.config import GraphSettings
from graph.driver import GraphClient
from tests.graph.org_data import seed as seed_org

pytestmark = pytest.mark.neo4j

runner = CliRunner()


def _env(settings: GraphSettings) -> dict[str, str]:
    return {"NEO4J_URI": settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""}


def _ratios(line: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"\bx([\d,]+(?:\.\d+)?)", line)]


def _ratio_lines(output: str, prefix: str) -> dict[str, list[float]]:
    """The ratios printed under a table, per read: ``ours / Cypher, <read>: median x..``."""
    return {
        m[1]: _ratios(m[2])
        for m in re.finditer(rf"^{re.escape(prefix)}(.+?): median (.+)$", output, re.MULTILINE)
    }


def test_bench_crm_prints_each_read_on_both_sides_with_the_same_items_and_finite_ratios(
    demo_settings: GraphSettings,
) -> None:
    result = runner.invoke(
        app, ["bench", "crm", "--rounds", "1", "--warmup", "0"], env=_env(demo_settings)
    )

    assert result.exit_code == 0, result.output
    assert "CRM reads: GraphQL API over HTTP" in result.output
    ratios = _ratio_lines(result.output, "ours / Cypher, ")
    assert set(ratios) == {
        "companies page (20, current people, open deals)",
        "person with jobs and deal roles",
        "search a name",
    }
    assert all(len(r) == 2 and all(math.isfinite(x) and x > 0 for x in r) for r in ratios.values())
    answered = re.findall(r"│ +(\d+)/1, (\d+)/1 │ +([\d,]+) / ([\d,]+) │", result.output)
    assert len(answered) == 3
    assert all(ours == plain == "1" and a == b for ours, plain, a, b in answered)


def test_bench_intelligence_prints_computed_and_cached_calls_against_plain_cypher(
    demo_settings: GraphSettings,
) -> None:
    result = runner.invoke(
        app, ["bench", "intelligence", "--rounds", "1", "--warmup", "0"], env=_env(demo_settings)
    )

    assert result.exit_code == 0, result.output
    assert "Intelligence: GraphQL API (computed" in result.output
    ratios = _ratio_lines(result.output, "ours / Cypher, ")
    assert set(ratios) == {"orgChart", "hiddenLinks", "buyingCommittee"}
    assert all(len(r) == 2 and all(math.isfinite(x) and x > 0 for x in r) for r in ratios.values())
    for read in ratios:
        assert re.search(rf"│ {read} .*│ +1/1, 1/1 │", result.output), read


def test_bench_load_runs_each_level_and_prints_throughput_latencies_memory_and_cpu(
    demo_settings: GraphSettings,
) -> None:
    args = ["--clients", "1,2", "--seconds", "2", "--pool", "20", "--timeout", "60"]

    result = runner.invoke(app, ["bench", "load", *args], env=_env(demo_settings))

    assert result.exit_code == 0, result.output
    assert "one uvicorn server with 1 worker" in result.output
    rows = re.findall(
        r"^│ +(\d+) │ +([\d,]+) │ +([\d,]+) │ +([\d,.]+) │ +(\S+) │ +([\d.]+) │ +([\d.]+) │ "
        r"+([\d.]+) │ +([\d,?]+) │ +(\S+) │",
        result.output,
        re.MULTILINE,
    )
    assert [r[0] for r in rows] == ["1", "2"]
    for _, requests, errors, throughput, ratio, *_, rss, busy in rows:
        assert int(requests) > 0 and errors == "0", result.output
        assert math.isfinite(float(throughput)) and float(throughput) > 0
        assert _ratios(ratio) and all(math.isfinite(x) for x in _ratios(ratio))
        assert rss != "?" and busy.endswith("%")
    assert rows[0][4] == "x1.00"
    assert "Per operation (seconds per request)" in result.output
    for operation in ("orgChart", "decisionMakers", "referralPaths", "companies page", "search"):
        assert re.search(rf"^│ {operation} +│ +1 │", result.output, re.MULTILINE), operation


@pytest.fixture
async def seeded_org(clean_graph: GraphClient) -> None:
    await seed_org(clean_graph)


@pytest.mark.usefixtures("seeded_org")
def test_bench_projection_builds_applies_a_write_and_reads_on_both_sides(
    neo4j_settings: GraphSettings,
) -> None:
    result = runner.invoke(
        app,
        ["bench", "projection", "--accounts", "2", "--pairs", "3", "--writes", "1"],
        env=_env(neo4j_settings),
    )

    assert result.exit_code == 0, result.output
    assert re.search(r"Built in [\d.]+ s: [\d,]+ people", result.output), result.output
    assert "Applying the change feed" in result.output and "2/2" in result.output
    assert "org projection, from memory" in result.output
    assert "referral projection, from memory" in result.output
