"""Reading iCalendar files into meetings and the people in them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.formats.ical.reader import read_icalendar
from ingest.formats.ical.recurrence import MAX_OCCURRENCES
from ingest.formats.options import ReadOptions
from ingest.source_rows import Entity, Origin, SourceItem, SourceProblem, SourceRow

OUTLOOK_EXPORT = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "VERSION:2.0",
    "METHOD:PUBLISH",
    "BEGIN:VTIMEZONE",  # line 5: a zone only this file knows, UTC+1 / UTC+2
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16011028T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010325T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",  # line 20
    "UID:040000008200E00074C5B7101A82E008",
    "DTSTAMP:20250901T120000Z",
    "DTSTART;TZID=Customized Time Zone:20250910T093000",
    "DTEND;TZID=Customized Time Zone:20250910T103000",
    "SUMMARY:Quarterly review",
    'ORGANIZER;CN="Ana Lopez":mailto:Ana.Lopez@Acme.example',
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana Lopez:mailto:ana.lopez@acme.example",
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Bo Chen":mailto:bo.c',
    " hen@client.example",
    "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED;CN=Carla Diaz:mailto:carla@client.example",
    "ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;CN=Room 4.01:mailto:room401@acme.example",
    "ATTENDEE;PARTSTAT=NEEDS-ACTION;CN=dave@partner.example:mailto:dave@partner.example",
    "DESCRIPTION:Agenda: numbers\\, pipeline\\, hiring.",
    "BEGIN:VALARM",
    "TRIGGER:-PT15M",
    "ACTION:DISPLAY",
    "DESCRIPTION:Reminder",
    "END:VALARM",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 40: all day
    "UID:allday-1",
    "DTSTART;VALUE=DATE:20250704",
    "DTEND;VALUE=DATE:20250705",
    "SUMMARY:Company offsite",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 46: weekly, across the change to summer time on 30 March
    "UID:weekly-1",
    "DTSTART;TZID=Europe/Berlin:20250317T100000",
    "DTEND;TZID=Europe/Berlin:20250317T103000",
    "RRULE:FREQ=WEEKLY;COUNT=5",
    "EXDATE;TZID=Europe/Berlin:20250324T100000",
    "SUMMARY:Weekly sync",
    "ORGANIZER;CN=Bo Chen:mailto:bo.chen@client.example",
    "ATTENDEE;CN=Ana Lopez;PARTSTAT=ACCEPTED:mailto:ana.lopez@acme.example",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 56: moves the 31 March occurrence to 1 April
    "UID:weekly-1",
    "RECURRENCE-ID;TZID=Europe/Berlin:20250331T100000",
    "DTSTART;TZID=Europe/Berlin:20250401T150000",
    "DTEND;TZID=Europe/Berlin:20250401T153000",
    "SUMMARY:Weekly sync (moved)",
    "ORGANIZER;CN=Bo Chen:mailto:bo.chen@client.example",
    "ATTENDEE;CN=Ana Lopez;PARTSTAT=ACCEPTED:mailto:ana.lopez@acme.example",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 65: cancelled
    "UID:cancelled-1",
    "STATUS:CANCELLED",
    "DTSTART:20250502T090000Z",
    "SUMMARY:Lunch (cancelled)",
    "ORGANIZER:mailto:ana.lopez@acme.example",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 72: no DTSTART
    "UID:no-start",
    "SUMMARY:Someday",
    "END:VEVENT",
    "BEGIN:VEVENT",  # line 76: no UID
    "DTSTART:20250502T090000Z",
    "SUMMARY:Anonymous",
    "END:VEVENT",
    "END:VCALENDAR",
]
FILE_NAME = "outlook.ics"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


def _read(path: Path, options: ReadOptions | None = None) -> list[SourceItem]:
    return list(read_icalendar(path, options or ReadOptions()))


def _rows(items: list[SourceItem], entity: Entity) -> list[SourceRow]:
    return [item for item in items if isinstance(item, SourceRow) and item.entity is entity]


def _event(lines: list[str]) -> list[str]:
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", *lines, "END:VEVENT", "END:VCALENDAR"]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    return _write(tmp_path / FILE_NAME, OUTLOOK_EXPORT)


def test_an_event_in_a_zone_defined_by_the_file_is_read_in_utc(calendar: Path) -> None:
    meetings = _rows(_read(calendar), Entity.INTERACTION)

    uid = "040000008200E00074C5B7101A82E008"
    assert meetings[0] == SourceRow(
        Entity.INTERACTION,
        {
            "interaction_id": uid,
            "kind": "meeting",
            "occurred_at": "2025-09-10T07:30:00+00:00",
            "ended_at": "2025-09-10T08:30:00+00:00",
            "from_email": "ana.lopez@acme.example",
            "to_emails": "bo.chen@client.example;dave@partner.example",
            "subject": "Quarterly review",
        },
        Origin(str(calendar), 20, uid),
    )


def test_the_organizer_and_attendees_with_an_email_are_people_but_rooms_are_not(
    calendar: Path,
) -> None:
    items = _read(calendar)

    origin = Origin(str(calendar), 20, "040000008200E00074C5B7101A82E008")
    assert items[:4] == [
        SourceRow(
            Entity.PERSON, {"email": "ana.lopez@acme.example", "full_name": "Ana Lopez"}, origin
        ),
        SourceRow(
            Entity.PERSON, {"email": "bo.chen@client.example", "full_name": "Bo Chen"}, origin
        ),
        SourceRow(
            Entity.PERSON, {"email": "carla@client.example", "full_name": "Carla Diaz"}, origin
        ),
        SourceRow(Entity.PERSON, {"email": "dave@partner.example"}, origin),
    ]


def test_a_declined_attendee_is_not_a_recipient(calendar: Path) -> None:
    first = _rows(_read(calendar), Entity.INTERACTION)[0]

    assert "carla@client.example" not in first.fields["to_emails"].split(";")


def test_an_all_day_event_runs_from_midnight_utc_to_the_next_midnight(calendar: Path) -> None:
    meetings = _rows(_read(calendar), Entity.INTERACTION)

    assert meetings[1] == SourceRow(
        Entity.INTERACTION,
        {
            "interaction_id": "allday-1",
            "kind": "meeting",
            "occurred_at": "2025-07-04T00:00:00+00:00",
            "ended_at": "2025-07-05T00:00:00+00:00",
            "subject": "Company offsite",
        },
        Origin(str(calendar), 40, "allday-1"),
    )


def test_a_weekly_event_is_one_meeting_per_occurrence_without_its_exdate_and_override(
    calendar: Path,
) -> None:
    weekly = [row for row in _rows(_read(calendar), Entity.INTERACTION) if row.origin.line == 46]

    shared = {
        "kind": "meeting",
        "from_email": "bo.chen@client.example",
        "to_emails": "ana.lopez@acme.example",
        "subject": "Weekly sync",
    }
    starts = [("2025-03-17T09:00:00", "09:30"), ("2025-04-07T08:00:00", "08:30")]
    starts.append(("2025-04-14T08:00:00", "08:30"))
    assert [dict(row.fields) for row in weekly] == [
        {
            "interaction_id": f"weekly-1#{start}+00:00",
            "occurred_at": f"{start}+00:00",
            "ended_at": f"{start[:11]}{end}:00+00:00",
            **shared,
        }
        for start, end in starts
    ]
    assert {row.origin for row in weekly} == {Origin(str(calendar), 46, "weekly-1")}


def test_an_event_with_a_recurrence_id_replaces_that_occurrence(calendar: Path) -> None:
    moved = [row for row in _rows(_read(calendar), Entity.INTERACTION) if row.origin.line == 56]

    assert moved == [
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "weekly-1#2025-03-31T08:00:00+00:00",
                "kind": "meeting",
                "occurred_at": "2025-04-01T13:00:00+00:00",
                "ended_at": "2025-04-01T13:30:00+00:00",
                "from_email": "bo.chen@client.example",
                "to_emails": "ana.lopez@acme.example",
                "subject": "Weekly sync (moved)",
            },
            Origin(str(calendar), 56, "weekly-1"),
        )
    ]


def test_a_cancelled_event_gives_no_row_and_no_problem(calendar: Path) -> None:
    items = _read(calendar)

    assert [item for item in items if item.origin.line == 65] == []


def test_an_event_without_dtstart_or_uid_is_a_problem(calendar: Path) -> None:
    problems = [item for item in _read(calendar) if isinstance(item, SourceProblem)]

    assert problems == [
        SourceProblem(Origin(str(calendar), 72, "no-start"), "event has no DTSTART", "DTSTART"),
        SourceProblem(Origin(str(calendar), 76), "event has no UID", "UID"),
    ]


def test_the_whole_export_reads_to_these_counts(calendar: Path) -> None:
    items = _read(calendar)

    assert len(_rows(items, Entity.PERSON)) == 4 + 2 + 2
    assert len(_rows(items, Entity.INTERACTION)) == 1 + 1 + 3 + 1
    assert len(items) == 8 + 6 + 2


def test_bodies_are_absent_by_default_and_present_with_include_bodies(calendar: Path) -> None:
    plain = _rows(_read(calendar), Entity.INTERACTION)[0]
    with_bodies = _rows(_read(calendar, ReadOptions(include_bodies=True)), Entity.INTERACTION)[0]

    assert "body" not in plain.fields
    assert with_bodies.fields["body"] == "Agenda: numbers, pipeline, hiring."
    assert {k: v for k, v in with_bodies.fields.items() if k != "body"} == plain.fields


def test_a_recurring_event_stops_at_the_cap_and_says_so(tmp_path: Path) -> None:
    lines = ["UID:daily-1", "DTSTART:20200101T080000Z", "RRULE:FREQ=DAILY", "SUMMARY:Standup"]
    path = _write(tmp_path / "daily.ics", _event(lines))

    items = _read(path)

    meetings = _rows(items, Entity.INTERACTION)
    assert len(meetings) == MAX_OCCURRENCES
    assert meetings[0].fields["interaction_id"] == "daily-1#2020-01-01T08:00:00+00:00"
    assert meetings[-1].fields["interaction_id"] == "daily-1#2021-05-14T08:00:00+00:00"
    assert items[-1] == SourceProblem(
        Origin(str(path), 3, "daily-1"),
        "more than 500 occurrences: only the first ones are read",
        "RRULE",
        row_kept=True,
    )


def test_a_recurring_event_never_goes_past_now(tmp_path: Path) -> None:
    start = (datetime.now(UTC) - timedelta(days=20)).replace(microsecond=0)
    lines = ["UID:w-2", f"DTSTART:{start:%Y%m%dT%H%M%SZ}", "RRULE:FREQ=WEEKLY", "SUMMARY:1:1"]
    path = _write(tmp_path / "weekly.ics", _event(lines))

    meetings = _rows(_read(path), Entity.INTERACTION)

    expected = [start + timedelta(days=days) for days in (0, 7, 14)]
    assert [row.fields["occurred_at"] for row in meetings] == [m.isoformat() for m in expected]


def test_an_unknown_time_zone_is_read_as_utc_and_reported(tmp_path: Path) -> None:
    lines = ["UID:mars-1", "DTSTART;TZID=Mars/Olympus_Mons:20250301T120000", "SUMMARY:Landing"]
    path = _write(tmp_path / "mars.ics", _event(lines))

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 3, "mars-1"),
            "unknown time zone 'Mars/Olympus_Mons': its times are read as UTC",
            "DTSTART",
            "Mars/Olympus_Mons",
            row_kept=True,
        ),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "mars-1",
                "kind": "meeting",
                "occurred_at": "2025-03-01T12:00:00+00:00",
                "ended_at": "2025-03-01T12:00:00+00:00",
                "subject": "Landing",
            },
            Origin(str(path), 3, "mars-1"),
        ),
    ]


def test_an_event_missing_its_end_is_reported_and_the_next_event_still_comes_through(
    tmp_path: Path,
) -> None:
    lines = ["UID:cut-1", "DTSTART:20250301T120000Z", "BEGIN:VEVENT", "UID:ok-1"]
    path = _write(tmp_path / "cut.ics", _event([*lines, "DTSTART:20250302T120000Z"]))

    assert _read(path) == [
        SourceProblem(
            Origin(str(path), 3), "VEVENT is broken: no END:VEVENT before the next BEGIN:VEVENT"
        ),
        SourceRow(
            Entity.INTERACTION,
            {
                "interaction_id": "ok-1",
                "kind": "meeting",
                "occurred_at": "2025-03-02T12:00:00+00:00",
                "ended_at": "2025-03-02T12:00:00+00:00",
            },
            Origin(str(path), 6, "ok-1"),
        ),
    ]


def test_a_file_without_events_is_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.ics", ["BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR"])

    assert _read(path) == [
        SourceProblem(Origin(str(path), 1), "no event in the file (no BEGIN:VEVENT line)")
    ]
