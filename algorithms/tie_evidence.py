"""How strong one hop between two people is, from every piece of evidence that joins them.

Each piece of evidence gives a strength in 0..1:

- KNOWS (derived from interactions): its tie strength;
- CONNECTED (stated): ``connection`` (0.2) for a stated connection such as LinkedIn,
  ``relationship`` (0.5) for a stated relationship (one with a kind); the same weights as
  the explicit signals of :mod:`algorithms.relationship_strength`;
- COWORKERS (employed at the same company now) and FORMER_COWORKERS (their tenures
  overlapped in the past): ``coworkers`` (0.3) or ``former_coworkers`` (0.2) times
  ``min(1, overlap_days / full_overlap_days)``, so a year together counts fully and a month
  a twelfth;
- BOARD (the same board at the same time): ``board`` (0.4).

The hop strength combines them by noisy-or, ``1 - prod(1 - s_i)``: every piece adds
something, none can push the hop past 1, and one strong piece dominates many weak ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from algorithms.relationship_strength import DEFAULT_PARAMETERS as _STRENGTH
from schema.enums import ExplicitSignal, TieEvidenceKind

__all__ = ["DEFAULT_EVIDENCE", "Evidence", "EvidenceParameters", "hop_strength"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceParameters:
    """The weights of the hop-strength rule (see the module docstring)."""

    connection: float = _STRENGTH.signal_weights.get(ExplicitSignal.CONNECTION, 0.2)
    relationship: float = _STRENGTH.signal_weights.get(ExplicitSignal.RELATIONSHIP, 0.5)
    coworkers: float = 0.3
    former_coworkers: float = 0.2
    board: float = 0.4
    full_overlap_days: float = 365.0

    def __post_init__(self) -> None:
        weights = (
            self.connection,
            self.relationship,
            self.coworkers,
            self.former_coworkers,
            self.board,
        )
        if not all(0 <= w <= 1 for w in weights):
            raise ValueError("evidence weights must be within 0..1")
        if self.full_overlap_days <= 0:
            raise ValueError("full_overlap_days must be positive")


DEFAULT_EVIDENCE = EvidenceParameters()


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One reason why two people are one hop apart.

    KNOWS carries ``strength``, ``count`` and ``last_at``; CONNECTED a ``label`` when a
    relationship was stated (a connection has none) and ``start`` (since when);
    COWORKERS, FORMER_COWORKERS and BOARD the ``company`` and the overlap ``start`` ..
    ``end`` (``end`` None: still together).
    """

    kind: TieEvidenceKind
    strength: float | None = None
    count: int | None = None
    last_at: datetime | None = None
    company: str | None = None
    start: date | None = None
    end: date | None = None
    label: str | None = None


def hop_strength(
    evidence: Sequence[Evidence],
    *,
    as_of: date,
    parameters: EvidenceParameters = DEFAULT_EVIDENCE,
) -> float:
    """Return the strength of one hop (0..1) from all its evidence, by noisy-or.

    Parameters
    ----------
    evidence : sequence of Evidence
        Every piece of evidence between the two people.
    as_of : date
        The day open-ended overlaps are measured to.
    parameters : EvidenceParameters, optional
        The weight of each kind of evidence.

    Returns
    -------
    float
        ``1 - prod(1 - s_i)`` over the pieces; 0.0 without evidence.

    Raises
    ------
    ValueError
        If a KNOWS piece has no strength or one outside 0..1.

    Examples
    --------
    >>> today = date(2026, 1, 1)
    >>> knows = Evidence(kind=TieEvidenceKind.KNOWS, strength=0.5, count=12)
    >>> hop_strength([knows], as_of=today)
    0.5
    >>> year = Evidence(kind=TieEvidenceKind.FORMER_COWORKERS, company="c1",
    ...                 start=date(2020, 1, 1), end=date(2021, 6, 1))
    >>> round(hop_strength([knows, year], as_of=today), 3)
    0.6
    >>> hop_strength([], as_of=today)
    0.0
    """
    missing = 1.0
    for piece in evidence:
        missing *= 1.0 - _piece_strength(piece, as_of, parameters)
    return 1.0 - missing


def _piece_strength(piece: Evidence, as_of: date, p: EvidenceParameters) -> float:
    kind = piece.kind
    if kind is TieEvidenceKind.KNOWS:
        if piece.strength is None or not 0 <= piece.strength <= 1:
            raise ValueError("KNOWS evidence needs a strength within 0..1")
        return piece.strength
    if kind is TieEvidenceKind.CONNECTED:
        return p.relationship if piece.label else p.connection
    if kind is TieEvidenceKind.BOARD:
        return p.board
    base = p.coworkers if kind is TieEvidenceKind.COWORKERS else p.former_coworkers
    return base * _overlap_share(piece, as_of, p)


def _overlap_share(piece: Evidence, as_of: date, p: EvidenceParameters) -> float:
    if piece.start is None:
        return 0.5  # together, for an unknown time: half credit
    share = ((piece.end or as_of) - piece.start).days / p.full_overlap_days
    # Clamped to 0..1 by comparison: this runs once per hop of every referral graph.
    return 0.0 if share < 0.0 else 1.0 if share > 1.0 else share
