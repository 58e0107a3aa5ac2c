"""CRM list and lookup use cases: filters, ordering and Relay pages over the graph."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from api.graphql.loaders import RequestLoaders
from api.services.pagination import PagePlan, PageRequest, encode_cursor, plan_page
from graph.driver import GraphClient
from graph.reading.crm.entities import EntityReader
from graph.reading.crm.specs import COMPANY, DEAL, INTERACTION, PERSON, EntitySpec
from schema.enums import InteractionKind
from schema.errors import InvalidInput
from schema.fields import (
    CompanyField,
    DealField,
    InteractionField,
    InteractionRelation,
    PersonField,
)
from schema.listing import (
    AllOf,
    Condition,
    Filter,
    Op,
    OrderKey,
    PageWindow,
    Related,
    SortDirection,
)
from schema.model import Company, Deal, Interaction, Person

__all__ = ["CrmService", "Page", "Timeline"]

T = TypeVar("T")

_UNBOUNDED = 2**62  # a total no list reaches: plans a window that does not depend on it


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of records with their cursors and what lies around it."""

    items: tuple[tuple[str, T], ...]  # (cursor, record)
    total: int
    has_previous_page: bool
    has_next_page: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """Whose interactions, of which kinds, over which period."""

    person_uid: str | None = None
    company_uid: str | None = None
    deal_uid: str | None = None
    kinds: tuple[InteractionKind, ...] = ()
    since: datetime | None = None
    until: datetime | None = None

    def to_filter(self) -> Filter:
        parts: list[Filter] = []
        for relation, uid, field in (
            (InteractionRelation.PARTICIPANT, self.person_uid, PersonField.UID),
            (InteractionRelation.COMPANY, self.company_uid, CompanyField.UID),
            (InteractionRelation.DEAL, self.deal_uid, DealField.UID),
        ):
            if uid is not None:
                parts.append(Related(relation, Condition(field, Op.EQ, uid)))
        if self.kinds:
            parts.append(Condition(InteractionField.KIND, Op.IN, list(self.kinds)))
        if self.since is not None:
            parts.append(Condition(InteractionField.OCCURRED_AT, Op.GTE, self.since))
        if self.until is not None:
            parts.append(Condition(InteractionField.OCCURRED_AT, Op.LT, self.until))
        return AllOf(tuple(parts))


class CrmService:
    """Pages of companies, people, deals and interactions, primed into the loaders."""

    def __init__(self, client: GraphClient, loaders: RequestLoaders, *, max_page_size: int):
        self._entities = EntityReader(client)
        self._loaders = loaders
        self._max = max_page_size

    async def companies(
        self, where: Filter | None, order: Sequence[OrderKey], request: PageRequest
    ) -> Page[Company]:
        """A page of companies (default order: name)."""
        order = order or [OrderKey(CompanyField.NAME)]
        return await self._page(COMPANY, where, order, request, self._entities.companies)

    async def people(
        self, where: Filter | None, order: Sequence[OrderKey], request: PageRequest
    ) -> Page[Person]:
        """A page of people (default order: full name)."""
        order = order or [OrderKey(PersonField.FULL_NAME)]
        return await self._page(PERSON, where, order, request, self._entities.people)

    async def deals(
        self, where: Filter | None, order: Sequence[OrderKey], request: PageRequest
    ) -> Page[Deal]:
        """A page of deals (default order: close date, newest first)."""
        order = order or [OrderKey(DealField.CLOSE_DATE, SortDirection.DESC)]
        return await self._page(DEAL, where, order, request, self._entities.deals)

    async def timeline(self, timeline: Timeline, request: PageRequest) -> Page[Interaction]:
        """Interactions, newest first, for a person, a company or a deal."""
        if timeline.since and timeline.until and timeline.since >= timeline.until:
            raise InvalidInput("from must be before to", field="from")
        order = [OrderKey(InteractionField.OCCURRED_AT, SortDirection.DESC)]
        return await self._page(
            INTERACTION, timeline.to_filter(), order, request, self._entities.interactions
        )

    async def _page(
        self,
        spec: EntitySpec,
        where: Filter | None,
        order: Sequence[OrderKey],
        request: PageRequest,
        fetch: Callable[[Sequence[str]], Awaitable[Mapping[str, T]]],
    ) -> Page[T]:
        plans: list[PagePlan] = []

        def window(total: int) -> PageWindow:
            plans.append(plan_page(request, total=total, max_size=self._max))
            return plans[-1].window

        ahead: PageWindow | Callable[[int], PageWindow] = window
        if request.last is None:
            # The window does not depend on the total: count and read it in one query.
            ahead = plan_page(request, total=_UNBOUNDED, max_size=self._max).window
        try:
            found = await self._entities.page(spec, where=where, order=order, window=ahead)
        except ValueError as e:
            raise InvalidInput(str(e), field="filter") from e
        records = await fetch(found.uids) if found.uids else {}
        self._prime(records)
        if not plans:
            plans.append(plan_page(request, total=found.total, max_size=self._max))
        start = plans[0].window.skip
        items = tuple(
            (encode_cursor(start + i), records[uid])
            for i, uid in enumerate(found.uids)
            if uid in records
        )
        plan = plans[0]
        return Page(
            items=items,
            total=found.total,
            has_previous_page=plan.has_previous_page,
            has_next_page=plan.has_next_page,
        )

    def _prime(self, records: Mapping[str, object]) -> None:
        # Nested fields asking for these records again are served from the loaders' cache.
        for uid, record in records.items():
            if isinstance(record, Company):
                self._loaders.company.prime(uid, record)
            elif isinstance(record, Person):
                self._loaders.person.prime(uid, record)
            elif isinstance(record, Deal):
                self._loaders.deal.prime(uid, record)
            elif isinstance(record, Interaction):
                self._loaders.interaction.prime(uid, record)
