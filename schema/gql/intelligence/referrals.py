"""GraphQL types of warm-introduction paths: paths best first, every hop with its evidence,
what was searched; or a typed "no path" that says which hop limit was tried."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from schema.enums import IntroducerKind, TieEvidenceKind
from schema.gql.context import HasLoaders
from schema.gql.crm import Company, Person
from schema.gql.results import NotFound

__all__ = [
    "NoPathFound",
    "ReferralHop",
    "ReferralPathType",
    "ReferralPaths",
    "ReferralPathsResult",
    "TieEvidence",
]

strawberry.enum(TieEvidenceKind, name="TieEvidenceKind", description="Why two people are a hop.")
strawberry.enum(IntroducerKind, name="IntroducerKind", description="Who may introduce.")

Info = strawberry.Info[HasLoaders, None]


async def _person(info: Info, uid: str | None) -> Person | None:
    found = await info.context.loaders.person.load(uid) if uid else None
    return Person.from_model(found) if found is not None else None


@strawberry.type(description="One reason why two people are one hop apart.")
class TieEvidence:
    kind: TieEvidenceKind
    explanation: str
    strength: float | None = strawberry.field(description="KNOWS: the tie strength.")
    count: int | None = strawberry.field(description="KNOWS: shared interactions.")
    last_at: datetime | None = strawberry.field(description="KNOWS: the last interaction.")
    start: date | None = strawberry.field(description="Overlap (or stated connection) start.")
    end: date | None = strawberry.field(description="Overlap end; null while both are there.")
    label: str | None = strawberry.field(description="A stated relationship's kind.")
    company_uid: strawberry.Private[str | None]

    @strawberry.field(description="Where they worked or sat on the board together.")
    async def company(self, info: Info) -> Company | None:
        found = (
            await info.context.loaders.company.load(self.company_uid) if self.company_uid else None
        )
        return Company.from_model(found) if found is not None else None


@strawberry.type(description="One hop of a path, with its strength and all its evidence.")
class ReferralHop:
    strength: float
    evidence: list[TieEvidence]
    from_uid: strawberry.Private[str]
    to_uid: strawberry.Private[str]

    @strawberry.field(name="from")
    async def from_person(self, info: Info) -> Person | None:
        return await _person(info, self.from_uid)

    @strawberry.field(name="to")
    async def to_person(self, info: Info) -> Person | None:
        return await _person(info, self.to_uid)


@strawberry.type(
    name="ReferralPath",
    description="A warm-introduction path: score = target weight x hop strengths.",
)
class ReferralPathType:
    score: float
    target_weight: float = strawberry.field(
        description="How much the target decides (1 for a person target)."
    )
    hops: list[ReferralHop]
    people_uids: strawberry.Private[list[str]]

    @strawberry.field(description="Everyone on the path, source first.")
    async def people(self, info: Info) -> list[Person]:
        found = await info.context.loaders.person.load_many(self.people_uids)
        return [Person.from_model(p) for p in found if p is not None]

    @strawberry.field
    async def source(self, info: Info) -> Person | None:
        return await _person(info, self.people_uids[0])

    @strawberry.field(description="The person after the source; null for a direct tie.")
    async def first_introducer(self, info: Info) -> Person | None:
        return await _person(info, self.people_uids[1] if len(self.people_uids) > 2 else None)

    @strawberry.field(description="The person the path reaches.")
    async def target(self, info: Info) -> Person | None:
        return await _person(info, self.people_uids[-1])


@strawberry.type(description="The best paths, best first, and what was searched.")
class ReferralPaths:
    paths: list[ReferralPathType]
    nodes_searched: int
    edges_searched: int
    truncated: bool = strawberry.field(
        description="True when the node cap cut the neighbourhood (paths may be missing)."
    )
    sources: int
    targets: int


@strawberry.type(description="No path within the hop limit.")
class NoPathFound:
    message: str
    max_hops: int
    k: int
    people_searched: int
    truncated: bool


ReferralPathsResult = Annotated[
    ReferralPaths | NoPathFound | NotFound, strawberry.union("ReferralPathsResult")
]
