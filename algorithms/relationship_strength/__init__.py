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

from algorithms.relationship_strength.formula import direction_of, tie_strength
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
