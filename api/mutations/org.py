"""Organisation mutations: change a person's job, set or clear their manager.

Dates are inclusive and default to today (UTC): the job or line that a new one replaces ends
the day before the new one starts; ``clearReportsTo`` ends lines on ``validTo`` itself.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.mutations.rejections import REFUSALS, rejected, uid
from schema.gql.crm import Employment, Person, ReportingLine
from schema.gql.enums import EmploymentRole, Seniority
from schema.gql.results import NotFound, ValidationError

__all__ = ["change_job", "clear_reports_to", "set_reports_to"]


@strawberry.type
class ChangeJobSuccess:
    person: Person
    employment: Employment = strawberry.field(description="The job that starts.")
    ended_employments: list[Employment] = strawberry.field(
        description="The employee-role jobs it ended (kept, with their end date)."
    )


@strawberry.type
class SetReportsToSuccess:
    person: Person
    line: ReportingLine = strawberry.field(description="The current, explicit line.")
    closed_lines: list[ReportingLine]
    changed: bool = strawberry.field(description="False when this was the manager already.")


@strawberry.type
class ClearReportsToSuccess:
    person: Person
    closed_lines: list[ReportingLine]


ChangeJobResult = Annotated[
    ChangeJobSuccess | NotFound | ValidationError, strawberry.union("ChangeJobResult")
]
SetReportsToResult = Annotated[
    SetReportsToSuccess | NotFound | ValidationError, strawberry.union("SetReportsToResult")
]
ClearReportsToResult = Annotated[
    ClearReportsToSuccess | NotFound | ValidationError, strawberry.union("ClearReportsToResult")
]


async def change_job(
    info: Info,
    person_id: relay.GlobalID,
    company_id: relay.GlobalID,
    title: str | None = None,
    department: str | None = None,
    role: EmploymentRole = EmploymentRole.EMPLOYEE,
    seniority: Seniority = Seniority.UNKNOWN,
    start_date: date | None = None,
) -> ChangeJobResult:
    try:
        change = await info.context.commands.org.change_job(
            uid(person_id, "Person", "person_id"),
            uid(company_id, "Company", "company_id"),
            title=title,
            department=department,
            role=role,
            seniority=seniority,
            start_date=start_date,
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    return ChangeJobSuccess(
        person=Person.from_model(change.person),
        employment=Employment.from_model(change.employment),
        ended_employments=[Employment.from_model(e) for e in change.ended],
    )


async def set_reports_to(
    info: Info,
    person_id: relay.GlobalID,
    manager_id: relay.GlobalID,
    valid_from: date | None = None,
) -> SetReportsToResult:
    try:
        change = await info.context.commands.org.set_reports_to(
            uid(person_id, "Person", "person_id"),
            uid(manager_id, "Person", "manager_id"),
            valid_from=valid_from,
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    return SetReportsToSuccess(
        person=Person.from_model(change.person),
        line=ReportingLine.from_model(change.line),
        closed_lines=[ReportingLine.from_model(x) for x in change.ended],
        changed=change.changed,
    )


async def clear_reports_to(
    info: Info, person_id: relay.GlobalID, valid_to: date | None = None
) -> ClearReportsToResult:
    try:
        change = await info.context.commands.org.clear_reports_to(
            uid(person_id, "Person", "person_id"), valid_to=valid_to
        )
    except REFUSALS as e:
        return rejected(e, NotFound, ValidationError)
    return ClearReportsToSuccess(
        person=Person.from_model(change.person),
        closed_lines=[ReportingLine.from_model(x) for x in change.ended],
    )
