"""What the graph holds about one account on a date: its people, what is known between them,
its family of companies, its deals' committees and our colleagues' ties to its people.

:class:`OrgProjection` is what :class:`graph.reading.org.OrgReader` reads for org charts and
decision-makers; :class:`DealCommittee` and :class:`ColleaguePaths` are what
:class:`graph.reading.committee.CommitteeReader` reads for buying committees. All are plain
records: the services turn them into the graphs the algorithms take.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schema.enums import DealContactRole, DealStage, Department, Seniority
from schema.model import Employment

__all__ = [
    "ColleaguePath",
    "ColleaguePaths",
    "DealCommittee",
    "DealRole",
    "FamilyCompany",
    "InteractionPattern",
    "KnowsTie",
    "OrgPerson",
    "OrgProjection",
    "ReportingLine",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class FamilyCompany:
    """A company of a projected family: ``parent`` is the company it is a subsidiary of
    (None for the account itself, whose own parent is not projected)."""

    uid: str
    name: str
    parent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgPerson:
    """An employee on the day, with the job held that day (one job: the latest started).

    ``title`` and ``department_text`` are the job's (the person's own when the current job
    does not say); ``department`` and ``seniority`` are read from them when the job does not
    give a seniority; ``colleague`` is true for our own people.
    """

    uid: str
    company: str
    name: str
    title: str | None
    department_text: str | None
    department: Department | None
    seniority: Seniority
    colleague: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportingLine:
    """An explicit line valid on the day: ``person`` reports to ``manager``, both projected."""

    person: str
    manager: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionPattern:
    """What ``a`` did with ``b`` in the window: interactions both took part in, of them
    meetings, meetings ``b`` organised that ``a`` attended, and mails ``a`` sent or received
    with ``b`` on copy."""

    a: str
    b: str
    interactions: int
    meetings: int = 0
    organised: int = 0
    copied: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowsTie:
    """A KNOWS edge between two projected people (it holds both ways)."""

    a: str
    b: str
    strength: float


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgProjection:
    """One account (``family[0]``, then its subsidiaries, nearest first) on ``as_of``.

    ``people`` are the employees (by uid), ``lines`` the explicit reports-to lines among
    them, ``interactions`` the patterns of the window before the day (per ordered pair),
    ``ties`` their KNOWS ties; ``affiliates`` are the board members, advisors and
    investors; ``truncated`` says the node cap cut people off.
    """

    company_uid: str
    family: tuple[FamilyCompany, ...]
    as_of: date
    people: tuple[OrgPerson, ...]
    lines: tuple[ReportingLine, ...] = ()
    interactions: tuple[InteractionPattern, ...] = ()
    ties: tuple[KnowsTie, ...] = ()
    affiliates: tuple[Employment, ...]
    truncated: bool

    @property
    def companies(self) -> tuple[str, ...]:
        """The uids of the family, the account first."""
        return tuple(c.uid for c in self.family)

    @property
    def parents(self) -> dict[str, str]:
        """Each subsidiary's parent company, both in the family."""
        uids = set(self.companies)
        return {c.uid: c.parent for c in self.family if c.parent in uids}

    @property
    def company_names(self) -> dict[str, str]:
        """The name of each company of the family."""
        return {c.uid: c.name for c in self.family}

    def people_by_uid(self) -> dict[str, OrgPerson]:
        """The projected people by uid."""
        return {p.uid: p for p in self.people}


@dataclass(frozen=True, slots=True, kw_only=True)
class DealRole:
    """A person's role in a deal with the account."""

    person_uid: str
    deal_uid: str
    role: DealContactRole
    stage: DealStage
    close_date: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DealCommittee:
    """A deal, the company it is with, and its INVOLVED_IN roles."""

    deal_uid: str
    name: str
    stage: DealStage
    amount: float | None
    currency: str | None = None
    company_uid: str | None
    members: tuple[tuple[str, DealContactRole], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ColleaguePath:
    """A colleague's KNOWS path to ``target``: directly (``via`` None, ``strength`` the
    tie's), or through ``via`` (``strength`` colleague to ``via``, ``via_strength`` ``via``
    to the target)."""

    target: str
    colleague: str
    via: str | None
    strength: float
    via_strength: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ColleaguePaths:
    """Our colleagues' paths of one or two hops to ``targets``, strongest first per target."""

    targets: tuple[str, ...]
    paths: tuple[ColleaguePath, ...]
