"""The import's batch queries reach every node by a key, never by a scan, whatever the graph
holds: they keep their first plan (``CYPHER replan=skip``), which is often made on an empty
graph, where the statistics make a scan look free (a scan joined to each batch row made an
import quadratic once)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, LiteralString

import pytest

from graph.driver import GraphClient
from graph.queries.ingest import links as ingest_links
from graph.queries.ingest import nodes as ingest_nodes
from graph.queries.ingest import two_step as ingest_two_step
from graph.queries.ingest.refs import BATCH
from ingest.demo.generator import generate
from ingest.demo.scale import Scale
from ingest.demo.templates import write_templates
from ingest.formats.registry import Format
from ingest.pipeline.run import ImportPlan, run_import

pytestmark = pytest.mark.neo4j

_TINY = Scale(name="tiny", companies=12, people=150, interactions=600, deals=6, colleagues=8)


def _batch_queries() -> dict[str, LiteralString]:
    queries: dict[str, LiteralString] = {}
    for module in (ingest_nodes, ingest_links, ingest_two_step):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, str):
                queries[f"{module.__name__}.{name}"] = value
    return queries


def _operators(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Every operator of a plan: its name (without the ``@database``) and its details."""
    found = [(str(plan["operatorType"]).split("@")[0], str(plan["args"].get("Details", "")))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


async def _scans(client: GraphClient) -> dict[str, list[tuple[str, str]]]:
    """The scan operators in the plan of each batch query, by query."""
    scans = {}
    async with client.driver.session(database=client.database) as session:
        for name, text in _batch_queries().items():
            result = await session.run("EXPLAIN " + text)
            summary = await result.consume()
            assert summary.plan is not None
            found = [op for op in _operators(summary.plan) if "Scan" in op[0]]
            if found:
                scans[name] = found
    return scans


def test_every_batch_query_keeps_its_plan() -> None:
    queries = _batch_queries()
    assert len(queries) >= 10
    assert [name for name, text in queries.items() if not text.startswith(BATCH)] == []


async def test_no_batch_query_scans_on_an_empty_graph(clean_graph: GraphClient) -> None:
    assert await _scans(clean_graph) == {}


async def test_no_batch_query_scans_on_a_graph_being_loaded(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    # Right after a write the index statistics lag behind the label counts: the state in
    # which a plan scanning an index "of no entries" was once chosen.
    folder = tmp_path / "templates"
    write_templates(generate(seed=5, scale=_TINY), folder)
    for files in (["companies.csv", "people.csv"], sorted(p.name for p in folder.iterdir())):
        plan = ImportPlan(
            fmt=Format.NATIVE,
            paths=[folder / name for name in files if name.endswith(".csv")],
            source="demo",
            rejects=tmp_path / "rejects.csv",
        )
        await run_import(clean_graph, plan)

        assert await _scans(clean_graph) == {}
    [held] = await clean_graph.read("MATCH (i:Interaction) RETURN count(i) AS n")
    assert held["n"] == _TINY.interactions
