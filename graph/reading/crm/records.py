"""Turn Neo4j property maps into model records (temporal values become Python's)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from neo4j.time import Date, DateTime

from schema.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    LineSource,
    ParticipantRole,
    Seniority,
)
from schema.model import (
    Company,
    Deal,
    DealContact,
    Employment,
    Interaction,
    Participation,
    Person,
    Provenance,
    ReportingLine,
    StageChange,
)

__all__ = [
    "company_from",
    "deal_contact_from",
    "deal_from",
    "employment_from",
    "interaction_from",
    "native",
    "participation_from",
    "person_from",
    "reporting_line_from",
    "stage_history_from",
]

Props = dict[str, Any]


def native(value: Any) -> Any:
    """Neo4j Date/DateTime to Python's; anything else unchanged."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    return value


def _date(value: Any) -> date | None:
    converted = native(value)
    return converted if isinstance(converted, date) else None


def _datetime(value: Any) -> datetime | None:
    converted = native(value)
    return converted if isinstance(converted, datetime) else None


def _version(props: Props) -> int:
    # Nodes written only by an import have no version yet: they count as version 1.
    return int(props.get("version") or 1)


def stage_history_from(props: Props) -> tuple[StageChange, ...]:
    """A deal's stage changes, oldest first, from its parallel ``stage_history`` and
    ``stage_changed_at`` list properties (absent on deals never moved through the API)."""
    stages = props.get("stage_history") or []
    times = props.get("stage_changed_at") or []
    changes: list[StageChange] = []
    previous: DealStage | None = None
    for stage, at in zip(stages, times, strict=False):
        current = DealStage(stage)
        changes.append(StageChange(stage=current, changed_at=native(at), from_stage=previous))
        previous = current
    return tuple(changes)


def _provenance(props: Props) -> Provenance:
    return Provenance(
        source=str(props.get("source", "")), source_id=str(props.get("source_id", ""))
    )


def company_from(props: Props) -> Company:
    """A Company from its node's properties."""
    return Company(
        uid=props["uid"],
        name=props.get("name") or "",
        provenance=_provenance(props),
        domain=props.get("domain"),
        industry=props.get("industry"),
        address=props.get("address"),
        phone=props.get("phone"),
        is_home=bool(props.get("is_home", False)),
        version=_version(props),
        deleted_at=_datetime(props.get("deleted_at")),
    )


def person_from(props: Props) -> Person:
    """A Person from its node's properties."""
    return Person(
        uid=props["uid"],
        full_name=props.get("full_name") or "",
        provenance=_provenance(props),
        email=props.get("email"),
        phone=props.get("phone"),
        title=props.get("title"),
        department=props.get("department"),
        seniority=Seniority(props.get("seniority") or Seniority.UNKNOWN),
        is_colleague=bool(props.get("is_colleague", False)),
        alternate_emails=tuple(props.get("alternate_emails") or ()),
        version=_version(props),
        deleted_at=_datetime(props.get("deleted_at")),
    )


def deal_from(props: Props, *, company_uid: str | None, owner_uid: str | None) -> Deal:
    """A Deal from its node's properties and its FOR / OWNS neighbours."""
    amount = props.get("amount")
    return Deal(
        uid=props["uid"],
        name=props.get("name") or "",
        provenance=_provenance(props),
        company_uid=company_uid,
        amount=float(amount) if amount is not None else None,
        currency=props.get("currency"),
        stage=DealStage(props.get("stage") or DealStage.PROSPECTING),
        probability=props.get("probability"),
        close_date=_date(props.get("close_date")),
        owner_uid=owner_uid,
        stage_history=stage_history_from(props),
        version=_version(props),
        deleted_at=_datetime(props.get("deleted_at")),
    )


def interaction_from(props: Props, *, deal_uid: str | None) -> Interaction:
    """An Interaction (without participants: those load separately)."""
    occurred: datetime = native(props["occurred_at"])
    return Interaction(
        uid=props["uid"],
        kind=InteractionKind(props["kind"]),
        occurred_at=occurred,
        provenance=_provenance(props),
        subject=props.get("subject"),
        deal_uid=deal_uid,
        version=_version(props),
        deleted_at=_datetime(props.get("deleted_at")),
    )


def employment_from(props: Props, *, person_uid: str, company_uid: str) -> Employment:
    """An Employment from a WORKS_AT edge's properties."""
    return Employment(
        person_uid=person_uid,
        company_uid=company_uid,
        provenance=_provenance(props),
        title=props.get("title"),
        department=props.get("department"),
        seniority=Seniority(props.get("seniority") or Seniority.UNKNOWN),
        role=EmploymentRole(props.get("role") or EmploymentRole.EMPLOYEE),
        start=_date(props.get("start")),
        end=_date(props.get("end")),
    )


def reporting_line_from(props: Props, *, person_uid: str, manager_uid: str) -> ReportingLine:
    """A ReportingLine from a REPORTS_TO edge's properties."""
    return ReportingLine(
        person_uid=person_uid,
        manager_uid=manager_uid,
        provenance=_provenance(props),
        valid_from=_date(props.get("valid_from")),
        valid_to=_date(props.get("valid_to")),
        kind=LineSource(props.get("kind") or LineSource.EXPLICIT),
        confidence=float(props.get("confidence", 1.0)),
    )


def deal_contact_from(props: Props, *, deal_uid: str, person_uid: str) -> DealContact:
    """A DealContact from an INVOLVED_IN edge's properties."""
    return DealContact(
        deal_uid=deal_uid,
        person_uid=person_uid,
        role=DealContactRole(props["role"]),
        provenance=_provenance(props),
    )


def participation_from(props: Props, *, person_uid: str) -> Participation:
    """A Participation from a PARTICIPATED_IN edge's properties."""
    return Participation(person_uid=person_uid, role=ParticipantRole(props["role"]))
