"""The graph change marker: stable across reads, new after any client's write, one query."""

from __future__ import annotations

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.change_marker import ChangeMarkerReader
from graph.writing.writers import GraphWriter
from tests.graph.records import ACME, company

pytestmark = pytest.mark.neo4j


async def test_the_marker_stays_put_across_reads_and_costs_one_query_each(
    clean_graph: GraphClient,
) -> None:
    reader = ChangeMarkerReader(clean_graph)
    first = await reader.read()
    sent = clean_graph.queries_sent

    await clean_graph.read("MATCH (n) RETURN count(n) AS n")
    second = await reader.read()

    assert first is not None and first == second
    assert clean_graph.queries_sent == sent + 2  # the read above, and the marker


async def test_a_write_by_another_client_changes_the_marker(
    clean_graph: GraphClient, neo4j_settings: GraphSettings
) -> None:
    reader = ChangeMarkerReader(clean_graph)
    before = await reader.read()
    other = GraphClient.from_settings(neo4j_settings)
    try:
        await GraphWriter(other).companies([ACME])
    finally:
        await other.close()

    after = await reader.read()

    assert after is not None and after != before


async def test_a_write_that_changes_nothing_leaves_the_marker(clean_graph: GraphClient) -> None:
    await GraphWriter(clean_graph).companies([company("m1", "Marker Co")])
    reader = ChangeMarkerReader(clean_graph)
    before = await reader.read()

    await clean_graph.write("MATCH (c:Company {uid: 'company:test:m1'}) RETURN c.uid AS uid")

    assert await reader.read() == before
