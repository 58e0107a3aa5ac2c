"""GraphQL types of search results and the pipeline."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import strawberry

from schema.gql.context import HasLoaders
from schema.gql.crm import Company, Deal, Person

__all__ = ["PipelineGroup", "PipelineReport", "SearchHitType", "SearchResult", "SearchType"]

Info = strawberry.Info[HasLoaders, None]
SearchResult = Annotated[Company | Person | Deal, strawberry.union("SearchResult")]


@strawberry.enum(description="What search may return.")
class SearchType(StrEnum):
    COMPANY = "Company"
    PERSON = "Person"
    DEAL = "Deal"


@strawberry.type(name="SearchHit", description="A match, best first; score from the index.")
class SearchHitType:
    score: float
    node: SearchResult


@strawberry.type(description="Deals of one stage, owner or close month, in one currency.")
class PipelineGroup:
    key: str | None = strawberry.field(
        description="The stage, the owner's id, or the close month (YYYY-MM)."
    )
    currency: str | None
    count: int
    total: float
    weighted: float = strawberry.field(description="Sum of amount x probability.")
    owner_uid: strawberry.Private[str | None] = None

    @strawberry.field(description="The owner, for groups by owner.")
    async def owner(self, info: Info) -> Person | None:
        if self.owner_uid is None:
            return None
        found = await info.context.loaders.person.load(self.owner_uid)
        return Person.from_model(found) if found else None


@strawberry.type(description="The pipeline: amounts are never summed across currencies.")
class PipelineReport:
    by_stage: list[PipelineGroup] = strawberry.field(description="All deals, per stage.")
    by_owner: list[PipelineGroup] = strawberry.field(description="Open deals, per owner.")
    forecast: list[PipelineGroup] = strawberry.field(
        description="Open deals, per close month (deals without a date last)."
    )
