"""Root field: warm-introduction paths from us to a person or a company."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from algorithms.tie_evidence import Evidence
from api.graphql.context import Info
from api.services.referrals import ExplainedRoute, NoReferralPath, ReferralAnswer, Unknown
from schema.enums import IntroducerKind, TieEvidenceKind
from schema.errors import InvalidInput
from schema.gql.intelligence.referrals import (
    NoPathFound,
    ReferralHop,
    ReferralPaths,
    ReferralPathsResult,
    ReferralPathType,
    TieEvidence,
)
from schema.gql.results import NotFound

__all__ = ["ReferralQuery", "explain_evidence"]


def _day(value: date | None) -> str:
    return value.isoformat() if value else "?"


def explain_evidence(e: Evidence) -> str:
    """One sentence per piece of evidence."""
    if e.kind is TieEvidenceKind.KNOWS:
        last = e.last_at.date().isoformat() if e.last_at else "?"
        return f"{e.count or 0} shared interactions, the last on {last}; strength {e.strength:.2f}"
    if e.kind is TieEvidenceKind.CONNECTED:
        what = f"stated relationship ({e.label})" if e.label else "stated connection"
        return f"{what} since {_day(e.start)}" if e.start else what
    if e.kind is TieEvidenceKind.BOARD:
        return f"on the same board from {_day(e.start)} to {_day(e.end) if e.end else 'now'}"
    if e.kind is TieEvidenceKind.COWORKERS:
        return f"work at the same company, together since {_day(e.start)}"
    return f"worked at the same company together from {_day(e.start)} to {_day(e.end)}"


def _evidence(e: Evidence) -> TieEvidence:
    return TieEvidence(
        kind=e.kind,
        explanation=explain_evidence(e),
        strength=e.strength,
        count=e.count,
        last_at=e.last_at,
        start=e.start,
        end=e.end,
        label=e.label,
        company_uid=e.company,
    )


def _path(route: ExplainedRoute) -> ReferralPathType:
    return ReferralPathType(
        score=route.score,
        target_weight=route.target_weight,
        hops=[
            ReferralHop(
                strength=h.strength,
                evidence=[_evidence(e) for e in h.evidence],
                from_uid=h.from_uid,
                to_uid=h.to_uid,
            )
            for h in route.hops
        ],
        people_uids=list(route.people),
    )


def _entity(value: relay.GlobalID | None, field: str) -> tuple[str, str] | None:
    if value is None:
        return None
    if value.type_name not in {"Person", "Company"}:
        raise InvalidInput(f"{field} must be a Person or a Company id", field=field)
    return value.type_name, value.node_id


def _uids(values: list[relay.GlobalID] | None, kind: str, field: str) -> list[str]:
    if any(v.type_name != kind for v in values or []):
        raise InvalidInput(f"{field} takes {kind} ids only", field=field)
    return [v.node_id for v in values or []]


@strawberry.type
class ReferralQuery:
    @strawberry.field(
        description="The k best warm-introduction paths (loopless, at most maxHops hops, "
        "distinct first introducers first) from a person, the home company or (null) the "
        "whole home team, to a person or a company's current employees (weighted by "
        "seniority); every hop with its evidence."
    )
    async def referral_paths(
        self,
        info: Info,
        to: relay.GlobalID,
        from_: Annotated[relay.GlobalID | None, strawberry.argument(name="from")] = None,
        k: int = 5,
        max_hops: int = 4,
        exclude_people: list[relay.GlobalID] | None = None,
        exclude_companies: list[relay.GlobalID] | None = None,
        introducers: IntroducerKind = IntroducerKind.ANY,
    ) -> ReferralPathsResult:
        target = _entity(to, "to")
        assert target is not None
        answer = await info.context.referrals.paths(
            source=_entity(from_, "from"),
            target=target,
            k=k,
            max_hops=max_hops,
            exclude_people=_uids(exclude_people, "Person", "excludePeople"),
            exclude_companies=_uids(exclude_companies, "Company", "excludeCompanies"),
            introducers=introducers,
        )
        if isinstance(answer, Unknown):
            return NotFound(message=answer.message, field=answer.field)
        if isinstance(answer, NoReferralPath):
            return NoPathFound(
                message=answer.message,
                max_hops=answer.max_hops,
                k=answer.k,
                people_searched=answer.people_searched,
                truncated=answer.truncated,
            )
        return _paths(answer)


def _paths(answer: ReferralAnswer) -> ReferralPaths:
    return ReferralPaths(
        paths=[_path(p) for p in answer.paths],
        nodes_searched=answer.nodes,
        edges_searched=answer.edges,
        truncated=answer.truncated,
        sources=answer.sources,
        targets=answer.targets,
    )
