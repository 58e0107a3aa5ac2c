"""Search and pipeline use cases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from graph.driver import GraphClient
from graph.reading.crm.analytics import AnalyticsReader
from schema.enums import DealStage, Label
from schema.errors import InvalidInput
from schema.reading.analytics import PipelineRow, SearchHit

__all__ = ["AnalyticsService", "Pipeline", "PipelineTotal", "summarise_pipeline"]

_CLOSED = frozenset({DealStage.CLOSED_WON, DealStage.CLOSED_LOST})
MAX_SEARCH_RESULTS = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineTotal:
    """Deals of one group (a stage, an owner or a close month) in one currency."""

    key: str | None
    currency: str | None
    count: int
    total: float
    weighted: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Pipeline:
    """All deals per stage; open deals per owner and per close month (the forecast)."""

    by_stage: tuple[PipelineTotal, ...]
    by_owner: tuple[PipelineTotal, ...]
    forecast: tuple[PipelineTotal, ...]


def _group(
    rows: Sequence[PipelineRow], key: Callable[[PipelineRow], str | None]
) -> list[PipelineTotal]:
    sums: dict[tuple[str | None, str | None], list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for row in rows:
        acc = sums[(key(row), row.currency)]
        acc[0] += row.count
        acc[1] += row.total
        acc[2] += row.weighted
    return [
        PipelineTotal(key=k, currency=c, count=int(v[0]), total=v[1], weighted=v[2])
        for (k, c), v in sums.items()
    ]


def _sort_key(total: PipelineTotal, order: Callable[[str | None], Hashable]) -> tuple[object, ...]:
    return (order(total.key), total.currency or "")


def summarise_pipeline(rows: Sequence[PipelineRow]) -> Pipeline:
    """Group pipeline rows; amounts are summed per currency, never across currencies.

    >>> row = PipelineRow(stage=DealStage.PROPOSAL, currency="USD", owner_uid="o",
    ...                   close_month="2026-12", count=2, total=100.0, weighted=50.0)
    >>> summary = summarise_pipeline([row, row])
    >>> [(t.key, t.count, t.total) for t in summary.by_stage]
    [('proposal', 4, 200.0)]
    """
    stages = list(DealStage)
    open_rows = [r for r in rows if r.stage not in _CLOSED]
    by_stage = sorted(
        _group(rows, lambda r: r.stage.value),
        key=lambda t: _sort_key(t, lambda k: stages.index(DealStage(k or DealStage.PROSPECTING))),
    )
    by_owner = sorted(
        _group(open_rows, lambda r: r.owner_uid),
        key=lambda t: (-t.weighted, t.key or "", t.currency or ""),
    )
    forecast = sorted(
        _group(open_rows, lambda r: r.close_month),
        key=lambda t: _sort_key(t, lambda k: k or "9999-99"),
    )
    return Pipeline(by_stage=tuple(by_stage), by_owner=tuple(by_owner), forecast=tuple(forecast))


class AnalyticsService:
    """Full-text search and the pipeline."""

    def __init__(self, client: GraphClient) -> None:
        self._reader = AnalyticsReader(client)

    async def search(self, text: str, *, labels: Sequence[Label], first: int) -> list[SearchHit]:
        """Ranked matches among people, companies and deals (typo-tolerant)."""
        if not text.strip():
            raise InvalidInput("text must not be empty", field="text")
        if not 1 <= first <= MAX_SEARCH_RESULTS:
            raise InvalidInput(f"first must be between 1 and {MAX_SEARCH_RESULTS}", field="first")
        return await self._reader.search(text, labels=labels, limit=first)

    async def pipeline(self, *, owner_uid: str | None = None) -> Pipeline:
        """The pipeline, optionally for one owner's deals."""
        return summarise_pipeline(await self._reader.pipeline(owner_uid=owner_uid))
