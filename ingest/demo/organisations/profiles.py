"""The generator's working records: companies and people with their hidden attributes.

A profile wraps the public model record with what the generator knows but a CRM would
not show directly: a company's country, brand and planned headcount, a person's true
manager, org depth and start date. Profiles are addressed by their index in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.demo.names.person_names import PersonName
from ingest.demo.organisations.orgchart import Seat
from ingest.demo.organisations.places import City, Country
from ingest.demo.registry import Registry
from schema.enums import EmploymentRole, Seniority
from schema.model import Company, Person

__all__ = [
    "Affiliation",
    "CompanyProfile",
    "PersonProfile",
    "Registries",
    "family_root",
    "rosters",
]


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    """A generated company: its record and the facts behind it."""

    record: Company
    country: Country
    city: City
    brand: str
    suffix: str
    size: int
    parent: int | None = None
    venture: bool = False
    email_pattern: str = "{g}.{f}"
    empty_seats: tuple[str, ...] = ()

    @property
    def chinese(self) -> bool:
        """Whether the company names itself, its staff and titles in Chinese."""
        return self.country.chinese


@dataclass(frozen=True, slots=True)
class PersonProfile:
    """A generated person: the record, the name parts and the true current position."""

    record: Person
    name: PersonName
    company: int
    seat: Seat | None
    manager: int | None
    start_day: int

    @property
    def depth(self) -> int:
        """Org depth of the current seat (0 = top); duplicates count as individual staff."""
        return self.seat.depth if self.seat is not None else 9


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A WORKS_AT tenure other than the current job: a past job, board seat, advisory role."""

    person: int
    company: int
    role: EmploymentRole
    title: str
    department: str | None
    seniority: Seniority
    start_day: int
    end_day: int | None


@dataclass(frozen=True, slots=True)
class Registries:
    """Everything that must stay unique across the data set, case-insensitively."""

    emails: Registry = field(default_factory=Registry)
    phones: Registry = field(default_factory=Registry)
    domains: Registry = field(default_factory=Registry)
    addresses: Registry = field(default_factory=Registry)
    names: Registry = field(default_factory=Registry)


def family_root(companies: Sequence[CompanyProfile], index: int) -> int:
    """Return the index of the top parent of the corporate family of company ``index``."""
    while (parent := companies[index].parent) is not None:
        index = parent
    return index


def rosters(people: Sequence[PersonProfile], company_count: int) -> list[list[int]]:
    """Return, per company, the indices of its current staff in org order (top first)."""
    staff: list[list[int]] = [[] for _ in range(company_count)]
    for index, person in enumerate(people):
        if person.seat is not None:
            staff[person.company].append(index)
    return staff
