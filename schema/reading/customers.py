"""Accounts as read for the key-customer and lifecycle answers: deals and activity with us."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from schema.enums import DealStage
from schema.model import StageChange

__all__ = ["AccountActivity", "AccountDeal", "AccountRecord", "AccountRecords"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountDeal:
    """One deal of an account, with every date known about it.

    ``created_at`` is when the record was created in Relgraph (an import's time for imported
    deals); ``first_activity_at`` the first interaction about the deal (``ABOUT``).
    """

    uid: str
    company_uid: str
    stage: DealStage
    amount: float | None
    currency: str | None
    close_date: date | None
    created_at: datetime | None
    stage_history: tuple[StageChange, ...]
    first_activity_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountActivity:
    """Interactions between us and an account's people up to ``as_of``.

    ``per_period[0]`` counts the ``period_days`` days ending at ``as_of`` (inclusive),
    ``per_period[1]`` the ones before, for ``len(per_period)`` periods; ``interactions``,
    ``first_at`` and ``last_at`` cover the whole history up to ``as_of``.
    """

    as_of: date
    interactions: int
    first_at: datetime | None
    last_at: datetime | None
    period_days: int
    per_period: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountRecord:
    """An account (with its subsidiaries when rolled up): its deals and activity."""

    uid: str
    members: tuple[str, ...]
    deals: tuple[AccountDeal, ...]
    activity: AccountActivity


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountRecords:
    """The accounts read; ``truncated`` when the account cap cut the list short."""

    records: tuple[AccountRecord, ...]
    truncated: bool
