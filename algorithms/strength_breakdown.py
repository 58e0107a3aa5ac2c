"""A tie strength explained term by term: each term a number and a sentence.

The terms follow the published formula of :mod:`algorithms.relationship_strength`:
frequency (with each channel's part), recency, reciprocity, the interaction strength, the
explicit signals and the combined strength.
"""

from __future__ import annotations

from dataclasses import dataclass

from algorithms.relationship_strength import DEFAULT_PARAMETERS, StrengthParameters, TieStrength

__all__ = ["StrengthTerm", "strength_breakdown"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StrengthTerm:
    """One term of the formula: its name, its value and a sentence saying what it means."""

    name: str
    value: float
    explanation: str


def strength_breakdown(
    tie: TieStrength, *, parameters: StrengthParameters = DEFAULT_PARAMETERS
) -> tuple[StrengthTerm, ...]:
    """Explain a :class:`TieStrength` term by term, each a number and a sentence.

    Parameters
    ----------
    tie : TieStrength
        A result of :func:`tie_strength` computed with the same ``parameters``.
    parameters : StrengthParameters, optional
        The constants the tie was computed with (quoted in the sentences).

    Returns
    -------
    tuple of StrengthTerm
        frequency, recency, reciprocity, interaction strength, explicit signals, strength.

    Examples
    --------
    >>> from datetime import UTC, datetime
    >>> from algorithms.relationship_strength import Direction, Touch, tie_strength
    >>> from schema.enums import InteractionKind
    >>> now = datetime(2026, 1, 1, tzinfo=UTC)
    >>> meeting = Touch(kind=InteractionKind.MEETING, at=now, direction=Direction.MUTUAL)
    >>> terms = strength_breakdown(tie_strength([meeting] * 6, as_of=now))
    >>> [(t.name, round(t.value, 3)) for t in terms]  # doctest: +NORMALIZE_WHITESPACE
    [('frequency', 0.632), ('recency', 1.0), ('reciprocity', 1.0),
     ('interaction strength', 0.632), ('explicit signals', 0.0), ('strength', 0.632)]
    >>> terms[0].explanation
    '6 touches weigh 6.00 after decay (meeting 6: 6.00); 1 - exp(-6.00 / 6) = 0.632'
    """
    p = parameters
    channels = ", ".join(f"{c.kind.value} {c.count}: {c.volume:.2f}" for c in tie.channels)
    listed = ", ".join(
        f"{s.kind.value}{f' ({s.label})' if s.label else ''} "
        f"{p.signal_weights.get(s.kind, 0.0):.2f}"
        for s in tie.signals
    )
    return (
        StrengthTerm(
            name="frequency",
            value=tie.frequency,
            explanation=f"{tie.count} touches weigh {tie.volume:.2f} after decay"
            + (f" ({channels})" if channels else "")
            + f"; 1 - exp(-{tie.volume:.2f} / {p.saturation:g}) = {tie.frequency:.3f}",
        ),
        StrengthTerm(
            name="recency",
            value=tie.recency,
            explanation=f"a touch counts half after {p.half_life_days:g} days; the decay kept "
            f"{tie.recency:.0%} of the touches' weight",
        ),
        StrengthTerm(
            name="reciprocity",
            value=tie.reciprocity_factor,
            explanation=f"{tie.reciprocity:.0%} of the touches went both ways; factor "
            f"{p.one_way_floor:g} + {1 - p.one_way_floor:g} x {tie.reciprocity:.2f} = "
            f"{tie.reciprocity_factor:.3f}",
        ),
        StrengthTerm(
            name="interaction strength",
            value=tie.interaction_strength,
            explanation=f"frequency x reciprocity factor = {tie.interaction_strength:.3f}",
        ),
        StrengthTerm(
            name="explicit signals",
            value=tie.signal_strength,
            explanation=f"stated: {listed}; noisy-or {tie.signal_strength:.3f}"
            if tie.signals
            else "no stated connection or relationship",
        ),
        StrengthTerm(
            name="strength",
            value=tie.strength,
            explanation=f"1 - (1 - {tie.interaction_strength:.3f}) x "
            f"(1 - {tie.signal_strength:.3f}) = {tie.strength:.3f}",
        ),
    )
