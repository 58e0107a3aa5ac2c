"""The app's result cache: answers come back without recomputing until anyone writes."""

from __future__ import annotations

from typing import cast

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.services.result_cache import ResultCache
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.conftest import GraphQLCall
from tests.api.mutation_calls import gid
from tests.api.query_count import queries_sent
from tests.graph.link_data import INITECH, ZENITH, seed_links
from tests.graph.records import employment, person

pytestmark = pytest.mark.neo4j

PHONES = "{ topHiddenLinks(kinds: [SHARED_PHONE], minConfidence: 0.1) { totalCount } }"
PEOPLE = "{ topHiddenLinks(kinds: [SHARED_CURRENT_PEOPLE]) { totalCount } }"


@pytest.fixture
async def linked(clean_graph: GraphClient) -> GraphClient:
    await seed_links(GraphWriter(clean_graph))
    return clean_graph


def state(api: TestClient) -> tuple[GraphClient, ResultCache]:
    app_state = cast(Starlette, api.app).state
    return app_state.graph, app_state.results


def count(gql: GraphQLCall, query: str) -> int:
    body = gql(query)
    assert "errors" not in body, body
    return int(body["data"]["topHiddenLinks"]["totalCount"])


async def test_a_repeated_question_costs_only_the_marker(
    linked: GraphClient, api: TestClient, gql: GraphQLCall
) -> None:
    _, results = state(api)
    count(gql, PHONES)
    sent = queries_sent(api)

    count(gql, PHONES)

    assert queries_sent(api) - sent == 1
    assert results.stats.hits >= 1


async def test_a_request_reads_the_marker_once_for_all_its_fields(
    linked: GraphClient, api: TestClient, gql: GraphQLCall
) -> None:
    many = f"""{{
      a: topHiddenLinks {{ totalCount }}
      b: topHiddenLinks(minConfidence: 0.2) {{ totalCount }}
      c: hiddenLinks(companyId: "{gid("Company", INITECH.uid)}") {{
        ... on HiddenLinks {{ totalCount }}
      }}
    }}"""
    gql(many)
    sent = queries_sent(api)

    body = gql(many)

    assert "errors" not in body
    assert queries_sent(api) - sent == 1  # one marker read


async def test_a_write_through_the_api_is_seen_by_the_next_question(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    assert count(gql, PHONES) == 1  # Initech and Zenith (Acme's twin shares one too: folded)

    created = gql(
        """mutation { createCompany(input: {name: "Umbrella Holdings", phone: "+12125550199"})
           { __typename } }"""
    )

    assert created["data"]["createCompany"]["__typename"] == "CreateCompanySuccess"
    assert count(gql, PHONES) == 3


async def test_a_write_by_another_client_is_seen_by_the_next_question(
    linked: GraphClient, gql: GraphQLCall, neo4j_settings: GraphSettings
) -> None:
    assert count(gql, PEOPLE) == 0
    other = GraphClient.from_settings(neo4j_settings)
    cat = person("lp9", "Cat Ng")
    try:
        writer = GraphWriter(other)
        await writer.people([cat])
        await writer.employments([employment("le9", cat, INITECH), employment("le10", cat, ZENITH)])
    finally:
        await other.close()

    assert count(gql, PEOPLE) == 1


async def test_a_soft_deleted_company_leaves_the_links(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    assert count(gql, PHONES) == 1

    gql(
        "mutation($id: ID!) { softDeleteCompany(id: $id) { __typename } }",
        {"id": gid("Company", ZENITH.uid)},
    )

    assert count(gql, PHONES) == 0
