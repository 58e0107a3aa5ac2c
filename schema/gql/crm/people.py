"""People and their places in organisations: ``Person``, its jobs (``Employment``, the
WORKS_AT relationship) and its reporting lines (``ReportingLine``, REPORTS_TO).

Deals and companies build on these types, so they are reached lazily from here: through
``strawberry.lazy`` in the annotation and an import inside the resolver.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from schema import model
from schema.gql.context import HasLoaders, HasTies
from schema.gql.enums import EmploymentRole, ReportingLineKind, Seniority

if TYPE_CHECKING:
    from schema.gql.crm.companies import Company
    from schema.gql.crm.deals import DealContact
    from schema.gql.intelligence.relationships import Relationship

__all__ = [
    "Employment",
    "EmploymentStatus",
    "Person",
    "ReportingLine",
    "load_people",
    "load_person",
    "status_matches",
]

Info = strawberry.Info[HasLoaders, None]


@strawberry.enum(description="Which employments to list.")
class EmploymentStatus(StrEnum):
    CURRENT = "current"
    FORMER = "former"
    ALL = "all"


def status_matches(employment: model.Employment, status: EmploymentStatus) -> bool:
    """Whether ``employment`` is one of those ``status`` lists."""
    if status is EmploymentStatus.ALL:
        return True
    return (employment.end is None) == (status is EmploymentStatus.CURRENT)


async def load_people(info: Info, uids: Iterable[str]) -> list[Person]:
    """The people of ``uids`` that exist, through the request's loader."""
    found = await info.context.loaders.person.load_many(list(uids))
    return [Person.from_model(p) for p in found if p is not None]


async def load_person(info: Info, uid: str | None) -> Person | None:
    """The person ``uid``, or None when there is none."""
    return next(iter(await load_people(info, [uid])), None) if uid else None


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
        return [Employment.from_model(e) for e in jobs if status_matches(e, status)]

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
        return await load_person(info, current[0].manager_uid) if current else None

    @strawberry.field(description="People who report to this person now.")
    async def direct_reports(self, info: Info) -> list[Person]:
        lines = await info.context.loaders.reports_of.load(self.uid)
        return await load_people(info, [ln.person_uid for ln in lines if ln.valid_to is None])

    @strawberry.field(description="Roles in deals' buying committees.")
    async def deal_roles(
        self, info: Info, open_only: bool = False
    ) -> list[Annotated[DealContact, strawberry.lazy("schema.gql.crm.deals")]]:
        from schema.gql.crm.deals import CLOSED_STAGES, DealContact  # deals build on people

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
            if d is not None and d.stage not in CLOSED_STAGES
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
    async def company(
        self, info: Info
    ) -> Annotated[Company, strawberry.lazy("schema.gql.crm.companies")] | None:
        from schema.gql.crm.companies import load_company  # companies build on people

        return await load_company(info, self.company_uid)

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await load_person(info, self.person_uid)

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
        return await load_person(info, self.manager_uid)

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await load_person(info, self.person_uid)

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
