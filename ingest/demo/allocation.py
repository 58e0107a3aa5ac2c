"""Integer allocation: splitting a whole number into parts proportional to weights.

Examples
--------
>>> apportion(10, [1.0, 1.0, 2.0])
[3, 2, 5]
>>> sum(apportion(7, [0.3, 0.3, 0.3]))
7
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["apportion"]


def apportion(total: int, weights: Sequence[float], *, minimum: int = 0) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder).

    Parameters
    ----------
    total : int
        The sum of the returned parts.
    weights : sequence of float
        Non-negative weights, at least one of them positive.
    minimum : int
        Every part gets at least this much; the rest is shared by weight.

    Returns
    -------
    list of int
        One part per weight, summing to ``total``; ties in the remainders go to the
        earlier weight, so the result is deterministic.

    Raises
    ------
    ValueError
        If ``total`` cannot cover the minimum or no weight is positive.
    """
    spare = total - minimum * len(weights)
    weight_sum = math.fsum(weights)
    if spare < 0 or weight_sum <= 0:
        raise ValueError("total too small for the minimum, or no positive weight")
    exact = [spare * weight / weight_sum for weight in weights]
    parts = [math.floor(share) for share in exact]
    left = spare - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in order[:left]:
        parts[i] += 1
    return [part + minimum for part in parts]
