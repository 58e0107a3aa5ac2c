"""An account's lifecycle stage (acquisition, growth, maturity, decline, lost), with the reason.

**Facts on** ``as_of``, from the account's :class:`AccountHistory`:

- deals won, lost and open on ``as_of`` (by their close and open dates);
- *idle days*: days since the latest of the last interaction with us and the last deal
  closed (won or lost);
- *activity trend*: interactions in the recent window (the newest ``window_periods``
  activity periods, 2 x 91 days by default) against the window before. It is *rising* when
  ``recent >= rising_ratio * previous``, *falling* when ``recent <= falling_ratio * previous``,
  and steady otherwise or when both windows together hold fewer than
  ``min_trend_interactions`` (too few to tell);
- *revenue trend*: revenue won in the last ``revenue_window_days`` against the same window
  before. *Rising* when ``recent > 0`` and ``recent >= rising_ratio * previous`` (so a first
  win, or a win after a year without one, is rising), *falling* when ``previous > 0`` and
  ``recent <= falling_ratio * previous``;
- a *recent win*: a deal won in the last ``revenue_window_days``.

**Rules**, the first that applies:

1. **lost**: no open deal, idle for ``lost_after_days`` or more, and either the account
   was a customer (won a deal) or its last closed deal was lost;
2. **acquisition**: no deal won yet (open deals, first contacts, or nothing yet);
3. **growth**: every win is recent (a new customer), revenue rising, or activity rising
   while revenue is not falling;
4. **decline**: no recent win, and revenue or activity falling;
5. **maturity**: any other customer: revenue and activity steady, or a deal won in the
   last ``revenue_window_days`` holding off a fall (the reason says which).

Every threshold is a field of :class:`LifecycleParameters`; the reason cites the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from algorithms.account_history import AccountHistory, DealOutcome
from schema.enums import DealStage, LifecycleStage

__all__ = ["DEFAULT_LIFECYCLE", "Lifecycle", "LifecycleParameters", "lifecycle_stage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LifecycleParameters:
    """The thresholds of the lifecycle rules."""

    window_periods: int = 2
    rising_ratio: float = 1.25
    falling_ratio: float = 0.75
    min_trend_interactions: int = 6
    revenue_window_days: int = 365
    lost_after_days: int = 270

    def __post_init__(self) -> None:
        if self.window_periods < 1 or self.revenue_window_days < 1 or self.lost_after_days < 1:
            raise ValueError("windows and lost_after_days must be at least 1")
        if not 0 <= self.falling_ratio < 1 < self.rising_ratio:
            raise ValueError("falling_ratio must be within [0, 1) and rising_ratio above 1")
        if self.min_trend_interactions < 0:
            raise ValueError("min_trend_interactions must not be negative")


DEFAULT_LIFECYCLE = LifecycleParameters()


@dataclass(frozen=True, slots=True, kw_only=True)
class Lifecycle:
    """An account's stage on ``as_of``, the reason in words, and the numbers behind it
    (``per_period``: interactions per activity period, newest first)."""

    account: str
    stage: LifecycleStage
    reason: str
    won_deals: int
    lost_deals: int
    open_deals: int
    first_won_on: date | None
    last_won_on: date | None
    last_interaction_on: date | None
    days_idle: int | None
    recent_interactions: int
    previous_interactions: int
    window_days: int
    recent_revenue: float
    previous_revenue: float
    revenue_window_days: int
    period_days: int
    per_period: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Facts:
    won: list[DealOutcome]
    lost: list[DealOutcome]
    open: list[DealOutcome]
    last_won_on: date | None
    last_closed: DealOutcome | None
    days_idle: int | None
    recent: int
    previous: int
    window_days: int
    activity: str  # rising | falling | steady | few
    recent_wins: int
    previous_wins: int
    recent_revenue: float
    previous_revenue: float
    revenue: str  # rising | falling | steady


def _trend(recent: float, previous: float, p: LifecycleParameters) -> str:
    if recent > 0 and recent >= p.rising_ratio * previous:
        return "rising"
    if previous > 0 and recent <= p.falling_ratio * previous:
        return "falling"
    return "steady"


def _window(won: list[DealOutcome], after: date, until: date) -> tuple[int, float]:
    inside = [d for d in won if d.closed_on is not None and after < d.closed_on <= until]
    return len(inside), math.fsum(d.revenue for d in inside)


def _facts(history: AccountHistory, as_of: date, p: LifecycleParameters) -> _Facts:
    deals, activity = history.deals, history.activity
    won = [d for d in deals if d.won_by(as_of)]
    lost = [d for d in deals if d.lost_by(as_of)]
    closed = sorted(
        (d for d in won + lost if d.closed_on is not None),
        key=lambda d: (d.closed_on or as_of, d.stage is DealStage.CLOSED_LOST),
    )
    last_closed = closed[-1] if closed else None
    moments = [activity.last_on, last_closed.closed_on if last_closed else None]
    latest = max((m for m in moments if m is not None), default=None)
    recent = activity.between(0, p.window_periods)
    previous = activity.between(p.window_periods, 2 * p.window_periods)
    start = as_of - timedelta(days=p.revenue_window_days)
    recent_wins, recent_revenue = _window(won, start, as_of)
    previous_wins, previous_revenue = _window(
        won, start - timedelta(days=p.revenue_window_days), start
    )
    few = recent + previous < max(p.min_trend_interactions, 1)
    return _Facts(
        won=won,
        lost=lost,
        open=[d for d in deals if d.open_on(as_of)],
        last_won_on=max((d.closed_on for d in won if d.closed_on), default=None),
        last_closed=last_closed,
        days_idle=(as_of - latest).days if latest else None,
        recent=recent,
        previous=previous,
        window_days=p.window_periods * activity.period_days,
        activity="few" if few else _trend(recent, previous, p),
        recent_wins=recent_wins,
        previous_wins=previous_wins,
        recent_revenue=recent_revenue,
        previous_revenue=previous_revenue,
        revenue=_trend(recent_revenue, previous_revenue, p),
    )


def _money(value: float, currency: str) -> str:
    return f"{value:,.0f} {currency}".strip()


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _interactions(f: _Facts, verb: str) -> str:
    return (
        f"interactions {verb} {f.previous} to {f.recent} "
        f"(the last {_days(f.window_days)} against the {f.window_days} before)"
    )


def _revenue(f: _Facts, window: int, currency: str) -> str:
    return (
        f"{_money(f.recent_revenue, currency)} won in the last {_days(window)} against "
        f"{_money(f.previous_revenue, currency)} in the {window} before"
    )


def _stage(f: _Facts, p: LifecycleParameters) -> LifecycleStage:
    idle = f.days_idle is not None and f.days_idle >= p.lost_after_days
    last_lost = f.last_closed is not None and f.last_closed.stage is DealStage.CLOSED_LOST
    if not f.open and idle and (f.won or last_lost):
        return LifecycleStage.LOST
    if not f.won:
        return LifecycleStage.ACQUISITION
    new = len(f.won) == f.recent_wins
    if new or f.revenue == "rising" or (f.activity == "rising" and f.revenue != "falling"):
        return LifecycleStage.GROWTH
    if not f.recent_wins and "falling" in (f.revenue, f.activity):
        return LifecycleStage.DECLINE
    return LifecycleStage.MATURITY


def _last_activity(f: _Facts, as_of: date) -> str:
    if f.days_idle is None:
        return "no interaction with us yet"
    return f"nothing since {as_of - timedelta(days=f.days_idle)} ({_days(f.days_idle)} ago)"


def _why_lost(f: _Facts, as_of: date, p: LifecycleParameters) -> str:
    since = _last_activity(f, as_of)
    if f.won:
        return (
            f"A customer ({_count(len(f.won), 'won deal')}, the last on "
            f"{f.last_won_on or 'an unknown date'}) "
            f"gone silent: {since}, no open deal (lost after {p.lost_after_days} days)."
        )
    closed = f.last_closed.closed_on if f.last_closed else None
    return (
        f"The last deal was lost on {closed} and {since}, no open deal "
        f"(lost after {p.lost_after_days} days)."
    )


def _why_acquisition(f: _Facts, history: AccountHistory, as_of: date, currency: str) -> str:
    parts = ["No deal won yet"]
    if f.open:
        worth = _money(math.fsum(d.revenue for d in f.open), currency)
        parts.append(f"{_count(len(f.open), 'open deal')} worth {worth}")
    if f.lost:
        parts.append(f"{_count(len(f.lost), 'deal')} lost")
    first = history.activity.first_on
    if first is not None:
        parts.append(f"first contact on {first} ({_days((as_of - first).days)} ago)")
    parts.append(_last_activity(f, as_of))
    return "; ".join(parts) + "."


def _why_customer(stage: LifecycleStage, f: _Facts, p: LifecycleParameters, cur: str) -> str:
    window = p.revenue_window_days
    money = _revenue(f, window, cur)
    if stage is LifecycleStage.GROWTH:
        parts = []
        if len(f.won) == f.recent_wins:
            parts.append(f"became a customer in the last {_days(window)}: {money}")
        elif f.revenue == "rising":
            parts.append(f"won revenue rising: {money}")
        if f.activity == "rising":
            parts.append(_interactions(f, "rose from"))
        return "Growing: " + "; ".join(parts) + "."
    if stage is LifecycleStage.DECLINE:
        last_won = f.last_won_on or "an unknown date"
        parts = [f"no deal won in the last {_days(window)} (the last on {last_won})"]
        if f.revenue == "falling":
            parts.append(money)
        if f.activity == "falling":
            parts.append(_interactions(f, "fell from"))
        return "Declining: " + "; ".join(parts) + "."
    trend = "too few to tell a trend" if f.activity == "few" else f.activity
    if f.recent_wins or f.previous_wins:
        money = f"{money}{' (falling)' if f.revenue == 'falling' else ''}; "
    else:
        money = f"no deal won in the last {_days(2 * window)}; "
    steady = f.revenue != "falling" and f.activity in ("steady", "few")
    opening = "Steady" if steady else f"Holding (a deal won in the last {_days(window)})"
    last_won = f.last_won_on or "an unknown date"
    return (
        f"{opening}: {_count(len(f.won), 'won deal')}, the last on {last_won}; {money}"
        f"interactions {f.previous} then {f.recent} over two {f.window_days}-day windows "
        f"({trend})."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def lifecycle_stage(
    history: AccountHistory,
    *,
    as_of: date,
    parameters: LifecycleParameters = DEFAULT_LIFECYCLE,
    currency: str = "",
) -> Lifecycle:
    """Return the account's lifecycle stage on ``as_of`` and why.

    Parameters
    ----------
    history : AccountHistory
        The account's deals (amounts in one reporting currency) and activity up to ``as_of``.
    as_of : date
        The day the stage describes: deals closed or opened later are not counted.
    parameters : LifecycleParameters, optional
        Windows, ratios and the silence after which an account is lost.
    currency : str, optional
        The reporting currency's code, only to word the reason.

    Returns
    -------
    Lifecycle
        The stage, its reason in words, and the numbers it rests on.

    Examples
    --------
    >>> from algorithms.account_history import ActivityHistory, DealOutcome
    >>> from schema.enums import DealStage
    >>> deal = DealOutcome(uid="d1", stage=DealStage.CLOSED_WON, amount=100.0,
    ...                    closed_on=date(2026, 5, 1))
    >>> quiet = ActivityHistory(total=4, last_on=date(2026, 5, 20), per_period=(0, 4))
    >>> result = lifecycle_stage(AccountHistory(account="a", deals=(deal,), activity=quiet),
    ...                          as_of=date(2026, 7, 1), currency="USD")
    >>> result.stage.value
    'growth'
    >>> import textwrap
    >>> print(textwrap.fill(result.reason, 80))
    Growing: became a customer in the last 365 days: 100 USD won in the last 365
    days against 0 USD in the 365 before.
    """
    f = _facts(history, as_of, parameters)
    stage = _stage(f, parameters)
    if stage is LifecycleStage.LOST:
        reason = _why_lost(f, as_of, parameters)
    elif stage is LifecycleStage.ACQUISITION:
        reason = _why_acquisition(f, history, as_of, currency)
    else:
        reason = _why_customer(stage, f, parameters, currency)
    return Lifecycle(
        account=history.account,
        stage=stage,
        reason=reason,
        won_deals=len(f.won),
        lost_deals=len(f.lost),
        open_deals=len(f.open),
        first_won_on=min((d.closed_on for d in f.won if d.closed_on), default=None),
        last_won_on=f.last_won_on,
        last_interaction_on=history.activity.last_on,
        days_idle=f.days_idle,
        recent_interactions=f.recent,
        previous_interactions=f.previous,
        window_days=f.window_days,
        recent_revenue=f.recent_revenue,
        previous_revenue=f.previous_revenue,
        revenue_window_days=parameters.revenue_window_days,
        period_days=history.activity.period_days,
        per_period=history.activity.per_period,
    )
