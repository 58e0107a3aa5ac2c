"""Job changes and reporting lines: history is kept, current edges are closed, never deleted.

Dates are inclusive, so what a new job or line replaces ends the day before it starts.

A job change touches the person, the new company and the companies of the jobs it ended; a
reporting-line change touches the person, the new manager and the managers of the lines it
closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from graph.commands.outcome import new_provenance, run_command
from graph.driver import GraphClient, Record
from graph.queries.commands import jobs as queries
from graph.reading.crm.records import employment_from, person_from, reporting_line_from
from graph.writing.rows import relationship_uid
from schema.changes import Touched, touched
from schema.enums import EmploymentRole, LineSource, Seniority
from schema.model import Employment, Person, ReportingLine

__all__ = ["JobChange", "JobCommands", "LineChange", "LinesClosed", "NewJob"]


@dataclass(frozen=True, slots=True)
class JobChange:
    """The person after a job change, the new employment and the ones it ended."""

    person: Person
    employment: Employment
    ended: tuple[Employment, ...]


@dataclass(frozen=True, slots=True)
class LineChange:
    """The person, their current line, the lines that were closed, and whether anything
    changed (setting the current manager again changes nothing)."""

    person: Person
    line: ReportingLine
    ended: tuple[ReportingLine, ...]
    changed: bool = True


@dataclass(frozen=True, slots=True)
class LinesClosed:
    """The person and the lines that were closed."""

    person: Person
    ended: tuple[ReportingLine, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class NewJob:
    """What :meth:`JobCommands.change_job` starts."""

    company_uid: str
    start: date
    title: str | None = None
    department: str | None = None
    seniority: Seniority = Seniority.UNKNOWN
    role: EmploymentRole = EmploymentRole.EMPLOYEE


class JobCommands:
    """Change jobs and reporting lines of people."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def change_job(self, person_uid: str, job: NewJob) -> JobChange:
        """Start ``job``; an employee role first ends the current employee-role jobs on the
        day before ``job.start`` and becomes the person's denormalised title and department.
        """
        provenance = new_provenance()
        employee = job.role is EmploymentRole.EMPLOYEE
        props = {
            "title": job.title,
            "department": job.department,
            "seniority": str(job.seniority),
            "role": str(job.role),
            "start": job.start,
            "end": None,
            "source": provenance.source,
            "source_id": provenance.source_id,
        }
        row = await run_command(
            self.client,
            queries.CHANGE_JOB,
            {
                "person_uid": person_uid,
                "company_uid": job.company_uid,
                "uid": relationship_uid("works_at", provenance),
                "props": props,
                "ends_current": employee,
                "end": job.start - timedelta(days=1),
                "person_props": {k: props[k] for k in ("title", "department", "seniority")},
            },
            touches=lambda row, _: touched(
                people=[person_uid],
                companies=[job.company_uid, *(e["company_uid"] for e in row["ended"])],
            ),
        )
        ended = tuple(
            employment_from(e["props"], person_uid=person_uid, company_uid=e["company_uid"])
            for e in row["ended"]
        )
        employment = employment_from(row["job"], person_uid=person_uid, company_uid=job.company_uid)
        return JobChange(person_from(row["props"]), employment, ended)

    async def set_reports_to(
        self, person_uid: str, manager_uid: str, valid_from: date
    ) -> LineChange:
        """Close the person's current lines the day before ``valid_from`` and start an
        explicit line to ``manager_uid`` (nothing changes if that is the current line)."""
        provenance = new_provenance()
        props = {
            "valid_from": valid_from,
            "valid_to": None,
            "kind": str(LineSource.EXPLICIT),
            "confidence": 1.0,
            "source": provenance.source,
            "source_id": provenance.source_id,
        }
        row = await run_command(
            self.client,
            queries.SET_REPORTS_TO,
            {
                "person_uid": person_uid,
                "manager_uid": manager_uid,
                "valid_from": valid_from,
                "close_on": valid_from - timedelta(days=1),
                "uid": relationship_uid("reports_to", provenance),
                "props": props,
            },
            touches=lambda row, _: _line_touches(row, person_uid, manager_uid),
        )
        line = reporting_line_from(row["line"], person_uid=person_uid, manager_uid=manager_uid)
        ended = _lines(person_uid, row["ended"])
        return LineChange(person_from(row["props"]), line, ended, row["status"] == "ok")

    async def clear_reports_to(self, person_uid: str, valid_to: date) -> LinesClosed:
        """End every current line of the person on ``valid_to`` (their last day)."""
        row = await run_command(
            self.client,
            queries.CLEAR_REPORTS_TO,
            {"person_uid": person_uid, "valid_to": valid_to},
            touches=lambda row, _: _line_touches(row, person_uid),
        )
        return LinesClosed(person_from(row["props"]), _lines(person_uid, row["ended"]))


def _line_touches(row: Record, *people: str) -> Touched:
    return touched(people=[*people, *(r["manager_uid"] for r in row["ended"])])


def _lines(person_uid: str, rows: list[Record]) -> tuple[ReportingLine, ...]:
    return tuple(
        reporting_line_from(r["props"], person_uid=person_uid, manager_uid=r["manager_uid"])
        for r in rows
    )
