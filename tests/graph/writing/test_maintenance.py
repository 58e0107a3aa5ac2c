"""Bulk deletion: one source's data goes, everything else stays."""

from __future__ import annotations

import pytest

from graph.driver import GraphClient
from graph.reading.stats import StatsReader
from graph.writing.maintenance import delete_all_data, delete_source
from graph.writing.writers import GraphWriter
from schema.model import Company, Provenance
from tests.graph.records import ACME, ANN, ANN_AT_ACME, MAIL, person

pytestmark = pytest.mark.neo4j


async def test_deleting_a_source_keeps_other_sources_and_drops_orphan_identifiers(
    clean_graph: GraphClient,
) -> None:
    writer = GraphWriter(clean_graph, batch_size=1)
    elsewhere = Provenance(source="crm", source_id="x1")
    other = Company(
        uid="company:crm:x1", name="Kept Co", domain="kept.example", provenance=elsewhere
    )
    await writer.companies([ACME, other])
    await writer.people([ANN, person("p7", "Dan Low")])
    await writer.employments([ANN_AT_ACME])
    await writer.interactions([MAIL])

    deleted = await delete_source(clean_graph, "test", batch_size=2)

    stats = await StatsReader(clean_graph).counts()
    assert deleted == 1 + 2 + 1 + 3  # interaction, people, company, domain+address+phone
    assert stats.nodes["Company"] == 1 and stats.nodes["Domain"] == 1
    assert stats.nodes["Person"] == stats.nodes["Interaction"] == 0
    assert stats.nodes["Address"] == stats.nodes["Phone"] == 0


async def test_deleting_all_data_keeps_the_schema(clean_graph: GraphClient) -> None:
    await GraphWriter(clean_graph).companies([ACME])

    await delete_all_data(clean_graph, batch_size=1)

    stats = await StatsReader(clean_graph).counts()
    assert set(stats.nodes.values()) == {0}
    assert "company_uid" in await StatsReader(clean_graph).constraint_names()
