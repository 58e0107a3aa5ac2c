"""A small account family for org-chart tests: people who joined, left and have not started
yet, lines that changed, a board member, interactions and KNOWS ties, a deal.

On ``AS_OF`` (2026-06-01) Initech employs Grace (CEO), Frank (CFO), Ann (accountant, an
explicit line to Frank since 2022, to Grace before), Raj (engineering manager, no line)
and Dev (engineer, no line); Leo left at the end of 2024, Fay starts in 2027, Del was
deleted; Bea sits on the board. Initech Europe (a subsidiary) and Initech Berlin (its
subsidiary) have one person each. Carol and Sam are our colleagues.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from graph.driver import GraphClient
from graph.reading.activity import KnowsWriter
from graph.writing.writers import GraphWriter
from schema.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    Label,
    ParticipantRole,
)
from schema.model import (
    Deal,
    DealContact,
    Interaction,
    Participation,
    ReportingLine,
    Subsidiary,
    make_uid,
)
from tests.graph.records import company, email, employment, knows, meeting, person, provenance

AS_OF = date(2026, 6, 1)
NOON = datetime(2026, 5, 20, 12, tzinfo=UTC)

INITECH = company("oc1", "Initech", domain="initech.example")
INITECH_EU = company("oc2", "Initech Europe")
INITECH_DE = company("oc3", "Initech Berlin")
HOME = company("ohome", "Relgraph Ltd", is_home=True)

GRACE = person("op1", "Grace Hopper", title="CEO")
FRANK = person("op2", "Frank Fin", title="Chief Financial Officer")
ANN = person("op3", "Ann Count", title="Accountant")
RAJ = person("op4", "Raj Lead", title="Engineering Manager")
DEV = person("op5", "Dev Coder", title="Software Engineer")
LEO = person("op6", "Leo Left", title="Controller")
FAY = person("op7", "Fay Future", title="Financial Analyst")
DEL = person("op8", "Del Eted", title="VP Sales")
BEA = person("op9", "Bea Board", title="Board Member")
EVA = person("op10", "Eva Euro", title="Managing Director")
BERT = person("op11", "Bert Berlin", title="Managing Director")
CAROL = person("op12", "Carol Diaz", is_colleague=True, title="Account Executive")
SAM = person("op13", "Sam Seller", is_colleague=True, title="Sales Manager")
PEOPLE = [GRACE, FRANK, ANN, RAJ, DEV, LEO, FAY, DEL, BEA, EVA, BERT, CAROL, SAM]

JOBS = [
    employment("oe1", GRACE, INITECH, title="CEO", start=date(2015, 1, 1)),
    employment("oe2", FRANK, INITECH, title="Chief Financial Officer", start=date(2018, 1, 1)),
    employment("oe3", ANN, INITECH, title="Accountant", start=date(2020, 1, 1)),
    employment(
        "oe4", RAJ, INITECH, title="Engineering Manager", department="R&D", start=date(2021, 1, 1)
    ),
    employment("oe5", DEV, INITECH, title="Software Engineer", start=date(2022, 1, 1)),
    employment(
        "oe6", LEO, INITECH, title="Controller", start=date(2018, 1, 1), end=date(2024, 12, 31)
    ),
    employment("oe7", FAY, INITECH, title="Financial Analyst", start=date(2027, 1, 1)),
    employment("oe8", DEL, INITECH, title="VP Sales", start=date(2019, 1, 1)),
    employment(
        "oe9",
        BEA,
        INITECH,
        title="Board Member",
        role=EmploymentRole.BOARD_MEMBER,
        start=date(2020, 1, 1),
    ),
    employment("oe10", EVA, INITECH_EU, title="Managing Director", start=date(2019, 1, 1)),
    employment("oe11", BERT, INITECH_DE, title="Managing Director", start=date(2019, 1, 1)),
    employment("oe12", CAROL, HOME, title="Account Executive", start=date(2020, 1, 1)),
    employment("oe13", SAM, HOME, title="Sales Manager", start=date(2020, 1, 1)),
]

LINES = [
    ReportingLine(
        person_uid=ANN.uid,
        manager_uid=GRACE.uid,
        provenance=provenance("or1"),
        valid_from=date(2020, 1, 1),
        valid_to=date(2021, 12, 31),
    ),
    ReportingLine(
        person_uid=ANN.uid,
        manager_uid=FRANK.uid,
        provenance=provenance("or2"),
        valid_from=date(2022, 1, 1),
    ),
    ReportingLine(person_uid=FRANK.uid, manager_uid=GRACE.uid, provenance=provenance("or3")),
]

FAMILY = [
    Subsidiary(child_uid=INITECH_EU.uid, parent_uid=INITECH.uid, provenance=provenance("os1")),
    Subsidiary(child_uid=INITECH_DE.uid, parent_uid=INITECH_EU.uid, provenance=provenance("os2")),
]

INTERACTIONS = [
    meeting("oi1", FRANK, ANN, at=NOON),  # Frank organises, Ann attends
    meeting("oi2", FRANK, ANN, RAJ, at=NOON + timedelta(days=1)),
    email("oi3", ANN, CAROL, at=NOON),
    meeting("oi4", RAJ, DEV, at=NOON),
    meeting("oi5", GRACE, DEV, at=NOON - timedelta(days=800)),  # outside a year's window
]


def _copied_mail() -> Interaction:
    """Ann mails Carol with Frank on copy."""
    p = provenance("oi6")
    return Interaction(
        uid=make_uid(Label.INTERACTION, p),
        kind=InteractionKind.EMAIL,
        occurred_at=NOON,
        provenance=p,
        subject="numbers",
        participants=(
            Participation(person_uid=ANN.uid, role=ParticipantRole.FROM),
            Participation(person_uid=CAROL.uid, role=ParticipantRole.TO),
            Participation(person_uid=FRANK.uid, role=ParticipantRole.CC),
        ),
    )


DEAL = Deal(
    uid=make_uid(Label.DEAL, provenance("od1")),
    name="Initech platform",
    provenance=provenance("od1"),
    company_uid=INITECH.uid,
    amount=80_000.0,
    currency="USD",
    stage=DealStage.PROPOSAL,
    probability=0.4,
    close_date=date(2026, 9, 30),
    owner_uid=CAROL.uid,
)
COMMITTEE = [
    DealContact(
        deal_uid=DEAL.uid,
        person_uid=GRACE.uid,
        role=DealContactRole.DECISION_MAKER,
        provenance=provenance("odc1"),
    ),
    DealContact(
        deal_uid=DEAL.uid,
        person_uid=RAJ.uid,
        role=DealContactRole.TECHNICAL_BUYER,
        provenance=provenance("odc2"),
    ),
]


# Carol knows Grace well, Grace knows Frank: Carol reaches Frank through Grace (0.8 * 0.5).
# Sam knows Frank directly but weakly (0.2).
TIES = [
    knows(CAROL.uid, GRACE.uid, 0.8, at=NOON),
    knows(GRACE.uid, FRANK.uid, 0.5, at=NOON),
    knows(SAM.uid, FRANK.uid, 0.2, at=NOON),
    knows(FRANK.uid, ANN.uid, 0.6, at=NOON),
    knows(CAROL.uid, RAJ.uid, 0.4, at=NOON),
]


async def seed(client: GraphClient) -> None:
    """Write the whole scenario; Del ends up soft-deleted."""
    writer = GraphWriter(client)
    await writer.companies([INITECH, INITECH_EU, INITECH_DE, HOME])
    await writer.people(PEOPLE)
    await writer.subsidiaries(FAMILY)
    await writer.employments(JOBS)
    await writer.reporting_lines(LINES)
    await writer.interactions([*INTERACTIONS, _copied_mail()])
    await writer.deals([DEAL])
    await writer.deal_contacts(COMMITTEE)
    await KnowsWriter(client).write(TIES)
    await client.write(
        "MATCH (p:Person {uid: $uid}) SET p.deleted_at = datetime()", {"uid": DEL.uid}
    )
