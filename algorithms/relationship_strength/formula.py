"""The tie-strength formula: :func:`tie_strength` over a pair's touches and signals, and
:func:`direction_of` a touch. The formula is described in :mod:`algorithms.relationship_strength`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from algorithms.relationship_strength.terms import (
    DEFAULT_PARAMETERS,
    ChannelTerm,
    Direction,
    Signal,
    StrengthParameters,
    TieStrength,
    Touch,
    Trend,
)
from schema.enums import InteractionKind, ParticipantRole, TieTrend

__all__ = ["direction_of", "tie_strength"]


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
    >>> from schema.enums import ExplicitSignal
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
