"""Key customers: RFM scores and segments, and the Pareto (80/20) view of revenue.

**Customers** are the accounts with at least one deal won on or before ``as_of``; only they
get RFM scores, and the quintiles are taken across them.

**RFM measures**

- *Recency*: days from the last won deal's close date to ``as_of``. Ties (and customers
  whose wins have no date) are broken by the days since the last interaction with us.
- *Frequency*: the number of won deals. Ties are broken by the interactions with us in the
  last ``frequency_periods`` activity periods (a year with the default 4 periods of 91 days).
- *Monetary*: won revenue in the reporting currency (deals in a currency without a rate are
  left out and counted in ``deals_left_out``).

**Scores 1..5 by quintiles**: the customers are ranked from worst to best on each measure
(with its tie-breaker); a customer whose mean rank (0-based; tied customers share the mean of
their ranks) is ``p`` among ``n`` scores ``1 + floor(5 * (p + 0.5) / n)``. Five customers with
different values score 1, 2, 3, 4 and 5; customers tied on a measure and its tie-breaker share
one score, the one of their mean rank (all tied: all score 3).

**Segments**: a customer with exactly one won deal and R >= 4 is **new**; otherwise the
segment comes from R and FM = round-half-up((F + M) / 2):

======  ==============  ==================  ==============  =========  =========
R \\ FM  1               2                   3               4          5
======  ==============  ==================  ==============  =========  =========
5       promising       potential_loyalist  loyal           champions  champions
4       promising       potential_loyalist  loyal           champions  champions
3       about_to_sleep  need_attention      need_attention  loyal      loyal
2       hibernating     hibernating         at_risk         at_risk    cant_lose
1       lost            hibernating         at_risk         cant_lose  cant_lose
======  ==============  ==================  ==============  =========  =========

**Pareto view**: accounts ranked by revenue (highest first, ties by account id); the top
``ceil(20% * n)`` of the ``n`` accounts with revenue bring ``top_share`` of it, and
``accounts_for_target`` is the fewest accounts whose cumulative share reaches 80%.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from algorithms.account_history import AccountHistory, DealOutcome
from schema.enums import RfmSegment

__all__ = ["Pareto", "ParetoEntry", "Rfm", "pareto", "rfm", "score_quintiles"]

_S = RfmSegment
_GRID: dict[int, tuple[RfmSegment, ...]] = {
    5: (_S.PROMISING, _S.POTENTIAL_LOYALIST, _S.LOYAL, _S.CHAMPIONS, _S.CHAMPIONS),
    4: (_S.PROMISING, _S.POTENTIAL_LOYALIST, _S.LOYAL, _S.CHAMPIONS, _S.CHAMPIONS),
    3: (_S.ABOUT_TO_SLEEP, _S.NEED_ATTENTION, _S.NEED_ATTENTION, _S.LOYAL, _S.LOYAL),
    2: (_S.HIBERNATING, _S.HIBERNATING, _S.AT_RISK, _S.AT_RISK, _S.CANT_LOSE),
    1: (_S.LOST, _S.HIBERNATING, _S.AT_RISK, _S.CANT_LOSE, _S.CANT_LOSE),
}
_BINS = 5
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True, kw_only=True)
class Rfm:
    """A customer's RFM measures, scores (1..5) and segment."""

    account: str
    recency_days: int | None
    days_since_interaction: int | None
    frequency: int
    recent_interactions: int
    monetary: float
    deals_left_out: int
    recency_score: int
    frequency_score: int
    monetary_score: int
    segment: RfmSegment

    @property
    def code(self) -> str:
        """The three scores as one code, e.g. ``"545"``."""
        return f"{self.recency_score}{self.frequency_score}{self.monetary_score}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ParetoEntry:
    """One account of the revenue ranking (``rank`` from 1)."""

    account: str
    rank: int
    revenue: float
    share: float
    cumulative_share: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Pareto:
    """How concentrated revenue is."""

    total: float
    accounts: int
    top_accounts: int
    top_share: float
    accounts_for_target: int
    ranked: tuple[ParetoEntry, ...]


