"""One parsed iCalendar event as rows: its people, then its meeting (or its occurrences).

People are the organizer and the attendees that have an email (rooms and resources are
not people); the meeting's recipients are the attendees other than the organizer that did
not decline. Ids: UID for a single event, ``UID#<RECURRENCE-ID in UTC>`` for an event
that overrides one occurrence of a recurring one, ``UID#<start in UTC>`` for each
occurrence of a recurring one (the same id, so an override replaces its occurrence).

Examples
--------
>>> from datetime import UTC
>>> from icalendar import Event
>>> event = Event.from_ical(
...     "BEGIN:VEVENT\\r\\nUID:e1\\r\\nDTSTART:20260301T093000Z\\r\\nSUMMARY:Kick-off\\r\\n"
...     "ORGANIZER;CN=Ana Lopez:mailto:ana@acme.com\\r\\nEND:VEVENT\\r\\n"
... )
>>> context = EventContext(zones={}, now=datetime(2026, 6, 1, tzinfo=UTC))
>>> for item in event_items(event, Origin("cal.ics", 1, "e1"), context):
...     print(item.entity, dict(item.fields))  # doctest: +NORMALIZE_WHITESPACE
person {'email': 'ana@acme.com', 'full_name': 'Ana Lopez'}
interaction {'interaction_id': 'e1', 'kind': 'meeting',
    'occurred_at': '2026-03-01T09:30:00+00:00', 'ended_at': '2026-03-01T09:30:00+00:00',
    'from_email': 'ana@acme.com', 'subject': 'Kick-off'}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from icalendar import Component

from ingest.formats.addresses import bare_email, clean_name, has_mailbox, joined
from ingest.formats.ical.recurrence import MAX_OCCURRENCES, expand
from ingest.formats.ical.times import (
    EventTimeError,
    EventTiming,
    Zones,
    event_timing,
    raw_value,
    recurrence_dates,
    recurrence_id,
    rule_texts,
    utc_iso,
)
from ingest.formats.options import DEFAULT_MAX_FIELD_CHARS
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

__all__ = ["EventContext", "event_items", "event_uid", "is_cancelled", "occurrence_key"]

_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EventContext:
    """What reading one event needs besides the event.

    ``zones`` are the VTIMEZONEs read so far (the reader's own dict, which grows as the
    file is read); ``now`` is when occurrences stop; ``overridden`` holds the
    :func:`occurrence_key` of every occurrence that an event with a RECURRENCE-ID
    replaces, so that the recurring event leaves it out.
    """

    zones: Zones
    now: datetime
    overridden: frozenset[str] = field(default_factory=frozenset)
    include_bodies: bool = False
    max_body_chars: int = DEFAULT_MAX_FIELD_CHARS


@dataclass(frozen=True, slots=True)
class _Attendee:
    email: str
    name: str
    declined: bool


def occurrence_key(uid: str, start: datetime) -> str:
    """The interaction id of one occurrence: ``UID#<start in UTC ISO>``."""
    return f"{uid}#{utc_iso(start)}"


def is_cancelled(event: Component) -> bool:
    """Whether STATUS is CANCELLED: such an event is skipped, not reported."""
    return _text(event, "STATUS").upper() == "CANCELLED"


def event_uid(event: Component) -> str:
    """The event's UID, ``""`` when it has none."""
    return _text(event, "UID")


def event_items(event: Component, origin: Origin, context: EventContext) -> Iterator[SourceItem]:
    """The rows of one event (nothing for a cancelled one), or the problem with it."""
    if is_cancelled(event):
        return
    uid = event_uid(event)
    if not uid:
        yield SourceProblem(origin, "event has no UID", column="UID")
        return
    try:
        timing = event_timing(event, context.zones)
    except EventTimeError as error:
        yield SourceProblem(origin, str(error), column=error.column, value=error.value)
        return
    if timing.unknown_zone:
        reason = f"unknown time zone {timing.unknown_zone!r}: its times are read as UTC"
        yield SourceProblem(origin, reason, "DTSTART", timing.unknown_zone, row_kept=True)
    organizer, attendees = _people(event)
    for person in ([organizer] if organizer else []) + attendees:
        yield SourceRow(Entity.PERSON, _person_fields(person), origin)
    shared = _meeting_fields(event, organizer, attendees, context)
    yield from _meetings(event, uid, timing, shared, origin, context)


