"""The published tie-strength formula between two people.

For a pair (a, b) and their shared interactions ("touches"):

1. Each touch weighs ``w(kind) * 0.5 ** (age_days / half_life_days)``: channel weight
   (meeting > call > email > message) times recency decay with a half-life. A touch where
   both were only co-recipients of someone else's mail counts ``co_recipient_factor`` of that.
2. Volume ``V`` is the sum of those weights; the frequency term is ``1 - exp(-V / saturation)``,
   so each further touch adds less (diminishing returns).
3. Reciprocity ``r`` in 0..1 is the share of the touches that went both ways: meetings and
   calls count as mutual, mail counts by direction, ``(mutual + 2 * min(ab, ba)) / total``.
   The reciprocity factor is ``one_way_floor + (1 - one_way_floor) * r``: one-way mail alone
   keeps only ``one_way_floor`` of its value.
4. The interaction strength is ``frequency * reciprocity_factor``, always within 0..1.
5. Explicit signals (a stated connection such as LinkedIn, a stated relationship) combine
   with it by noisy-or, each with its own weight ``w``:
   ``strength = 1 - (1 - interaction_strength) * prod(1 - w_signal)``. Without signals the
   strength is the interaction strength.

Beside the number, a tie has a **trend** and a **going-cold** flag:

- trend: the channel-weighted volume (no decay) of the last ``trend_window_days`` against
  the window before it. NEW when the first touch is in the recent window, DORMANT when
  neither window has a touch, RISING / FALLING when the recent volume is above / below the
  previous one by more than ``trend_tolerance`` (relative), STABLE otherwise;
- going cold: the tie was real, i.e. its strength *as of its last touch* (``peak_strength``,
  what it was before the silence decayed it) is at least ``cold_floor``, and either the last
  touch is older than both ``cold_after_days`` and ``cold_gap_factor`` times the tie's mean
  gap between touches (a tie needs ``cold_min_touches`` touches to have a rhythm), or the
  recent window's volume fell below
  ``cold_drop`` times the previous window's (which held at least ``cold_min_previous``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from schema.enums import ExplicitSignal, InteractionKind, ParticipantRole, TieTrend

__all__ = [
    "DEFAULT_PARAMETERS",
    "ChannelTerm",
    "Direction",
    "Signal",
    "StrengthParameters",
    "TieStrength",
    "Touch",
    "Trend",
    "direction_of",
    "tie_strength",
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


_NO_TREND = Trend(
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
    trend: Trend = _NO_TREND
    going_cold: bool = False
    cold_reason: str | None = None


def tie_strength(
    touches: Sequence[Touch],
    *,
    as_of: datetime,
    signals: Sequence[Signal] = (),
    parameters: StrengthParameters = DEFAULT_PARAMETERS,
) -> TieStrength:
    """Return the tie strength of a pair from their shared touches and explicit signals.

    Parameters
    ----------
    touches : sequence of Touch
        The pair's interactions; touches after ``as_of`` are ignored.
    as_of : datetime
        The moment the strength is measured at (timezone-aware, like the touches).
    signals : sequence of Signal, optional
        Stated connections or relationships; combined with the interaction strength by
        noisy-or with ``parameters.signal_weights``.
    parameters : StrengthParameters, optional
        Channel weights, half-life, saturation, reciprocity floor, signal weights, trend
        window and going-cold rule.

    Returns
    -------
    TieStrength
        ``strength`` within 0..1, its terms, the trend and the going-cold flag.

    Examples
    --------
    >>> from datetime import UTC, datetime
    >>> now = datetime(2026, 1, 1, tzinfo=UTC)
    >>> meeting = Touch(kind=InteractionKind.MEETING, at=now, direction=Direction.MUTUAL)
    >>> round(tie_strength([meeting] * 6, as_of=now).strength, 3)
    0.632
    >>> mail = Touch(kind=InteractionKind.EMAIL, at=now, direction=Direction.A_TO_B)
    >>> round(tie_strength([mail] * 6, as_of=now).strength, 3)
    0.099
    >>> tie_strength([], as_of=now).strength
    0.0
    >>> linked = Signal(kind=ExplicitSignal.CONNECTION)
    >>> round(tie_strength([mail] * 6, as_of=now, signals=[linked]).strength, 3)
    0.279
    >>> tie_strength([meeting] * 6, as_of=now).trend.direction.value
    'new'
    """
    seen = [t for t in touches if t.at <= as_of]
    signal_strength = _noisy_or(parameters.signal_weights.get(s.kind, 0.0) for s in signals)
    if not seen:
        return TieStrength(
            strength=signal_strength,
            volume=0.0,
            frequency=0.0,
            reciprocity=0.0,
            count=0,
            first_at=None,
            last_at=None,
            signals=tuple(signals),
            signal_strength=signal_strength,
        )
    weights = [_weight(t, parameters) for t in seen]
    decays = [_decay(as_of - t.at, parameters) for t in seen]
    volume = math.fsum(w * d for w, d in zip(weights, decays, strict=True))
    undecayed = math.fsum(weights)
    reciprocity = _reciprocity(seen)
    factor = parameters.one_way_floor + (1.0 - parameters.one_way_floor) * reciprocity
    interaction = _saturate(volume, parameters) * factor
    first_at, last_at = min(t.at for t in seen), max(t.at for t in seen)
    peak_volume = volume / _decay(as_of - last_at, parameters)
    peak = _saturate(peak_volume, parameters) * factor
    trend = _trend(seen, weights, as_of=as_of, first_at=first_at, parameters=parameters)
    rhythm = len(seen) >= max(parameters.cold_min_touches, 2)
    gap = (last_at - first_at) / (len(seen) - 1) if rhythm else None
    cold_reason = _cold_reason(peak, as_of - last_at, gap, trend, parameters)
    return TieStrength(
        strength=1.0 - (1.0 - interaction) * (1.0 - signal_strength),
        volume=volume,
        frequency=_saturate(volume, parameters),
        reciprocity=reciprocity,
        count=len(seen),
        first_at=first_at,
        last_at=last_at,
        interaction_strength=interaction,
        reciprocity_factor=factor,
        recency=volume / undecayed if undecayed > 0 else 0.0,
        peak_strength=peak,
        channels=_channels(seen, weights, decays, volume),
        signals=tuple(signals),
        signal_strength=signal_strength,
        trend=trend,
        going_cold=cold_reason is not None,
        cold_reason=cold_reason,
    )


def _saturate(volume: float, parameters: StrengthParameters) -> float:
    return 1.0 - math.exp(-volume / parameters.saturation)


def _noisy_or(strengths: Iterable[float]) -> float:
    missing = 1.0
    for strength in strengths:
        missing *= 1.0 - strength
    return 1.0 - missing


def _decay(age: timedelta, parameters: StrengthParameters) -> float:
    return math.pow(0.5, age.total_seconds() / 86400.0 / parameters.half_life_days)


def _weight(touch: Touch, parameters: StrengthParameters) -> float:
    weight = parameters.channel_weights.get(touch.kind, 0.0)
    if touch.direction is Direction.CO_RECIPIENT:
        weight *= parameters.co_recipient_factor
    return weight


def _channels(
    touches: Sequence[Touch], weights: Sequence[float], decays: Sequence[float], volume: float
) -> tuple[ChannelTerm, ...]:
    counts: dict[InteractionKind, int] = {}
    volumes: dict[InteractionKind, float] = {}
    for touch, weight, decay in zip(touches, weights, decays, strict=True):
        counts[touch.kind] = counts.get(touch.kind, 0) + 1
        volumes[touch.kind] = volumes.get(touch.kind, 0.0) + weight * decay
    return tuple(
        ChannelTerm(
            kind=kind,
            count=counts[kind],
            volume=volumes[kind],
            share=volumes[kind] / volume if volume > 0 else 0.0,
        )
        for kind in sorted(counts, key=lambda k: (-volumes[k], k.value))
    )


def _trend(
    touches: Sequence[Touch],
    weights: Sequence[float],
    *,
    as_of: datetime,
    first_at: datetime,
    parameters: StrengthParameters,
) -> Trend:
    window = timedelta(days=parameters.trend_window_days)
    recent_start, previous_start = as_of - window, as_of - 2 * window
    recent = [w for t, w in zip(touches, weights, strict=True) if t.at > recent_start]
    previous = [
        w for t, w in zip(touches, weights, strict=True) if previous_start < t.at <= recent_start
    ]
    now, before = math.fsum(recent), math.fsum(previous)
    tolerance = parameters.trend_tolerance
    if first_at > recent_start:
        direction = TieTrend.NEW
    elif not recent and not previous:
        direction = TieTrend.DORMANT
    elif now > before * (1.0 + tolerance):
        direction = TieTrend.RISING
    elif now < before * (1.0 - tolerance):
        direction = TieTrend.FALLING
    else:
        direction = TieTrend.STABLE
    return Trend(
        direction=direction,
        recent_volume=now,
        previous_volume=before,
        recent_count=len(recent),
        previous_count=len(previous),
        window_days=parameters.trend_window_days,
    )


def _cold_reason(
    peak: float,
    silence: timedelta,
    gap: timedelta | None,
    trend: Trend,
    parameters: StrengthParameters,
) -> str | None:
    if peak < parameters.cold_floor or gap is None:
        return None
    days = silence.total_seconds() / 86400.0
    limit = max(parameters.cold_after_days, parameters.cold_gap_factor * gap.days)
    if days > limit:
        return (
            f"no touch for {days:.0f} days (more than {limit:.0f}: at least "
            f"{parameters.cold_after_days:.0f}, and {parameters.cold_gap_factor:g} times the "
            f"usual gap of {gap.days} days) on a tie that was {peak:.2f} strong at its last touch"
        )
    dropped = trend.recent_volume < parameters.cold_drop * trend.previous_volume
    if trend.previous_volume >= parameters.cold_min_previous and dropped:
        return (
            f"volume fell to {trend.recent_volume:.1f} in the last {trend.window_days:.0f} days "
            f"from {trend.previous_volume:.1f} in the {trend.window_days:.0f} days before "
            f"(under {parameters.cold_drop:.0%})"
        )
    return None


def _reciprocity(touches: Sequence[Touch]) -> float:
    a_to_b = sum(1 for t in touches if t.direction is Direction.A_TO_B)
    b_to_a = sum(1 for t in touches if t.direction is Direction.B_TO_A)
    mutual = sum(1 for t in touches if t.direction is Direction.MUTUAL)
    total = a_to_b + b_to_a + mutual
    if total == 0:
        return 0.0
    return (mutual + 2 * min(a_to_b, b_to_a)) / total


_SENDERS = frozenset({ParticipantRole.FROM, ParticipantRole.ORGANIZER})
_LIVE = frozenset({InteractionKind.MEETING, InteractionKind.CALL})


def direction_of(
    kind: InteractionKind, role_a: ParticipantRole, role_b: ParticipantRole
) -> Direction:
    """Classify one shared interaction from the two participants' roles.

    Meetings and calls are mutual; in written channels the sender reaches the recipient, and
    two recipients of the same message are only co-recipients.

    Examples
    --------
    >>> direction_of(InteractionKind.EMAIL, ParticipantRole.FROM, ParticipantRole.TO).value
    'a_to_b'
    >>> direction_of(InteractionKind.EMAIL, ParticipantRole.CC, ParticipantRole.FROM).value
    'b_to_a'
    >>> direction_of(InteractionKind.EMAIL, ParticipantRole.TO, ParticipantRole.CC).value
    'co_recipient'
    >>> direction_of(InteractionKind.MEETING, ParticipantRole.ATTENDEE,
    ...              ParticipantRole.ATTENDEE).value
    'mutual'
    """
    if kind in _LIVE:
        return Direction.MUTUAL
    if role_a in _SENDERS and role_b not in _SENDERS:
        return Direction.A_TO_B
    if role_b in _SENDERS and role_a not in _SENDERS:
        return Direction.B_TO_A
    return Direction.CO_RECIPIENT
