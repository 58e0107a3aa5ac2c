"""Duplicate records to merge, each with every relationship type a merge moves, and snapshots
of records and of the whole graph to compare before and after.

People: ANNA (a duplicate of ANN) works at Acme Europe, reports to FRANK, has BOB reporting to
her and herself reports to ANN (a line between the two), is a champion on DEAL (where ANN
decides), owns the Acme Europe account and DEAL_EU, has her own phone, mailed EVE, met CAROL,
and was copied with ANN on one mail (the same PARTICIPATED_IN as ANN's: a duplicate).

Companies: ACME_DE (a duplicate of ACME) is a subsidiary of ACME (a link between the two) and
of HOLDING, has SERVICES as subsidiary, employs DAN, is owned by CAROL, has DEAL_DE and its
own domain, address and phone.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, DealStage, Label, Seniority
from schema.model import (
    AccountOwnership,
    Deal,
    DealContact,
    ReportingLine,
    Subsidiary,
    make_uid,
)
from tests.api.crm_data import EVE, EVE_AT_ACME, EVE_REPORTS_TO_ANN
from tests.graph.records import (
    ACME,
    ACME_EU,
    ANN,
    ANN_AT_ACME,
    ANN_AT_ACME_EU,
    ANN_DECIDES,
    BOB,
    CAROL,
    CAROL_AT_HOME,
    DEAL,
    HOME,
    MAIL,
    MEETING,
    T0,
    company,
    email,
    employment,
    meeting,
    person,
    provenance,
)

# Bookkeeping that a merge and its undo change on purpose; everything else is restored.
BOOKKEEPING = frozenset({"version", "updated_at"})

ANNA = person(
    "p9",
    "Ann Lee",
    email="ann.lee@acme-europe.example",
    phone="+493012345",
    title="Finance Director",
    department="Finance",
    seniority=Seniority.DIRECTOR,
)
FRANK = person("p8", "Frank Moss", email="frank@acme-europe.example")
ANNA_AT_ACME_EU = employment("e9", ANNA, ACME_EU, title="Finance Director", start=date(2021, 1, 1))
DEAL_EU = Deal(
    uid=make_uid(Label.DEAL, provenance("d9")),
    name="Acme Europe expansion",
    provenance=provenance("d9"),
    company_uid=ACME_EU.uid,
    stage=DealStage.QUALIFICATION,
    owner_uid=ANNA.uid,
)
ANNA_MAIL = email("i8", ANNA, EVE, at=T0 + timedelta(days=3))
ANNA_MEETING = meeting("i9", CAROL, ANNA, at=T0 + timedelta(days=5))
BOTH_COPIED = email("i7", CAROL, ANN, ANNA, at=T0 + timedelta(days=7))


def _line(source_id: str, who: Any, manager: Any) -> ReportingLine:
    return ReportingLine(
        person_uid=who.uid, manager_uid=manager.uid, provenance=provenance(source_id)
    )


async def seed_people(writer: GraphWriter) -> None:
    """The people to merge: ANNA into ANN."""
    await writer.companies([ACME, ACME_EU, HOME])
    await writer.people([ANN, ANNA, BOB, CAROL, EVE, FRANK])
    await writer.employments([ANN_AT_ACME, ANN_AT_ACME_EU, ANNA_AT_ACME_EU, EVE_AT_ACME])
    await writer.employments([CAROL_AT_HOME])
    lines = [_line("r9", ANNA, FRANK), _line("r8", BOB, ANNA), _line("r7", ANNA, ANN)]
    await writer.reporting_lines([EVE_REPORTS_TO_ANN, *lines])
    await writer.deals([DEAL, DEAL_EU])
    champion = DealContact(
        deal_uid=DEAL.uid,
        person_uid=ANNA.uid,
        role=DealContactRole.CHAMPION,
        provenance=provenance("dc9"),
    )
    await writer.deal_contacts([ANN_DECIDES, champion])
    owns = AccountOwnership(
        person_uid=ANNA.uid, company_uid=ACME_EU.uid, provenance=provenance("o9")
    )
    await writer.ownerships([owns])
    await writer.interactions([MAIL, MEETING, ANNA_MAIL, ANNA_MEETING, BOTH_COPIED])


ACME_DE = company(
    "c9", "ACME Deutschland", domain="acme.de", address="Hauptstr. 1, Berlin", phone="+49301111"
)
HOLDING = company("c8", "Acme Holding")
SERVICES = company("c7", "Acme Services")
DAN = person("p7", "Dan Wolf", email="dan@acme.de")
DEAL_DE = Deal(
    uid=make_uid(Label.DEAL, provenance("d8")),
    name="Acme DE rollout",
    provenance=provenance("d8"),
    company_uid=ACME_DE.uid,
    owner_uid=CAROL.uid,
)


async def seed_companies(writer: GraphWriter) -> None:
    """The companies to merge: ACME_DE into ACME."""
    await writer.companies([ACME, ACME_DE, HOLDING, SERVICES, HOME])
    await writer.people([ANN, CAROL, DAN])
    await writer.employments([ANN_AT_ACME, employment("e8", DAN, ACME_DE, title="CEO")])
    await writer.subsidiaries(
        [
            Subsidiary(child_uid=ACME_DE.uid, parent_uid=ACME.uid, provenance=provenance("s9")),
            Subsidiary(child_uid=ACME_DE.uid, parent_uid=HOLDING.uid, provenance=provenance("s8")),
            Subsidiary(child_uid=SERVICES.uid, parent_uid=ACME_DE.uid, provenance=provenance("s7")),
        ]
    )
    owns = AccountOwnership(
        person_uid=CAROL.uid, company_uid=ACME_DE.uid, provenance=provenance("o8")
    )
    await writer.ownerships([owns])
    await writer.deals([DEAL, DEAL_DE])


def _canonical(value: Any) -> str:
    return json.dumps(value, default=repr, sort_keys=True)


async def record_snapshot(client: GraphClient, uid: str) -> dict[str, Any]:
    """A record's properties (without :data:`BOOKKEEPING`) and every relationship it has
    but KNOWS: type, direction, other node and all properties."""
    [row] = await client.read(
        "MATCH (n {uid: $uid}) OPTIONAL MATCH (n)-[r]-(o) WHERE type(r) <> 'KNOWS' "
        "RETURN properties(n) AS props, collect([type(r), startNode(r) = n, "
        "coalesce(o.uid, o.name, o.key, o.number), properties(r)]) AS links",
        {"uid": uid},
    )
    props = {k: v for k, v in row["props"].items() if k not in BOOKKEEPING}
    return {"props": _canonical(props), "links": sorted(_canonical(x) for x in row["links"])}


async def graph_snapshot(client: GraphClient) -> tuple[list[str], list[str]]:
    """Every node and relationship of the graph with all their properties."""
    nodes = await client.read(
        "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"
    )
    rels = await client.read(
        "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, elementId(a) AS a, type(r) AS type, "
        "elementId(b) AS b, properties(r) AS props"
    )
    return sorted(map(_canonical, nodes)), sorted(map(_canonical, rels))


async def link_counts(client: GraphClient, uid: str) -> dict[str, int]:
    """How many relationships of each type and direction (``WORKS_AT>`` out, ``<FOR`` in)
    a record has, KNOWS aside; a self-loop counts as ``LOOP:TYPE``."""
    rows = await client.read(
        "MATCH (n {uid: $uid})-[r]-(o) WHERE type(r) <> 'KNOWS' "
        "RETURN CASE WHEN o = n THEN 'LOOP:' + type(r) "
        "WHEN startNode(r) = n THEN type(r) + '>' ELSE '<' + type(r) END AS key, "
        "count(DISTINCT r) AS n",
        {"uid": uid},
    )
    return {str(r["key"]): int(r["n"]) for r in rows}
