"""Plain records of the search and pipeline answers."""

from __future__ import annotations

from dataclasses import dataclass

from schema.enums import DealStage, Label

__all__ = ["PipelineRow", "SearchHit"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """A full-text match: which entity, and how well it matched."""

    label: Label
    uid: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineRow:
    """Deals sharing a stage, currency, owner and close month, summed."""

    stage: DealStage
    currency: str | None
    owner_uid: str | None
    close_month: str | None  # "YYYY-MM"
    count: int
    total: float
    weighted: float
