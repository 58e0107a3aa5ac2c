"""The parameters of the tie-strength formula and the records it returns, term by term.

See :mod:`algorithms.relationship_strength` for the formula itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from schema.enums import ExplicitSignal, InteractionKind, TieTrend

__all__ = [
    "DEFAULT_PARAMETERS",
    "NO_TREND",
    "ChannelTerm",
    "Direction",
    "Signal",
    "StrengthParameters",
    "TieStrength",
    "Touch",
    "Trend",
]


class Direction(StrEnum):
    """Who reached whom in one touch, seen from the pair (a, b)."""

    A_TO_B = "a_to_b"
    B_TO_A = "b_to_a"
    MUTUAL = "mutual"  # both took part actively: meeting, call, co-attendance
    CO_RECIPIENT = "co_recipient"  # both received the same message from someone else


_DEFAULT_WEIGHTS = MappingProxyType(
    {
        InteractionKind.MEETING: 1.0,
        InteractionKind.CALL: 0.7,
        InteractionKind.EMAIL: 0.4,
        InteractionKind.MESSAGE: 0.3,
        InteractionKind.SUPPORT: 0.3,
        InteractionKind.NOTE: 0.1,
    }
)
_DEFAULT_SIGNALS = MappingProxyType(
    {ExplicitSignal.CONNECTION: 0.2, ExplicitSignal.RELATIONSHIP: 0.5}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class StrengthParameters:
    """The tunable constants of the formula.

    Attributes
    ----------
    channel_weights : mapping of InteractionKind to float
        Weight of one touch per channel (meeting 1.0, call 0.7, email 0.4, message 0.3,
        support 0.3, note 0.1).
    half_life_days : float
        A touch this old counts half (365; 180 before it was measured: against the demo's
        latent ties, Spearman 0.54 with 180 days, 0.61 with 365).
    saturation : float
        Volume scale of the frequency term ``1 - exp(-V / saturation)`` (6).
    one_way_floor : float
        Share of its value one-way mail keeps (0.3).
    co_recipient_factor : float
        Share of a touch's weight when both were only co-recipients (0.25).
    signal_weights : mapping of ExplicitSignal to float
        Noisy-or weight of each explicit signal (stated connection 0.2, stated
        relationship 0.5).
    trend_window_days : float
        Length of the recent window, and of the previous one, for the trend (90).
    trend_tolerance : float
        Relative change of volume within which the trend is STABLE (0.25).
    cold_floor : float
        Strength as of the last touch from which a tie counts as real (0.1).
    cold_after_days : float
        Silence after which a real tie is going cold, at the least (90).
    cold_gap_factor : float
        ... and at the least this many times the tie's mean gap between touches (4), so a
        tie that always had long pauses is not called cold for one more pause.
    cold_min_touches : int
        Touches needed before a tie has a rhythm that can stop (2).
    cold_drop : float
        Recent volume under this share of the previous window's is going cold; 0 turns the
        rule off (the default: on the demo data it halved the precision of the flag).
    cold_min_previous : float
        Previous-window volume needed before a drop counts (1.0: a meeting's worth).
    """

    channel_weights: Mapping[InteractionKind, float] = field(
        default_factory=lambda: _DEFAULT_WEIGHTS
    )
    half_life_days: float = 365.0
    saturation: float = 6.0
    one_way_floor: float = 0.3
    co_recipient_factor: float = 0.25
    signal_weights: Mapping[ExplicitSignal, float] = field(default_factory=lambda: _DEFAULT_SIGNALS)
    trend_window_days: float = 90.0
    trend_tolerance: float = 0.25
    cold_floor: float = 0.1
    cold_after_days: float = 90.0
    cold_gap_factor: float = 4.0
    cold_min_touches: int = 2
    cold_drop: float = 0.0
    cold_min_previous: float = 1.0

    def __post_init__(self) -> None:
        positive = (self.half_life_days, self.saturation, self.trend_window_days)
        if min(positive) <= 0 or self.cold_after_days <= 0:
            raise ValueError(
                "half_life_days, saturation, trend_window_days and cold_after_days must be positive"
            )
        shares = (
            self.one_way_floor,
            self.co_recipient_factor,
            self.cold_floor,
            self.cold_drop,
            *self.signal_weights.values(),
        )
        if not all(0 <= share <= 1 for share in shares):
            raise ValueError(
                "one_way_floor, co_recipient_factor, cold_floor, cold_drop and the signal "
                "weights must be within 0..1"
            )
        if self.trend_tolerance < 0 or self.cold_min_previous < 0:
            raise ValueError("trend_tolerance and cold_min_previous must not be negative")


DEFAULT_PARAMETERS = StrengthParameters()


@dataclass(frozen=True, slots=True, kw_only=True)
class Touch:
    """One interaction that both people of the pair took part in."""

    kind: InteractionKind
    at: datetime
    direction: Direction


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal:
    """An explicit signal about a pair: a stated connection or relationship."""

    kind: ExplicitSignal
    since: date | None = None
    label: str | None = None  # what was stated ("former colleague"), or the source


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelTerm:
    """One channel's part in the volume: touches, decayed volume, share of the total."""

    kind: InteractionKind
    count: int
    volume: float
    share: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Trend:
    """Channel-weighted volume (no decay) and touches in the recent window and the one
    before it, and the direction that follows."""

    direction: TieTrend
    recent_volume: float
    previous_volume: float
    recent_count: int
    previous_count: int
    window_days: float


NO_TREND = Trend(
    direction=TieTrend.DORMANT,
    recent_volume=0.0,
    previous_volume=0.0,
    recent_count=0,
    previous_count=0,
    window_days=0.0,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TieStrength:
    """The strength of a tie and every term that produced it.

    ``strength`` combines ``interaction_strength`` with the explicit ``signals``;
    ``peak_strength`` is the interaction strength as of the last touch (no silence decay).
    """

    strength: float
    volume: float
    frequency: float
    reciprocity: float
    count: int
    first_at: datetime | None
    last_at: datetime | None
    interaction_strength: float = 0.0
    reciprocity_factor: float = 0.0
    recency: float = 0.0  # decayed volume / undecayed volume: what the decay kept
    peak_strength: float = 0.0
    channels: tuple[ChannelTerm, ...] = ()
    signals: tuple[Signal, ...] = ()
    signal_strength: float = 0.0  # noisy-or of the signals alone
    trend: Trend = NO_TREND
    going_cold: bool = False
    cold_reason: str | None = None
