"""Root field: key customers (RFM, the Pareto view, lifecycle)."""

from __future__ import annotations

from datetime import date

import strawberry

from api.graphql.context import Info
from api.graphql.customer_insights import key_customers_type
from schema.gql.intelligence.key_customers import KeyCustomers

__all__ = ["CustomersQuery"]


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
