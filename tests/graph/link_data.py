"""A small graph of linked accounts for the projection, service and API tests.

Acme (domain acme.com, phone +14155550100) has a subsidiary Acme Europe (same domain) and a
near-duplicate "ACME Corporation" (same phone). Ann works at Acme and sits on Initech's
board; Bob left Acme for Zenith; Initech and Zenith share a phone. Dan (Initech) and Eve
(Zenith) both know Fay at Umbrella; Carol is our colleague at Relgraph.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from graph.reading.activity import KnowsWriter
from graph.writing.writers import GraphWriter
from schema.enums import EmploymentRole
from schema.model import Subsidiary
from tests.graph.records import company, employment, knows, person, provenance

NOW = datetime(2026, 6, 1, tzinfo=UTC)

ACME = company("l1", "Acme Inc", domain="acme.com", phone="+14155550100")
ACME_EU = company("l2", "Acme Europe GmbH", domain="acme.com")
ACME_TWIN = company("l3", "ACME Corporation", phone="+14155550100")
INITECH = company("l4", "Initech LLC", phone="+12125550199")
ZENITH = company("l5", "Zenith Ltd", phone="+12125550199")
UMBRELLA = company("l6", "Umbrella Corp")
HOME = company("l0", "Relgraph Ltd", domain="relgraph.example", is_home=True)

ANN = person("lp1", "Ann Lee")
BOB = person("lp2", "Bob Stone")
CAROL = person("lp3", "Carol Diaz", is_colleague=True)
DAN = person("lp4", "Dan Wu")
EVE = person("lp5", "Eve Park")
FAY = person("lp6", "Fay Moss")

JOBS = [
    employment("le1", ANN, ACME, title="CFO", start=date(2019, 1, 1)),
    employment(
        "le2",
        ANN,
        INITECH,
        title="Board member",
        role=EmploymentRole.BOARD_MEMBER,
        start=date(2022, 3, 1),
    ),
    employment("le3", BOB, ACME, title="Buyer", start=date(2018, 1, 1), end=date(2025, 6, 30)),
    employment("le4", BOB, ZENITH, title="Head of Purchasing", start=date(2025, 7, 1)),
    employment("le5", CAROL, HOME, title="Account Executive", start=date(2020, 1, 1)),
    employment("le6", DAN, INITECH, title="Engineer", start=date(2021, 1, 1)),
    employment("le7", EVE, ZENITH, title="Engineer", start=date(2021, 1, 1)),
    employment("le8", FAY, UMBRELLA, title="Architect", start=date(2021, 1, 1)),
]
FAMILY = [Subsidiary(child_uid=ACME_EU.uid, parent_uid=ACME.uid, provenance=provenance("ls1"))]


TIES = [
    knows(DAN.uid, FAY.uid, 0.5, at=NOW),
    knows(EVE.uid, FAY.uid, 0.4, at=NOW),
    knows(CAROL.uid, DAN.uid, 0.6, at=NOW),
]


async def seed_links(writer: GraphWriter) -> None:
    """Write the whole graph."""
    await writer.companies([ACME, ACME_EU, ACME_TWIN, INITECH, ZENITH, UMBRELLA, HOME])
    await writer.people([ANN, BOB, CAROL, DAN, EVE, FAY])
    await writer.employments(JOBS)
    await writer.subsidiaries(FAMILY)
    await KnowsWriter(writer.client).write(TIES)
