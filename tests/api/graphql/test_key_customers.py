"""keyCustomers, Company.rfm and Company.lifecycle over HTTP against the real Neo4j, on a
small book of accounts in several currencies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from api.config import ApiSettings
from graph.commands.companies import CompanyCommands
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import DealStage, Label
from schema.model import Company, Deal, Subsidiary, make_uid
from schema.money import FxRates
from tests.api.mutation_calls import gid
from tests.graph.records import company, email, employment, person, provenance

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]
AS_OF = "2026-06-30"
HOME = company("home", "Relgraph Ltd", is_home=True)
CAROL = person("carol", "Carol Diaz", is_colleague=True)
# won revenue in USD at EUR=2 and GBP=1.25: 50,000 / 20,000 / 15,000 / 10,000 / 5,000
BOOK = {
    "a": ("Alpha", 50_000.0, "USD"),
    "b": ("Beta", 10_000.0, "EUR"),
    "c": ("Gamma", 12_000.0, "GBP"),
    "d": ("Delta", 10_000.0, "USD"),
    "e": ("Epsilon", 5_000.0, "USD"),
    "f": ("Phi", 7_000.0, "CNY"),  # no rate: a customer whose revenue is left out
}
ACCOUNTS = {key: company(key, name) for key, (name, _, _) in BOOK.items()}
PROSPECT = company("p", "Prospect Ltd")
GONE = company("g", "Gone Corp")

KEY_CUSTOMERS = """query($currency: String!, $first: Int) {
  keyCustomers(asOf: "2026-06-30", currency: $currency, first: $first) {
    asOf currency rolledUp exchangeRates truncated
    pareto { totalRevenue accountsCounted topAccounts top20Share accountsFor80Percent
             dealsLeftOut currenciesLeftOut }
    customers { rank revenue share cumulativeShare company { name }
                rfm { frequency monetary dealsLeftOut code segment }
                lifecycle { stage reason wonDeals } }
  }
}"""


def won(key: str, where: Company, amount: float, currency: str, closed: date) -> Deal:
    p = provenance(f"deal-{key}")
    return Deal(
        uid=make_uid(Label.DEAL, p),
        name=f"Deal {key}",
        provenance=p,
        company_uid=where.uid,
        amount=amount,
        currency=currency,
        stage=DealStage.CLOSED_WON,
        close_date=closed,
    )


@pytest.fixture
def api_settings(neo4j_settings: GraphSettings) -> ApiSettings:
    return ApiSettings(graph=neo4j_settings, fx_rates=FxRates({"EUR": 2.0, "GBP": 1.25}))


@pytest.fixture(autouse=True)
async def book(clean_graph: GraphClient) -> None:
    writer = GraphWriter(clean_graph)
    await writer.companies([HOME, *ACCOUNTS.values(), PROSPECT, GONE])
    await writer.people([CAROL, person("ann", "Ann Lee")])
    deals = [
        won(key, ACCOUNTS[key], amount, cur, date(2026, 3, 1))
        for key, (_, amount, cur) in BOOK.items()
    ]
    deals.append(won("gone", GONE, 1_000_000.0, "USD", date(2026, 3, 1)))
    p = provenance("deal-p")
    deals.append(
        Deal(
            uid=make_uid(Label.DEAL, p),
            name="Prospect pilot",
            provenance=p,
            company_uid=PROSPECT.uid,
            amount=4_000.0,
            currency="GBP",
            stage=DealStage.PROPOSAL,
        )
    )
    await writer.deals(deals)
    ann = person("ann", "Ann Lee")
    await writer.employments(
        [employment("e1", CAROL, HOME), employment("e2", ann, PROSPECT, start=date(2025, 1, 1))]
    )
    await writer.interactions([email("i1", CAROL, ann, at=datetime(2026, 6, 2, 9, tzinfo=UTC))])
    await CompanyCommands(clean_graph).soft_delete(GONE.uid)


def test_customers_are_ranked_by_revenue_in_one_currency_with_the_pareto_view(
    gql: Gql,
) -> None:
    body = gql(KEY_CUSTOMERS, {"currency": "USD"})

    assert "errors" not in body, body
    answer = body["data"]["keyCustomers"]
    assert (answer["asOf"], answer["currency"], answer["rolledUp"]) == (AS_OF, "USD", False)
    assert answer["pareto"] == {
        "totalRevenue": 100_000.0,
        "accountsCounted": 5,
        "topAccounts": 1,
        "top20Share": 0.5,
        "accountsFor80Percent": 3,
        "dealsLeftOut": 1,
        "currenciesLeftOut": ["CNY"],
    }
    customers = answer["customers"]
    assert [c["company"]["name"] for c in customers] == [
        "Alpha",
        "Beta",
        "Gamma",
        "Delta",
        "Epsilon",
        "Phi",
    ]
    assert [c["revenue"] for c in customers] == [50_000, 20_000, 15_000, 10_000, 5_000, 0]
    assert [c["cumulativeShare"] for c in customers] == pytest.approx(
        [0.5, 0.7, 0.85, 0.95, 1.0, 1.0]
    )
    assert customers[-1]["rfm"]["dealsLeftOut"] == 1
    assert all(c["lifecycle"]["stage"] == "GROWTH" for c in customers)


ROLL_UP = """query($rollUp: Boolean!) {
  keyCustomers(asOf: "2026-06-30", rollUpSubsidiaries: $rollUp) {
    rolledUp
    pareto { totalRevenue accountsCounted }
    customers { revenue company { name } rfm { frequency monetary } }
  }
}"""


@pytest.fixture
async def delta_belongs_to_alpha(book: None, clean_graph: GraphClient) -> None:
    """Delta (10,000 USD won) becomes a subsidiary of Alpha (50,000 USD won)."""
    link = Subsidiary(
        child_uid=ACCOUNTS["d"].uid, parent_uid=ACCOUNTS["a"].uid, provenance=provenance("s-da")
    )
    await GraphWriter(clean_graph).subsidiaries([link])


@pytest.mark.usefixtures("delta_belongs_to_alpha")
def test_rolling_up_makes_a_parent_and_its_subsidiary_one_account_with_both_revenues(
    gql: Gql,
) -> None:
    apart = gql(ROLL_UP, {"rollUp": False})
    together = gql(ROLL_UP, {"rollUp": True})

    assert "errors" not in apart and "errors" not in together, (apart, together)
    apart_answer, together_answer = apart["data"]["keyCustomers"], together["data"]["keyCustomers"]
    revenue_apart = {c["company"]["name"]: c["revenue"] for c in apart_answer["customers"]}
    revenue_together = {c["company"]["name"]: c["revenue"] for c in together_answer["customers"]}
    assert apart_answer["rolledUp"] is False
    assert (revenue_apart["Alpha"], revenue_apart["Delta"]) == (50_000.0, 10_000.0)
    assert together_answer["rolledUp"] is True
    assert "Delta" not in revenue_together
    assert revenue_together["Alpha"] == 60_000.0
    assert together_answer["customers"][0]["rfm"] == {"frequency": 2, "monetary": 60_000.0}
    # the same revenue, in one account fewer
    assert apart_answer["pareto"] == {"totalRevenue": 100_000.0, "accountsCounted": 5}
    assert together_answer["pareto"] == {"totalRevenue": 100_000.0, "accountsCounted": 4}


def test_another_reporting_currency_converts_every_amount(gql: Gql) -> None:
    body = gql(KEY_CUSTOMERS, {"currency": "eur", "first": 2})

    answer = body["data"]["keyCustomers"]
    assert answer["currency"] == "EUR"
    assert answer["pareto"]["totalRevenue"] == pytest.approx(50_000.0)
    assert [c["revenue"] for c in answer["customers"]] == pytest.approx([25_000.0, 10_000.0])


def test_an_unknown_currency_is_bad_input_listing_the_known_ones(gql: Gql) -> None:
    body = gql(KEY_CUSTOMERS, {"currency": "XYZ"})

    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "currency"}
    assert error["message"].endswith("known currencies: EUR, GBP, USD")


def test_first_must_be_within_the_page_limit(gql: Gql) -> None:
    body = gql(KEY_CUSTOMERS, {"currency": "USD", "first": 0})

    assert body["errors"][0]["extensions"]["field"] == "first"


def test_company_fields_give_rfm_to_customers_and_a_stage_to_every_account(gql: Gql) -> None:
    fields = """... on Company {
        name
        rfm(asOf: "2026-06-30") { code segment monetary currency }
        lifecycle(asOf: "2026-06-30", currency: "GBP") { stage reason openDeals currency
                                                        activity { end interactions } } }"""
    query = f"""query($a: ID!, $p: ID!, $h: ID!) {{
        a: node(id: $a) {{ {fields} }} p: node(id: $p) {{ {fields} }}
        h: node(id: $h) {{ {fields} }} }}"""
    ids = {
        k: gid("Company", c.uid) for k, c in (("a", ACCOUNTS["a"]), ("p", PROSPECT), ("h", HOME))
    }

    body = gql(query, ids)

    assert "errors" not in body, body
    alpha, prospect, home = (body["data"][k] for k in "aph")
    # all six customers won once on the same day: R and F tie (3), Alpha's M is the top (5)
    assert (alpha["rfm"]["code"], alpha["rfm"]["segment"]) == ("335", "LOYAL")
    assert alpha["rfm"]["monetary"] == 50_000.0
    assert alpha["lifecycle"]["stage"] == "GROWTH"
    assert prospect["rfm"] is None
    assert prospect["lifecycle"]["stage"] == "ACQUISITION"
    assert prospect["lifecycle"]["reason"].startswith(
        "No deal won yet; 1 open deal worth 4,000 GBP; first contact on 2026-06-02"
    )
    assert prospect["lifecycle"]["activity"][-1] == {"end": AS_OF, "interactions": 1}
    assert home["rfm"] is None and home["lifecycle"] is None


def test_a_bad_currency_on_a_company_field_fails_that_field_only(gql: Gql) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on Company {
        name rfm(currency: "XYZ") { code } lifecycle { stage } } } }"""

    body = gql(query, {"id": gid("Company", PROSPECT.uid)})

    assert body["data"]["node"]["name"] == "Prospect Ltd"
    assert body["data"]["node"]["lifecycle"] is not None
    (error,) = body["errors"]
    assert error["path"][-1] == "rfm" and error["extensions"]["code"] == "BAD_USER_INPUT"


def test_the_rate_table_comes_from_the_environment() -> None:
    settings = ApiSettings.from_env({"RELGRAPH_FX_RATES": "EUR=1.5,SEK=0.1"})

    assert settings.fx_rates.rates["EUR"] == 1.5 and settings.fx_rates.knows("SEK")
    with pytest.raises(ValueError):
        ApiSettings.from_env({"RELGRAPH_FX_RATES": "EUR=nothing"})
