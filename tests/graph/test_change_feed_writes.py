"""Every write path names, in the change feed, the records whose facts it changed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from api.services.knows import refresh_person_knows
from graph.commands.companies import CompanyCommands
from graph.commands.contacts import ContactCommands
from graph.commands.deals import DealCommands
from graph.commands.errors import EntityNotFound
from graph.commands.interactions import InteractionCommands
from graph.commands.jobs import JobCommands, NewJob
from graph.commands.merges import MergeCommands
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.reading.change_feed import ChangeFeedReader
from graph.reading.dedupe import DedupeGraph
from graph.reading.ties import TieWriter
from graph.writing.derivations import derive_company_domains
from graph.writing.writers import GraphWriter
from ingest.source_rows import Entity
from schema.changes import Touched, touched
from schema.enums import DealContactRole, InteractionKind, ParticipantRole
from schema.model import Participation
from schema.reading.merges import MergeKind
from tests.api.crm_data import EVE
from tests.graph.merge_data import (
    ANNA,
    ANNA_MAIL,
    ANNA_MEETING,
    BOTH_COPIED,
    DEAL_EU,
    FRANK,
    seed_people,
)
from tests.graph.records import ACME, ACME_EU, ANN, ANN_AT_ACME, BOB, CAROL, DEAL, HOME, MAIL
from tests.ingest.importing import import_items, row

pytestmark = pytest.mark.neo4j


async def _seed(client: GraphClient) -> None:
    writer = GraphWriter(client)
    await writer.companies([ACME, HOME])
    await writer.people([ANN, BOB, CAROL])
    await writer.employments([ANN_AT_ACME])
    await writer.deals([DEAL])
    await writer.interactions([MAIL])


async def _after(client: GraphClient, head: int) -> tuple[int, Touched]:
    """How many entries came after ``head``, and everything they touched."""
    entries = await ChangeFeedReader(client).since(head)
    found = Touched()
    for entry in entries:
        found |= entry.touched
    return len(entries), found


async def test_loading_records_touches_them_and_both_ends_of_their_links(
    clean_graph: GraphClient,
) -> None:
    head = await ChangeFeedReader(clean_graph).head()

    await _seed(clean_graph)

    count, found = await _after(clean_graph, head)
    assert count == 5
    assert found == touched(
        companies=[ACME.uid, HOME.uid],
        people=[ANN.uid, BOB.uid, CAROL.uid],
        deals=[DEAL.uid],
        interactions=[MAIL.uid],
    )


async def test_entity_commands_touch_the_record_and_the_links_they_move(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    feed = ChangeFeedReader(clean_graph)

    head = await feed.head()
    company = await CompanyCommands(clean_graph).create({"name": "Initech"})
    await PersonCommands(clean_graph).update(BOB.uid, {"title": "Head of Buying"})
    assert await _after(clean_graph, head) == (
        2,
        touched(companies=[company.uid], people=[BOB.uid]),
    )

    head = await feed.head()
    await DealCommands(clean_graph).update(DEAL.uid, {"company_uid": company.uid})
    assert await _after(clean_graph, head) == (
        1,
        touched(deals=[DEAL.uid], companies=[ACME.uid, company.uid]),
    )

    head = await feed.head()
    logged = await InteractionCommands(clean_graph).create(
        {
            "kind": InteractionKind.CALL,
            "occurred_at": datetime(2026, 2, 1, tzinfo=UTC),
            "deal_uid": DEAL.uid,
            "participants": (Participation(person_uid=BOB.uid, role=ParticipantRole.FROM),),
        }
    )
    await InteractionCommands(clean_graph).update(
        logged.uid,
        {"participants": (Participation(person_uid=ANN.uid, role=ParticipantRole.FROM),)},
    )
    assert (await _after(clean_graph, head))[1] == touched(
        interactions=[logged.uid], people=[ANN.uid, BOB.uid], deals=[DEAL.uid]
    )


async def test_a_soft_delete_touches_the_record_and_everything_linked_to_it(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    head = await ChangeFeedReader(clean_graph).head()

    await PersonCommands(clean_graph).soft_delete(ANN.uid)
    await PersonCommands(clean_graph).restore(ANN.uid)

    count, found = await _after(clean_graph, head)
    assert count == 2
    assert found == touched(people=[ANN.uid], companies=[ACME.uid], interactions=[MAIL.uid])


async def test_a_refused_command_appends_nothing(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    head = await ChangeFeedReader(clean_graph).head()

    with pytest.raises(EntityNotFound):
        await PersonCommands(clean_graph).update("person:test:nobody", {"title": "CEO"})
    await ContactCommands(clean_graph).add(DEAL.uid, ANN.uid, DealContactRole.CHAMPION)
    await ContactCommands(clean_graph).add(DEAL.uid, ANN.uid, DealContactRole.CHAMPION)

    assert await _after(clean_graph, head) == (1, touched(deals=[DEAL.uid], people=[ANN.uid]))


async def test_jobs_lines_and_stated_ties_touch_both_ends_and_what_they_close(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    jobs, feed = JobCommands(clean_graph), ChangeFeedReader(clean_graph)

    head = await feed.head()
    await jobs.change_job(ANN.uid, NewJob(company_uid=HOME.uid, start=date(2026, 1, 1)))
    assert await _after(clean_graph, head) == (
        1,
        touched(people=[ANN.uid], companies=[ACME.uid, HOME.uid]),
    )

    head = await feed.head()
    await jobs.set_reports_to(BOB.uid, ANN.uid, date(2026, 1, 1))
    await jobs.set_reports_to(BOB.uid, CAROL.uid, date(2026, 2, 1))
    await jobs.set_reports_to(BOB.uid, CAROL.uid, date(2026, 2, 1))  # unchanged
    entries = await feed.since(head)
    assert [sorted(e.touched.people) for e in entries] == [
        sorted([BOB.uid, ANN.uid]),
        sorted([BOB.uid, CAROL.uid, ANN.uid]),
    ]

    head = await feed.head()
    await TieWriter(clean_graph).state(ANN.uid, CAROL.uid, kind="friend", since=None)
    await TieWriter(clean_graph).state(ANN.uid, "person:test:nobody", kind="friend", since=None)
    assert await _after(clean_graph, head) == (1, touched(people=[ANN.uid, CAROL.uid]))


async def test_an_import_batch_touches_every_record_it_created_or_changed(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    head = await ChangeFeedReader(clean_graph).head()
    items = [
        row(Entity.COMPANY, 2, company_id="c1", name="Globex"),
        row(Entity.PERSON, 2, person_id="p1", full_name="Ana Lima", email="ana@globex.io",
            company_id="c1"),
        row(Entity.PERSON, 3, person_id="p2", full_name="Bo Chen", email="bo@globex.io",
            manager_person_id="p1"),
        row(Entity.DEAL, 2, deal_id="d1", name="Globex pilot", company_id="c1"),
        row(Entity.DEAL_CONTACT, 2, deal_id="d1", person_id="p2", role="champion"),
        row(Entity.INTERACTION, 2, interaction_id="i1", kind="email", from_person_id="p1",
            to_person_ids="p2", occurred_at="2026-01-02T10:00:00Z", deal_id="d1"),
    ]  # fmt: skip

    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    _, found = await _after(clean_graph, head)
    assert rejects == []
    assert found == touched(
        companies=["company:csv:c1"],
        people=["person:csv:p1", "person:csv:p2"],
        deals=["deal:csv:d1"],
        interactions=["interaction:csv:i1"],
    )

    head = await ChangeFeedReader(clean_graph).head()
    await import_items(clean_graph, items, tmp_path / "again.csv")
    assert await _after(clean_graph, head) == (0, Touched())

    await derive_company_domains(clean_graph, company_uids=["company:csv:c1"], person_uids=[])
    assert await _after(clean_graph, head) == (1, touched(companies=["company:csv:c1"]))


async def test_derivations_touch_the_people_and_companies_they_change(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)
    await GraphWriter(clean_graph).companies([ACME_EU])
    feed = ChangeFeedReader(clean_graph)

    head = await feed.head()
    await refresh_person_knows(clean_graph, CAROL.uid, as_of=datetime(2026, 3, 1, tzinfo=UTC))
    assert await _after(clean_graph, head) == (
        1,
        touched(people=[CAROL.uid, ANN.uid, BOB.uid]),
    )

    head = await feed.head()
    await derive_company_domains(clean_graph, company_uids=[ACME_EU.uid], person_uids=[])
    assert await _after(clean_graph, head) == (0, Touched())

    head = await feed.head()
    await DedupeGraph(clean_graph).dismiss(ANN.uid, BOB.uid)
    assert await _after(clean_graph, head) == (1, touched(people=[ANN.uid, BOB.uid]))


async def test_a_merge_and_its_undo_touch_both_records_and_everyone_linked_to_the_merged_one(
    clean_graph: GraphClient,
) -> None:
    await seed_people(GraphWriter(clean_graph))
    feed, merges = ChangeFeedReader(clean_graph), MergeCommands(clean_graph)
    expected = touched(
        people=[ANN.uid, ANNA.uid, FRANK.uid, BOB.uid],
        companies=[ACME_EU.uid],
        deals=[DEAL.uid, DEAL_EU.uid],
        interactions=[ANNA_MAIL.uid, ANNA_MEETING.uid, BOTH_COPIED.uid],
    )

    head = await feed.head()
    done = await merges.merge(MergeKind.PERSON, ANN.uid, ANNA.uid)
    assert await _after(clean_graph, head) == (1, expected)

    head = await feed.head()
    await merges.unmerge(done.merge_id)
    assert await _after(clean_graph, head) == (1, expected)
    assert EVE.uid not in expected.people
