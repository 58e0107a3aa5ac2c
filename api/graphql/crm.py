"""Root fields of the CRM: lookups by global id and Relay connections (service pages turned
into GraphQL connections by :func:`to_connection`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, TypeVar

import strawberry
from strawberry import relay
from strawberry.relay import GlobalIDValueError

from api.graphql.context import Info
from api.services.crm import Page, Timeline
from api.services.pagination import PageRequest
from schema.enums import InteractionKind
from schema.gql.connection import Connection, Edge, PageInfo
from schema.gql.crm import Company, Deal, Interaction, Person
from schema.gql.filters import (
    CompanyFilter,
    CompanyOrder,
    DealFilter,
    DealOrder,
    PersonFilter,
    PersonOrder,
)

__all__ = ["CrmQuery", "to_connection"]

RecordT = TypeVar("RecordT")
NodeT = TypeVar("NodeT")


def to_connection(page: Page[RecordT], convert: Callable[[RecordT], NodeT]) -> Connection[NodeT]:
    """A Relay connection of ``page``, each record converted by ``convert``."""
    edges = [Edge(cursor=cursor, node=convert(record)) for cursor, record in page.items]
    info = PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total_count=page.total)


def _uid(id: relay.GlobalID | None, type_name: str) -> str | None:
    return id.node_id if id is not None and id.type_name == type_name else None


@strawberry.type
class CrmQuery:
    @strawberry.field(description="Any object by its global id; null if there is none.")
    async def node(self, info: Info, id: relay.GlobalID) -> relay.Node | None:
        # A plain resolver rather than relay.node(): its field extension can be applied to
        # one schema only, and every app builds its own.
        try:
            found = await id.resolve_node(info, required=False)
        except GlobalIDValueError:  # an id naming no Node type is simply not found
            return None
        return found if isinstance(found, relay.Node) else None

    @strawberry.field(description="A company by global id; null if there is none.")
    async def company(self, info: Info, id: relay.GlobalID) -> Company | None:
        found = await info.context.loaders.company.load(_uid(id, "Company") or "")
        return Company.from_model(found) if found else None

    @strawberry.field(description="A person by global id; null if there is none.")
    async def person(self, info: Info, id: relay.GlobalID) -> Person | None:
        found = await info.context.loaders.person.load(_uid(id, "Person") or "")
        return Person.from_model(found) if found else None

    @strawberry.field(description="A deal by global id; null if there is none.")
    async def deal(self, info: Info, id: relay.GlobalID) -> Deal | None:
        found = await info.context.loaders.deal.load(_uid(id, "Deal") or "")
        return Deal.from_model(found) if found else None

    @strawberry.field(description="Companies, filtered and ordered (default: by name).")
    async def companies(
        self,
        info: Info,
        filter: CompanyFilter | None = None,
        order_by: list[CompanyOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Company]:
        page = await info.context.crm.companies(
            filter.to_filter() if filter else None,
            [o.to_key() for o in order_by or []],
            PageRequest(first=first, after=after, last=last, before=before),
        )
        return to_connection(page, Company.from_model)

    @strawberry.field(description="People, filtered and ordered (default: by full name).")
    async def people(
        self,
        info: Info,
        filter: PersonFilter | None = None,
        order_by: list[PersonOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Person]:
        page = await info.context.crm.people(
            filter.to_filter() if filter else None,
            [o.to_key() for o in order_by or []],
            PageRequest(first=first, after=after, last=last, before=before),
        )
        return to_connection(page, Person.from_model)

    @strawberry.field(description="Deals, filtered and ordered (default: close date, newest).")
    async def deals(
        self,
        info: Info,
        filter: DealFilter | None = None,
        order_by: list[DealOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Deal]:
        page = await info.context.crm.deals(
            filter.to_filter() if filter else None,
            [o.to_key() for o in order_by or []],
            PageRequest(first=first, after=after, last=last, before=before),
        )
        return to_connection(page, Deal.from_model)

    @strawberry.field(
        description="A timeline, newest first: a person's, a company's people's "
        "or a deal's interactions, by kind and time range [from, to)."
    )
    async def interactions(
        self,
        info: Info,
        person_id: relay.GlobalID | None = None,
        company_id: relay.GlobalID | None = None,
        deal_id: relay.GlobalID | None = None,
        kinds: list[InteractionKind] | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Interaction]:
        timeline = Timeline(
            person_uid=_uid(person_id, "Person"),
            company_uid=_uid(company_id, "Company"),
            deal_uid=_uid(deal_id, "Deal"),
            kinds=tuple(kinds or ()),
            since=from_,
            until=to,
        )
        page = await info.context.crm.timeline(
            timeline, PageRequest(first=first, after=after, last=last, before=before)
        )
        return to_connection(page, Interaction.from_model)
