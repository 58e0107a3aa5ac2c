"""GraphQL types of ``keyCustomers``: the Pareto view and the ranked customers."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.gql.context import HasLoaders
from schema.gql.crm import Company
from schema.gql.intelligence.customer_insights import Lifecycle, Rfm

__all__ = ["KeyCustomer", "KeyCustomers", "ParetoView"]

Info = strawberry.Info[HasLoaders, None]


@strawberry.type(description="How concentrated won revenue is (the 80/20 view).")
class ParetoView:
    total_revenue: float = strawberry.field(description="Won revenue of every customer.")
    accounts_counted: int = strawberry.field(
        description="Customers with won revenue in the reporting currency."
    )
    top_accounts: int = strawberry.field(description="The top 20%: ceil(0.2 x accountsCounted).")
    top20_share: float = strawberry.field(
        name="top20Share", description="The share of revenue the top 20% of accounts bring."
    )
    accounts_for_80_percent: int = strawberry.field(
        name="accountsFor80Percent",
        description="The fewest accounts (by rank) that make 80% of revenue.",
    )
    deals_left_out: int = strawberry.field(
        description="Won deals left out: their currency has no exchange rate, or they have "
        "no currency."
    )
    currencies_left_out: list[str] = strawberry.field(
        description='The currencies of those deals, in order; "(none)" (last) names won deals '
        "with an amount but no currency."
    )


@strawberry.type(description="A customer in the revenue ranking.")
class KeyCustomer:
    rank: int = strawberry.field(description="1 for the most revenue.")
    revenue: float
    share: float = strawberry.field(description="Its share of total revenue.")
    cumulative_share: float = strawberry.field(
        description="The share of revenue of the accounts ranked up to this one."
    )
    rfm: Rfm
    lifecycle: Lifecycle
    company_uid: strawberry.Private[str]

    @strawberry.field(description="The account (its top company when rolled up).")
    async def company(self, info: Info) -> Company | None:
        found = await info.context.loaders.company.load(self.company_uid)
        return Company.from_model(found) if found is not None else None


@strawberry.type(description="Customers ranked by won revenue, with RFM and lifecycle.")
class KeyCustomers:
    as_of: date
    currency: str = strawberry.field(description="The reporting currency of every amount.")
    rolled_up: bool = strawberry.field(
        description="Whether subsidiaries count with their top parent company."
    )
    exchange_rates: str = strawberry.field(description="Where the exchange rates come from.")
    truncated: bool = strawberry.field(
        description="Whether the account cap cut the list of customers short."
    )
    pareto: ParetoView
    customers: list[KeyCustomer] = strawberry.field(description="The first `first`, by rank.")
