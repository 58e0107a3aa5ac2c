"""Companies: ``Company``, an account, a prospect or our own, with its family, owners, people,
deals, interactions, community and customer scores as fields.

A company builds on every other CRM type, so it imports them; they reach it lazily.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from schema import model
from schema.errors import InvalidInput
from schema.gql.context import HasCustomerInsights, HasLinks, HasLoaders
from schema.gql.crm.deals import CLOSED_STAGES, Deal, load_deals
from schema.gql.crm.interactions import Interaction
from schema.gql.crm.people import (
    Employment,
    EmploymentStatus,
    Person,
    load_people,
    status_matches,
)
from schema.gql.enums import EmploymentRole
from schema.gql.intelligence.customer_insights import InsightKey, Lifecycle, Rfm

if TYPE_CHECKING:
    from schema.gql.intelligence.links import AccountCommunity

__all__ = ["Company", "load_companies", "load_company"]

Info = strawberry.Info[HasLoaders, None]
InsightInfo = strawberry.Info[HasCustomerInsights, None]
_MAX_RECENT = 50


async def load_companies(info: Info, uids: Iterable[str]) -> list[Company]:
    """The companies of ``uids`` that exist, through the request's loader."""
    found = await info.context.loaders.company.load_many(list(uids))
    return [Company.from_model(c) for c in found if c is not None]


async def load_company(info: Info, uid: str | None) -> Company | None:
    """The company ``uid``, or None when there is none."""
    return next(iter(await load_companies(info, [uid])), None) if uid else None


@strawberry.type(description="An organisation: an account, a prospect, or our own (isHome).")
class Company(relay.Node):
    uid: relay.NodeID[str]
    name: str
    domain: str | None
    industry: str | None
    address: str | None
    phone: str | None
    is_home: bool
    source: str
    source_id: str
    version: int = strawberry.field(
        description="1 when created, +1 on every change through the API (optimistic locking)."
    )
    deleted_at: datetime | None = strawberry.field(
        description="When it was soft-deleted; only mutation results show deleted records."
    )

    @classmethod
    def from_model(cls, c: model.Company) -> Company:
        return cls(
            uid=c.uid,
            name=c.name,
            domain=c.domain,
            industry=c.industry,
            address=c.address,
            phone=c.phone,
            is_home=c.is_home,
            source=c.provenance.source,
            source_id=c.provenance.source_id,
            version=c.version,
            deleted_at=c.deleted_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # narrower Info than Node's
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Company | None]:
        found = await info.context.loaders.company.load_many(list(node_ids))
        return [cls.from_model(c) if c is not None else None for c in found]

    @strawberry.field(description="The parent company, if this one is a subsidiary.")
    async def parent(self, info: Info) -> Company | None:
        return next(
            iter(await load_companies(info, await info.context.loaders.parent_of.load(self.uid))),
            None,
        )

    @strawberry.field
    async def subsidiaries(self, info: Info) -> list[Company]:
        return await load_companies(info, await info.context.loaders.subsidiaries_of.load(self.uid))

    @strawberry.field(description="Colleagues who own the account.")
    async def owners(self, info: Info) -> list[Person]:
        return await load_people(info, await info.context.loaders.owners_of.load(self.uid))

    @strawberry.field(description="People employed here (current, former or all), any role.")
    async def employments(
        self,
        info: Info,
        status: EmploymentStatus = EmploymentStatus.CURRENT,
        role: EmploymentRole | None = None,
    ) -> list[Employment]:
        jobs = await info.context.loaders.employments_at_company.load(self.uid)
        return [
            Employment.from_model(e)
            for e in jobs
            if status_matches(e, status) and (role is None or e.role == role)
        ]

    @strawberry.field(description="Deals with this company, latest close date first.")
    async def deals(self, info: Info, open_only: bool = False) -> list[Deal]:
        deals = await load_deals(info, await info.context.loaders.deals_of_company.load(self.uid))
        return [d for d in deals if not open_only or d.stage not in CLOSED_STAGES]

    @strawberry.field(
        description="The newest interactions of the people who work or worked here (max 50); "
        "the full timeline is the root interactions(companyId:) connection."
    )
    async def recent_interactions(self, info: Info, limit: int = 10) -> list[Interaction]:
        if not 1 <= limit <= _MAX_RECENT:
            raise InvalidInput(f"limit must be between 1 and {_MAX_RECENT}", field="limit")
        uids = await info.context.loaders.recent_interactions_of.load((self.uid, limit))
        found = await info.context.loaders.interaction.load_many(uids)
        return [Interaction.from_model(i) for i in found if i is not None]

    @strawberry.field(description="Its community of related accounts (see hiddenLinks), if any.")
    async def community(
        self, info: strawberry.Info[HasLinks, None]
    ) -> Annotated[AccountCommunity, strawberry.lazy("schema.gql.intelligence.links")] | None:
        from schema.gql.intelligence.links import community_of  # the links types build on these

        return await community_of(info, self.uid)

    @strawberry.field(
        description="RFM scores among all customers on asOf (default today); null when "
        "the company is not a customer then (no deal won)."
    )
    async def rfm(
        self, info: InsightInfo, as_of: date | None = None, currency: str = "USD"
    ) -> Rfm | None:
        return await info.context.customer_insights.rfm.load(InsightKey(self.uid, as_of, currency))

    @strawberry.field(
        description="Lifecycle stage on asOf (default today), with the reason; null for our "
        "own company and deleted ones."
    )
    async def lifecycle(
        self, info: InsightInfo, as_of: date | None = None, currency: str = "USD"
    ) -> Lifecycle | None:
        key = InsightKey(self.uid, as_of, currency)
        return await info.context.customer_insights.lifecycle.load(key)
