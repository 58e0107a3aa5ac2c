"""Full-text search and the pipeline, over HTTP against the real Neo4j."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import DealStage, Label
from schema.model import Deal, make_uid
from tests.api.crm_data import seed
from tests.graph.records import CAROL, DEAL, company, person, provenance

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]
HUAXIN = company("cn1", "华信科技有限公司", domain="huaxin.cn")
WANG = person("cn-p1", "王伟", email="wang.wei@huaxin.cn", title="总经理")


def _deal(
    source_id: str,
    stage: DealStage,
    amount: float,
    probability: float,
    close: date,
    currency: str = "USD",
) -> Deal:
    p = provenance(source_id)
    return Deal(
        uid=make_uid(Label.DEAL, p),
        name=f"Deal {source_id}",
        provenance=p,
        amount=amount,
        currency=currency,
        stage=stage,
        probability=probability,
        close_date=close,
        owner_uid=CAROL.uid,
    )


@pytest.fixture(autouse=True)
async def crm(clean_graph: GraphClient) -> None:
    writer = GraphWriter(clean_graph)
    await seed(writer)  # includes DEAL: proposal, 50,000 USD at 0.5, closing 2026-12-15
    await writer.companies([HUAXIN])
    await writer.people([WANG])
    await writer.deals(
        [
            _deal("d2", DealStage.NEGOTIATION, 10_000, 0.8, date(2026, 12, 1)),
            _deal("d3", DealStage.CLOSED_WON, 7_000, 1.0, date(2026, 6, 1)),
            _deal("d4", DealStage.PROPOSAL, 1_000, 0.5, date(2027, 1, 20), currency="EUR"),
        ]
    )


def _hits(body: dict[str, Any]) -> list[tuple[str, str]]:
    assert "errors" not in body, body["errors"]
    return [
        (h["node"]["__typename"], h["node"].get("name") or h["node"].get("fullName"))
        for h in body["data"]["search"]
    ]


SEARCH = """query($t: String!, $types: [SearchType!]) { search(text: $t, types: $types) {
    score node { __typename ... on Company { name } ... on Person { fullName }
                 ... on Deal { name } } } }"""


def test_search_ranks_people_companies_and_deals(gql: Gql) -> None:
    hits = _hits(gql(SEARCH, {"t": "acme"}))
    assert ("Company", "Acme Inc") in hits and ("Deal", "Acme renewal") in hits
    assert hits[0][0] in {"Company", "Deal"}


def test_search_tolerates_a_typo(gql: Gql) -> None:
    assert ("Person", "Carol Diaz") in _hits(gql(SEARCH, {"t": "Carlo Diaz"}))


def test_search_finds_chinese_names_and_titles(gql: Gql) -> None:
    assert _hits(gql(SEARCH, {"t": "华信科技"})) == [("Company", "华信科技有限公司")]
    assert _hits(gql(SEARCH, {"t": "总经理"})) == [("Person", "王伟")]


def test_search_can_be_limited_to_some_types(gql: Gql) -> None:
    hits = _hits(gql(SEARCH, {"t": "acme", "types": ["DEAL"]}))
    assert hits and {kind for kind, _ in hits} == {"Deal"}


@pytest.mark.parametrize("text", ["", "   ", "!!!"])
def test_search_without_words_is_empty_or_a_typed_error(gql: Gql, text: str) -> None:
    body = gql(SEARCH, {"t": text})
    if text.strip():
        assert body["data"]["search"] == []
    else:
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "text"}


PIPELINE = """{ pipeline {
    byStage { key currency count total weighted }
    byOwner { owner { fullName } currency count total weighted }
    forecast { key currency count total weighted } } }"""


def test_pipeline_sums_per_stage_and_currency(gql: Gql) -> None:
    stages = gql(PIPELINE)["data"]["pipeline"]["byStage"]
    assert stages == [
        {"key": "proposal", "currency": "EUR", "count": 1, "total": 1000.0, "weighted": 500.0},
        {"key": "proposal", "currency": "USD", "count": 1, "total": 50000.0, "weighted": 25000.0},
        {"key": "negotiation", "currency": "USD", "count": 1, "total": 10000.0, "weighted": 8000.0},
        {"key": "closed_won", "currency": "USD", "count": 1, "total": 7000.0, "weighted": 7000.0},
    ]
    assert DEAL.amount == 50_000


def test_pipeline_per_owner_and_forecast_count_open_deals_only(gql: Gql) -> None:
    report = gql(PIPELINE)["data"]["pipeline"]
    assert report["byOwner"] == [
        {
            "owner": {"fullName": "Carol Diaz"},
            "currency": "USD",
            "count": 2,
            "total": 60000.0,
            "weighted": 33000.0,
        },
        {
            "owner": {"fullName": "Carol Diaz"},
            "currency": "EUR",
            "count": 1,
            "total": 1000.0,
            "weighted": 500.0,
        },
    ]
    assert [(m["key"], m["currency"], m["weighted"]) for m in report["forecast"]] == [
        ("2026-12", "USD", 33000.0),
        ("2027-01", "EUR", 500.0),
    ]
