"""Loading a generated data set through the graph writers, against the real Neo4j."""

from __future__ import annotations

import dataclasses

import pytest

from graph.driver import GraphClient
from graph.reading.stats import StatsReader
from graph.writing.writers import GraphWriter
from ingest.dataset_loader import load_records
from ingest.demo import DemoDataset, Scale, generate
from schema.reading.stats import GraphStats

pytestmark = pytest.mark.neo4j

TINY = Scale(name="tiny", companies=12, people=150, interactions=400, deals=8, colleagues=8)


@pytest.fixture(scope="module")
def dataset() -> DemoDataset:
    return generate(seed=11, scale=TINY)


async def _load(client: GraphClient, records: DemoDataset) -> GraphStats:
    report = await load_records(GraphWriter(client, batch_size=50), records)
    assert report.skipped == 0
    return await StatsReader(client).counts()


async def test_every_generated_record_is_written(
    clean_graph: GraphClient, dataset: DemoDataset
) -> None:
    stats = await _load(clean_graph, dataset)

    assert stats.nodes["Company"] == len(dataset.companies)
    assert stats.nodes["Person"] == len(dataset.people)
    assert stats.nodes["Deal"] == len(dataset.deals)
    assert stats.nodes["Interaction"] == len(dataset.interactions)
    assert stats.relationships["WORKS_AT"] == len(dataset.employments)
    assert stats.relationships["REPORTS_TO"] == len(dataset.reporting_lines)
    assert stats.relationships["SUBSIDIARY_OF"] == len(dataset.subsidiaries)
    assert stats.relationships["PARTICIPATED_IN"] == sum(
        len({(p.person_uid, p.role) for p in i.participants}) for i in dataset.interactions
    )


async def test_loading_the_same_data_set_twice_changes_nothing(
    clean_graph: GraphClient, dataset: DemoDataset
) -> None:
    first = await _load(clean_graph, dataset)

    assert await _load(clean_graph, dataset) == first


async def test_an_interrupted_load_is_completed_by_running_it_again(
    clean_graph: GraphClient, dataset: DemoDataset
) -> None:
    complete = await _load(clean_graph, dataset)
    await _wipe_and_load_part(clean_graph, dataset)

    assert await _load(clean_graph, dataset) == complete


async def _wipe_and_load_part(client: GraphClient, dataset: DemoDataset) -> None:
    from graph.writing.maintenance import delete_all_data

    await delete_all_data(client)
    half = len(dataset.interactions) // 2
    partial = dataclasses.replace(
        dataset, interactions=dataset.interactions[:half], deal_contacts=()
    )
    await load_records(GraphWriter(client), partial)
