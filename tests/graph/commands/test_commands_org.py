"""The organisation and buying-committee commands against the real Neo4j: history kept."""

from __future__ import annotations

from datetime import date

import pytest

from graph.commands.contacts import ContactCommands
from graph.commands.errors import EntityNotFound
from graph.commands.jobs import JobCommands, NewJob
from graph.commands.people import PersonCommands
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole
from schema.errors import InvalidInput
from tests.graph.records import ACME, ANN, ANN_AT_ACME, BOB, CAROL, DEAL, HOME

pytestmark = pytest.mark.neo4j


async def _seed(client: GraphClient) -> None:
    writer = GraphWriter(client)
    await writer.companies([ACME, HOME])
    await writer.people([ANN, BOB, CAROL])
    await writer.employments([ANN_AT_ACME])
    await writer.deals([DEAL])


async def test_a_job_change_ends_the_current_job_the_day_before_and_keeps_it(
    clean_graph: GraphClient,
) -> None:
    await _seed(clean_graph)

    change = await JobCommands(clean_graph).change_job(
        ANN.uid, NewJob(company_uid=HOME.uid, start=date(2026, 3, 1), title="COO")
    )

    assert [(e.company_uid, e.end) for e in change.ended] == [(ACME.uid, date(2026, 2, 28))]
    assert (change.employment.company_uid, change.employment.start) == (HOME.uid, date(2026, 3, 1))
    assert change.employment.end is None and change.employment.provenance.source == "api"
    assert (change.person.title, change.person.version) == ("COO", 2)
    [count] = await clean_graph.read(
        "MATCH (:Person {uid: $uid})-[w:WORKS_AT]->() RETURN count(w) AS n", {"uid": ANN.uid}
    )
    assert count["n"] == 2


async def test_a_job_starting_before_the_current_one_is_invalid(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)

    with pytest.raises(InvalidInput) as raised:
        await JobCommands(clean_graph).change_job(
            ANN.uid, NewJob(company_uid=HOME.uid, start=date(2019, 1, 1))
        )

    assert raised.value.field == "start_date"


async def test_reporting_lines_close_on_change_and_refuse_cycles(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    people, jobs = PersonCommands(clean_graph), JobCommands(clean_graph)
    cfo = await people.create({"full_name": "Cy Fo"})

    first = await jobs.set_reports_to(BOB.uid, ANN.uid, date(2025, 1, 1))
    again = await jobs.set_reports_to(BOB.uid, ANN.uid, date(2025, 6, 1))
    moved = await jobs.set_reports_to(BOB.uid, cfo.uid, date(2026, 1, 1))
    await jobs.set_reports_to(cfo.uid, ANN.uid, date(2026, 1, 1))
    with pytest.raises(InvalidInput) as cycle:
        await jobs.set_reports_to(ANN.uid, BOB.uid, date(2026, 2, 1))
    cleared = await jobs.clear_reports_to(BOB.uid, date(2026, 5, 31))

    assert first.line is not None and first.line.valid_from == date(2025, 1, 1)
    assert again.line == first.line and again.ended == ()
    assert [(x.manager_uid, x.valid_to) for x in moved.ended] == [(ANN.uid, date(2025, 12, 31))]
    assert cycle.value.field == "manager_id"
    assert [(x.manager_uid, x.valid_to) for x in cleared.ended] == [(cfo.uid, date(2026, 5, 31))]


async def test_deal_contacts_are_added_re_roled_and_removed(clean_graph: GraphClient) -> None:
    await _seed(clean_graph)
    contacts = ContactCommands(clean_graph)
    champion, buyer = DealContactRole.CHAMPION, DealContactRole.ECONOMIC_BUYER

    added = await contacts.add(DEAL.uid, BOB.uid, champion)
    repeated = await contacts.add(DEAL.uid, BOB.uid, champion)
    await contacts.change_role(DEAL.uid, BOB.uid, champion, buyer)
    with pytest.raises(EntityNotFound) as no_role:
        await contacts.remove(DEAL.uid, BOB.uid, champion)
    await contacts.remove(DEAL.uid, BOB.uid, buyer)

    assert added.created and not repeated.created and no_role.value.field == "role"
    assert (
        await clean_graph.read(
            "MATCH (:Person {uid: $uid})-[r:INVOLVED_IN]->() RETURN r", {"uid": BOB.uid}
        )
        == []
    )
