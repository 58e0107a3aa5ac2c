"""The occurrences of a recurring event, up to a cap and never in the future.

A weekly meeting is many interactions, one per time it happened; one that has not happened
yet is not an interaction. The recurrence set follows RFC 5545: DTSTART is the first
occurrence, RRULEs and RDATEs add occurrences, EXDATEs remove them.

Examples
--------
>>> from datetime import UTC, datetime
>>> start = datetime(2026, 1, 5, 9, tzinfo=UTC)
>>> found = expand(
...     start,
...     ["FREQ=WEEKLY;COUNT=3"],
...     exdates=[datetime(2026, 1, 12, 9, tzinfo=UTC)],
...     until=datetime(2027, 1, 1, tzinfo=UTC),
... )
>>> [moment.date().isoformat() for moment in found.starts], found.capped
(['2026-01-05', '2026-01-19'], False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from dateutil.rrule import rruleset, rrulestr

__all__ = ["MAX_OCCURRENCES", "Occurrences", "expand"]

MAX_OCCURRENCES = 500
"""At most this many occurrences of one recurring event are read."""


@dataclass(frozen=True, slots=True)
class Occurrences:
    """The starts of the occurrences found, and whether the cap cut the list short."""

    starts: tuple[datetime, ...]
    capped: bool


def expand(
    start: datetime,
    rules: Sequence[str],
    *,
    rdates: Sequence[datetime] = (),
    exdates: Sequence[datetime] = (),
    until: datetime,
    cap: int = MAX_OCCURRENCES,
) -> Occurrences:
    """The starts of a recurring event's occurrences, in time order.

    Parameters
    ----------
    start
        DTSTART, aware, in the event's own zone (so that a weekly 9:30 stays 9:30 across
        daylight saving changes).
    rules
        RRULE values (``FREQ=WEEKLY;BYDAY=MO``), UNTIL in UTC.
    rdates, exdates
        Aware extra and excluded starts.
    until
        No occurrence after this moment (now, for meetings that happened).
    cap
        At most this many occurrences.

    Returns
    -------
    Occurrences
        ``capped`` is True when more occurrences up to ``until`` were left out.

    Raises
    ------
    ValueError
        When a rule cannot be read.
    """
    recurrences = rruleset()
    for rule in rules:
        try:
            recurrences.rrule(rrulestr(rule, dtstart=start))
        except (TypeError, KeyError, IndexError) as error:  # dateutil's other complaints
            raise ValueError(f"{rule!r}: {error}") from error
    for moment in (start, *rdates):
        recurrences.rdate(moment)
    for moment in exdates:
        recurrences.exdate(moment)
    starts: list[datetime] = []
    for moment in recurrences:
        if moment > until:
            break
        if len(starts) == cap:
            return Occurrences(tuple(starts), capped=True)
        starts.append(moment)
    return Occurrences(tuple(starts), capped=False)
