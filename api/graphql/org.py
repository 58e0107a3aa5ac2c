"""Root fields: org charts, decision-makers and buying committees."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.graphql.org_results import committee_result, decision_makers_result, org_chart_result
from schema.gql.intelligence.committee import BuyingCommittee
from schema.gql.intelligence.decision_makers import DecisionMakers
from schema.gql.intelligence.org import OrgChart
from schema.gql.results import NotFound

__all__ = ["OrgQuery"]

OrgChartResult = Annotated[OrgChart | NotFound, strawberry.union("OrgChartResult")]
DecisionMakersResult = Annotated[
    DecisionMakers | NotFound, strawberry.union("DecisionMakersResult")
]
BuyingCommitteeResult = Annotated[
    BuyingCommittee | NotFound, strawberry.union("BuyingCommitteeResult")
]


def _missing(id: relay.GlobalID, type_name: str, field: str) -> NotFound | None:
    if id.type_name != type_name:
        return NotFound(message=f"This id does not name a {type_name}.", field=field)
    return None


def _not_found(type_name: str, field: str) -> NotFound:
    return NotFound(message=f"No {type_name.lower()} has this id.", field=field)


@strawberry.type
class OrgQuery:
    @strawberry.field(
        description="The company's org chart on a date (today by default), optionally with "
        "its subsidiaries as one chart of the group (each subsidiary's top under its parent "
        "company's top): explicit reports-to lines, inferred ones (with confidence and "
        "reason) where they are missing, and empty seats."
    )
    async def org_chart(
        self,
        info: Info,
        company_id: relay.GlobalID,
        as_of: date | None = None,
        include_subsidiaries: bool = False,
        min_confidence: float = 0.0,
    ) -> OrgChartResult:
        if wrong := _missing(company_id, "Company", "companyId"):
            return wrong
        answer = await info.context.org.org_chart(
            company_id.node_id,
            as_of=as_of,
            include_subsidiaries=include_subsidiaries,
            min_confidence=min_confidence,
        )
        return org_chart_result(answer) if answer else _not_found("Company", "companyId")

    @strawberry.field(
        description="The account's people ranked by how much they decide: title seniority, "
        "place in the org chart, influence in the account, deal roles; each with the "
        "score's breakdown."
    )
    async def decision_makers(
        self, info: Info, company_id: relay.GlobalID, limit: int = 10, as_of: date | None = None
    ) -> DecisionMakersResult:
        if wrong := _missing(company_id, "Company", "companyId"):
            return wrong
        answer = await info.context.org.decision_makers(
            company_id.node_id, limit=limit, as_of=as_of
        )
        return decision_makers_result(answer) if answer else _not_found("Company", "companyId")

    @strawberry.field(
        description="Coverage of a deal's buying committee: roles covered and by whom, our "
        "ties to the members, missing roles with the next person to engage and an introducer."
    )
    async def buying_committee(self, info: Info, deal_id: relay.GlobalID) -> BuyingCommitteeResult:
        if wrong := _missing(deal_id, "Deal", "dealId"):
            return wrong
        answer = await info.context.org.buying_committee(deal_id.node_id)
        return committee_result(answer) if answer else _not_found("Deal", "dealId")
