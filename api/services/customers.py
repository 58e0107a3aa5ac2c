"""Key customers (RFM, the Pareto view) and lifecycle stages.

Reads accounts through :class:`graph.reading.customers.AccountHistoryReader`, converts every deal
into one reporting currency with the configured :class:`schema.money.FxRates` (deals in a
currency without a rate are left out and counted), and scores them with
:mod:`algorithms.key_customers` and :mod:`algorithms.lifecycle`.

A service lives for one request: the whole analysis of an (as of, currency, roll-up) is
computed once per request, however many fields ask for it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from algorithms.account_history import AccountHistory, ActivityHistory, DealOutcome
from algorithms.key_customers import Pareto, Rfm, pareto, rfm
from algorithms.lifecycle import DEFAULT_LIFECYCLE, Lifecycle, LifecycleParameters
from algorithms.lifecycle import lifecycle_stage as stage_of
from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.reading.customers import AccountHistoryReader
from schema.enums import DealStage
from schema.errors import InvalidInput
from schema.money import DEFAULT_FX_RATES, FxRates
from schema.reading.customers import AccountDeal, AccountRecord, AccountRecords

__all__ = [
    "AccountReader",
    "CustomerAnalysis",
    "CustomerService",
    "KeyCustomer",
    "KeyCustomersReport",
    "NO_CURRENCY",
    "account_history",
    "analyse",
]

MAX_KEY_CUSTOMERS = 100
NO_CURRENCY = "(none)"
"""How ``currencies_left_out`` names won deals with an amount but no currency."""
_CLOSED = frozenset({DealStage.CLOSED_WON, DealStage.CLOSED_LOST})


class AccountReader(Protocol):
    """Where accounts come from (:class:`graph.reading.customers.AccountHistoryReader`)."""

    async def accounts(
        self,
        *,
        as_of: date,
        uids: Sequence[str] | None = None,
        customers_only: bool = False,
        roll_up: bool = False,
    ) -> AccountRecords: ...


def _today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyCustomer:
    """A customer in the revenue ranking, with its RFM scores and lifecycle stage."""

    account: str
    rank: int
    revenue: float
    share: float
    cumulative_share: float
    rfm: Rfm
    lifecycle: Lifecycle


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerAnalysis:
    """Every customer scored, for one as-of date, reporting currency and roll-up choice."""

    as_of: date
    currency: str
    rolled_up: bool
    pareto: Pareto
    customers: tuple[KeyCustomer, ...]
    deals_left_out: int
    currencies_left_out: tuple[str, ...]
    exchange_rates: str
    truncated: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyCustomersReport:
    """The analysis with the first ``first`` customers of the ranking."""

    analysis: CustomerAnalysis
    customers: tuple[KeyCustomer, ...]


def _closed_on(deal: AccountDeal) -> date | None:
    if deal.stage not in _CLOSED:
        return None
    if deal.close_date is not None:
        return deal.close_date
    entered = [c.changed_at.date() for c in deal.stage_history if c.stage is deal.stage]
    return entered[-1] if entered else None


def _opened_on(deal: AccountDeal) -> date | None:
    signs = [c.changed_at.date() for c in deal.stage_history[:1]]
    if deal.first_activity_at is not None:
        signs.append(deal.first_activity_at.date())
    return min(signs, default=None)


def _outcome(deal: AccountDeal, fx: FxRates, currency: str) -> DealOutcome:
    amount = None if deal.amount is None else fx.convert(deal.amount, deal.currency, currency)
    return DealOutcome(
        uid=deal.uid,
        stage=deal.stage,
        amount=amount,
        converted=deal.amount is None or amount is not None,
        closed_on=_closed_on(deal),
        opened_on=_opened_on(deal),
    )


def account_history(record: AccountRecord, *, fx: FxRates, currency: str) -> AccountHistory:
    """The algorithms' view of an account: amounts in ``currency`` (None without a rate)."""
    activity = record.activity
    return AccountHistory(
        account=record.uid,
        deals=tuple(_outcome(d, fx, currency) for d in record.deals),
        activity=ActivityHistory(
            total=activity.interactions,
            first_on=activity.first_at.date() if activity.first_at else None,
            last_on=activity.last_at.date() if activity.last_at else None,
            period_days=activity.period_days,
            per_period=activity.per_period,
        ),
    )


def _left_out(records: Iterable[AccountRecord], fx: FxRates, as_of: date) -> Counter[str]:
    """Won deals (by ``as_of``) with an amount in a currency without a rate, per currency
    (:data:`NO_CURRENCY` for those without one)."""
    missing: Counter[str] = Counter()
    for record in records:
        for deal in record.deals:
            closed = _closed_on(deal)
            won = deal.stage is DealStage.CLOSED_WON and (closed is None or closed <= as_of)
            if won and deal.amount is not None and not fx.knows(deal.currency):
                missing[(deal.currency or "").strip().upper() or NO_CURRENCY] += 1
    return missing


