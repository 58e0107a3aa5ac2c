"""A small world for referral paths and tie strength: our people, an account and a customer.

Carol and Dan are colleagues. Bob used to be a buyer at Acme (2019-06 to 2024-12, with Ann,
its CFO since 2020) and now works at Beta, a customer (a won deal). Carol meets Bob often;
Bob still meets Ann; Dan mails Eve (VP Finance at Acme) now and then. Nobody of ours knows
Ann directly, so the best way to Ann is Carol -> Bob -> Ann.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from api.services.knows import derive_knows
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import DealStage, Label, Seniority
from schema.model import Deal, Interaction, make_uid
from tests.api.crm_data import EVE, EVE_AT_ACME
from tests.graph.records import (
    ACME,
    ANN,
    ANN_AT_ACME,
    BOB,
    BOB_AT_ACME,
    CAROL,
    CAROL_AT_HOME,
    HOME,
    T0,
    company,
    email,
    employment,
    meeting,
    person,
    provenance,
)

AS_OF = T0 + timedelta(days=60)
BETA = company("c9", "Beta Corp", domain="beta.example")
DAN = person("p5", "Dan Wu", email="dan@relgraph.example", is_colleague=True)
DAN_AT_HOME = employment("e6", DAN, HOME, title="Sales Engineer")
BOB_AT_BETA = employment("e7", BOB, BETA, title="Head of Purchasing", start=date(2025, 1, 1))
WON = Deal(
    uid=make_uid(Label.DEAL, provenance("d9")),
    name="Beta platform",
    provenance=provenance("d9"),
    company_uid=BETA.uid,
    stage=DealStage.CLOSED_WON,
    amount=10_000.0,
    currency="USD",
)
ANN_CFO = ANN_AT_ACME
assert EVE.seniority is Seniority.VP


def _touches() -> list[Interaction]:
    found: list[Interaction] = []
    for i in range(8):
        at = T0 + timedelta(days=5 * i)
        found.append(meeting(f"cb{i}", CAROL, BOB, at=at))
        found.append(meeting(f"ba{i}", BOB, ANN, at=at + timedelta(hours=3)))
    found.append(email("de1", DAN, EVE, at=T0 + timedelta(days=3)))
    found.append(email("ed1", EVE, DAN, at=T0 + timedelta(days=4)))
    return found


async def seed_referrals(client: GraphClient) -> None:
    """Write the world and derive KNOWS as of ``AS_OF``."""
    writer = GraphWriter(client)
    await writer.companies([ACME, BETA, HOME])
    await writer.people([ANN, BOB, CAROL, DAN, EVE])
    await writer.employments(
        [ANN_AT_ACME, BOB_AT_ACME, BOB_AT_BETA, CAROL_AT_HOME, DAN_AT_HOME, EVE_AT_ACME]
    )
    await writer.deals([WON])
    await writer.interactions(_touches())
    await derive_knows(client, as_of=AS_OF)


async def soft_delete(client: GraphClient, uid: str) -> None:
    """Mark a person deleted, as the API's soft delete does."""
    await client.write(
        "MATCH (p:Person {uid: $uid}) SET p.deleted_at = $at",
        {"uid": uid, "at": datetime(2026, 3, 1)},
    )


async def state_connection(client: GraphClient, a: str, b: str, kind: str | None = None) -> None:
    """A CONNECTED_TO edge from ``a`` to ``b`` (with a kind: a stated relationship)."""
    await client.write(
        "MATCH (a:Person {uid: $a}), (b:Person {uid: $b}) "
        "CREATE (a)-[:CONNECTED_TO {source: 'test', source_id: $a + '>' + $b, kind: $kind, "
        "since: date('2024-05-01')}]->(b)",
        {"a": a, "b": b, "kind": kind},
    )
