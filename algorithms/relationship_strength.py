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
4. ``strength = frequency * reciprocity_factor``, always within 0..1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from schema.enums import InteractionKind, ParticipantRole

__all__ = [
    "DEFAULT_PARAMETERS",
    "Direction",
    "StrengthParameters",
    "TieStrength",
    "Touch",
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


@dataclass(frozen=True, slots=True, kw_only=True)
class StrengthParameters:
    """The tunable constants of the formula."""

    channel_weights: Mapping[InteractionKind, float] = field(
        default_factory=lambda: _DEFAULT_WEIGHTS
    )
    half_life_days: float = 180.0
    saturation: float = 6.0
    one_way_floor: float = 0.3
    co_recipient_factor: float = 0.25

    def __post_init__(self) -> None:
        if self.half_life_days <= 0 or self.saturation <= 0:
            raise ValueError("half_life_days and saturation must be positive")
        if not 0 <= self.one_way_floor <= 1 or not 0 <= self.co_recipient_factor <= 1:
            raise ValueError("one_way_floor and co_recipient_factor must be within 0..1")


DEFAULT_PARAMETERS = StrengthParameters()


@dataclass(frozen=True, slots=True, kw_only=True)
class Touch:
    """One interaction that both people of the pair took part in."""

    kind: InteractionKind
    at: datetime
    direction: Direction


@dataclass(frozen=True, slots=True, kw_only=True)
class TieStrength:
    """The strength of a tie and every term that produced it."""

    strength: float
    volume: float
    frequency: float
    reciprocity: float
    count: int
    first_at: datetime | None
    last_at: datetime | None


def tie_strength(
    touches: Sequence[Touch],
    *,
    as_of: datetime,
    parameters: StrengthParameters = DEFAULT_PARAMETERS,
) -> TieStrength:
    """Return the tie strength of a pair from their shared touches.

    Parameters
    ----------
    touches : sequence of Touch
        The pair's interactions; touches after ``as_of`` are ignored.
    as_of : datetime
        The moment the strength is measured at (timezone-aware, like the touches).
    parameters : StrengthParameters, optional
        Channel weights, half-life, saturation and reciprocity floor.

    Returns
    -------
    TieStrength
        ``strength`` within 0..1 and its terms.

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
    """
    seen = [t for t in touches if t.at <= as_of]
    if not seen:
        return TieStrength(
            strength=0.0,
            volume=0.0,
            frequency=0.0,
            reciprocity=0.0,
            count=0,
            first_at=None,
            last_at=None,
        )
    volume = sum(_weight(t, as_of, parameters) for t in seen)
    frequency = 1.0 - math.exp(-volume / parameters.saturation)
    reciprocity = _reciprocity(seen)
    factor = parameters.one_way_floor + (1.0 - parameters.one_way_floor) * reciprocity
    return TieStrength(
        strength=frequency * factor,
        volume=volume,
        frequency=frequency,
        reciprocity=reciprocity,
        count=len(seen),
        first_at=min(t.at for t in seen),
        last_at=max(t.at for t in seen),
    )


def _weight(touch: Touch, as_of: datetime, parameters: StrengthParameters) -> float:
    age_days = (as_of - touch.at).total_seconds() / 86400.0
    weight = parameters.channel_weights.get(touch.kind, 0.0)
    weight *= math.pow(0.5, age_days / parameters.half_life_days)
    if touch.direction is Direction.CO_RECIPIENT:
        weight *= parameters.co_recipient_factor
    return weight


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
