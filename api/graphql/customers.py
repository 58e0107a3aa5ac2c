"""Customers: the ``keyCustomers`` root field, and the converters and per-request loaders behind
it and behind ``Company.rfm`` and ``Company.lifecycle``.

The loaders batch a page of companies into one call of the service per (as of, currency):
RFM comes from the request's one analysis of every customer, lifecycle from one bounded
read of the page's companies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import TypeVar

import strawberry
from strawberry.dataloader import DataLoader

from algorithms.key_customers import Rfm as RfmScore
from algorithms.lifecycle import Lifecycle as LifecycleAnswer
from api.graphql.context import Info
from api.services.customers import CustomerService, KeyCustomersReport
from schema.errors import InvalidInput
from schema.gql.intelligence.customer_insights import ActivityPeriod, InsightKey, Lifecycle, Rfm
from schema.gql.intelligence.key_customers import KeyCustomer, KeyCustomers, ParetoView

__all__ = [
    "CustomerInsightLoaders",
    "CustomersQuery",
    "key_customers_type",
    "lifecycle_type",
    "rfm_type",
]


@strawberry.type
class CustomersQuery:
    @strawberry.field(
        description="Customers (a deal won by asOf) ranked by won revenue in one reporting "
        "currency, with the 80/20 view, RFM scores and segment, and lifecycle stage. asOf "
        "defaults to today; deals in a currency without an exchange rate are left out and "
        "counted; rollUpSubsidiaries counts subsidiaries with their top parent."
    )
    async def key_customers(
        self,
        info: Info,
        first: int = 20,
        as_of: date | None = None,
        currency: str = "USD",
        roll_up_subsidiaries: bool = False,
    ) -> KeyCustomers:
        report = await info.context.customers.key_customers(
            first=first, as_of=as_of, currency=currency, roll_up=roll_up_subsidiaries
        )
        return key_customers_type(report)


V = TypeVar("V")


def rfm_type(score: RfmScore, *, currency: str) -> Rfm:
    """The GraphQL view of a customer's RFM."""
    return Rfm(
        currency=currency,
        recency_days=score.recency_days,
        days_since_interaction=score.days_since_interaction,
        frequency=score.frequency,
        recent_interactions=score.recent_interactions,
        monetary=score.monetary,
        deals_left_out=score.deals_left_out,
        recency_score=score.recency_score,
        frequency_score=score.frequency_score,
        monetary_score=score.monetary_score,
        code=score.code,
        segment=score.segment,
    )


def _periods(answer: LifecycleAnswer, as_of: date) -> list[ActivityPeriod]:
    days = answer.period_days
    return [
        ActivityPeriod(
            start=as_of - timedelta(days=(k + 1) * days - 1),
            end=as_of - timedelta(days=k * days),
            interactions=count,
        )
        for k, count in reversed(list(enumerate(answer.per_period)))
    ]


def lifecycle_type(answer: LifecycleAnswer, *, as_of: date, currency: str) -> Lifecycle:
    """The GraphQL view of an account's lifecycle stage."""
    return Lifecycle(
        stage=answer.stage,
        reason=answer.reason,
        currency=currency,
        won_deals=answer.won_deals,
        lost_deals=answer.lost_deals,
        open_deals=answer.open_deals,
        first_won_on=answer.first_won_on,
        last_won_on=answer.last_won_on,
        last_interaction_on=answer.last_interaction_on,
        days_idle=answer.days_idle,
        recent_interactions=answer.recent_interactions,
        previous_interactions=answer.previous_interactions,
        window_days=answer.window_days,
        recent_revenue=answer.recent_revenue,
        previous_revenue=answer.previous_revenue,
        revenue_window_days=answer.revenue_window_days,
        activity=_periods(answer, as_of),
    )


def key_customers_type(report: KeyCustomersReport) -> KeyCustomers:
    """The GraphQL view of the key-customer ranking."""
    analysis = report.analysis
    view, currency, as_of = analysis.pareto, analysis.currency, analysis.as_of
    return KeyCustomers(
        as_of=as_of,
        currency=currency,
        rolled_up=analysis.rolled_up,
        exchange_rates=analysis.exchange_rates,
        truncated=analysis.truncated,
        pareto=ParetoView(
            total_revenue=view.total,
            accounts_counted=view.accounts,
            top_accounts=view.top_accounts,
            top20_share=view.top_share,
            accounts_for_80_percent=view.accounts_for_target,
            deals_left_out=analysis.deals_left_out,
            currencies_left_out=list(analysis.currencies_left_out),
        ),
        customers=[
            KeyCustomer(
                rank=c.rank,
                revenue=c.revenue,
                share=c.share,
                cumulative_share=c.cumulative_share,
                rfm=rfm_type(c.rfm, currency=currency),
                lifecycle=lifecycle_type(c.lifecycle, as_of=as_of, currency=currency),
                company_uid=c.account,
            )
            for c in report.customers
        ],
    )


Fetch = Callable[[Sequence[str], date, str], Awaitable[Mapping[str, V]]]


class CustomerInsightLoaders:
    """The loaders of one request (satisfies ``schema.gql.context.CustomerInsights``)."""

    def __init__(self, service: CustomerService) -> None:
        self._service = service
        self.rfm: DataLoader[InsightKey, Rfm | None] = DataLoader(self._load_rfm)
        self.lifecycle: DataLoader[InsightKey, Lifecycle | None] = DataLoader(self._load_lifecycle)

    async def _load_rfm(self, keys: list[InsightKey]) -> list[Rfm | None | BaseException]:
        async def fetch(uids: Sequence[str], day: date, code: str) -> dict[str, Rfm]:
            found = await self._service.rfm_of(uids, as_of=day, currency=code)
            return {uid: rfm_type(score, currency=code) for uid, score in found.items()}

        return await self._batched(keys, fetch)

    async def _load_lifecycle(
        self, keys: list[InsightKey]
    ) -> list[Lifecycle | None | BaseException]:
        async def fetch(uids: Sequence[str], day: date, code: str) -> dict[str, Lifecycle]:
            found = await self._service.lifecycle_of(uids, as_of=day, currency=code)
            return {
                uid: lifecycle_type(answer, as_of=day, currency=code)
                for uid, answer in found.items()
            }

        return await self._batched(keys, fetch)

    async def _batched(
        self, keys: list[InsightKey], fetch: Fetch[V]
    ) -> list[V | None | BaseException]:
        # One call per (day, currency) asked for; a bad currency fails only its own keys.
        today = self._service.today()
        wanted = [(key.uid, (key.as_of or today, key.currency)) for key in keys]
        groups: dict[tuple[date, str], list[str]] = defaultdict(list)
        for uid, group in wanted:
            groups[group].append(uid)
        answers: dict[tuple[date, str], Mapping[str, V] | InvalidInput] = {}
        for (day, currency), uids in groups.items():
            try:
                code = self._service.reporting_currency(currency)
                answers[(day, currency)] = await fetch(sorted(set(uids)), day, code)
            except InvalidInput as e:
                answers[(day, currency)] = e
        results: list[V | None | BaseException] = []
        for uid, group in wanted:
            found = answers[group]
            results.append(found if isinstance(found, InvalidInput) else found.get(uid))
        return results
