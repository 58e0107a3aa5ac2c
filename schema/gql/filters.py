"""Entity filters (fields, relations, and/or/not) and orderings, as GraphQL inputs."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry

from schema.fields import (
    CompanyField,
    CompanyRelation,
    ContactField,
    DealField,
    DealRelation,
    EmploymentField,
    PersonField,
    PersonRelation,
)
from schema.gql.enums import Nulls, OrderDirection
from schema.gql.scalar_filters import (
    BooleanFilter,
    DateFilter,
    DealContactRoleFilter,
    DealStageFilter,
    EmploymentRoleFilter,
    FloatFilter,
    SeniorityFilter,
    StringFilter,
    conditions,
)
from schema.listing import AllOf, AnyOf, Filter, Negation, OrderKey, Related

__all__ = [
    "CompanyFilter",
    "CompanyOrder",
    "CompanyOrderField",
    "DealContactFilter",
    "DealFilter",
    "DealOrder",
    "DealOrderField",
    "EmploymentFilter",
    "PersonFilter",
    "PersonOrder",
    "PersonOrderField",
]


def _combine(
    own: list[Filter], and_: list[Any] | None, or_: list[Any] | None, not_: Any | None
) -> Filter:
    parts = list(own)
    parts.extend(f.to_filter() for f in and_ or [])
    if or_:
        parts.append(AnyOf(tuple(f.to_filter() for f in or_)))
    if not_ is not None:
        parts.append(Negation(not_.to_filter()))
    return AllOf(tuple(parts))


def _fields(source: Any, mapping: dict[str, StrEnum]) -> list[Filter]:
    found: list[Filter] = []
    for attribute, field in mapping.items():
        found.extend(conditions(getattr(source, attribute), field))
    return found


@strawberry.input(description="Conditions on companies; all given parts must hold.")
class CompanyFilter:
    name: StringFilter | None = None
    domain: StringFilter | None = None
    industry: StringFilter | None = None
    address: StringFilter | None = None
    phone: StringFilter | None = None
    is_home: BooleanFilter | None = None
    source: StringFilter | None = None
    source_id: StringFilter | None = None
    parent: CompanyFilter | None = strawberry.field(
        default=None, description="The parent company (this one is its subsidiary)."
    )
    current_people: PersonFilter | None = strawberry.field(
        default=None, description="Someone who works there now."
    )
    deals: DealFilter | None = strawberry.field(default=None, description="One of its deals.")
    and_: list[CompanyFilter] | None = strawberry.field(default=None, name="and")
    or_: list[CompanyFilter] | None = strawberry.field(default=None, name="or")
    not_: CompanyFilter | None = strawberry.field(default=None, name="not")

    def to_filter(self) -> Filter:
        own = _fields(
            self,
            {
                "name": CompanyField.NAME,
                "domain": CompanyField.DOMAIN,
                "industry": CompanyField.INDUSTRY,
                "address": CompanyField.ADDRESS,
                "phone": CompanyField.PHONE,
                "is_home": CompanyField.IS_HOME,
                "source": CompanyField.SOURCE,
                "source_id": CompanyField.SOURCE_ID,
            },
        )
        for relation, sub in (
            (CompanyRelation.PARENT, self.parent),
            (CompanyRelation.CURRENT_PEOPLE, self.current_people),
            (CompanyRelation.DEALS, self.deals),
        ):
            if sub is not None:
                own.append(Related(relation, sub.to_filter()))
        return _combine(own, self.and_, self.or_, self.not_)


@strawberry.input(description="An employment (WORKS_AT): its company and its own fields.")
class EmploymentFilter:
    company: CompanyFilter | None = None
    title: StringFilter | None = None
    department: StringFilter | None = None
    role: EmploymentRoleFilter | None = None
    start: DateFilter | None = None
    end: DateFilter | None = None

    def to_filter(self) -> Filter:
        own = _fields(
            self,
            {
                "title": EmploymentField.TITLE,
                "department": EmploymentField.DEPARTMENT,
                "role": EmploymentField.ROLE,
                "start": EmploymentField.START,
                "end": EmploymentField.END,
            },
        )
        if self.company is not None:
            own.append(self.company.to_filter())
        return AllOf(tuple(own))


@strawberry.input(description="Conditions on people; all given parts must hold.")
class PersonFilter:
    full_name: StringFilter | None = None
    email: StringFilter | None = None
    phone: StringFilter | None = None
    title: StringFilter | None = None
    department: StringFilter | None = None
    seniority: SeniorityFilter | None = None
    is_colleague: BooleanFilter | None = None
    source: StringFilter | None = None
    source_id: StringFilter | None = None
    current_employment: EmploymentFilter | None = strawberry.field(
        default=None, description="A job the person holds now."
    )
    past_employment: EmploymentFilter | None = strawberry.field(
        default=None, description="A job that has ended."
    )
    any_employment: EmploymentFilter | None = strawberry.field(
        default=None, description="Any job, current or past, any role."
    )
    and_: list[PersonFilter] | None = strawberry.field(default=None, name="and")
    or_: list[PersonFilter] | None = strawberry.field(default=None, name="or")
    not_: PersonFilter | None = strawberry.field(default=None, name="not")

    def to_filter(self) -> Filter:
        own = _fields(
            self,
            {
                "full_name": PersonField.FULL_NAME,
                "email": PersonField.EMAIL,
                "phone": PersonField.PHONE,
                "title": PersonField.TITLE,
                "department": PersonField.DEPARTMENT,
                "seniority": PersonField.SENIORITY,
                "is_colleague": PersonField.IS_COLLEAGUE,
                "source": PersonField.SOURCE,
                "source_id": PersonField.SOURCE_ID,
            },
        )
        for relation, sub in (
            (PersonRelation.CURRENT_COMPANY, self.current_employment),
            (PersonRelation.PAST_COMPANY, self.past_employment),
            (PersonRelation.ANY_COMPANY, self.any_employment),
        ):
            if sub is not None:
                own.append(Related(relation, sub.to_filter()))
        return _combine(own, self.and_, self.or_, self.not_)


@strawberry.input(description="A deal contact: their role and who they are.")
class DealContactFilter:
    role: DealContactRoleFilter | None = None
    person: PersonFilter | None = None

    def to_filter(self) -> Filter:
        own = _fields(self, {"role": ContactField.ROLE})
        if self.person is not None:
            own.append(self.person.to_filter())
        return AllOf(tuple(own))


@strawberry.input(description="Conditions on deals; all given parts must hold.")
class DealFilter:
    name: StringFilter | None = None
    amount: FloatFilter | None = None
    currency: StringFilter | None = None
    stage: DealStageFilter | None = None
    probability: FloatFilter | None = None
    close_date: DateFilter | None = None
    source: StringFilter | None = None
    source_id: StringFilter | None = None
    company: CompanyFilter | None = None
    owner: PersonFilter | None = None
    contact: DealContactFilter | None = strawberry.field(
        default=None, description="Some contact of the deal matches (e.g. a decision maker)."
    )
    and_: list[DealFilter] | None = strawberry.field(default=None, name="and")
    or_: list[DealFilter] | None = strawberry.field(default=None, name="or")
    not_: DealFilter | None = strawberry.field(default=None, name="not")

    def to_filter(self) -> Filter:
        own = _fields(
            self,
            {
                "name": DealField.NAME,
                "amount": DealField.AMOUNT,
                "currency": DealField.CURRENCY,
                "stage": DealField.STAGE,
                "probability": DealField.PROBABILITY,
                "close_date": DealField.CLOSE_DATE,
                "source": DealField.SOURCE,
                "source_id": DealField.SOURCE_ID,
            },
        )
        for relation, sub in (
            (DealRelation.COMPANY, self.company),
            (DealRelation.OWNER, self.owner),
            (DealRelation.CONTACTS, self.contact),
        ):
            if sub is not None:
                own.append(Related(relation, sub.to_filter()))
        return _combine(own, self.and_, self.or_, self.not_)


@strawberry.enum
class CompanyOrderField(StrEnum):
    NAME = CompanyField.NAME.value
    DOMAIN = CompanyField.DOMAIN.value
    INDUSTRY = CompanyField.INDUSTRY.value


@strawberry.enum
class PersonOrderField(StrEnum):
    FULL_NAME = PersonField.FULL_NAME.value
    EMAIL = PersonField.EMAIL.value
    TITLE = PersonField.TITLE.value
    DEPARTMENT = PersonField.DEPARTMENT.value
    SENIORITY = PersonField.SENIORITY.value


@strawberry.enum
class DealOrderField(StrEnum):
    NAME = DealField.NAME.value
    AMOUNT = DealField.AMOUNT.value
    STAGE = DealField.STAGE.value
    PROBABILITY = DealField.PROBABILITY.value
    CLOSE_DATE = DealField.CLOSE_DATE.value


@strawberry.input
class CompanyOrder:
    field: CompanyOrderField
    direction: OrderDirection = OrderDirection.ASC
    nulls: Nulls = Nulls.LAST

    def to_key(self) -> OrderKey:
        return OrderKey(CompanyField(self.field.value), self.direction, self.nulls)


@strawberry.input
class PersonOrder:
    field: PersonOrderField
    direction: OrderDirection = OrderDirection.ASC
    nulls: Nulls = Nulls.LAST

    def to_key(self) -> OrderKey:
        return OrderKey(PersonField(self.field.value), self.direction, self.nulls)


@strawberry.input
class DealOrder:
    field: DealOrderField
    direction: OrderDirection = OrderDirection.ASC
    nulls: Nulls = Nulls.LAST

    def to_key(self) -> OrderKey:
        return OrderKey(DealField(self.field.value), self.direction, self.nulls)
