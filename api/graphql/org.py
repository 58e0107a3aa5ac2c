"""Org charts, decision-makers and buying committees: the root fields, the converters from
the org service's answers to the GraphQL types, and the answerer of ``Deal.buyingCommittee``."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from algorithms.buying_committee import Introduction as IntroductionResult
from algorithms.decision_makers import DecisionMaker as Ranked
from algorithms.org_chart import ChartPosition, department_label
from algorithms.org_chart import EmptySeat as SeatResult
from api.graphql.context import Info
from api.services.org import (
    CommitteeAnswer,
    DecisionMakersAnswer,
    OrgChartAnswer,
    OrgService,
)
from schema.enums import LineSource
from schema.gql.crm import Employment
from schema.gql.intelligence.committee import (
    BuyingCommittee,
    CommitteeMember,
    CommitteeRole,
    Introduction,
    MissingRole,
)
from schema.gql.intelligence.decision_makers import DecisionMaker, DecisionMakers, ScoreTerm
from schema.gql.intelligence.org import EmptySeat, OrgChart, OrgChartLine, OrgChartNode, OrgLevel
from schema.gql.results import NotFound
from schema.reading.org import OrgPerson

__all__ = [
    "CommitteeField",
    "OrgQuery",
    "committee_result",
    "decision_makers_result",
    "org_chart_result",
]

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


class CommitteeField:
    """Answers ``Deal.buyingCommittee`` through the org service (``CommitteeSource``)."""

    def __init__(self, org: OrgService) -> None:
        self._org = org

    async def of_deal(self, deal_uid: str) -> BuyingCommittee | None:
        """The deal's coverage; None when the deal does not exist."""
        answer = await self._org.buying_committee(deal_uid)
        return committee_result(answer) if answer is not None else None


def _node(position: ChartPosition, person: OrgPerson) -> OrgChartNode:
    line = position.line
    return OrgChartNode(
        title=person.title,
        department=person.department_text,
        department_key=person.department,
        seniority=person.seniority,
        level=position.level,
        line=OrgChartLine(
            kind=line.kind,
            confidence=line.confidence,
            reason=line.reason,
            valid_from=line.valid_from,
            valid_to=line.valid_to,
            manager_uid=line.manager,
        )
        if line is not None
        else None,
        direct_reports=position.direct_reports,
        team_size=position.team_size,
        person_uid=position.person,
        company_uid=position.company,
    )


def _seat(seat: SeatResult) -> EmptySeat:
    return EmptySeat(
        seat=seat.seat,
        department=department_label(seat.department),
        department_key=seat.department,
        chief=seat.chief,
        reason=seat.reason,
        company_uid=seat.company,
    )


def org_chart_result(answer: OrgChartAnswer) -> OrgChart:
    """The GraphQL org chart: roots first, then by level and name."""
    chart, projection = answer.chart, answer.projection
    people = projection.people_by_uid()
    built = {uid: _node(p, people[uid]) for uid, p in chart.positions.items()}
    order = sorted(built, key=lambda uid: (built[uid].level, people[uid].name, uid))
    sizes = Counter(p.level for p in chart.positions.values())
    return OrgChart(
        as_of=projection.as_of,
        people=[built[uid] for uid in order],
        roots=[built[uid] for uid in chart.roots],
        empty_seats=[_seat(s) for s in chart.empty_seats],
        levels=chart.levels,
        level_sizes=[OrgLevel(level=lvl, people=sizes[lvl]) for lvl in sorted(sizes)],
        affiliates=[Employment.from_model(e) for e in projection.affiliates],
        inferred_lines=sum(
            1
            for p in chart.positions.values()
            if p.line is not None and p.line.kind is LineSource.INFERRED
        ),
        truncated=projection.truncated,
        company_uid=projection.company_uid,
        company_uids=list(projection.companies),
    )


def _ranked(ranked: Ranked, person: OrgPerson) -> DecisionMaker:
    return DecisionMaker(
        rank=ranked.rank,
        score=ranked.score,
        title=person.title,
        department_key=person.department,
        seniority=person.seniority,
        breakdown=[
            ScoreTerm(
                name=t.name,
                value=t.value,
                weight=t.weight,
                contribution=t.contribution,
                explanation=t.explanation,
            )
            for t in ranked.terms
        ],
        summary=ranked.summary,
        person_uid=ranked.person,
    )


def decision_makers_result(answer: DecisionMakersAnswer) -> DecisionMakers:
    """The GraphQL ranking."""
    return DecisionMakers(
        as_of=answer.as_of,
        people=[_ranked(d, answer.people[d.person]) for d in answer.ranked],
        company_uid=answer.company_uid,
    )


def _introduction(found: IntroductionResult | None) -> Introduction | None:
    if found is None:
        return None
    return Introduction(
        strength=found.strength,
        hops=1 if found.via is None else 2,
        colleague_uid=found.colleague,
        via_uid=found.via,
    )


def committee_result(answer: CommitteeAnswer) -> BuyingCommittee:
    """The GraphQL buying-committee coverage."""
    coverage = answer.coverage
    return BuyingCommittee(
        members=[
            CommitteeMember(roles=list(m.roles), tie=_introduction(m.tie), person_uid=m.person)
            for m in coverage.members
        ],
        roles=[
            CommitteeRole(
                role=r.role,
                expected=r.expected,
                covered=bool(r.covered_by),
                reason=r.reason,
                covered_by_uids=list(r.covered_by),
            )
            for r in coverage.roles
        ],
        missing=[
            MissingRole(
                role=m.role,
                reason=m.reason,
                fit=m.fit,
                introduction=_introduction(m.introduction),
                next_person_uid=m.next_person,
            )
            for m in coverage.missing
        ],
        deal_uid=answer.deal.deal_uid,
    )
