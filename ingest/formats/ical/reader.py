"""iCalendar files (``.ics``): meetings, and the people in them.

(Not ``icalendar.py``: that name would shadow the library.) The file is streamed: it is
cut into ``VTIMEZONE`` and ``VEVENT`` blocks (see :mod:`ingest.formats.content_lines`),
each time zone seen so far is kept to resolve the TZIDs of the events after it, and each
event is parsed on its own with ``icalendar`` and turned into rows by
:mod:`ingest.formats.ical.event`. The file is read twice: a first, cheap pass only
collects the occurrences that events with a RECURRENCE-ID replace, so that the recurring
event they belong to leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from icalendar import Component, Event, Timezone
from icalendar.timezone import tzp

from ingest.formats.content_lines import Block, BrokenBlock, numbered_lines, split_blocks
from ingest.formats.ical.event import EventContext, event_items, event_uid, occurrence_key
from ingest.formats.ical.times import recurrence_id
from ingest.formats.options import ReadOptions
from ingest.formats.text import REPLACEMENT, open_text, undecodable_reason
from ingest.source_rows import Origin, SourceItem, SourceProblem

__all__ = ["read_icalendar"]

_COMPONENTS = frozenset({"VEVENT", "VTIMEZONE"})
_UNREAD = frozenset({"ATTACH", "X-ALT-DESC", "X-MICROSOFT-CDO-ALTDESC"})
_BODY = frozenset({"DESCRIPTION"})


@dataclass(frozen=True, slots=True)
class _ParsedEvent:
    event: Component
    line: int


def read_icalendar(path: Path, options: ReadOptions) -> Iterator[SourceItem]:
    """Read the events of an iCalendar file as meetings and people.

    Parameters
    ----------
    path
        An ``.ics`` file.
    options
        ``options.encoding`` forces the text encoding (otherwise it is detected, see
        :func:`ingest.formats.text.open_text`); ``options.include_bodies`` adds each
        event's DESCRIPTION as ``body``.

    Yields
    ------
    SourceRow | SourceProblem
        Per event, in file order: an :attr:`Entity.PERSON` row per organizer or attendee
        with an email, then an :attr:`Entity.INTERACTION` row of kind ``meeting`` (one
        per occurrence, up to now, for a recurring event); nothing for a cancelled
        event; a problem for an event without UID or DTSTART, or that cannot be parsed.
        ``origin.line`` is the event's ``BEGIN:VEVENT`` line.

    Raises
    ------
    FormatError
        When ``options.encoding`` names no codec.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> ics = Path(folder.name) / "cal.ics"
    >>> _ = ics.write_text(
    ...     "BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nUID:e1\\nDTSTART;VALUE=DATE:20260301\\n"
    ...     "SUMMARY:Offsite\\nEND:VEVENT\\nEND:VCALENDAR\\n"
    ... )
    >>> [dict(row.fields) for row in read_icalendar(ics, ReadOptions())]
    [{'interaction_id': 'e1', 'kind': 'meeting', 'occurred_at': '2026-03-01T00:00:00+00:00', 'ended_at': '2026-03-02T00:00:00+00:00', 'subject': 'Offsite'}]
    >>> folder.cleanup()
    """  # noqa: E501
    file = str(path)
    zones: dict[str, tzinfo] = {}
    context = EventContext(
        zones=zones,
        now=datetime.now(UTC),
        overridden=_overridden(path, options),
        include_bodies=options.include_bodies,
        max_body_chars=options.max_field_chars,
    )
    found = False
    for parsed in _parse(path, options, zones):
        found = True
        if isinstance(parsed, SourceProblem):
            yield parsed
            continue
        origin = Origin(file, parsed.line, event_uid(parsed.event) or None)
        yield from event_items(parsed.event, origin, context)
    if not found:
        yield SourceProblem(Origin(file, 1), "no event in the file (no BEGIN:VEVENT line)")


def _overridden(path: Path, options: ReadOptions) -> frozenset[str]:
    """The first pass: ``UID#<RECURRENCE-ID in UTC>`` of every overriding event."""
    keys: set[str] = set()
    zones: dict[str, tzinfo] = {}
    for parsed in _parse(path, options, zones, only_overrides=True):
        if isinstance(parsed, SourceProblem):
            continue
        uid = event_uid(parsed.event)
        replaced = recurrence_id(parsed.event, zones)
        if uid and replaced is not None:
            keys.add(occurrence_key(uid, replaced))
    return frozenset(keys)


def _parse(
    path: Path,
    options: ReadOptions,
    zones: dict[str, tzinfo],
    *,
    only_overrides: bool = False,
) -> Iterator[_ParsedEvent | SourceProblem]:
    """Every event block parsed, or its problem; ``zones`` grows with each VTIMEZONE."""
    file = str(path)
    skip = _UNREAD if options.include_bodies else _UNREAD | _BODY
    with open_text(path, options.encoding) as source:
        for block in split_blocks(numbered_lines(source.stream), _COMPONENTS, skip=skip):
            origin = Origin(file, block.line)
            if isinstance(block, BrokenBlock):
                yield SourceProblem(origin, f"{block.name} is broken: {block.reason}")
            elif REPLACEMENT in block.text:
                yield SourceProblem(origin, undecodable_reason(source.encoding))
            elif block.name == "VTIMEZONE":
                problem = _add_zone(block, zones)
                if problem:
                    yield SourceProblem(origin, problem, row_kept=True)
            elif not only_overrides or "\nRECURRENCE-ID" in block.text.upper():
                yield _parse_event(block, file)


def _parse_event(block: Block, file: str) -> _ParsedEvent | SourceProblem:
    try:
        return _ParsedEvent(Event.from_ical(block.text), block.line)
    except Exception as error:  # icalendar raises many types on malformed input
        return SourceProblem(Origin(file, block.line), f"event cannot be parsed: {error}")


def _add_zone(block: Block, zones: dict[str, tzinfo]) -> str | None:
    """Read a VTIMEZONE into ``zones``; the reason when it cannot be read."""
    try:
        component = Timezone.from_ical(block.text)
        tzid = str(component["TZID"])
        zones[tzid] = tzp.create_timezone(component)
    except Exception as error:  # icalendar and dateutil raise many types on bad input
        return f"time zone cannot be read: {error}"
    return None
