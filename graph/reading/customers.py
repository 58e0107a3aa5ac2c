"""Read accounts with their deals and activity with us, aggregated in Cypher.

A bounded read: at most ``max_accounts`` accounts, subsidiaries at most 5 levels down, one
query with a time budget (``timeout``). Interactions never leave the database one by one:
each account comes back with counts per period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from graph.driver import GraphClient
from graph.queries import customers
from graph.reading.crm.records import native, stage_history_from
from graph.writing.rows import Row
from schema.enums import DealStage
from schema.reading.customers import AccountActivity, AccountDeal, AccountRecord, AccountRecords

__all__ = ["DEFAULT_MAX_ACCOUNTS", "DEFAULT_TIMEOUT", "AccountHistoryReader"]

DEFAULT_MAX_ACCOUNTS = 20_000
DEFAULT_TIMEOUT = 60.0


class AccountHistoryReader:
    """Reads :class:`AccountRecord` per account: deals, and interactions per period."""

    def __init__(
        self,
        client: GraphClient,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_accounts: int = DEFAULT_MAX_ACCOUNTS,
        period_days: int = 91,
        periods: int = 12,
    ) -> None:
        if timeout <= 0 or max_accounts < 1 or period_days < 1 or periods < 1:
            raise ValueError("timeout, max_accounts, period_days and periods must be positive")
        self.client = client
        self.timeout = timeout
        self.max_accounts = max_accounts
        self.period_days = period_days
        self.periods = periods

    async def accounts(
        self,
        *,
        as_of: date,
        uids: Sequence[str] | None = None,
        customers_only: bool = False,
        roll_up: bool = False,
    ) -> AccountRecords:
        """The accounts ``uids`` (every live one when None), or only the customers.

        Parameters
        ----------
        as_of : date
            Activity is counted up to this day (included).
        uids : sequence of str, optional
            The companies to read; unknown, deleted and home companies are skipped.
        customers_only : bool, optional
            Only accounts with a deal won by ``as_of`` (when ``uids`` is None).
        roll_up : bool, optional
            Count each account's live subsidiaries with it; without ``uids``, only top
            companies are accounts. A subsidiary under several top companies counts under
            one: the top of its longest path up (5 levels at most), then the smallest uid.
        """
        params = {
            "uids": list(uids) if uids is not None else None,
            "customers_only": customers_only and uids is None,
            "won": DealStage.CLOSED_WON.value,
            "roll_up": roll_up,
            "as_of": as_of,
            "until": datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC),
            "period_days": self.period_days,
            "periods": self.periods,
            "limit": self.max_accounts + 1,
        }
        if uids is not None:
            rows = await self.client.read(
                customers.ACCOUNTS_WITH_ACTIVITY, params, timeout=self.timeout
            )
            activity = {str(row["account"]): row for row in rows}
        else:
            rows = await self.client.read(customers.ACCOUNT_DEALS, params, timeout=self.timeout)
            wanted = rows[: self.max_accounts]
            activity = await self._activity(params, {str(r["account"]) for r in wanted})
        records = tuple(
            self._record(row, activity.get(str(row["account"])), as_of)
            for row in rows[: self.max_accounts]
        )
        return AccountRecords(records=records, truncated=len(rows) > self.max_accounts)

    async def _activity(self, params: Row, accounts: set[str]) -> dict[str, Row]:
        rows = await self.client.read(customers.ACTIVITY_BY_ACCOUNT, params, timeout=self.timeout)
        return {str(r["account"]): r for r in rows if str(r["account"]) in accounts}

    def _record(self, row: Row, activity: Row | None, as_of: date) -> AccountRecord:
        return AccountRecord(
            uid=str(row["account"]),
            members=tuple(sorted(str(m) for m in row["members"])),
            deals=tuple(sorted((_deal(d) for d in row["deals"]), key=lambda d: d.uid)),
            activity=self._activity_of(activity or {}, as_of),
        )

    def _activity_of(self, row: Row, as_of: date) -> AccountActivity:
        per_period = [0] * self.periods
        for period, count in row.get("periods") or []:
            per_period[int(period)] = int(count)
        return AccountActivity(
            as_of=as_of,
            interactions=int(row.get("interactions") or 0),
            first_at=_moment(row.get("first_at")),
            last_at=_moment(row.get("last_at")),
            period_days=self.period_days,
            per_period=tuple(per_period),
        )


def _moment(value: Any) -> datetime | None:
    converted = native(value)
    return converted if isinstance(converted, datetime) else None


def _deal(props: Row) -> AccountDeal:
    amount = props.get("amount")
    close = native(props.get("close_date"))
    return AccountDeal(
        uid=str(props["uid"]),
        company_uid=str(props["company_uid"]),
        stage=DealStage(props.get("stage") or DealStage.PROSPECTING),
        amount=float(amount) if amount is not None else None,
        currency=props.get("currency"),
        close_date=close if isinstance(close, date) else None,
        created_at=_moment(props.get("created_at")),
        stage_history=stage_history_from(props),
        first_activity_at=_moment(props.get("first_activity_at")),
    )
