"""What the customer algorithms know of one account: its deals and its activity with us.

Plain data that the caller builds (amounts already in one reporting currency): the input of
:mod:`algorithms.key_customers` and :mod:`algorithms.lifecycle`. Deals carry their dates, so
the algorithms decide what was won, lost or open on any ``as_of``; the activity is counted
up to ``as_of`` by the caller, in periods of ``period_days`` going back from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schema.enums import DealStage

__all__ = ["AccountHistory", "ActivityHistory", "DealOutcome"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DealOutcome:
    """A deal as the algorithms need it.

    ``amount`` is in the reporting currency (None when unknown); ``converted`` is False
    when the deal's currency has no rate, so its amount is left out. ``closed_on`` is when a
    closed deal was won or lost (None: unknown, taken as closed before any ``as_of``);
    ``opened_on`` the first sign of the deal (None: unknown, taken as open already).

    Examples
    --------
    >>> won = DealOutcome(uid="d", stage=DealStage.CLOSED_WON, closed_on=date(2026, 3, 1))
    >>> won.won_by(date(2026, 2, 1)), won.won_by(date(2026, 3, 1)), won.open_on(date(2026, 2, 1))
    (False, True, True)
    """

    uid: str
    stage: DealStage
    amount: float | None = None
    converted: bool = True
    closed_on: date | None = None
    opened_on: date | None = None

    def _closed_by(self, as_of: date) -> bool:
        return self.closed_on is None or self.closed_on <= as_of

    def won_by(self, as_of: date) -> bool:
        """Won on or before ``as_of``."""
        return self.stage is DealStage.CLOSED_WON and self._closed_by(as_of)

    def lost_by(self, as_of: date) -> bool:
        """Lost on or before ``as_of``."""
        return self.stage is DealStage.CLOSED_LOST and self._closed_by(as_of)

    def open_on(self, as_of: date) -> bool:
        """Opened by ``as_of`` and not closed yet then."""
        opened = self.opened_on is None or self.opened_on <= as_of
        return opened and not (self.won_by(as_of) or self.lost_by(as_of))

    @property
    def revenue(self) -> float:
        """The amount that counts as revenue: 0 when unknown or not convertible."""
        return self.amount if self.converted and self.amount is not None else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityHistory:
    """Interactions between us and the account's people, up to ``as_of``.

    ``per_period[0]`` counts the ``period_days`` days ending at ``as_of``, ``per_period[1]``
    the ones before, and so on.
    """

    total: int = 0
    first_on: date | None = None
    last_on: date | None = None
    period_days: int = 91
    per_period: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.period_days < 1:
            raise ValueError("period_days must be at least 1")
        if self.total < 0 or any(count < 0 for count in self.per_period):
            raise ValueError("interaction counts cannot be negative")

    def between(self, first: int, last: int) -> int:
        """Interactions in the periods ``first`` (inclusive) to ``last`` (exclusive)."""
        return sum(self.per_period[first:last])


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountHistory:
    """One account (or a parent with its subsidiaries): its deals and activity."""

    account: str
    deals: tuple[DealOutcome, ...] = ()
    activity: ActivityHistory = ActivityHistory()
