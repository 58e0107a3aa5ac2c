"""The rows the resident projection keeps per record: small slotted records, one per person,
company, job, tie, line and deal (interactions live in :mod:`graph.projection.interactions`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from schema.enums import EmploymentRole
from schema.model import Employment

__all__ = ["CompanyRow", "ConnectionRow", "DealRow", "JobRow", "KnowsRow", "LineRow", "PersonRow"]


@dataclass(slots=True, kw_only=True)
class PersonRow:
    """A person as the readers filter and describe them; ``index`` is their position in the
    interaction table, ``id`` their element id (the per-request reads' tie-breaker)."""

    uid: str
    index: int
    id: str
    name: str | None
    colleague: bool
    title: str | None
    department: str | None
    seniority: str | None
    live: bool


@dataclass(slots=True, kw_only=True)
class CompanyRow:
    """A company: ``undeleted`` ignores merges (as some reads do), ``on_record`` counts every
    WORKS_AT of it, current and former, live people or not."""

    uid: str
    name: str | None
    home: bool
    undeleted: bool
    live: bool
    on_record: int


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRow:
    """A WORKS_AT edge: the employment as the model reads it, and its raw role."""

    person: str
    company: str
    employment: Employment
    raw_role: str | None
    raw_seniority: str | None
    raw_title: str | None

    @property
    def start(self) -> date | None:
        return self.employment.start

    @property
    def end(self) -> date | None:
        return self.employment.end

    @property
    def is_employee(self) -> bool:
        return self.employment.role is EmploymentRole.EMPLOYEE


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowsRow:
    """A KNOWS edge as stored (from ``a`` to ``b``)."""

    a: str
    b: str
    strength: float | None
    count: int | None
    last_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectionRow:
    """A CONNECTED_TO edge as stored (from ``a`` to ``b``)."""

    a: str
    b: str
    since: date | None
    kind: str | None
    source: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class LineRow:
    """A REPORTS_TO edge: ``person`` reports to ``manager``."""

    person: str
    manager: str
    kind: str | None
    valid_from: date | None
    valid_to: date | None


@dataclass(slots=True, kw_only=True)
class DealRow:
    """A deal: its stage, close date, companies (FOR) and people's roles (INVOLVED_IN)."""

    uid: str
    stage: str | None
    close_date: date | None
    live: bool
    companies: tuple[str, ...]
    roles: tuple[tuple[str, str | None], ...]
