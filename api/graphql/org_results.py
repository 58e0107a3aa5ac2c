"""From the org service's answers to the GraphQL types of org charts, decision-makers and
buying committees; and the answerer of ``Deal.buyingCommittee``."""

from __future__ import annotations

from collections import Counter
from typing import Any

from algorithms.buying_committee import Introduction as IntroductionResult
from algorithms.decision_makers import DecisionMaker as Ranked
from algorithms.org_chart import ChartPosition, department_label
from algorithms.org_chart import EmptySeat as SeatResult
from api.services.org import (
    CommitteeAnswer,
    DecisionMakersAnswer,
    OrgChartAnswer,
    OrgService,
)
from schema.enums import LineSource, Seniority
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

__all__ = ["CommitteeField", "committee_result", "decision_makers_result", "org_chart_result"]


def _node(position: ChartPosition, data: dict[str, Any]) -> OrgChartNode:
    line = position.line
    return OrgChartNode(
        title=data.get("title"),
        department=data.get("department_text"),
        department_key=data.get("department"),
        seniority=data.get("seniority") or Seniority.UNKNOWN,
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
    nodes = projection.graph.nodes
    built = {uid: _node(p, nodes[uid]) for uid, p in chart.positions.items()}
    order = sorted(built, key=lambda uid: (built[uid].level, nodes[uid].get("name") or "", uid))
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


def _ranked(person: Ranked, data: dict[str, Any]) -> DecisionMaker:
    return DecisionMaker(
        rank=person.rank,
        score=person.score,
        title=data.get("title"),
        department_key=data.get("department"),
        seniority=data.get("seniority") or Seniority.UNKNOWN,
        breakdown=[
            ScoreTerm(
                name=t.name,
                value=t.value,
                weight=t.weight,
                contribution=t.contribution,
                explanation=t.explanation,
            )
            for t in person.terms
        ],
        summary=person.summary,
        person_uid=person.person,
    )


def decision_makers_result(answer: DecisionMakersAnswer) -> DecisionMakers:
    """The GraphQL ranking."""
    nodes = answer.projection.graph.nodes
    return DecisionMakers(
        as_of=answer.projection.as_of,
        people=[_ranked(d, nodes[d.person]) for d in answer.ranked],
        company_uid=answer.projection.company_uid,
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


class CommitteeField:
    """Answers ``Deal.buyingCommittee`` through the org service (``CommitteeSource``)."""

    def __init__(self, org: OrgService) -> None:
        self._org = org

    async def of_deal(self, deal_uid: str) -> BuyingCommittee | None:
        """The deal's coverage; None when the deal does not exist."""
        answer = await self._org.buying_committee(deal_uid)
        return committee_result(answer) if answer is not None else None
