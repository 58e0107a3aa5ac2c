"""Deals: ``Deal``, an opportunity with a company, and ``DealContact``, a person's role in
its buying committee.

Companies build on deals, so ``Deal.company`` reaches them lazily: through
``strawberry.lazy`` in the annotation and an import inside the resolver.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from schema import model
from schema.enums import DealStage as DomainStage
from schema.gql.context import HasCommittees, HasLoaders
from schema.gql.crm.people import Person, load_person
from schema.gql.enums import DealContactRole, DealStage
from schema.gql.stages import DealStageChange

if TYPE_CHECKING:
    from schema.gql.crm.companies import Company
    from schema.gql.intelligence.committee import BuyingCommittee

__all__ = ["CLOSED_STAGES", "Deal", "DealContact", "load_deals"]

Info = strawberry.Info[HasLoaders, None]
CLOSED_STAGES = frozenset({DomainStage.CLOSED_WON, DomainStage.CLOSED_LOST})
"""The stages of a deal that is no longer open."""


async def load_deals(info: Info, uids: Iterable[str]) -> list[Deal]:
    """The deals of ``uids`` that exist, through the request's loader."""
    found = await info.context.loaders.deal.load_many(list(uids))
    return [Deal.from_model(d) for d in found if d is not None]


@strawberry.type(description="An opportunity with a company, owned by a colleague.")
class Deal(relay.Node):
    uid: relay.NodeID[str]
    name: str
    amount: float | None
    currency: str | None
    stage: DealStage
    probability: float | None
    close_date: date | None
    source: str
    source_id: str
    version: int = strawberry.field(
        description="1 when created, +1 on every change through the API (optimistic locking)."
    )
    deleted_at: datetime | None = strawberry.field(
        description="When it was soft-deleted; only mutation results show deleted records."
    )
    stage_history: list[DealStageChange] = strawberry.field(
        description="Stage changes, oldest first (the stage at creation through the API is the "
        "first entry; a deal imported elsewhere starts its history when first moved)."
    )
    company_uid: strawberry.Private[str | None]
    owner_uid: strawberry.Private[str | None]

    @classmethod
    def from_model(cls, d: model.Deal) -> Deal:
        return cls(
            uid=d.uid,
            name=d.name,
            amount=d.amount,
            currency=d.currency,
            stage=d.stage,
            probability=d.probability,
            close_date=d.close_date,
            source=d.provenance.source,
            source_id=d.provenance.source_id,
            version=d.version,
            deleted_at=d.deleted_at,
            stage_history=[DealStageChange.from_model(c) for c in d.stage_history],
            company_uid=d.company_uid,
            owner_uid=d.owner_uid,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # narrower Info than Node's
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Deal | None]:
        found = await info.context.loaders.deal.load_many(list(node_ids))
        return [cls.from_model(d) if d is not None else None for d in found]

    @strawberry.field(description="amount x probability, when both are known.")
    def weighted_amount(self) -> float | None:
        if self.amount is None or self.probability is None:
            return None
        return self.amount * self.probability

    @strawberry.field
    async def company(
        self, info: Info
    ) -> Annotated[Company, strawberry.lazy("schema.gql.crm.companies")] | None:
        from schema.gql.crm.companies import load_company  # companies build on deals

        return await load_company(info, self.company_uid)

    @strawberry.field
    async def owner(self, info: Info) -> Person | None:
        return await load_person(info, self.owner_uid)

    @strawberry.field(description="The buying committee: contacts and their roles.")
    async def contacts(self, info: Info) -> list[DealContact]:
        roles = await info.context.loaders.contacts_of_deal.load(self.uid)
        return [
            DealContact(role=r.role, person_uid=r.person_uid, deal_uid=r.deal_uid) for r in roles
        ]

    @strawberry.field(
        description="Coverage of the buying committee: roles covered and by whom, our ties "
        "to the members, missing roles with the next person to engage and an introducer."
    )
    async def buying_committee(
        self, info: strawberry.Info[HasCommittees, None]
    ) -> Annotated[BuyingCommittee, strawberry.lazy("schema.gql.intelligence.committee")] | None:
        return await info.context.committees.of_deal(self.uid)


@strawberry.type(description="A person's role in a deal's buying committee.")
class DealContact:
    role: DealContactRole
    person_uid: strawberry.Private[str]
    deal_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await load_person(info, self.person_uid)

    @strawberry.field
    async def deal(self, info: Info) -> Deal | None:
        return next(iter(await load_deals(info, [self.deal_uid])), None)
