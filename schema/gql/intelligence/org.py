"""GraphQL types of org charts: people placed in a reports-to tree, lines explicit or
inferred, empty seats. Entities resolve through the request's loaders."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.gql.context import HasLoaders
from schema.gql.crm import Company, Employment, Person
from schema.gql.enums import Department, ReportingLineKind, Seniority

__all__ = ["EmptySeat", "OrgChart", "OrgChartLine", "OrgChartNode", "OrgLevel"]

Info = strawberry.Info[HasLoaders, None]


async def _person(info: Info, uid: str | None) -> Person | None:
    found = await info.context.loaders.person.load(uid) if uid else None
    return Person.from_model(found) if found is not None else None


async def _company(info: Info, uid: str) -> Company | None:
    found = await info.context.loaders.company.load(uid)
    return Company.from_model(found) if found is not None else None


@strawberry.type(
    description="A line to a manager in an org chart: explicit (from the data) "
    "or inferred, with a confidence (0..1) and the reason in words."
)
class OrgChartLine:
    kind: ReportingLineKind
    confidence: float
    reason: str
    valid_from: date | None
    valid_to: date | None
    manager_uid: strawberry.Private[str]

    @strawberry.field
    async def manager(self, info: Info) -> Person | None:
        return await _person(info, self.manager_uid)


@strawberry.type(description="One person's place in an org chart, with the job held that day.")
class OrgChartNode:
    title: str | None
    department: str | None = strawberry.field(description="As recorded on the job.")
    department_key: Department | None = strawberry.field(
        description="The department read from the recorded one or the title."
    )
    seniority: Seniority
    level: int = strawberry.field(description="Distance from the top (0 for a root).")
    line: OrgChartLine | None = strawberry.field(
        description="The line to the manager; null for a root."
    )
    direct_reports: int = strawberry.field(
        description="People reporting directly: the span of control."
    )
    team_size: int = strawberry.field(description="Everyone below, directly or not.")
    person_uid: strawberry.Private[str]
    company_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _person(info, self.person_uid)

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @strawberry.field(description="The manager, explicit or inferred.")
    async def manager(self, info: Info) -> Person | None:
        return await _person(info, self.line.manager_uid if self.line else None)


@strawberry.type(
    description="An expected role nobody holds: a C-level seat (chief) or the "
    "head of a department that has people."
)
class EmptySeat:
    seat: str
    department: str
    department_key: Department
    chief: bool
    reason: str
    company_uid: strawberry.Private[str]

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)


@strawberry.type(description="How many people sit at one level of the chart.")
class OrgLevel:
    level: int
    people: int


@strawberry.type(
    description="A company's organisation on a date (with its subsidiaries when "
    "asked, as one chart: each subsidiary's top under its parent company's top): "
    "explicit and inferred reports-to lines, roots, empty seats."
)
class OrgChart:
    as_of: date
    people: list[OrgChartNode] = strawberry.field(description="Employees, roots first.")
    roots: list[OrgChartNode] = strawberry.field(
        description="People without a manager, the company's top first. A subsidiary's "
        "top is one only when no line (explicit, or inferred from the group structure) "
        "links it to its parent company's top."
    )
    empty_seats: list[EmptySeat]
    levels: int = strawberry.field(
        description="How deep the chart goes (over the whole group with subsidiaries)."
    )
    level_sizes: list[OrgLevel]
    affiliates: list[Employment] = strawberry.field(
        description="Board members, advisors and investors on that date (not in the chart)."
    )
    inferred_lines: int
    truncated: bool = strawberry.field(
        description="True when the company had more people than the chart may hold."
    )
    company_uid: strawberry.Private[str]
    company_uids: strawberry.Private[list[str]]

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        return await _company(info, self.company_uid)

    @strawberry.field(description="The companies drawn: the company, then its subsidiaries.")
    async def companies(self, info: Info) -> list[Company]:
        found = await info.context.loaders.company.load_many(self.company_uids)
        return [Company.from_model(c) for c in found if c is not None]
