"""Organisation use cases: job changes and reporting lines, history kept.

Dates default to today (UTC). Dates are inclusive: the job or line that a new one replaces
ends the day before the new one starts.
"""

from __future__ import annotations

from datetime import date

from api.services.commands import validation
from graph.commands.jobs import JobChange, JobCommands, LineChange, LinesClosed, NewJob
from graph.driver import GraphClient
from schema.enums import EmploymentRole, Seniority
from schema.errors import InvalidInput

__all__ = ["OrgCommands"]


class OrgCommands:
    """Who works where, and who reports to whom."""

    def __init__(self, client: GraphClient) -> None:
        self.jobs = JobCommands(client)

    async def change_job(
        self,
        person_uid: str,
        company_uid: str,
        *,
        title: str | None = None,
        department: str | None = None,
        role: EmploymentRole = EmploymentRole.EMPLOYEE,
        seniority: Seniority = Seniority.UNKNOWN,
        start_date: date | None = None,
    ) -> JobChange:
        """Start a job at ``company_uid``; an employee role ends the current one."""
        job = NewJob(
            company_uid=company_uid,
            start=start_date or validation.today(),
            title=validation.title(title, "title"),
            department=validation.title(department, "department"),
            seniority=seniority,
            role=role,
        )
        return await self.jobs.change_job(person_uid, job)

    async def set_reports_to(
        self, person_uid: str, manager_uid: str, *, valid_from: date | None = None
    ) -> LineChange:
        """Make ``manager_uid`` the person's manager from ``valid_from``."""
        if person_uid == manager_uid:
            raise InvalidInput("A person cannot report to themselves.", field="manager_id")
        return await self.jobs.set_reports_to(
            person_uid, manager_uid, valid_from or validation.today()
        )

    async def clear_reports_to(
        self, person_uid: str, *, valid_to: date | None = None
    ) -> LinesClosed:
        """End the person's current reporting lines on ``valid_to``."""
        return await self.jobs.clear_reports_to(person_uid, valid_to or validation.today())
