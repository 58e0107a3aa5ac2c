"""GraphQL types of an account's RFM scores and lifecycle stage (fields of ``Company`` too).

The answers are computed in ``api`` (``algorithms.key_customers``, ``algorithms.lifecycle``)
and turned into these types there; nothing here does I/O.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import strawberry

from schema.enums import LifecycleStage, RfmSegment

__all__ = ["ActivityPeriod", "InsightKey", "Lifecycle", "LifecycleStage", "Rfm", "RfmSegment"]

strawberry.enum(
    LifecycleStage, name="LifecycleStage", description="Where an account stands with us."
)
strawberry.enum(
    RfmSegment,
    name="RfmSegment",
    description="A customer's segment from its recency (R) and frequency-monetary (FM) "
    "scores; see the README for the table.",
)


class InsightKey(NamedTuple):
    """What a Company's rfm / lifecycle field asks for: the company, the day, the currency
    (the request's loaders batch by it)."""

    uid: str
    as_of: date | None
    currency: str


@strawberry.type(description="Customers ranked on recency, frequency and monetary value.")
class Rfm:
    currency: str = strawberry.field(description="The reporting currency of `monetary`.")
    recency_days: int | None = strawberry.field(
        description="Days since the last won deal closed (null when no win has a date)."
    )
    days_since_interaction: int | None = strawberry.field(
        description="Days since the last interaction with us (recency's tie-breaker)."
    )
    frequency: int = strawberry.field(description="Deals won by asOf.")
    recent_interactions: int = strawberry.field(
        description="Interactions with us in the last 4 activity periods (364 days): "
        "frequency's tie-breaker."
    )
    monetary: float = strawberry.field(
        description="Revenue won, in `currency` (deals in a currency without a rate left out)."
    )
    deals_left_out: int = strawberry.field(
        description="Won deals left out of `monetary`: their currency has no rate."
    )
    recency_score: int = strawberry.field(description="1..5, by quintile among customers.")
    frequency_score: int = strawberry.field(description="1..5, by quintile among customers.")
    monetary_score: int = strawberry.field(description="1..5, by quintile among customers.")
    code: str = strawberry.field(description='The three scores, e.g. "545".')
    segment: RfmSegment


@strawberry.type(description="Interactions with us in one activity period.")
class ActivityPeriod:
    start: date
    end: date
    interactions: int


@strawberry.type(description="An account's lifecycle stage on asOf, why, and the numbers.")
class Lifecycle:
    stage: LifecycleStage
    reason: str = strawberry.field(description="Why, in words, citing the numbers.")
    currency: str = strawberry.field(description="The currency of the revenue figures.")
    won_deals: int
    lost_deals: int
    open_deals: int
    first_won_on: date | None
    last_won_on: date | None
    last_interaction_on: date | None
    days_idle: int | None = strawberry.field(
        description="Days since the last interaction or deal closed (null: none yet)."
    )
    recent_interactions: int = strawberry.field(
        description="Interactions in the last `windowDays`."
    )
    previous_interactions: int = strawberry.field(
        description="Interactions in the `windowDays` before those."
    )
    window_days: int
    recent_revenue: float = strawberry.field(
        description="Revenue won in the last `revenueWindowDays`."
    )
    previous_revenue: float = strawberry.field(
        description="Revenue won in the `revenueWindowDays` before those."
    )
    revenue_window_days: int
    activity: list[ActivityPeriod] = strawberry.field(
        description="Interactions with us per period, oldest first, up to asOf."
    )
