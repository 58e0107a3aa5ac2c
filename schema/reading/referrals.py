"""What the graph holds about people on the way to a target: facts and the links of pairs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from schema.enums import Seniority, TieTrend

__all__ = [
    "KnowsLink",
    "PairLinks",
    "PersonFacts",
    "PersonTie",
    "ReferralProjection",
    "SharedTenure",
    "StatedLink",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFacts:
    """A person as referral paths see them."""

    uid: str
    colleague: bool
    customer: bool  # employed now at a company with a won deal
    companies: tuple[str, ...]  # current employers
    seniority: Seniority = Seniority.UNKNOWN
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowsLink:
    """The derived KNOWS edge of a pair."""

    strength: float
    count: int
    first_at: datetime | None
    last_at: datetime | None
    trend: TieTrend | None = None
    going_cold: bool | None = None
    reciprocity: float | None = None
    recent_volume: float | None = None
    previous_volume: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonTie:
    """One of a person's KNOWS ties: the other person and the edge."""

    other_uid: str
    knows: KnowsLink


@dataclass(frozen=True, slots=True, kw_only=True)
class StatedLink:
    """A CONNECTED_TO edge: a stated connection (no kind) or relationship (with a kind)."""

    since: date | None
    kind: str | None
    source: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SharedTenure:
    """Two tenures at one company that overlapped: from ``start`` to ``end`` (None: both
    are still there); ``board`` when both sat on its board."""

    company_uid: str
    start: date | None
    end: date | None
    board: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PairLinks:
    """Everything that joins two people (``a_uid < b_uid``)."""

    a_uid: str
    b_uid: str
    knows: KnowsLink | None = None
    stated: tuple[StatedLink, ...] = ()
    tenures: tuple[SharedTenure, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralProjection:
    """The bounded part of the graph a referral search needs."""

    people: dict[str, PersonFacts]
    pairs: tuple[PairLinks, ...]
    truncated: bool
