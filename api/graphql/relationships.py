"""Root field: the strength of the tie between two people, explained."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from api.graphql.context import Info
from api.services.relationships import MissingPerson, StrengthAnswer
from schema.errors import InvalidInput
from schema.gql.intelligence.relationships import (
    ChannelTerm,
    ChannelWeight,
    RelationshipStrength,
    RelationshipStrengthResult,
    SignalWeight,
    StatedSignal,
    StrengthFormula,
    StrengthTerm,
    TieTrendDetail,
)
from schema.gql.results import NotFound

__all__ = ["RelationshipQuery", "strength_result"]


def _person_uid(value: relay.GlobalID, field: str) -> str:
    if value.type_name != "Person":
        raise InvalidInput(f"{field} must be a Person id", field=field)
    return value.node_id


def _formula(answer: StrengthAnswer) -> StrengthFormula:
    p = answer.parameters
    return StrengthFormula(
        channel_weights=[ChannelWeight(kind=k, weight=w) for k, w in p.channel_weights.items()],
        half_life_days=p.half_life_days,
        saturation=p.saturation,
        one_way_floor=p.one_way_floor,
        co_recipient_factor=p.co_recipient_factor,
        signal_weights=[SignalWeight(kind=k, weight=w) for k, w in p.signal_weights.items()],
        trend_window_days=p.trend_window_days,
        trend_tolerance=p.trend_tolerance,
        cold_floor=p.cold_floor,
        cold_after_days=p.cold_after_days,
        cold_drop=p.cold_drop,
        cold_min_previous=p.cold_min_previous,
    )


def strength_result(answer: StrengthAnswer) -> RelationshipStrength:
    """The GraphQL form of a strength answer."""
    tie, weights = answer.tie, answer.parameters.signal_weights
    return RelationshipStrength(
        as_of=answer.as_of,
        strength=tie.strength,
        interaction_strength=tie.interaction_strength,
        count=tie.count,
        first_interaction_at=tie.first_at,
        last_interaction_at=tie.last_at,
        reciprocity=tie.reciprocity,
        reciprocity_factor=tie.reciprocity_factor,
        volume=tie.volume,
        frequency=tie.frequency,
        recency=tie.recency,
        peak_strength=tie.peak_strength,
        breakdown=[
            StrengthTerm(name=t.name, value=t.value, explanation=t.explanation)
            for t in answer.terms
        ],
        channels=[
            ChannelTerm(kind=c.kind, count=c.count, volume=c.volume, share=c.share)
            for c in tie.channels
        ],
        trend=TieTrendDetail(
            direction=tie.trend.direction,
            recent_volume=tie.trend.recent_volume,
            previous_volume=tie.trend.previous_volume,
            recent_count=tie.trend.recent_count,
            previous_count=tie.trend.previous_count,
            window_days=tie.trend.window_days,
        ),
        going_cold=tie.going_cold,
        cold_reason=tie.cold_reason,
        signals=[
            StatedSignal(kind=s.kind, since=s.since, label=s.label, weight=weights.get(s.kind, 0))
            for s in tie.signals
        ],
        signal_strength=tie.signal_strength,
        formula=_formula(answer),
        a_uid=answer.a_uid,
        b_uid=answer.b_uid,
    )


@strawberry.type
class RelationshipQuery:
    @strawberry.field(
        description="How strong the tie between two people is as of a moment (default now): "
        "the published formula's terms, per-channel counts, trend, going cold, explicit "
        "signals and the constants used."
    )
    async def relationship_strength(
        self,
        info: Info,
        person_a: relay.GlobalID,
        person_b: relay.GlobalID,
        as_of: datetime | None = None,
    ) -> RelationshipStrengthResult:
        answer = await info.context.relationships.strength(
            _person_uid(person_a, "personA"), _person_uid(person_b, "personB"), as_of=as_of
        )
        if isinstance(answer, MissingPerson):
            return NotFound(message=answer.message, field=answer.field)
        return strength_result(answer)
