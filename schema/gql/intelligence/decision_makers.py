"""GraphQL types of decision-maker rankings: each person with a score and its breakdown."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.gql.context import HasLoaders
from schema.gql.crm import Company, Person
from schema.gql.enums import Department, Seniority

__all__ = ["DecisionMaker", "DecisionMakers", "ScoreTerm"]

Info = strawberry.Info[HasLoaders, None]


@strawberry.type(description="One term of a score: contribution = weight x value.")
class ScoreTerm:
    name: str
    value: float = strawberry.field(description="0..1")
    weight: float
    contribution: float
    explanation: str


@strawberry.type(description="A person ranked by how much they decide, with the breakdown.")
class DecisionMaker:
    rank: int
    score: float = strawberry.field(description="The sum of the breakdown's contributions.")
    title: str | None
    department_key: Department | None
    seniority: Seniority
    breakdown: list[ScoreTerm]
    summary: str
    person_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        found = await info.context.loaders.person.load(self.person_uid)
        return Person.from_model(found) if found is not None else None


@strawberry.type(description="An account's people ranked by decision-maker score.")
class DecisionMakers:
    as_of: date
    people: list[DecisionMaker]
    company_uid: strawberry.Private[str]

    @strawberry.field
    async def company(self, info: Info) -> Company | None:
        found = await info.context.loaders.company.load(self.company_uid)
        return Company.from_model(found) if found is not None else None
