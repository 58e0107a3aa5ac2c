"""What a quality scorer reports: figures of one area, measured against the ground truth."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from graph.driver import GraphClient
from ingest.demo import GroundTruth

__all__ = ["QualityFigure", "Scorer"]


@dataclass(frozen=True, slots=True, kw_only=True)
class QualityFigure:
    """One measured figure: ``value`` (None when nothing could be measured) and what it
    counts, in words (``"41 of 52 planted introductions"``)."""

    area: str
    name: str
    value: float | None
    detail: str


Scorer = Callable[[GraphClient, GroundTruth], Awaitable[list[QualityFigure]]]
"""Reads the answers of one area from the loaded demo graph and scores them against the
truth. Scorers only read."""
