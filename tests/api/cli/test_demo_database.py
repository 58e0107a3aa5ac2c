"""The shared demo database holds the demo data set and serves GraphQL over it."""

from __future__ import annotations

import pytest

from graph.driver import GraphClient
from ingest.demo import DemoDataset
from tests.api.conftest import GraphQLCall

pytestmark = pytest.mark.neo4j


async def test_the_demo_database_holds_every_generated_person(
    demo_client: GraphClient, demo_dataset: DemoDataset
) -> None:
    [row] = await demo_client.read("MATCH (p:Person) RETURN count(p) AS people")
    assert row["people"] == len(demo_dataset.people)


def test_the_demo_api_answers_over_the_demo_database(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    body = demo_gql("{ companies(first: 1) { totalCount } }")
    assert body["data"]["companies"]["totalCount"] == len(demo_dataset.companies)
