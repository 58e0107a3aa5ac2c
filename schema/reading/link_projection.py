"""What the graph holds for hidden account links: companies, the people who connect them,
shared identifiers, corporate family edges, stored duplicate candidates and KNOWS ties
between companies, as read by ``graph.reading.link_projection`` (the service builds the
algorithm's graph from these)."""

from __future__ import annotations

from dataclasses import dataclass

from schema.enums import Label
from schema.model import Employment

__all__ = [
    "CompanyNetwork",
    "CompanyTies",
    "DuplicateCandidate",
    "IdentifierGroup",
    "PersonPlace",
    "ProjectedCompany",
    "ProjectedPerson",
    "SubsidiaryEdge",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectedCompany:
    """A company of the projection. ``name`` is None when only its uid was read (then so are
    ``name_key`` and ``legal_form``); ``neighbour_count`` is set when the projection read
    only some of its interaction neighbours."""

    uid: str
    name: str | None = None
    name_key: str | None = None  # the stored normalised name, or one made from the name
    legal_form: str | None = None
    is_home: bool = False
    neighbour_count: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonPlace:
    """A company where a person holds or held a place, with every tenure there."""

    company_uid: str
    tenures: tuple[Employment, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectedPerson:
    """A person who connects companies, with their places (by company uid)."""

    uid: str
    name: str | None
    places: tuple[PersonPlace, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentifierGroup:
    """A domain, address or phone and the companies read on it; ``shared_by`` counts every
    company that holds it (more than ``holder_uids`` when capped); ``common`` marks a
    free-mail domain."""

    label: Label
    key: str
    value: str
    shared_by: int
    common: bool
    holder_uids: tuple[str, ...]

    @property
    def node_id(self) -> str:
        """The identifier's id among the companies and people: ``"Domain:acme.com"``."""
        return f"{self.label.value}:{self.key}"


@dataclass(frozen=True, slots=True, kw_only=True)
class SubsidiaryEdge:
    """``child_uid`` SUBSIDIARY_OF ``parent_uid``."""

    child_uid: str
    parent_uid: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateCandidate:
    """A stored POSSIBLE_DUPLICATE pair: the best score, whether any review dismissed it,
    and the reasons of an open one."""

    a_uid: str
    b_uid: str
    score: float
    dismissed: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyTies:
    """KNOWS ties between the current people of two companies: how many, summed strength."""

    a_uid: str
    b_uid: str
    ties: int
    strength: float


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyNetwork:
    """One company's bounded neighbourhood, or the company-level evidence of the whole
    graph. Every sequence is in a canonical order (by uid, then by what else a record
    holds), whatever order the reads found the records in; a person is there once (their
    places merged, the last read of a place winning)."""

    companies: tuple[ProjectedCompany, ...]
    people: tuple[ProjectedPerson, ...] = ()
    identifiers: tuple[IdentifierGroup, ...] = ()
    family: tuple[SubsidiaryEdge, ...] = ()
    candidates: tuple[DuplicateCandidate, ...] = ()
    ties: tuple[CompanyTies, ...] = ()
