"""A nested page costs the same number of queries whatever its size (DataLoaders batch)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore
from graph.writing.writers import GraphWriter
from schema.auth import Role
from schema.enums import DealContactRole, DealStage, Label
from schema.model import Deal, DealContact, make_uid
from tests.api.query_count import post_counting_queries
from tests.graph.records import company, employment, person, provenance

pytestmark = pytest.mark.neo4j
PEOPLE = 60
NESTED_PAGE = """query($n: Int!) { people(first: $n) { totalCount edges { node {
    fullName
    currentEmployment { title company { name parent { name } } }
    dealRoles(openOnly: true) { role deal { name stage company { name } owner { fullName } } }
} } } }"""


@pytest.fixture
async def key(clean_graph: GraphClient) -> AsyncIterator[str]:
    writer = GraphWriter(clean_graph, batch_size=25)
    companies = [company(f"nc{i}", f"Company {i:02}") for i in range(PEOPLE)]
    people = [person(f"np{i}", f"Person {i:02}") for i in range(PEOPLE)]
    deals = [
        Deal(
            uid=make_uid(Label.DEAL, provenance(f"nd{i}")),
            name=f"Deal {i:02}",
            provenance=provenance(f"nd{i}"),
            company_uid=companies[i].uid,
            stage=DealStage.PROPOSAL,
            owner_uid=people[(i + 1) % PEOPLE].uid,
        )
        for i in range(PEOPLE)
    ]
    await writer.companies(companies)
    await writer.people(people)
    await writer.employments(
        employment(f"ne{i}", people[i], companies[i], title="Buyer", start=date(2020, 1, 1))
        for i in range(PEOPLE)
    )
    await writer.deals(deals)
    await writer.deal_contacts(
        DealContact(
            deal_uid=deals[i].uid,
            person_uid=people[i].uid,
            role=DealContactRole.CHAMPION,
            provenance=provenance(f"ndc{i}"),
        )
        for i in range(PEOPLE)
    )
    _, secret = await ApiKeyStore(clean_graph).create("n+1", Role.VIEWER)
    yield secret


def _queries_for_page(settings: GraphSettings, key: str, size: int) -> int:
    with TestClient(create_app(ApiSettings(graph=settings))) as client:
        client.headers["Authorization"] = f"Bearer {key}"
        body, sent = post_counting_queries(client, NESTED_PAGE, {"n": size})
        edges = body["data"]["people"]["edges"]
        assert len(edges) == size
        assert all(e["node"]["currentEmployment"]["company"] for e in edges)
        assert all(e["node"]["dealRoles"][0]["deal"]["owner"] for e in edges)
        return sent


def test_query_count_does_not_grow_with_the_page_size(
    neo4j_settings: GraphSettings, key: str
) -> None:
    small = _queries_for_page(neo4j_settings, key, 5)
    large = _queries_for_page(neo4j_settings, key, 50)

    assert small == large
    assert large <= 15  # auth + count + page + one batch per loader level