def score_quintiles(keys: Mapping[str, tuple[float, ...]], *, bins: int = _BINS) -> dict[str, int]:
    """Score each item 1..``bins`` by its rank on ``keys`` (higher is better).

    Parameters
    ----------
    keys : mapping of str to tuple of float
        Per item, what it is ranked by (compared as tuples: later values break ties).
    bins : int, optional
        The number of scores (5: quintiles).

    Returns
    -------
    dict of str to int
        ``1 + floor(bins * (p + 0.5) / n)`` where ``p`` is the item's mean 0-based rank
        from the worst (tied items share the mean of their ranks).

    Raises
    ------
    ValueError
        When ``bins`` is less than 1.

    Examples
    --------
    >>> score_quintiles({"a": (1,), "b": (2,), "c": (3,), "d": (4,), "e": (5,)})
    {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}
    >>> score_quintiles({"a": (1,), "b": (1,), "c": (1,)})
    {'a': 3, 'b': 3, 'c': 3}
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    ordered = sorted(keys.values())
    n = len(ordered)
    scores: dict[str, int] = {}
    for item, key in keys.items():
        worse = bisect_left(ordered, key)
        tied = bisect_right(ordered, key) - worse
        # mean rank + 0.5 = worse + tied / 2, so the score is exact in integers
        scores[item] = min(bins, 1 + (bins * (2 * worse + tied)) // (2 * n))
    return scores


def _segment(recency: int, frequency: int, monetary: int, won_deals: int) -> RfmSegment:
    if won_deals == 1 and recency >= 4:
        return RfmSegment.NEW
    fm = (frequency + monetary + 1) // 2
    return _GRID[recency][fm - 1]


def _days(as_of: date, day: date | None) -> int | None:
    return None if day is None else (as_of - day).days


def _lower_is_better(days: int | None) -> float:
    return -math.inf if days is None else -float(days)


@dataclass(frozen=True, slots=True)
class _Measures:
    recency_days: int | None
    since_interaction: int | None
    frequency: int
    recent: int
    monetary: float
    left_out: int


def rfm(
    histories: Iterable[AccountHistory], *, as_of: date, frequency_periods: int = 4
) -> dict[str, Rfm]:
    """Score every customer among ``histories`` on recency, frequency and monetary value.

    Parameters
    ----------
    histories : iterable of AccountHistory
        The accounts; those without a deal won by ``as_of`` are not customers and get none.
    as_of : date
        The day the scores describe: later wins are ignored.
    frequency_periods : int, optional
        How many activity periods (from the newest) break frequency ties.

    Returns
    -------
    dict of str to Rfm
        Per customer account id, its measures, scores and segment.

    Raises
    ------
    ValueError
        When ``frequency_periods`` is negative or an account appears twice.

    Examples
    --------
    >>> from algorithms.account_history import DealOutcome
    >>> from schema.enums import DealStage
    >>> def won(uid, amount, day):
    ...     deal = DealOutcome(uid=uid, stage=DealStage.CLOSED_WON, amount=amount, closed_on=day)
    ...     return AccountHistory(account=uid, deals=(deal,))
    >>> scores = rfm([won("a", 50.0, date(2026, 6, 1)), won("b", 10.0, date(2025, 1, 1))],
    ...              as_of=date(2026, 7, 1))
    >>> scores["a"].code, scores["a"].segment.value, scores["b"].recency_days
    ('434', 'new', 546)
    >>> scores["b"].code, scores["b"].segment.value
    ('232', 'at_risk')
    """
    if frequency_periods < 0:
        raise ValueError("frequency_periods must not be negative")
    measures: dict[str, _Measures] = {}
    for history in histories:
        if history.account in measures:
            raise ValueError(f"account {history.account!r} appears twice")
        won = [d for d in history.deals if d.won_by(as_of)]
        if won:
            measures[history.account] = _measures(history, won, as_of, frequency_periods)
    recency = score_quintiles(
        {
            a: (_lower_is_better(m.recency_days), _lower_is_better(m.since_interaction))
            for a, m in measures.items()
        }
    )
    frequency = score_quintiles(
        {a: (float(m.frequency), float(m.recent)) for a, m in measures.items()}
    )
    monetary = score_quintiles({a: (m.monetary,) for a, m in measures.items()})
    return {
        account: _rfm(account, m, recency[account], frequency[account], monetary[account])
        for account, m in measures.items()
    }


def _measures(
    history: AccountHistory, won: list[DealOutcome], as_of: date, frequency_periods: int
) -> _Measures:
    dated = [d.closed_on for d in won if d.closed_on is not None]
    return _Measures(
        recency_days=_days(as_of, max(dated)) if dated else None,
        since_interaction=_days(as_of, history.activity.last_on),
        frequency=len(won),
        recent=history.activity.between(0, frequency_periods),
        monetary=math.fsum(d.revenue for d in won),
        left_out=sum(1 for d in won if not d.converted),
    )


def _rfm(account: str, m: _Measures, r: int, f: int, mo: int) -> Rfm:
    return Rfm(
        account=account,
        recency_days=m.recency_days,
        days_since_interaction=m.since_interaction,
        frequency=m.frequency,
        recent_interactions=m.recent,
        monetary=m.monetary,
        deals_left_out=m.left_out,
        recency_score=r,
        frequency_score=f,
        monetary_score=mo,
        segment=_segment(r, f, mo, m.frequency),
    )


def pareto(
    revenues: Mapping[str, float], *, top_fraction: float = 0.2, target_share: float = 0.8
) -> Pareto:
    """Rank accounts by revenue and measure how concentrated it is.

    Parameters
    ----------
    revenues : mapping of str to float
        Revenue per account, in one currency (accounts with 0 are ranked last and not
        counted among the accounts with revenue).
    top_fraction : float, optional
        The share of the accounts (with revenue) whose revenue share is reported.
    target_share : float, optional
        The revenue share that ``accounts_for_target`` reaches.

    Returns
    -------
    Pareto
        Totals, the top accounts' share, the accounts needed for the target share, and
        every account with its share and cumulative share.

    Raises
    ------
    ValueError
        On a negative revenue, or fractions outside 0..1.

    Examples
    --------
    >>> view = pareto({"a": 50.0, "b": 20.0, "c": 15.0, "d": 10.0, "e": 5.0})
    >>> view.top_accounts, view.top_share, view.accounts_for_target
    (1, 0.5, 3)
    >>> [round(e.cumulative_share, 2) for e in view.ranked]
    [0.5, 0.7, 0.85, 0.95, 1.0]
    """
    if not (0 < top_fraction <= 1 and 0 < target_share <= 1):
        raise ValueError("top_fraction and target_share must be within (0, 1]")
    if any(value < 0 for value in revenues.values()):
        raise ValueError("revenues must not be negative")
    order = sorted(revenues.items(), key=lambda item: (-item[1], item[0]))
    total = math.fsum(revenues.values())
    paying = sum(1 for _, value in order if value > 0)
    ranked: list[ParetoEntry] = []
    running = 0.0
    for rank, (account, revenue) in enumerate(order, start=1):
        running += revenue
        cumulative = running / total if total else 0.0
        share = revenue / total if total else 0.0
        ranked.append(
            ParetoEntry(
                account=account,
                rank=rank,
                revenue=revenue,
                share=share,
                cumulative_share=min(cumulative, 1.0),
            )
        )
    top = math.ceil(round(top_fraction * paying, 9))
    reached = [e.rank for e in ranked[:paying] if e.cumulative_share >= target_share - _EPSILON]
    return Pareto(
        total=total,
        accounts=paying,
        top_accounts=top,
        top_share=ranked[top - 1].cumulative_share if top else 0.0,
        accounts_for_target=reached[0] if reached else 0,
        ranked=tuple(ranked),
    )
