"""The fixed calendar of the demo data: an anchor date and the history window before it.

Nothing reads the clock: every date is an offset in days (or minutes) from the start of
the window, so the same seed always gives the same dates.

Examples
--------
>>> line = Timeline(years=3)
>>> line.start, line.days
(datetime.date(2023, 11, 1), 1095)
>>> line.date_at(line.days) == ANCHOR
True
>>> line.moment(60 * 9)
datetime.datetime(2023, 11, 1, 9, 0, tzinfo=datetime.timezone.utc)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

__all__ = ["ANCHOR", "MINUTES_PER_DAY", "Timeline"]

ANCHOR = date(2026, 10, 31)
"""The last day of the generated history ("today" for the demo)."""

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Timeline:
    """The interaction window: ``years`` of 365 days ending at ``anchor``."""

    years: int
    anchor: date = ANCHOR
    start: date = field(init=False)
    days: int = field(init=False)
    _origin: datetime = field(init=False, repr=False)

    def __post_init__(self) -> None:
        days = 365 * self.years
        start = self.anchor - timedelta(days=days)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "_origin", datetime.combine(start, time(), tzinfo=UTC))

    def date_at(self, day: int) -> date:
        """Return the date ``day`` days after the window start (negative: before it)."""
        return self.start + timedelta(days=day)

    def day_of(self, when: date) -> int:
        """Return the day offset of ``when`` from the window start."""
        return (when - self.start).days

    def moment(self, minute: int) -> datetime:
        """Return the UTC datetime ``minute`` minutes after the window start."""
        return self._origin + timedelta(minutes=minute)
