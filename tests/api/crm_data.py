"""A small CRM graph for the API tests: an account family, people with histories, a deal."""

from __future__ import annotations

from datetime import date, timedelta

from graph.writing.writers import GraphWriter
from schema.enums import EmploymentRole, Seniority
from schema.model import AccountOwnership, ReportingLine, Subsidiary
from tests.graph.records import (
    ACME,
    ACME_EU,
    ANN,
    ANN_AT_ACME,
    ANN_AT_ACME_EU,
    ANN_DECIDES,
    BOB,
    BOB_AT_ACME,
    CAROL,
    CAROL_AT_HOME,
    DEAL,
    HOME,
    MAIL,
    MEETING,
    T0,
    email,
    employment,
    person,
    provenance,
)

EVE = person("p4", "Eve Park", email="eve@acme.com", title="VP Finance", seniority=Seniority.VP)
EVE_AT_ACME = employment("e5", EVE, ACME, title="VP Finance", start=date(2021, 5, 1))
EVE_REPORTS_TO_ANN = ReportingLine(
    person_uid=EVE.uid, manager_uid=ANN.uid, provenance=provenance("r1")
)
ACME_EU_IS_ACME = Subsidiary(
    child_uid=ACME_EU.uid, parent_uid=ACME.uid, provenance=provenance("s1")
)
CAROL_OWNS_ACME = AccountOwnership(
    person_uid=CAROL.uid, company_uid=ACME.uid, provenance=provenance("o1")
)
EVE_MAIL = email("i3", EVE, CAROL, at=T0 + timedelta(days=40))
ANN_BOARD = ANN_AT_ACME_EU
assert ANN_BOARD.role is EmploymentRole.BOARD_MEMBER


async def seed(writer: GraphWriter) -> None:
    """Write the whole small graph."""
    await writer.companies([ACME, ACME_EU, HOME])
    await writer.people([ANN, BOB, CAROL, EVE])
    await writer.subsidiaries([ACME_EU_IS_ACME])
    await writer.ownerships([CAROL_OWNS_ACME])
    await writer.employments([ANN_AT_ACME, ANN_AT_ACME_EU, BOB_AT_ACME, CAROL_AT_HOME, EVE_AT_ACME])
    await writer.reporting_lines([EVE_REPORTS_TO_ANN])
    await writer.deals([DEAL])
    await writer.deal_contacts([ANN_DECIDES])
    await writer.interactions([MAIL, MEETING, EVE_MAIL])
