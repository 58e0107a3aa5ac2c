"""The hidden-links scorer of ``relgraph quality`` on the demo data: thresholds that fail
when the answers get worse."""

from __future__ import annotations

import pytest

from api.cli.quality.links import score_links
from graph.driver import GraphClient
from ingest.demo import DemoDataset

pytestmark = pytest.mark.neo4j


async def test_hidden_links_find_what_the_generator_planted(
    demo_client: GraphClient, demo_dataset: DemoDataset
) -> None:
    figures = {f.name: f for f in await score_links(demo_client, demo_dataset.ground_truth)}

    def value(name: str) -> float:
        found = figures[name].value
        assert found is not None, name
        return found

    assert value("recall hiddenLinks at 0.3: all planted links") >= 0.95
    assert (
        min(v.value or 0.0 for n, v in figures.items() if n.startswith("recall hiddenLinks")) >= 0.9
    )
    assert value("precision, topHiddenLinks at 0.5: all kinds") >= 0.95
    assert value("precision, topHiddenLinks at 0.3: kinds the demo plants") >= 0.95
    assert value("company duplicates: recall of LIKELY_DUPLICATE, hiddenLinks at 0.3") >= 0.8
    assert value("people duplicates: recall of the duplicate scan at 0.6") >= 0.8
    assert "of 813 links" in figures["recall hiddenLinks at 0.3: all planted links"].detail
