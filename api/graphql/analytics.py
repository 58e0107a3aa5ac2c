"""Root fields: full-text search and the pipeline."""

from __future__ import annotations

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.services.analytics import PipelineTotal
from schema.enums import Label
from schema.gql.analytics import PipelineGroup, PipelineReport, SearchHitType, SearchType
from schema.gql.crm import Company, Deal, Person

__all__ = ["AnalyticsQuery"]


def _group(total: PipelineTotal, *, owner: bool = False) -> PipelineGroup:
    return PipelineGroup(
        key=total.key,
        currency=total.currency,
        count=total.count,
        total=total.total,
        weighted=total.weighted,
        owner_uid=total.key if owner else None,
    )


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(
        description="People, companies and deals matching free text, best first "
        "(names, titles, emails, domains; typo-tolerant for words of 4+ letters)."
    )
    async def search(
        self, info: Info, text: str, types: list[SearchType] | None = None, first: int = 10
    ) -> list[SearchHitType]:
        labels = [Label(t.value) for t in types or list(SearchType)]
        hits = await info.context.analytics.search(text, labels=labels, first=first)
        loaders = info.context.loaders
        found: list[SearchHitType] = []
        for hit in hits:
            if hit.label is Label.COMPANY and (c := await loaders.company.load(hit.uid)):
                found.append(SearchHitType(score=hit.score, node=Company.from_model(c)))
            elif hit.label is Label.PERSON and (p := await loaders.person.load(hit.uid)):
                found.append(SearchHitType(score=hit.score, node=Person.from_model(p)))
            elif hit.label is Label.DEAL and (d := await loaders.deal.load(hit.uid)):
                found.append(SearchHitType(score=hit.score, node=Deal.from_model(d)))
        return found

    @strawberry.field(
        description="Count, total and weighted amount per stage and per owner, "
        "and a forecast by close month; optionally for one owner."
    )
    async def pipeline(self, info: Info, owner_id: relay.GlobalID | None = None) -> PipelineReport:
        owner = owner_id.node_id if owner_id and owner_id.type_name == "Person" else None
        report = await info.context.analytics.pipeline(owner_uid=owner)
        return PipelineReport(
            by_stage=[_group(t) for t in report.by_stage],
            by_owner=[_group(t, owner=True) for t in report.by_owner],
            forecast=[_group(t) for t in report.forecast],
        )
