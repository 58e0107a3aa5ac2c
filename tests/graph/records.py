"""Small hand-built model records shared by the graph tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from schema.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    Label,
    ParticipantRole,
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
    make_uid,
)
from schema.reading.activity import Knows


def provenance(source_id: str, source: str = "test") -> Provenance:
    return Provenance(source=source, source_id=source_id)


def company(source_id: str, name: str, **fields: Any) -> Company:
    p = provenance(source_id)
    return Company(uid=make_uid(Label.COMPANY, p), name=name, provenance=p, **fields)


def person(source_id: str, name: str, **fields: Any) -> Person:
    p = provenance(source_id)
    return Person(uid=make_uid(Label.PERSON, p), full_name=name, provenance=p, **fields)


def employment(source_id: str, who: Person, where: Company, **fields: Any) -> Employment:
    return Employment(
        person_uid=who.uid, company_uid=where.uid, provenance=provenance(source_id), **fields
    )


def knows(a: str, b: str, strength: float, *, at: datetime) -> Knows:
    """A KNOWS tie between two person uids (stored lower uid first), last seen ``at``."""
    low, high = sorted((a, b))
    return Knows(
        a_uid=low,
        b_uid=high,
        strength=strength,
        count=3,
        first_at=at,
        last_at=at,
        reciprocity=1.0,
        computed_at=at,
    )


def email(source_id: str, sender: Person, *to: Person, at: datetime) -> Interaction:
    p = provenance(source_id)
    parts = (
        Participation(person_uid=sender.uid, role=ParticipantRole.FROM),
        *(Participation(person_uid=r.uid, role=ParticipantRole.TO) for r in to),
    )
    return Interaction(
        uid=make_uid(Label.INTERACTION, p),
        kind=InteractionKind.EMAIL,
        occurred_at=at,
        provenance=p,
        subject=f"mail {source_id}",
        participants=parts,
    )


def meeting(source_id: str, organizer: Person, *attendees: Person, at: datetime) -> Interaction:
    p = provenance(source_id)
    parts = (
        Participation(person_uid=organizer.uid, role=ParticipantRole.ORGANIZER),
        *(Participation(person_uid=a.uid, role=ParticipantRole.ATTENDEE) for a in attendees),
    )
    return Interaction(
        uid=make_uid(Label.INTERACTION, p),
        kind=InteractionKind.MEETING,
        occurred_at=at,
        provenance=p,
        subject=f"meeting {source_id}",
        participants=parts,
    )


ACME = company(
    "c1",
    "Acme Inc",
    domain="acme.com",
    address="1 Main St, Springfield",
    phone="+14155550100",
    industry="Manufacturing",
)
ACME_EU = company("c2", "Acme Europe GmbH", domain="acme.com", address="1 MAIN ST. Springfield")
HOME = company("home", "Relgraph Ltd", domain="relgraph.example", is_home=True)
ANN = person("p1", "Ann Lee", email="ann@acme.com", phone="+14155550100", title="CFO")
BOB = person("p2", "Bob Stone", email="bob@acme.com", title="Buyer")
CAROL = person("p3", "Carol Diaz", email="carol@relgraph.example", is_colleague=True)
ANN_AT_ACME = employment("e1", ANN, ACME, title="CFO", start=date(2020, 1, 1))
ANN_AT_ACME_EU = employment(
    "e2",
    ANN,
    ACME_EU,
    title="Board member",
    role=EmploymentRole.BOARD_MEMBER,
    start=date(2022, 3, 1),
)
BOB_AT_ACME = employment(
    "e3", BOB, ACME, title="Buyer", start=date(2019, 6, 1), end=date(2024, 12, 31)
)
CAROL_AT_HOME = employment("e4", CAROL, HOME, title="Account Executive")
DEAL = Deal(
    uid=make_uid(Label.DEAL, provenance("d1")),
    name="Acme renewal",
    provenance=provenance("d1"),
    company_uid=ACME.uid,
    amount=50_000.0,
    currency="USD",
    stage=DealStage.PROPOSAL,
    probability=0.5,
    close_date=date(2026, 12, 15),
    owner_uid=CAROL.uid,
)
ANN_DECIDES = DealContact(
    deal_uid=DEAL.uid,
    person_uid=ANN.uid,
    role=DealContactRole.DECISION_MAKER,
    provenance=provenance("dc1"),
)
T0 = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
MAIL = email("i1", CAROL, ANN, BOB, at=T0)
MEETING = meeting("i2", CAROL, ANN, at=T0.replace(day=12))
