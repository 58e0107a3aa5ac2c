"""When an iCalendar event happens: DTSTART, its length and its recurrence, as aware times.

A ``TZID`` is resolved against the ``VTIMEZONE`` blocks of the file being read first (the
file is the authority on its own zones, and Outlook names several different ones
"Customized Time Zone"), then the time zone database; a date-time with no zone at all
(floating), or with a zone nobody knows, is read as UTC. An all-day DATE is midnight UTC.

Examples
--------
>>> from icalendar import Event
>>> event = Event.from_ical(
...     "BEGIN:VEVENT\\r\\nDTSTART;TZID=Europe/Paris:20260301T093000\\r\\n"
...     "DURATION:PT45M\\r\\nEND:VEVENT\\r\\n"
... )
>>> timing = event_timing(event, {})
>>> utc_iso(timing.start), timing.duration
('2026-03-01T08:30:00+00:00', datetime.timedelta(seconds=2700))
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from icalendar import Component, vBroken, vRecur

from schema.errors import CrmGraphError

__all__ = [
    "EventTimeError",
    "EventTiming",
    "Zones",
    "event_timing",
    "raw_value",
    "recurrence_dates",
    "recurrence_id",
    "rule_texts",
    "utc_iso",
]

Zones = Mapping[str, tzinfo]
"""The zones a file defined so far, by TZID."""

_END_OF_DAY = time(23, 59, 59)


class EventTimeError(CrmGraphError, ValueError):
    """An event whose start cannot be read: the property and its raw value (a
    ``ValueError`` too)."""

    def __init__(self, reason: str, *, column: str, value: str | None = None) -> None:
        super().__init__(reason)
        self.column = column
        self.value = value


@dataclass(frozen=True, slots=True)
class EventTiming:
    """The start of an event (aware, in its own zone), its length, and an unknown TZID."""

    start: datetime
    duration: timedelta
    unknown_zone: str | None = None


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with its offset: ``2026-03-01T08:30:00+00:00``."""
    return moment.astimezone(UTC).isoformat()


def event_timing(event: Component, zones: Zones) -> EventTiming:
    """Read DTSTART and DTEND (or DURATION) of an event.

    Raises
    ------
    EventTimeError
        When DTSTART is missing or is not a date or a date-time.
    """
    prop = event.get("DTSTART")
    if prop is None:
        raise EventTimeError("event has no DTSTART", column="DTSTART")
    value = _dt(prop)
    if not isinstance(value, date):
        raise EventTimeError(
            "DTSTART is not a date or a date-time", column="DTSTART", value=_raw(prop)
        )
    tzid = _tzid(prop)
    start = _localize(value, tzid, zones)
    unknown = tzid if tzid and _is_floating(value) and tzid not in zones else None
    return EventTiming(start, _duration(event, start, zones), unknown)


def recurrence_id(event: Component, zones: Zones) -> datetime | None:
    """RECURRENCE-ID (the occurrence an overriding event replaces), or None."""
    prop = event.get("RECURRENCE-ID")
    value = _dt(prop)
    return _localize(value, _tzid(prop), zones) if isinstance(value, date) else None


def recurrence_dates(event: Component, name: str, zones: Zones) -> list[datetime]:
    """The dates of every RDATE or EXDATE property of an event, as aware times."""
    found: list[datetime] = []
    for prop in _all(event.get(name)):
        if isinstance(prop, vBroken):
            continue
        tzid = _tzid(prop)
        for item in getattr(prop, "dts", []):
            value = getattr(item, "dt", None)
            if isinstance(value, tuple):  # an RDATE period: (start, end or duration)
                value = value[0]
            if isinstance(value, date):
                found.append(_localize(value, tzid, zones))
    return found


def rule_texts(event: Component, start: datetime) -> list[str]:
    """The RRULEs of an event as ``dateutil`` reads them, UNTIL made UTC.

    ``dateutil`` wants UNTIL in UTC when the start has a zone; a DATE UNTIL (or a
    date-time without zone) is read in the start's zone, a date until its last second.

    Raises
    ------
    ValueError
        When an RRULE could not be parsed.
    """
    texts: list[str] = []
    for recur in _all(event.get("RRULE")):
        if isinstance(recur, vBroken):
            raise ValueError(str(recur.parse_error))
        parts: dict[str, Any] = {key: value for key, value in recur.items() if key != "UNTIL"}
        rule: Any = vRecur(parts)
        text = rule.to_ical().decode("ascii")
        untils = recur.get("UNTIL") or []
        if untils and isinstance(untils[0], date):
            until = _until(untils[0], start.tzinfo or UTC).astimezone(UTC)
            text += until.strftime(";UNTIL=%Y%m%dT%H%M%SZ")
        texts.append(text)
    return texts


def raw_value(event: Component, name: str) -> str | None:
    """A property's values as written in the file, ``; ``-joined; None when absent."""
    values = [_raw(prop) for prop in _all(event.get(name))]
    return "; ".join(values) if values else None


def _duration(event: Component, start: datetime, zones: Zones) -> timedelta:
    end_prop = event.get("DTEND")
    end = _dt(end_prop)
    duration = _dt(event.get("DURATION"))
    if isinstance(end, date):
        length = _localize(end, _tzid(end_prop), zones) - start
    elif isinstance(duration, timedelta):
        length = duration
    else:
        length = timedelta(days=1) if _is_all_day(event) else timedelta(0)
    return max(length, timedelta(0))


def _localize(value: date, tzid: str | None, zones: Zones) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), UTC)
    if tzid and tzid in zones:
        return value.replace(tzinfo=zones[tzid])
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _until(value: date, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, _END_OF_DAY, zone)
    return value.replace(tzinfo=zone) if value.tzinfo is None else value


def _is_floating(value: date) -> bool:
    return isinstance(value, datetime) and value.tzinfo is None


def _dt(prop: Any) -> Any:
    """The value of a date, date-time or duration property; None if absent or broken.

    ``icalendar`` keeps a value it cannot parse as ``vBroken``, whose attributes raise.
    """
    if prop is None or isinstance(prop, vBroken):
        return None
    return getattr(prop, "dt", None)


def _is_all_day(event: Component) -> bool:
    value = _dt(event.get("DTSTART"))
    return isinstance(value, date) and not isinstance(value, datetime)


def _tzid(prop: Any) -> str | None:
    params = getattr(prop, "params", None) or {}
    tzid = params.get("TZID")
    return str(tzid) if tzid else None


def _raw(prop: Any) -> str:
    to_ical = getattr(prop, "to_ical", None)
    raw = to_ical() if callable(to_ical) else prop
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _all(value: Any) -> Iterator[Any]:
    """A property that may occur once or many times, always as an iterable."""
    if value is None:
        return iter(())
    return iter(value) if isinstance(value, list) else iter((value,))
