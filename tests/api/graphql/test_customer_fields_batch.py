"""Company.rfm and Company.lifecycle on a page cost the same number of queries whatever the
page size (per-request loaders batch them)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore
from graph.writing.writers import GraphWriter
from schema.auth import Role
from schema.enums import DealStage, Label
from schema.model import Deal, Subsidiary, make_uid
from tests.api.query_count import post_counting_queries
from tests.graph.records import company, email, employment, person, provenance

pytestmark = pytest.mark.neo4j
ACCOUNTS = 60
PAGE = """query($n: Int!) { companies(first: $n) { edges { node {
    name
    rfm(asOf: "2026-06-30") { code segment }
    lifecycle(asOf: "2026-06-30") { stage activity { interactions } }
    parent { name rfm(asOf: "2026-06-30") { code } lifecycle(asOf: "2026-06-30") { stage } }
} } } }"""


@pytest.fixture
async def key(clean_graph: GraphClient) -> AsyncIterator[str]:
    writer = GraphWriter(clean_graph, batch_size=25)
    home, carol = company("home", "Home", is_home=True), person("carol", "Carol", is_colleague=True)
    companies = [company(f"c{i}", f"Company {i:02}") for i in range(ACCOUNTS)]
    people = [person(f"p{i}", f"Person {i:02}") for i in range(ACCOUNTS)]
    await writer.companies([home, *companies])
    await writer.subsidiaries(
        Subsidiary(child_uid=c.uid, parent_uid=companies[0].uid, provenance=provenance(f"s{i}"))
        for i, c in enumerate(companies[1:], start=1)
    )
    await writer.people([carol, *people])
    await writer.employments(
        [employment("e", carol, home)]
        + [employment(f"e{i}", people[i], c) for i, c in enumerate(companies)]
    )
    await writer.deals(
        Deal(
            uid=make_uid(Label.DEAL, provenance(f"d{i}")),
            name=f"Deal {i}",
            provenance=provenance(f"d{i}"),
            company_uid=c.uid,
            amount=1000.0 + i,
            currency="USD",
            stage=DealStage.CLOSED_WON,
            close_date=date(2026, 1, 1) + timedelta(days=i),
        )
        for i, c in enumerate(companies)
    )
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    await writer.interactions(
        email(f"i{i}", carol, people[i], at=start + timedelta(days=i)) for i in range(ACCOUNTS)
    )
    _, secret = await ApiKeyStore(clean_graph).create("n+1", Role.VIEWER)
    yield secret


def _queries_for_page(settings: GraphSettings, key: str, size: int) -> int:
    with TestClient(create_app(ApiSettings(graph=settings))) as client:
        client.headers["Authorization"] = f"Bearer {key}"
        body, sent = post_counting_queries(client, PAGE, {"n": size})
        nodes = [edge["node"] for edge in body["data"]["companies"]["edges"]]
        assert len(nodes) == size
        assert all(n["rfm"] and n["lifecycle"]["stage"] for n in nodes if n["name"] != "Home")
        assert any(n["parent"] and n["parent"]["lifecycle"] for n in nodes)
        return sent


def test_rfm_and_lifecycle_do_not_cost_a_query_per_company(
    neo4j_settings: GraphSettings, key: str
) -> None:
    small = _queries_for_page(neo4j_settings, key, 5)
    large = _queries_for_page(neo4j_settings, key, 50)

    assert small == large
    # auth, page; the customers' analysis (deals, activity), one lifecycle read per level,
    # the parents
    assert large <= 10
