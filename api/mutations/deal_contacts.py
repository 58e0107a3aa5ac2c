"""Buying-committee mutations: add a contact with a role, change the role, remove it."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, rejected, uid
from schema.gql.crm import Deal, DealContact
from schema.gql.enums import DealContactRole
from schema.gql.results import Conflict, NotFound, ValidationError

__all__ = ["add_deal_contact", "change_deal_contact_role", "remove_deal_contact"]


@strawberry.type
class AddDealContactSuccess:
    deal: Deal
    contact: DealContact
    created: bool = strawberry.field(description="False when the person had this role already.")


@strawberry.type
class ChangeDealContactRoleSuccess:
    deal: Deal
    contact: DealContact


@strawberry.type
class RemoveDealContactSuccess:
    deal: Deal


AddDealContactResult = Annotated[
    AddDealContactSuccess | NotFound, strawberry.union("AddDealContactResult")
]
ChangeDealContactRoleResult = Annotated[
    ChangeDealContactRoleSuccess | NotFound | ValidationError | Conflict,
    strawberry.union("ChangeDealContactRoleResult"),
]
RemoveDealContactResult = Annotated[
    RemoveDealContactSuccess | NotFound, strawberry.union("RemoveDealContactResult")
]


async def add_deal_contact(
    info: Info, deal_id: relay.GlobalID, person_id: relay.GlobalID, role: DealContactRole
) -> AddDealContactResult:
    try:
        deal_uid, person_uid = (
            uid(deal_id, "Deal", "deal_id"),
            uid(person_id, "Person", "person_id"),
        )
        change = await info.context.commands.deals.add_contact(deal_uid, person_uid, role)
    except REFUSALS as e:
        return rejected(e, NotFound)
    contact = DealContact(role=role, person_uid=person_uid, deal_uid=deal_uid)
    return AddDealContactSuccess(
        deal=Deal.from_model(change.deal), contact=contact, created=change.created
    )


async def change_deal_contact_role(
    info: Info,
    deal_id: relay.GlobalID,
    person_id: relay.GlobalID,
    from_role: DealContactRole,
    to_role: DealContactRole,
) -> ChangeDealContactRoleResult:
    try:
        deal_uid, person_uid = (
            uid(deal_id, "Deal", "deal_id"),
            uid(person_id, "Person", "person_id"),
        )
        change = await info.context.commands.deals.change_contact_role(
            deal_uid, person_uid, from_role, to_role
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError, Conflict)
    contact = DealContact(role=to_role, person_uid=person_uid, deal_uid=deal_uid)
    return ChangeDealContactRoleSuccess(deal=Deal.from_model(change.deal), contact=contact)


async def remove_deal_contact(
    info: Info, deal_id: relay.GlobalID, person_id: relay.GlobalID, role: DealContactRole
) -> RemoveDealContactResult:
    try:
        change = await info.context.commands.deals.remove_contact(
            uid(deal_id, "Deal", "deal_id"), uid(person_id, "Person", "person_id"), role
        )
    except REFUSALS as e:
        return rejected(e, NotFound)
    return RemoveDealContactSuccess(deal=Deal.from_model(change.deal))
