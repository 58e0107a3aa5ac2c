"""Turn the projection's bulk-read lists (:mod:`graph.projection.queries`) into the store's
rows: times arrive as epoch microseconds, dates as ISO text.

>>> knows_row("a", "b", 0.5, 3, 1_700_000_000_000_000).last_at.isoformat()
'2023-11-14T22:13:20+00:00'
>>> day("2024-02-29"), day(None), day("+10000-01-01")
(datetime.date(2024, 2, 29), None, None)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph.projection.interactions import Participation
from graph.projection.records import (
    CompanyRow,
    ConnectionRow,
    DealRow,
    JobRow,
    KnowsRow,
    LineRow,
    PersonRow,
)
from graph.reading.crm.records import employment_from

__all__ = [
    "InteractionRow",
    "company_row",
    "connection_row",
    "day",
    "deal_row",
    "interaction_row",
    "job_row",
    "knows_row",
    "line_row",
    "moment",
    "person_row",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

InteractionRow = tuple[str, float, str | None, bool, list[Participation]]
"""uid, time in epoch seconds (NaN when unknown), kind, live, participants."""


def day(text: str | None) -> date | None:
    """A date (or the date of a date-time) written as ISO text; None when absent or outside
    what Python's dates hold."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def moment(micros: int | None) -> datetime | None:
    """A UTC date-time from epoch microseconds."""
    return None if micros is None else _EPOCH + timedelta(microseconds=micros)


def person_row(row: Sequence[Any], index: int) -> PersonRow:
    uid, element_id, name, colleague, title, department, seniority, live = row
    return PersonRow(
        uid=uid,
        index=index,
        id=element_id,
        name=name,
        colleague=bool(colleague),
        title=title,
        department=department,
        seniority=seniority,
        live=bool(live),
    )


def company_row(row: Sequence[Any]) -> CompanyRow:
    uid, name, home, undeleted, live, on_record = row[:6]
    return CompanyRow(
        uid=uid,
        name=name,
        home=bool(home),
        undeleted=bool(undeleted),
        live=bool(live),
        on_record=int(on_record),
    )


def job_row(person: str, row: Sequence[Any]) -> JobRow:
    company, title, department, seniority, role, source, source_id, start, end = row
    props = {
        "title": title,
        "department": department,
        "seniority": seniority,
        "role": role,
        "start": day(start),
        "end": day(end),
    }
    if source is not None:
        props["source"] = source
    if source_id is not None:
        props["source_id"] = source_id
    return JobRow(
        person=person,
        company=company,
        employment=employment_from(props, person_uid=person, company_uid=company),
        raw_role=role,
        raw_seniority=seniority,
        raw_title=title,
    )


def knows_row(a: str, b: str, strength: Any, count: Any, last_at: int | None) -> KnowsRow:
    return KnowsRow(
        a=a,
        b=b,
        strength=None if strength is None else float(strength),
        count=None if count is None else int(count),
        last_at=moment(last_at),
    )


def connection_row(a: str, b: str, since: str | None, kind: Any, source: Any) -> ConnectionRow:
    return ConnectionRow(a=a, b=b, since=day(since), kind=kind, source=source)


def line_row(
    person: str, manager: str, kind: Any, valid_from: str | None, valid_to: str | None
) -> LineRow:
    return LineRow(
        person=person,
        manager=manager,
        kind=kind,
        valid_from=day(valid_from),
        valid_to=day(valid_to),
    )


def deal_row(row: Sequence[Any]) -> DealRow:
    uid, stage, close_date, live, companies, roles = row
    return DealRow(
        uid=uid,
        stage=stage,
        close_date=day(close_date),
        live=bool(live),
        companies=tuple(companies),
        roles=tuple((person, role) for person, role in roles),
    )


def interaction_row(row: Sequence[Any], index_of: Callable[[str], int]) -> InteractionRow:
    uid, micros, kind, live, participants = row
    at = float("nan") if micros is None else micros / 1_000_000
    return uid, at, kind, bool(live), [(index_of(p), role) for p, role in participants]
