"""The write commands against the real Neo4j: verdicts, versions, history, provenance."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from graph.commands.companies import CompanyCommands
from graph.commands.deals import DealCommands
from graph.commands.errors import EntityNotFound, KeyConflict, VersionMismatch
from graph.commands.interactions import InteractionCommands
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import (
    DealStage,
    InteractionKind,
    ParticipantRole,
)
from schema.errors import InvalidInput
from schema.model import Participation, Provenance
from tests.graph.records import ACME, ANN, ANN_AT_ACME, BOB, CAROL, DEAL, HOME

pytestmark = pytest.mark.neo4j


async def _seed(client: GraphClient) -> None:
    writer = GraphWriter(client)
    await writer.companies([ACME, HOME])
    await writer.people([ANN, BOB, CAROL])
    await writer.employments([ANN_AT_ACME])
    await writer.deals([DEAL])


async def test_a_created_company_has_api_provenance_version_one_and_identifier_links(
    clean_graph: GraphClient,
) -> None:
    company = await CompanyCommands(clean_graph).create(
        {"name": "Initech", "domain": "WWW.Initech.COM", "phone": "+15550001"}
    )

    assert company.provenance.source == "api" and len(company.provenance.source_id) == 32
    assert company.uid == f"company:api:{company.provenance.source_id}"
    assert (company.version, company.domain, company.deleted_at) == (1, "initech.com", None)
    links = await clean_graph.read(
        "MATCH (:Company {uid: $uid})-[r]->(x) RETURN type(r) AS type, r.source AS source, "
        "r.source_id AS source_id ORDER BY type",
        {"uid": company.uid},
    )
    assert [(r["type"], r["source"]) for r in links] == [
        ("HAS_DOMAIN", "api"),
        ("HAS_PHONE", "api"),
    ]
    assert all(len(r["source_id"]) == 32 for r in links)


async def test_an_update_changes_only_the_given_fields_and_none_clears_one(
    clean_graph: GraphClient,
) -> None:
    people = PersonCommands(clean_graph)
    ann = await people.create({"full_name": "Ann", "email": "Ann@X.com", "title": "CFO"})

    updated = await people.update(ann.uid, {"title": None, "department": "Finance"})

    assert (updated.full_name, updated.email, updated.title) == ("Ann", "ann@x.com", None)
    assert (updated.department, updated.version) == ("Finance", 2)


async def test_an_update_with_a_stale_version_changes_nothing(clean_graph: GraphClient) -> None:
    people = PersonCommands(clean_graph)
    ann = await people.create({"full_name": "Ann"})
    await people.update(ann.uid, {"title": "CFO"}, expected_version=1)

    with pytest.raises(VersionMismatch) as raised:
        await people.update(ann.uid, {"title": "CEO"}, expected_version=1)

    assert (raised.value.expected, raised.value.actual) == (1, 2)
    assert (await people.update(ann.uid, {})).title == "CFO"


async def test_updating_a_missing_or_deleted_record_is_not_found(clean_graph: GraphClient) -> None:
    companies = CompanyCommands(clean_graph)
    gone = await companies.create({"name": "Gone"})
    await companies.soft_delete(gone.uid)

    for uid in ("company:api:nope", gone.uid):
        with pytest.raises(EntityNotFound) as raised:
            await companies.update(uid, {"name": "X"})
        assert raised.value.field == "id"


async def test_soft_delete_and_restore_bump_the_version_and_refuse_repeats(
    clean_graph: GraphClient,
) -> None:
    deals = DealCommands(clean_graph)
    deal = await deals.create({"name": "Big", "stage": DealStage.PROSPECTING})

    deleted = await deals.soft_delete(deal.uid, expected_version=1)
    with pytest.raises(EntityNotFound):
        await deals.soft_delete(deal.uid)
    restored = await deals.restore(deal.uid, expected_version=2)
    with pytest.raises(EntityNotFound):
        await deals.restore(deal.uid)

    assert deleted.deleted_at is not None and deleted.version == 2
    assert restored.deleted_at is None and restored.version == 3


async def test_a_company_may_not_take_the_domain_of_another_live_company(
    clean_graph: GraphClient,
) -> None:
    companies = CompanyCommands(clean_graph)
    await companies.create({"name": "Initech", "domain": "initech.com"})
    other = await companies.create({"name": "Other"})

    with pytest.raises(KeyConflict) as raised:
        await companies.update(other.uid, {"domain": "www.initech.com"})

    assert raised.value.field == "domain"


async def test_upserting_a_company_by_domain_twice_writes_one_node(
    clean_graph: GraphClient,
) -> None:
    companies = CompanyCommands(clean_graph)

    first = await companies.upsert_by_domain("Initech.com", {"name": "Initech"})
    second = await companies.upsert_by_domain("initech.com", {"industry": "Software"})

    assert first.created and not second.created
    assert second.record.uid == first.record.uid
    assert (second.record.name, second.record.industry, second.record.version) == (
        "Initech",
        "Software",
        2,
    )
    [count] = await clean_graph.read("MATCH (c:Company) RETURN count(c) AS n")
    assert count["n"] == 1


async def test_upserting_a_new_company_without_a_name_is_invalid(clean_graph: GraphClient) -> None:
    with pytest.raises(InvalidInput) as raised:
        await CompanyCommands(clean_graph).upsert_by_domain("initech.com", {"industry": "x"})

    assert raised.value.field == "name"
    assert await clean_graph.read("MATCH (c:Company) RETURN c") == []


async def test_upserting_a_person_by_email_refuses_a_deleted_one(clean_graph: GraphClient) -> None:
    people = PersonCommands(clean_graph)
    created = await people.upsert_by_email("Ann@X.com", {"full_name": "Ann"})
    await people.soft_delete(created.record.uid)

    with pytest.raises(KeyConflict) as raised:
        await people.upsert_by_email("ann@x.com", {"title": "CFO"})

    assert created.created and raised.value.field == "email"


async def test_a_taken_email_is_a_conflict_on_email(clean_graph: GraphClient) -> None:
    people = PersonCommands(clean_graph)
    await people.create({"full_name": "Ann", "email": "ann@x.com"})

    with pytest.raises(KeyConflict) as raised:
        await people.create({"full_name": "Other Ann", "email": "ANN@x.com"})

    assert raised.value.field == "email"


async def test_upsert_by_source_lands_on_the_imported_record(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)

    result = await PersonCommands(clean_graph).upsert_by_source(
        Provenance(source="test", source_id="p1"), {"title": "CEO"}
    )

    assert not result.created and result.record.uid == ANN.uid
    assert (result.record.full_name, result.record.title, result.record.version) == (
        "Ann Lee",
        "CEO",
        2,
    )


async def test_a_deal_keeps_its_stage_history_in_order(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    deals = DealCommands(clean_graph)
    deal = await deals.create(
        {"name": "New", "stage": DealStage.PROSPECTING, "company_uid": ACME.uid}
    )

    await deals.move_stage(deal.uid, DealStage.PROPOSAL, probability=0.4)
    same = await deals.move_stage(deal.uid, DealStage.PROPOSAL)
    won = await deals.move_stage(deal.uid, DealStage.CLOSED_WON, probability=1.0)

    assert [c.stage for c in won.stage_history] == [
        DealStage.PROSPECTING,
        DealStage.PROPOSAL,
        DealStage.CLOSED_WON,
    ]
    assert [c.from_stage for c in won.stage_history] == [
        None,
        DealStage.PROSPECTING,
        DealStage.PROPOSAL,
    ]
    times = [c.changed_at for c in won.stage_history]
    assert times == sorted(times) and len(set(times)) == 3
    assert len(same.stage_history) == 2 and won.company_uid == ACME.uid
    assert (won.probability, won.version) == (1.0, 4)


async def test_moving_an_imported_deal_starts_its_history_with_its_stage_then(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)

    moved = await DealCommands(clean_graph).move_stage(DEAL.uid, DealStage.NEGOTIATION)

    assert [c.stage for c in moved.stage_history] == [DealStage.PROPOSAL, DealStage.NEGOTIATION]
    assert moved.company_uid == ACME.uid and moved.owner_uid == DEAL.owner_uid


async def test_a_deal_for_a_missing_company_is_not_found_on_company_id(
    clean_graph: GraphClient,
) -> None:
    with pytest.raises(EntityNotFound) as raised:
        await DealCommands(clean_graph).create(
            {"name": "X", "stage": DealStage.PROSPECTING, "company_uid": "company:x:y"}
        )

    assert raised.value.field == "company_id"


async def test_an_interaction_links_its_participants_and_deal(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    at = datetime(2026, 2, 1, 10, tzinfo=UTC)
    parts = (
        Participation(person_uid=ANN.uid, role=ParticipantRole.FROM),
        Participation(person_uid=BOB.uid, role=ParticipantRole.TO),
    )

    logged = await InteractionCommands(clean_graph).create(
        {
            "kind": InteractionKind.CALL,
            "occurred_at": at,
            "participants": parts,
            "deal_uid": DEAL.uid,
        }
    )

    assert (logged.kind, logged.occurred_at, logged.deal_uid) == (
        InteractionKind.CALL,
        at,
        DEAL.uid,
    )
    rows = await clean_graph.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Interaction {uid: $uid}) "
        "RETURN p.uid AS uid, r.role AS role, r.source AS source ORDER BY role",
        {"uid": logged.uid},
    )
    assert rows == [
        {"uid": ANN.uid, "role": "from", "source": "api"},
        {"uid": BOB.uid, "role": "to", "source": "api"},
    ]


async def test_a_missing_participant_is_named_by_its_position(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    parts = (
        Participation(person_uid=ANN.uid, role=ParticipantRole.FROM),
        Participation(person_uid="person:x:nobody", role=ParticipantRole.TO),
    )

    with pytest.raises(EntityNotFound) as raised:
        await InteractionCommands(clean_graph).create(
            {"kind": InteractionKind.EMAIL, "occurred_at": datetime.now(UTC), "participants": parts}
        )

    assert raised.value.field == "participants[1].person_id"
