"""Plain, immutable records of the graph model.

Every record carries its :class:`Provenance`: the source system and the source's own id.
``uid`` is Relgraph's own stable key; it is derived from the provenance with
:func:`make_uid`, so re-importing the same source record always lands on the same node.

The four entities also carry ``version`` (1 when created, +1 on every change through the API;
a node written only by an import counts as version 1) and ``deleted_at`` (set by a soft
delete; readers hide such nodes).

Examples
--------
>>> make_uid(Label.COMPANY, Provenance(source="demo", source_id="c-1"))
'company:demo:c-1'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from schema.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    Label,
    LineSource,
    ParticipantRole,
    Seniority,
)

__all__ = [
    "AccountOwnership",
    "Company",
    "Deal",
    "DealContact",
    "Employment",
    "Interaction",
    "Participation",
    "Person",
    "Provenance",
    "ReportingLine",
    "StageChange",
    "Subsidiary",
    "make_uid",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a node or relationship came from: the source system and its own id."""

    source: str
    source_id: str


def make_uid(label: Label, provenance: Provenance) -> str:
    """Return the stable Relgraph key of a record of ``label`` from ``provenance``."""
    return f"{label.value.lower()}:{provenance.source}:{provenance.source_id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Company:
    """An organisation: a customer account, a prospect, or our own (``is_home``)."""

    uid: str
    name: str
    provenance: Provenance
    domain: str | None = None
    industry: str | None = None
    address: str | None = None
    phone: str | None = None
    is_home: bool = False
    version: int = 1
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A contact, or one of our colleagues (``is_colleague``).

    ``title``, ``department`` and ``seniority`` describe the current main job; the history is
    in :class:`Employment` records. ``alternate_emails`` are the emails of people merged into
    this one (``email`` is unique to a node, so it cannot move).
    """

    uid: str
    full_name: str
    provenance: Provenance
    email: str | None = None
    phone: str | None = None
    title: str | None = None
    department: str | None = None
    seniority: Seniority = Seniority.UNKNOWN
    is_colleague: bool = False
    alternate_emails: tuple[str, ...] = ()
    version: int = 1
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Employment:
    """A WORKS_AT edge: a person's tenure at a company. ``end`` is None while current."""

    person_uid: str
    company_uid: str
    provenance: Provenance
    title: str | None = None
    department: str | None = None
    seniority: Seniority = Seniority.UNKNOWN
    role: EmploymentRole = EmploymentRole.EMPLOYEE
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportingLine:
    """A REPORTS_TO edge from a person to their manager, valid over a period."""

    person_uid: str
    manager_uid: str
    provenance: Provenance
    valid_from: date | None = None
    valid_to: date | None = None
    kind: LineSource = LineSource.EXPLICIT
    confidence: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Subsidiary:
    """A SUBSIDIARY_OF edge from a child company to its parent."""

    child_uid: str
    parent_uid: str
    provenance: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountOwnership:
    """An OWNS edge from a colleague to the company account they own."""

    person_uid: str
    company_uid: str
    provenance: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class StageChange:
    """One move of a deal into ``stage`` at ``changed_at`` (from ``from_stage``, if any)."""

    stage: DealStage
    changed_at: datetime
    from_stage: DealStage | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Deal:
    """An opportunity with a company, owned by a colleague."""

    uid: str
    name: str
    provenance: Provenance
    company_uid: str | None = None
    amount: float | None = None
    currency: str | None = None
    stage: DealStage = DealStage.PROSPECTING
    probability: float | None = None
    close_date: date | None = None
    owner_uid: str | None = None
    stage_history: tuple[StageChange, ...] = ()
    version: int = 1
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DealContact:
    """An INVOLVED_IN edge: a person's buying-committee role in a deal."""

    deal_uid: str
    person_uid: str
    role: DealContactRole
    provenance: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class Participation:
    """A PARTICIPATED_IN edge: who took part in an interaction, and how."""

    person_uid: str
    role: ParticipantRole


@dataclass(frozen=True, slots=True, kw_only=True)
class Interaction:
    """An email, meeting, call, message, note or support case at a point in time."""

    uid: str
    kind: InteractionKind
    occurred_at: datetime
    provenance: Provenance
    subject: str | None = None
    deal_uid: str | None = None
    participants: tuple[Participation, ...] = field(default_factory=tuple)
    version: int = 1
    deleted_at: datetime | None = None
