"""What two people did together, as read from the graph, and the derived KNOWS tie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from schema.enums import InteractionKind, ParticipantRole, TieTrend

__all__ = ["Knows", "PairActivity", "SharedInteraction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SharedInteraction:
    """One interaction that both people of a pair took part in, with their roles."""

    kind: InteractionKind
    occurred_at: datetime
    role_a: ParticipantRole
    role_b: ParticipantRole


@dataclass(frozen=True, slots=True, kw_only=True)
class PairActivity:
    """Every shared interaction of a pair of people (``a_uid < b_uid``)."""

    a_uid: str
    b_uid: str
    interactions: tuple[SharedInteraction, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Knows:
    """A derived KNOWS edge between two people (one per unordered pair, ``a_uid < b_uid``)."""

    a_uid: str
    b_uid: str
    strength: float
    count: int
    first_at: datetime | None
    last_at: datetime | None
    reciprocity: float
    computed_at: datetime
    trend: TieTrend = TieTrend.DORMANT
    going_cold: bool = False
    recent_volume: float = 0.0  # channel-weighted volume of the recent trend window
    previous_volume: float = 0.0  # ... and of the window before it
