"""Accounts read for key customers and lifecycle: deals, and activity with us aggregated in
Cypher (as of a day, per period, employer of the day, deleted accounts skipped)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from graph.commands.companies import CompanyCommands
from graph.driver import GraphClient
from graph.reading.customers import AccountHistoryReader
from graph.writing.writers import GraphWriter
from schema.enums import DealStage, Label
from schema.model import Deal, Subsidiary, make_uid
from schema.reading.customers import AccountRecord
from tests.graph.records import company, email, employment, meeting, person, provenance

pytestmark = pytest.mark.neo4j

AS_OF = date(2026, 6, 30)
HOME = company("home", "Relgraph Ltd", is_home=True)
ACME = company("acme", "Acme Inc")
ACME_EU = company("acme-eu", "Acme Europe")
PROSPECT = company("prospect", "Prospect Ltd")
GONE = company("gone", "Gone Corp")
MERGED = company("merged", "Acme Incorporated")
CAROL = person("carol", "Carol Diaz", is_colleague=True)
ANN = person("ann", "Ann Lee")
BOB = person("bob", "Bob Stone")
ERIC = person("eric", "Eric Moss")
GINA = person("gina", "Gina Holt")


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


def deal(key: str, where: str, stage: DealStage, closed: date, amount: float, cur: str) -> Deal:
    p = provenance(key)
    return Deal(
        uid=make_uid(Label.DEAL, p),
        name=key,
        provenance=p,
        company_uid=where,
        amount=amount,
        currency=cur,
        stage=stage,
        close_date=closed,
    )


@pytest.fixture
async def graph(clean_graph: GraphClient) -> GraphClient:
    writer = GraphWriter(clean_graph)
    await writer.companies([HOME, ACME, ACME_EU, PROSPECT, GONE, MERGED])
    await writer.subsidiaries(
        [Subsidiary(child_uid=ACME_EU.uid, parent_uid=ACME.uid, provenance=provenance("s1"))]
    )
    await writer.people([CAROL, ANN, BOB, ERIC, GINA])
    await writer.employments(
        [
            employment("e1", CAROL, HOME),
            employment("e2", ANN, ACME, start=date(2020, 1, 1)),
            employment("e3", BOB, ACME, start=date(2019, 1, 1), end=date(2024, 12, 31)),
            employment("e4", BOB, PROSPECT, start=date(2025, 1, 1)),
            employment("e5", ERIC, ACME_EU),
            employment("e6", GINA, GONE),
        ]
    )
    won = DealStage.CLOSED_WON
    await writer.deals(
        [
            deal("d1", ACME.uid, won, date(2026, 3, 1), 1000.0, "USD"),
            deal("d2", ACME.uid, won, date(2026, 8, 1), 5000.0, "USD"),
            deal("d3", ACME_EU.uid, won, date(2026, 2, 1), 800.0, "EUR"),
            deal("d4", GONE.uid, won, date(2026, 1, 1), 900.0, "USD"),
            deal("d5", PROSPECT.uid, DealStage.PROPOSAL, date(2026, 12, 1), 300.0, "GBP"),
        ]
    )
    await writer.interactions(
        [
            email("i1", CAROL, ANN, at=at("2026-06-20")),
            meeting("i2", CAROL, ANN, at=at("2026-01-10")),
            email("i3", CAROL, ANN, at=at("2026-07-15")),  # after as of
            email("i4", ANN, BOB, at=at("2024-06-01")),  # none of us took part
            email("i5", CAROL, BOB, at=at("2024-06-01")),  # Bob at Acme then
            email("i6", CAROL, BOB, at=at("2025-06-01")),  # Bob at Prospect by then
            email("i7", CAROL, ERIC, at=at("2026-05-01")),
            meeting("i8", CAROL, ANN, ERIC, at=at("2026-06-01")),
            email("i9", CAROL, GINA, at=at("2026-06-01")),
        ]
    )
    await CompanyCommands(clean_graph).soft_delete(GONE.uid)
    await clean_graph.write(
        "MATCH (c:Company {uid: $uid}) SET c.merged_into = $into, c.deleted_at = datetime()",
        {"uid": MERGED.uid, "into": ACME.uid},
    )
    return clean_graph


def by_uid(records: tuple[AccountRecord, ...]) -> dict[str, AccountRecord]:
    return {r.uid: r for r in records}


async def test_activity_counts_interactions_with_us_up_to_as_of_per_period(
    graph: GraphClient,
) -> None:
    read = await AccountHistoryReader(graph).accounts(as_of=AS_OF)

    acme = by_uid(read.records)[ACME.uid].activity
    # i1 (10 days before), i8 (29), i2 (171: period 1), i5 (759: period 8); not i3, i4, i6
    assert acme.interactions == 4
    assert acme.per_period == (2, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0)
    assert (acme.first_at, acme.last_at) == (at("2024-06-01"), at("2026-06-20"))


async def test_an_interaction_counts_for_the_employer_of_the_day(graph: GraphClient) -> None:
    read = await AccountHistoryReader(graph).accounts(as_of=AS_OF)

    prospect = by_uid(read.records)[PROSPECT.uid].activity
    assert (prospect.interactions, prospect.last_at) == (1, at("2025-06-01"))


async def test_deleted_merged_and_home_companies_are_no_accounts(graph: GraphClient) -> None:
    read = await AccountHistoryReader(graph).accounts(as_of=AS_OF)

    assert sorted(r.uid for r in read.records) == sorted([ACME.uid, ACME_EU.uid, PROSPECT.uid])
    assert not read.truncated


async def test_deals_come_with_their_amounts_currencies_and_dates(graph: GraphClient) -> None:
    read = await AccountHistoryReader(graph).accounts(as_of=AS_OF, uids=[ACME_EU.uid])

    (eu,) = read.records
    (d3,) = eu.deals
    assert (d3.stage, d3.amount, d3.currency, d3.close_date) == (
        DealStage.CLOSED_WON,
        800.0,
        "EUR",
        date(2026, 2, 1),
    )
    assert d3.company_uid == ACME_EU.uid and d3.created_at is not None


async def test_customers_are_the_accounts_with_a_deal_won_by_as_of(graph: GraphClient) -> None:
    reader = AccountHistoryReader(graph)

    now = await reader.accounts(as_of=AS_OF, customers_only=True)
    before = await reader.accounts(as_of=date(2026, 1, 31), customers_only=True)

    assert sorted(r.uid for r in now.records) == sorted([ACME.uid, ACME_EU.uid])
    assert before.records == ()


async def test_rolling_up_counts_subsidiaries_with_their_top_parent(graph: GraphClient) -> None:
    read = await AccountHistoryReader(graph).accounts(as_of=AS_OF, roll_up=True)

    accounts = by_uid(read.records)
    assert sorted(accounts) == sorted([ACME.uid, PROSPECT.uid])
    acme = accounts[ACME.uid]
    assert acme.members == tuple(sorted([ACME.uid, ACME_EU.uid]))
    assert sorted(d.uid for d in acme.deals) == sorted(
        make_uid(Label.DEAL, provenance(k)) for k in ("d1", "d2", "d3")
    )
    # i7 joins; the meeting with Ann and Eric (i8) still counts once
    assert acme.activity.interactions == 5


@pytest.mark.parametrize("roll_up", [False, True])
async def test_a_page_of_accounts_reads_the_same_activity_as_all_accounts(
    graph: GraphClient, roll_up: bool
) -> None:
    reader = AccountHistoryReader(graph)
    everyone = await reader.accounts(as_of=AS_OF, roll_up=roll_up)

    page = await reader.accounts(
        as_of=AS_OF, uids=[r.uid for r in everyone.records], roll_up=roll_up
    )

    assert page.records == everyone.records


async def test_the_account_cap_truncates_and_says_so(graph: GraphClient) -> None:
    read = await AccountHistoryReader(graph, max_accounts=2).accounts(as_of=AS_OF)

    assert len(read.records) == 2 and read.truncated


JOINT = company("joint", "Joint Venture Ltd")
HOLDING = company("holding", "Holding plc")
HANA = person("hana", "Hana Ito")


@pytest.fixture(params=[False, True], ids=["parents-at-one-depth", "one-parent-deeper"])
async def two_parents(graph: GraphClient, request: pytest.FixtureRequest) -> str:
    """A joint venture SUBSIDIARY_OF both Acme and Prospect, with a won deal and activity;
    with a holding above Prospect, the joint venture's deepest path leads to the holding.
    Returns the uid of the one top company the joint venture must count under."""
    writer = GraphWriter(graph)
    deeper: bool = request.param
    await writer.companies([JOINT, HOLDING] if deeper else [JOINT])
    links = [
        Subsidiary(child_uid=JOINT.uid, parent_uid=ACME.uid, provenance=provenance("s2")),
        Subsidiary(child_uid=JOINT.uid, parent_uid=PROSPECT.uid, provenance=provenance("s3")),
    ]
    if deeper:
        links.append(
            Subsidiary(child_uid=PROSPECT.uid, parent_uid=HOLDING.uid, provenance=provenance("s4"))
        )
    await writer.subsidiaries(links)
    await writer.people([HANA])
    await writer.employments([employment("e7", HANA, JOINT)])
    await writer.deals([deal("d6", JOINT.uid, DealStage.CLOSED_WON, date(2026, 4, 1), 70.0, "USD")])
    await writer.interactions([email("i10", CAROL, HANA, at=at("2026-06-25"))])
    return HOLDING.uid if deeper else min(ACME.uid, PROSPECT.uid)


@pytest.mark.parametrize("page", [False, True], ids=["all-accounts", "a-page-of-tops"])
async def test_a_subsidiary_of_two_parents_counts_once_under_the_top_of_its_activity(
    two_parents: str, graph: GraphClient, page: bool
) -> None:
    reader = AccountHistoryReader(graph)
    everyone = await reader.accounts(as_of=AS_OF, roll_up=True)
    tops = [r.uid for r in everyone.records]
    read = await reader.accounts(as_of=AS_OF, uids=tops, roll_up=True) if page else everyone

    d6 = make_uid(Label.DEAL, provenance("d6"))
    holding = [r.uid for r in read.records if d6 in {d.uid for d in r.deals}]
    members = [r.uid for r in read.records if JOINT.uid in r.members]
    # deepest path first, then the smallest top uid: one top for the deal and the activity
    assert holding == members == [two_parents]
    latest = {r.uid: r.activity.last_at for r in read.records}
    assert [uid for uid, last in latest.items() if last == at("2026-06-25")] == [two_parents]
