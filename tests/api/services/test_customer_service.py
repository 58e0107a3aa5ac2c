"""The key-customer service on hand-built accounts (a fake reader, no database): currency
conversion and exclusion, deal dates, validation, and one analysis per request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pytest

from api.services.customers import CustomerService
from schema.enums import DealStage
from schema.errors import InvalidInput
from schema.model import StageChange
from schema.money import FxRates
from schema.reading.customers import AccountActivity, AccountDeal, AccountRecord, AccountRecords

AS_OF = date(2026, 6, 30)
RATES = FxRates({"EUR": 1.1, "GBP": 1.25})


def deal(
    uid: str,
    amount: float | None,
    currency: str | None,
    *,
    stage: DealStage = DealStage.CLOSED_WON,
    closed: date | None = date(2026, 3, 1),
    history: tuple[StageChange, ...] = (),
) -> AccountDeal:
    return AccountDeal(
        uid=uid,
        company_uid="c",
        stage=stage,
        amount=amount,
        currency=currency,
        close_date=closed,
        created_at=None,
        stage_history=history,
        first_activity_at=None,
    )


def account(uid: str, *deals: AccountDeal) -> AccountRecord:
    activity = AccountActivity(
        as_of=AS_OF, interactions=0, first_at=None, last_at=None, period_days=91, per_period=()
    )
    return AccountRecord(uid=uid, members=(uid,), deals=deals, activity=activity)


class FakeReader:
    def __init__(self, *records: AccountRecord) -> None:
        self.records = records
        self.calls: list[tuple[date, tuple[str, ...] | None]] = []

    async def accounts(
        self,
        *,
        as_of: date,
        uids: Sequence[str] | None = None,
        customers_only: bool = False,
        roll_up: bool = False,
    ) -> AccountRecords:
        self.calls.append((as_of, tuple(uids) if uids is not None else None))
        chosen = [r for r in self.records if uids is None or r.uid in uids]
        return AccountRecords(records=tuple(chosen), truncated=False)


def service(*records: AccountRecord) -> tuple[CustomerService, FakeReader]:
    reader = FakeReader(*records)
    return CustomerService(None, fx=RATES, today=lambda: AS_OF, reader=reader), reader  # type: ignore[arg-type]


async def test_won_amounts_are_converted_into_the_reporting_currency() -> None:
    svc, _ = service(account("a", deal("d1", 1000.0, "EUR"), deal("d2", 500.0, "usd")))

    in_usd = await svc.key_customers(currency="USD")
    in_eur = await svc.key_customers(currency="eur")

    assert in_usd.customers[0].revenue == pytest.approx(1600.0)
    assert in_eur.analysis.currency == "EUR"
    assert in_eur.customers[0].revenue == pytest.approx(1000.0 + 500.0 / 1.1)


async def test_won_deals_in_a_currency_without_a_rate_are_left_out_counted_and_named() -> None:
    svc, _ = service(
        account("a", deal("d1", 100.0, "USD"), deal("d2", 700.0, "CNY"), deal("d3", 9.0, None)),
        account(
            "b",
            deal("d4", 50.0, "GBP"),
            deal("lost", 800.0, "CNY", stage=DealStage.CLOSED_LOST),
            deal("later", 800.0, "CNY", closed=date(2026, 12, 1)),
        ),
    )

    report = await svc.key_customers()

    assert [(c.account, c.revenue) for c in report.customers] == [("a", 100.0), ("b", 62.5)]
    # the deal without a currency is named too, so every deal left out is explained
    assert (report.analysis.deals_left_out, report.analysis.currencies_left_out) == (
        2,
        ("CNY", "(none)"),
    )
    assert report.customers[0].rfm.deals_left_out == 2
    assert report.customers[0].rfm.frequency == 3


async def test_a_blank_currency_is_named_none_and_sorted_after_the_real_codes() -> None:
    svc, _ = service(
        account("a", deal("d1", 100.0, "USD"), deal("d2", 5.0, " "), deal("d3", 7.0, "AAA")),
        account("b", deal("d4", 1.0, None), deal("d5", 2.0, "zzz")),
    )

    analysis = (await svc.key_customers()).analysis

    assert analysis.deals_left_out == 4
    assert analysis.currencies_left_out == ("AAA", "ZZZ", "(none)")


async def test_a_won_deal_without_a_close_date_is_dated_by_its_stage_history() -> None:
    won_at = datetime(2026, 5, 1, 12, tzinfo=UTC)
    history = (
        StageChange(stage=DealStage.PROPOSAL, changed_at=datetime(2026, 1, 5, tzinfo=UTC)),
        StageChange(stage=DealStage.CLOSED_WON, changed_at=won_at),
    )
    svc, _ = service(account("a", deal("d1", 10.0, "USD", closed=None, history=history)))

    (customer,) = (await svc.key_customers()).customers

    assert customer.rfm.recency_days == (AS_OF - won_at.date()).days
    assert customer.lifecycle.last_won_on == won_at.date()


async def test_the_pareto_view_and_the_ranking_agree() -> None:
    amounts = {"a": 50.0, "b": 20.0, "c": 15.0, "d": 10.0, "e": 5.0}
    svc, _ = service(*(account(k, deal(f"d{k}", v, "USD")) for k, v in amounts.items()))

    report = await svc.key_customers(first=2)

    view = report.analysis.pareto
    assert (view.total, view.top_share, view.accounts_for_target) == (100.0, 0.5, 3)
    assert [(c.rank, c.account, c.share) for c in report.customers] == [
        (1, "a", 0.5),
        (2, "b", 0.2),
    ]


async def test_one_request_reads_the_accounts_once_per_question() -> None:
    svc, reader = service(account("a", deal("d1", 10.0, "USD")), account("p"))

    await svc.key_customers()
    rfm = await svc.rfm_of(["a", "p"])
    lifecycle = await svc.lifecycle_of(["a", "p"])

    assert list(rfm) == ["a"]
    assert sorted(lifecycle) == ["a", "p"]
    assert reader.calls == [(AS_OF, None), (AS_OF, ("a", "p"))]


@pytest.mark.parametrize("first", [0, 101])
async def test_first_out_of_range_is_invalid_input(first: int) -> None:
    svc, _ = service()

    with pytest.raises(InvalidInput) as caught:
        await svc.key_customers(first=first)

    assert caught.value.field == "first"


async def test_an_unknown_reporting_currency_lists_the_known_ones() -> None:
    svc, reader = service()

    with pytest.raises(InvalidInput, match="known currencies: EUR, GBP, USD") as caught:
        await svc.key_customers(currency="XYZ")

    assert caught.value.field == "currency"
    assert reader.calls == []
