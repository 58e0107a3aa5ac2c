"""The CRM node types and their relationships as first-class fields.

Every type implements Relay's ``Node`` (opaque global ``id``) and exposes its ``source`` and
``sourceId``. Nested fields go through the request's DataLoaders, so a page of N items costs
a constant number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from schema import model
from schema.enums import DealStage as DomainStage
from schema.errors import InvalidInput
from schema.gql.context import HasCommittees, HasCustomerInsights, HasLinks, HasLoaders, HasTies
from schema.gql.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    ParticipantRole,
    ReportingLineKind,
    Seniority,
)
from schema.gql.intelligence.customer_insights import InsightKey, Lifecycle, Rfm
from schema.gql.stages import DealStageChange

if TYPE_CHECKING:
    from schema.gql.intelligence.committee import BuyingCommittee
    from schema.gql.intelligence.links import AccountCommunity
    from schema.gql.intelligence.relationships import Relationship

__all__ = [
    "Company",
    "Deal",
    "DealContact",
    "Employment",
    "EmploymentStatus",
    "Interaction",
    "Participant",
    "Person",
    "ReportingLine",
]

Info = strawberry.Info[HasLoaders, None]
InsightInfo = strawberry.Info[HasCustomerInsights, None]
_MAX_RECENT = 50
_CLOSED = frozenset({DomainStage.CLOSED_WON, DomainStage.CLOSED_LOST})


@strawberry.enum(description="Which employments to list.")
class EmploymentStatus(StrEnum):
    CURRENT = "current"
    FORMER = "former"
    ALL = "all"


async def _companies(info: Info, uids: Iterable[str]) -> list[Company]:
    found = await info.context.loaders.company.load_many(list(uids))
    return [Company.from_model(c) for c in found if c is not None]


async def _people(info: Info, uids: Iterable[str]) -> list[Person]:
    found = await info.context.loaders.person.load_many(list(uids))
    return [Person.from_model(p) for p in found if p is not None]


async def _deals(info: Info, uids: Iterable[str]) -> list[Deal]:
    found = await info.context.loaders.deal.load_many(list(uids))
    return [Deal.from_model(d) for d in found if d is not None]


async def _one_company(info: Info, uid: str | None) -> Company | None:
    return next(iter(await _companies(info, [uid])), None) if uid else None


async def _one_person(info: Info, uid: str | None) -> Person | None:
    return next(iter(await _people(info, [uid])), None) if uid else None


def _status_matches(employment: model.Employment, status: EmploymentStatus) -> bool:
    if status is EmploymentStatus.ALL:
        return True
    return (employment.end is None) == (status is EmploymentStatus.CURRENT)


@strawberry.type(description="A person's tenure at a company (the WORKS_AT relationship).")
class Employment:
    title: str | None
    department: str | None
    seniority: Seniority
    role: EmploymentRole
    start: date | None
    end: date | None
    source: str
    source_id: str
    person_uid: strawberry.Private[str]
    company_uid: strawberry.Private[str]

    @strawberry.field(description="True while the employment has no end date.")
    def is_current(self) -> bool:
        return self.end is None

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _one_company(info, self.company_uid)

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _one_person(info, self.person_uid)

    @classmethod
    def from_model(cls, e: model.Employment) -> Employment:
        return cls(
            title=e.title,
            department=e.department,
            seniority=e.seniority,
            role=e.role,
            start=e.start,
            end=e.end,
            source=e.provenance.source,
            source_id=e.provenance.source_id,
            person_uid=e.person_uid,
            company_uid=e.company_uid,
        )


@strawberry.type(description="A reports-to line, explicit or inferred, valid over a period.")
class ReportingLine:
    kind: ReportingLineKind
    confidence: float
    valid_from: date | None
    valid_to: date | None
    source: str
    source_id: str
    person_uid: strawberry.Private[str]
    manager_uid: strawberry.Private[str]

    @strawberry.field
    async def manager(self, info: Info) -> Person | None:
        return await _one_person(info, self.manager_uid)

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _one_person(info, self.person_uid)

    @classmethod
    def from_model(cls, line: model.ReportingLine) -> ReportingLine:
        return cls(
            kind=line.kind,
            confidence=line.confidence,
            valid_from=line.valid_from,
            valid_to=line.valid_to,
            source=line.provenance.source,
            source_id=line.provenance.source_id,
            person_uid=line.person_uid,
            manager_uid=line.manager_uid,
        )


@strawberry.type(description="A person's role in a deal's buying committee.")
class DealContact:
    role: DealContactRole
    person_uid: strawberry.Private[str]
    deal_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _one_person(info, self.person_uid)

    @strawberry.field
    async def deal(self, info: Info) -> Deal | None:
        return next(iter(await _deals(info, [self.deal_uid])), None)


@strawberry.type(description="Who took part in an interaction, and how.")
class Participant:
    role: ParticipantRole
    person_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _one_person(info, self.person_uid)


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
            iter(await _companies(info, await info.context.loaders.parent_of.load(self.uid))), None
        )

    @strawberry.field
    async def subsidiaries(self, info: Info) -> list[Company]:
        return await _companies(info, await info.context.loaders.subsidiaries_of.load(self.uid))

    @strawberry.field(description="Colleagues who own the account.")
    async def owners(self, info: Info) -> list[Person]:
        return await _people(info, await info.context.loaders.owners_of.load(self.uid))

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
            if _status_matches(e, status) and (role is None or e.role == role)
        ]

    @strawberry.field(description="Deals with this company, latest close date first.")
    async def deals(self, info: Info, open_only: bool = False) -> list[Deal]:
        deals = await _deals(info, await info.context.loaders.deals_of_company.load(self.uid))
        return [d for d in deals if not open_only or d.stage not in _CLOSED]

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


@strawberry.type(description="A contact, or one of our colleagues (isColleague).")
class Person(relay.Node):
    uid: relay.NodeID[str]
    full_name: str
    email: str | None
    phone: str | None
    title: str | None
    department: str | None
    seniority: Seniority
    is_colleague: bool
    alternate_emails: list[str] = strawberry.field(
        description="Emails of the people merged into this one (mergePeople)."
    )
    source: str
    source_id: str
    version: int = strawberry.field(
        description="1 when created, +1 on every change through the API (optimistic locking)."
    )
    deleted_at: datetime | None = strawberry.field(
        description="When it was soft-deleted; only mutation results show deleted records."
    )

    @classmethod
    def from_model(cls, p: model.Person) -> Person:
        return cls(
            uid=p.uid,
            full_name=p.full_name,
            email=p.email,
            phone=p.phone,
            title=p.title,
            department=p.department,
            seniority=p.seniority,
            is_colleague=p.is_colleague,
            alternate_emails=list(p.alternate_emails),
            source=p.provenance.source,
            source_id=p.provenance.source_id,
            version=p.version,
            deleted_at=p.deleted_at,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # narrower Info than Node's
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Person | None]:
        found = await info.context.loaders.person.load_many(list(node_ids))
        return [cls.from_model(p) if p is not None else None for p in found]

    @strawberry.field(description="Jobs, current first, then newest first.")
    async def employments(
        self, info: Info, status: EmploymentStatus = EmploymentStatus.ALL
    ) -> list[Employment]:
        jobs = await info.context.loaders.employments_of_person.load(self.uid)
        return [Employment.from_model(e) for e in jobs if _status_matches(e, status)]

    @strawberry.field(description="The current employer (an employee role, not a board seat).")
    async def current_employment(self, info: Info) -> Employment | None:
        jobs = await info.context.loaders.employments_of_person.load(self.uid)
        current = [e for e in jobs if e.end is None and e.role == EmploymentRole.EMPLOYEE]
        return Employment.from_model(current[0]) if current else None

    @strawberry.field(description="The current reports-to line, if any.")
    async def manager_line(self, info: Info) -> ReportingLine | None:
        lines = await info.context.loaders.managers_of.load(self.uid)
        current = [line for line in lines if line.valid_to is None]
        return ReportingLine.from_model(current[0]) if current else None

    @strawberry.field(description="The current manager, if known.")
    async def manager(self, info: Info) -> Person | None:
        lines = await info.context.loaders.managers_of.load(self.uid)
        current = [line for line in lines if line.valid_to is None]
        return await _one_person(info, current[0].manager_uid) if current else None

    @strawberry.field(description="People who report to this person now.")
    async def direct_reports(self, info: Info) -> list[Person]:
        lines = await info.context.loaders.reports_of.load(self.uid)
        return await _people(info, [ln.person_uid for ln in lines if ln.valid_to is None])

    @strawberry.field(description="Roles in deals' buying committees.")
    async def deal_roles(self, info: Info, open_only: bool = False) -> list[DealContact]:
        roles = await info.context.loaders.deal_roles_of_person.load(self.uid)
        contacts = [
            DealContact(role=r.role, person_uid=r.person_uid, deal_uid=r.deal_uid) for r in roles
        ]
        if not open_only:
            return contacts
        deals = await info.context.loaders.deal.load_many([c.deal_uid for c in contacts])
        return [
            c
            for c, d in zip(contacts, deals, strict=True)
            if d is not None and d.stage not in _CLOSED
        ]

    @strawberry.field(
        description="Strongest KNOWS ties first: who this person knows and how well "
        "(strength, count, last interaction, trend, going cold)."
    )
    async def relationships(
        self,
        info: strawberry.Info[HasTies, None],
        first: int = 10,
        min_strength: float | None = None,
        colleagues_only: bool = False,
    ) -> list[Annotated[Relationship, strawberry.lazy("schema.gql.intelligence.relationships")]]:
        from schema.gql.intelligence.relationships import Relationship

        ties = await info.context.relationships.ties_of(
            self.uid, first=first, min_strength=min_strength, colleagues_only=colleagues_only
        )
        return [Relationship.from_model(t) for t in ties]


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
    async def company(self, info: Info) -> Company | None:
        return await _one_company(info, self.company_uid)

    @strawberry.field
    async def owner(self, info: Info) -> Person | None:
        return await _one_person(info, self.owner_uid)

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


@strawberry.type(description="An email, meeting, call, message, note or support case.")
class Interaction(relay.Node):
    uid: relay.NodeID[str]
    kind: InteractionKind
    occurred_at: datetime
    subject: str | None
    source: str
    source_id: str
    version: int = strawberry.field(
        description="1 when created, +1 on every change through the API (optimistic locking)."
    )
    deleted_at: datetime | None = strawberry.field(
        description="When it was soft-deleted; only mutation results show deleted records."
    )
    deal_uid: strawberry.Private[str | None]

    @classmethod
    def from_model(cls, i: model.Interaction) -> Interaction:
        return cls(
            uid=i.uid,
            kind=i.kind,
            occurred_at=i.occurred_at,
            subject=i.subject,
            source=i.provenance.source,
            source_id=i.provenance.source_id,
            version=i.version,
            deleted_at=i.deleted_at,
            deal_uid=i.deal_uid,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # narrower Info than Node's
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Interaction | None]:
        found = await info.context.loaders.interaction.load_many(list(node_ids))
        return [cls.from_model(i) if i is not None else None for i in found]

    @strawberry.field
    async def deal(self, info: Info) -> Deal | None:
        return next(iter(await _deals(info, [self.deal_uid] if self.deal_uid else [])), None)

    @strawberry.field(description="Who took part, and how.")
    async def participants(self, info: Info) -> list[Participant]:
        found = await info.context.loaders.participants_of.load(self.uid)
        return [Participant(role=p.role, person_uid=p.person_uid) for p in found]
