"""GraphQL types of a deal's buying-committee coverage."""

from __future__ import annotations

import strawberry

from schema.gql.context import HasLoaders
from schema.gql.crm import Deal, Person
from schema.gql.enums import DealContactRole

__all__ = ["BuyingCommittee", "CommitteeMember", "CommitteeRole", "Introduction", "MissingRole"]

Info = strawberry.Info[HasLoaders, None]


async def _person(info: Info, uid: str | None) -> Person | None:
    found = await info.context.loaders.person.load(uid) if uid else None
    return Person.from_model(found) if found is not None else None


@strawberry.type(
    description="How a colleague reaches a person: directly, or through someone "
    "(strength: the product of the KNOWS strengths on the way)."
)
class Introduction:
    strength: float
    hops: int
    colleague_uid: strawberry.Private[str]
    via_uid: strawberry.Private[str | None]

    @strawberry.field(description="Our colleague.")
    async def colleague(self, info: Info) -> Person | None:
        return await _person(info, self.colleague_uid)

    @strawberry.field(description="Who introduces, on a path of two hops.")
    async def via(self, info: Info) -> Person | None:
        return await _person(info, self.via_uid)


@strawberry.type(description="A member of the committee, their roles and our strongest tie.")
class CommitteeMember:
    roles: list[DealContactRole]
    tie: Introduction | None = strawberry.field(
        description="The strongest KNOWS tie from one of our colleagues."
    )
    person_uid: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        return await _person(info, self.person_uid)


@strawberry.type(description="A committee role: whether the deal needs it, why, who covers it.")
class CommitteeRole:
    role: DealContactRole
    expected: bool
    covered: bool
    reason: str
    covered_by_uids: strawberry.Private[list[str]]

    @strawberry.field
    async def covered_by(self, info: Info) -> list[Person]:
        found = await info.context.loaders.person.load_many(self.covered_by_uids)
        return [Person.from_model(p) for p in found if p is not None]


@strawberry.type(
    description="An expected role nobody covers: whom to engage next and who can introduce us."
)
class MissingRole:
    role: DealContactRole
    reason: str
    fit: str = strawberry.field(description="Why the next person fits the role.")
    introduction: Introduction | None
    next_person_uid: strawberry.Private[str | None]

    @strawberry.field
    async def next_person(self, info: Info) -> Person | None:
        return await _person(info, self.next_person_uid)


@strawberry.type(description="Coverage of a deal's buying committee.")
class BuyingCommittee:
    members: list[CommitteeMember]
    roles: list[CommitteeRole]
    missing: list[MissingRole]
    deal_uid: strawberry.Private[str]

    @strawberry.field
    async def deal(self, info: Info) -> Deal | None:
        found = await info.context.loaders.deal.load(self.deal_uid)
        return Deal.from_model(found) if found is not None else None
