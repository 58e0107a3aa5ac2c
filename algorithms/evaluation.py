"""Scores of predictions against a known truth: precision and recall, rank correlation, hits.

The quality command (``relgraph quality``) scores every intelligence answer against the demo
generator's ground truth with these; they are plain functions of plain data.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["PrecisionRecall", "average_ranks", "hit_rate", "precision_recall", "spearman"]

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True, kw_only=True)
class PrecisionRecall:
    """How a predicted set compares with the true set."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of predictions that are true (1.0 when nothing was predicted)."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the truth that was predicted (1.0 when there was nothing to find)."""
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def precision_recall(predicted: Iterable[Hashable], truth: Iterable[Hashable]) -> PrecisionRecall:
    """Compare a set of predictions with the true set.

    Parameters
    ----------
    predicted, truth : iterable of hashable
        The predicted items and the true items; duplicates count once.

    Returns
    -------
    PrecisionRecall
        Counts, with ``precision``, ``recall`` and ``f1``.

    Examples
    --------
    >>> pr = precision_recall({"a", "b", "c"}, {"b", "c", "d", "e"})
    >>> pr.precision, pr.recall
    (0.6666666666666666, 0.5)
    >>> precision_recall([], []).f1
    1.0
    """
    guessed, actual = set(predicted), set(truth)
    hits = len(guessed & actual)
    return PrecisionRecall(
        true_positives=hits,
        false_positives=len(guessed) - hits,
        false_negatives=len(actual) - hits,
    )


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing the mean of their ranks.

    Examples
    --------
    >>> average_ranks([10.0, 20.0, 20.0, 5.0])
    [2.0, 3.5, 3.5, 1.0]
    """
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(x: Mapping[K, float], y: Mapping[K, float]) -> float | None:
    """Spearman's rank correlation over the keys both mappings share.

    Parameters
    ----------
    x, y : mapping of key to float
        Two scorings of (partly) the same items.

    Returns
    -------
    float or None
        Within -1..1; None when fewer than two shared keys or a scoring is constant.

    Examples
    --------
    >>> spearman({"a": 1, "b": 2, "c": 3}, {"a": 10, "b": 30, "c": 20})
    0.5
    >>> spearman({"a": 1, "b": 2}, {"a": 2, "b": 1})
    -1.0
    >>> spearman({"a": 1}, {"a": 1}) is None
    True
    """
    keys = [k for k in x if k in y]
    if len(keys) < 2:
        return None
    rx = average_ranks([float(x[k]) for k in keys])
    ry = average_ranks([float(y[k]) for k in keys])
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return None
    return float(cov / (vx * vy) ** 0.5)


def hit_rate(found: Sequence[Collection[Hashable]], wanted: Sequence[Hashable]) -> float | None:
    """Share of cases whose wanted item is among what was found for that case.

    Parameters
    ----------
    found : sequence of collections
        Per case, what an answer returned (e.g. the introducers of the top-k paths).
    wanted : sequence of hashable
        Per case, the item that should be among them.

    Returns
    -------
    float or None
        Within 0..1; None when there are no cases.

    Examples
    --------
    >>> hit_rate([{"x", "y"}, {"z"}], ["y", "q"])
    0.5
    """
    if len(found) != len(wanted):
        raise ValueError("found and wanted must have one entry per case")
    if not wanted:
        return None
    return sum(1 for got, want in zip(found, wanted, strict=True) if want in got) / len(wanted)