def _named(missing: Counter[str]) -> tuple[str, ...]:
    """The currencies of ``missing`` in order, :data:`NO_CURRENCY` last."""
    return tuple(sorted(missing, key=lambda code: (code == NO_CURRENCY, code)))


def analyse(
    records: Sequence[AccountRecord],
    *,
    as_of: date,
    currency: str,
    fx: FxRates,
    parameters: LifecycleParameters = DEFAULT_LIFECYCLE,
) -> tuple[Pareto, tuple[KeyCustomer, ...]]:
    """Score the customers among ``records``: RFM, revenue ranking and lifecycle."""
    histories = {r.uid: account_history(r, fx=fx, currency=currency) for r in records}
    scores = rfm(histories.values(), as_of=as_of)
    view = pareto({account: s.monetary for account, s in scores.items()})
    ranked = tuple(
        KeyCustomer(
            account=entry.account,
            rank=entry.rank,
            revenue=entry.revenue,
            share=entry.share,
            cumulative_share=entry.cumulative_share,
            rfm=scores[entry.account],
            lifecycle=stage_of(
                histories[entry.account], as_of=as_of, parameters=parameters, currency=currency
            ),
        )
        for entry in view.ranked
    )
    return view, ranked


class CustomerService:
    """Key customers, RFM and lifecycle for one request (analyses are memoised in it)."""

    def __init__(
        self,
        client: GraphClient,
        *,
        fx: FxRates = DEFAULT_FX_RATES,
        parameters: LifecycleParameters = DEFAULT_LIFECYCLE,
        today: Callable[[], date] = _today,
        reader: AccountReader | None = None,
    ) -> None:
        self.fx = fx
        self.parameters = parameters
        self._clock = today
        self._reader: AccountReader = reader or AccountHistoryReader(client)
        self._analyses: dict[tuple[date, str, bool], asyncio.Future[CustomerAnalysis]] = {}

    def today(self) -> date:
        """The default as-of day: today (UTC)."""
        return self._clock()

    def reporting_currency(self, currency: str) -> str:
        """``currency`` normalised, or :class:`InvalidInput` listing the known ones."""
        code = currency.strip().upper()
        if not self.fx.knows(code):
            known = ", ".join(self.fx.currencies)
            raise InvalidInput(
                f"no exchange rate for currency {currency!r}; known currencies: {known}",
                field="currency",
            )
        return code

    async def key_customers(
        self,
        *,
        first: int = 20,
        as_of: date | None = None,
        currency: str = "USD",
        roll_up: bool = False,
    ) -> KeyCustomersReport:
        """The customers ranked by won revenue, with the Pareto view of all of them."""
        if not 1 <= first <= MAX_KEY_CUSTOMERS:
            raise InvalidInput(f"first must be between 1 and {MAX_KEY_CUSTOMERS}", field="first")
        analysis = await self.analysis(as_of=as_of, currency=currency, roll_up=roll_up)
        return KeyCustomersReport(analysis=analysis, customers=analysis.customers[:first])

    async def analysis(
        self, *, as_of: date | None = None, currency: str = "USD", roll_up: bool = False
    ) -> CustomerAnalysis:
        """Every customer scored (computed once per request for the same arguments)."""
        key = (as_of or self.today(), self.reporting_currency(currency), roll_up)
        if key not in self._analyses:
            self._analyses[key] = asyncio.ensure_future(self._analyse(*key))
        return await self._analyses[key]

    async def _analyse(self, as_of: date, currency: str, roll_up: bool) -> CustomerAnalysis:
        read = await self._reader.accounts(as_of=as_of, customers_only=True, roll_up=roll_up)
        view, ranked = await in_cpu_lane(
            analyse,
            read.records,
            as_of=as_of,
            currency=currency,
            fx=self.fx,
            parameters=self.parameters,
        )
        missing = _left_out(read.records, self.fx, as_of)
        return CustomerAnalysis(
            as_of=as_of,
            currency=currency,
            rolled_up=roll_up,
            pareto=view,
            customers=ranked,
            deals_left_out=sum(missing.values()),
            currencies_left_out=_named(missing),
            exchange_rates=self.fx.reference,
            truncated=read.truncated,
        )

    async def rfm_of(
        self, uids: Sequence[str], *, as_of: date | None = None, currency: str = "USD"
    ) -> dict[str, Rfm]:
        """RFM of those of ``uids`` that are customers (scored among all customers)."""
        analysis = await self.analysis(as_of=as_of, currency=currency)
        wanted = set(uids)
        return {c.account: c.rfm for c in analysis.customers if c.account in wanted}

    async def lifecycle_of(
        self, uids: Sequence[str], *, as_of: date | None = None, currency: str = "USD"
    ) -> dict[str, Lifecycle]:
        """The lifecycle stage of each live account among ``uids`` (a bounded read)."""
        code, day = self.reporting_currency(currency), as_of or self.today()
        read = await self._reader.accounts(as_of=day, uids=uids)
        return {
            r.uid: stage_of(
                account_history(r, fx=self.fx, currency=code),
                as_of=day,
                parameters=self.parameters,
                currency=code,
            )
            for r in read.records
        }
