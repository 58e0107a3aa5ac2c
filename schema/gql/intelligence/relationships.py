"""GraphQL types of relationship strength: one pair's strength with its breakdown, trend and
signals, the formula's constants, and a person's list of ties."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from schema.enums import ExplicitSignal, InteractionKind, TieTrend
from schema.gql.context import HasLoaders
from schema.gql.crm import Person
from schema.gql.results import NotFound
from schema.reading.referrals import PersonTie

__all__ = [
    "ChannelTerm",
    "ChannelWeight",
    "Relationship",
    "RelationshipStrength",
    "RelationshipStrengthResult",
    "SignalWeight",
    "StatedSignal",
    "StrengthFormula",
    "StrengthTerm",
    "TieTrendDetail",
]

strawberry.enum(TieTrend, name="TieTrend", description="Recent volume against the window before.")
strawberry.enum(ExplicitSignal, name="ExplicitSignal", description="A stated kind of tie.")

Info = strawberry.Info[HasLoaders, None]


async def _person(info: Info, uid: str) -> Person | None:
    found = await info.context.loaders.person.load(uid)
    return Person.from_model(found) if found is not None else None


@strawberry.type(description="One term of the strength formula: a number and what it means.")
class StrengthTerm:
    name: str
    value: float
    explanation: str


@strawberry.type(description="One channel's part of a tie: touches and decayed volume.")
class ChannelTerm:
    kind: InteractionKind
    count: int
    volume: float
    share: float = strawberry.field(description="Share of the tie's decayed volume, 0..1.")


@strawberry.type(description="Channel-weighted volume of the recent window and the one before.")
class TieTrendDetail:
    direction: TieTrend
    recent_volume: float
    previous_volume: float
    recent_count: int
    previous_count: int
    window_days: float


@strawberry.type(description="A stated connection or relationship and its weight.")
class StatedSignal:
    kind: ExplicitSignal
    since: date | None
    label: str | None
    weight: float


@strawberry.type
class ChannelWeight:
    kind: InteractionKind
    weight: float


@strawberry.type
class SignalWeight:
    kind: ExplicitSignal
    weight: float


@strawberry.type(description="The formula's constants, so every number can be reproduced.")
class StrengthFormula:
    channel_weights: list[ChannelWeight]
    half_life_days: float
    saturation: float
    one_way_floor: float
    co_recipient_factor: float
    signal_weights: list[SignalWeight]
    trend_window_days: float
    trend_tolerance: float
    cold_floor: float
    cold_after_days: float
    cold_drop: float
    cold_min_previous: float


@strawberry.type(description="How strong the tie between two people is, and why.")
class RelationshipStrength:
    as_of: datetime
    strength: float = strawberry.field(description="0..1: interactions and explicit signals.")
    interaction_strength: float
    count: int = strawberry.field(description="Shared interactions up to asOf.")
    first_interaction_at: datetime | None
    last_interaction_at: datetime | None
    reciprocity: float
    reciprocity_factor: float
    volume: float
    frequency: float
    recency: float
    peak_strength: float = strawberry.field(
        description="The interaction strength as of the last touch (before the silence)."
    )
    breakdown: list[StrengthTerm]
    channels: list[ChannelTerm]
    trend: TieTrendDetail
    going_cold: bool
    cold_reason: str | None
    signals: list[StatedSignal]
    signal_strength: float
    formula: StrengthFormula
    a_uid: strawberry.Private[str]
    b_uid: strawberry.Private[str]

    @strawberry.field
    async def person_a(self, info: Info) -> Person | None:
        return await _person(info, self.a_uid)

    @strawberry.field
    async def person_b(self, info: Info) -> Person | None:
        return await _person(info, self.b_uid)


RelationshipStrengthResult = Annotated[
    RelationshipStrength | NotFound, strawberry.union("RelationshipStrengthResult")
]


@strawberry.type(description="One of a person's KNOWS ties (derived from interactions).")
class Relationship:
    strength: float
    count: int
    first_at: datetime | None
    last_at: datetime | None
    reciprocity: float | None
    trend: TieTrend | None
    going_cold: bool | None
    recent_volume: float | None
    previous_volume: float | None
    other_uid: strawberry.Private[str]

    @strawberry.field(description="The other person of the tie.")
    async def person(self, info: Info) -> Person | None:
        return await _person(info, self.other_uid)

    @classmethod
    def from_model(cls, tie: PersonTie) -> Relationship:
        k = tie.knows
        return cls(
            strength=k.strength,
            count=k.count,
            first_at=k.first_at,
            last_at=k.last_at,
            reciprocity=k.reciprocity,
            trend=k.trend,
            going_cold=k.going_cold,
            recent_volume=k.recent_volume,
            previous_volume=k.previous_volume,
            other_uid=tie.other_uid,
        )