def _meetings(
    event: Component,
    uid: str,
    timing: EventTiming,
    shared: dict[str, str],
    origin: Origin,
    context: EventContext,
) -> Iterator[SourceItem]:
    rid = recurrence_id(event, context.zones)
    if rid is not None or not (event.get("RRULE") or event.get("RDATE")):
        interaction_id = occurrence_key(uid, rid) if rid is not None else uid
        yield _meeting(interaction_id, timing.start, timing, shared, origin)
        return
    try:
        found = expand(
            timing.start,
            rule_texts(event, timing.start),
            rdates=recurrence_dates(event, "RDATE", context.zones),
            exdates=recurrence_dates(event, "EXDATE", context.zones),
            until=context.now,
        )
    except ValueError as error:
        reason = f"recurrence cannot be read: {error}"
        yield SourceProblem(origin, reason, "RRULE", raw_value(event, "RRULE"))
        return
    for start in found.starts:
        key = occurrence_key(uid, start)
        if key not in context.overridden:
            yield _meeting(key, start, timing, shared, origin)
    if found.capped:
        reason = f"more than {MAX_OCCURRENCES} occurrences: only the first ones are read"
        yield SourceProblem(origin, reason, column="RRULE", row_kept=True)


def _meeting(
    interaction_id: str,
    start: datetime,
    timing: EventTiming,
    shared: dict[str, str],
    origin: Origin,
) -> SourceRow:
    fields = {
        "interaction_id": interaction_id,
        "kind": "meeting",
        "occurred_at": utc_iso(start),
        "ended_at": utc_iso(start + timing.duration),
        **shared,
    }
    return SourceRow(Entity.INTERACTION, fields, origin)


def _meeting_fields(
    event: Component,
    organizer: _Attendee | None,
    attendees: list[_Attendee],
    context: EventContext,
) -> dict[str, str]:
    sender = organizer.email if organizer else ""
    fields = {
        "from_email": sender,
        "to_emails": joined(a.email for a in attendees if not a.declined and a.email != sender),
        "subject": _text(event, "SUMMARY"),
        "body": "",
    }
    if context.include_bodies:
        fields["body"] = _text(event, "DESCRIPTION")[: context.max_body_chars]
    return {name: value for name, value in fields.items() if value}


def _text(event: Component, name: str) -> str:
    """A text property, stripped (the first one if it occurs more than once)."""
    value = event.get(name, "")
    return str(value[0] if isinstance(value, list) and value else value).strip()


def _person_fields(person: _Attendee) -> dict[str, str]:
    fields = {"email": person.email, "full_name": person.name}
    return {name: value for name, value in fields.items() if value}


def _people(event: Component) -> tuple[_Attendee | None, list[_Attendee]]:
    """The organizer and the attendees with an email, each address once."""
    organizer = _attendee(event.get("ORGANIZER"))
    seen = {organizer.email} if organizer else set()
    attendees: list[_Attendee] = []
    raw = event.get("ATTENDEE")
    for address in raw if isinstance(raw, list) else [raw]:
        attendee = _attendee(address)
        if attendee is not None and attendee.email not in seen:
            seen.add(attendee.email)
            attendees.append(attendee)
    return organizer, attendees


def _attendee(address: Any) -> _Attendee | None:
    """An ORGANIZER or ATTENDEE with an email, not a room or a resource."""
    if address is None or isinstance(address, list):
        return None
    params = getattr(address, "params", None) or {}
    email = bare_email(str(address))
    if not has_mailbox(email) or str(params.get("CUTYPE", "")).upper() in _NOT_PEOPLE:
        return None
    declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
    return _Attendee(email, clean_name(str(params.get("CN", ""))), declined)
