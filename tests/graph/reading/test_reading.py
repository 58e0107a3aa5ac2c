"""Filtered, ordered pages and batched relation reads against the real Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from graph.driver import GraphClient
from graph.reading.crm.entities import EntityReader
from graph.reading.crm.relations import RelationReader
from graph.reading.crm.specs import COMPANY, DEAL, PERSON
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, DealStage
from schema.fields import (
    CompanyField,
    CompanyRelation,
    ContactField,
    DealField,
    DealRelation,
    PersonField,
    PersonRelation,
)
from schema.listing import (
    AllOf,
    AnyOf,
    Condition,
    Filter,
    Negation,
    NullsPlacement,
    Op,
    OrderKey,
    PageWindow,
    Related,
    SortDirection,
)
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
    HOME,
)
from tests.graph.records import (
    DEAL as ACME_DEAL,
)

pytestmark = pytest.mark.neo4j
ALL = PageWindow(skip=0, limit=100)


@pytest.fixture
async def crm(clean_graph: GraphClient) -> EntityReader:
    writer = GraphWriter(clean_graph)
    await writer.companies([ACME, ACME_EU, HOME])
    await writer.people([ANN, BOB, CAROL])
    await writer.employments([ANN_AT_ACME, ANN_AT_ACME_EU, BOB_AT_ACME, CAROL_AT_HOME])
    await writer.deals([ACME_DEAL])
    await writer.deal_contacts([ANN_DECIDES])
    return EntityReader(clean_graph)


async def _people(reader: EntityReader, where: Filter | None) -> list[str]:
    page = await reader.page(
        PERSON, where=where, order=[OrderKey(PersonField.FULL_NAME)], window=ALL
    )
    people = await reader.people(page.uids)
    return [people[uid].full_name for uid in page.uids]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (Condition(PersonField.TITLE, Op.EQ, "CFO"), ["Ann Lee"]),
        (Condition(PersonField.TITLE, Op.NEQ, "CFO"), ["Bob Stone", "Carol Diaz"]),
        (
            Condition(PersonField.EMAIL, Op.IN, ["bob@acme.com", "ann@acme.com"]),
            ["Ann Lee", "Bob Stone"],
        ),
        (Condition(PersonField.FULL_NAME, Op.CONTAINS, "STONE"), ["Bob Stone"]),
        (Condition(PersonField.FULL_NAME, Op.STARTS_WITH, "c"), ["Carol Diaz"]),
        (Condition(PersonField.TITLE, Op.IS_NULL, True), ["Carol Diaz"]),
        (Condition(PersonField.TITLE, Op.IS_NULL, False), ["Ann Lee", "Bob Stone"]),
        (Condition(PersonField.FULL_NAME, Op.GT, "B"), ["Bob Stone", "Carol Diaz"]),
        (Condition(PersonField.FULL_NAME, Op.GTE, "Bob Stone"), ["Bob Stone", "Carol Diaz"]),
        (Condition(PersonField.FULL_NAME, Op.LT, "Bob Stone"), ["Ann Lee"]),
        (Condition(PersonField.FULL_NAME, Op.LTE, "Bob Stone"), ["Ann Lee", "Bob Stone"]),
        (Condition(PersonField.IS_COLLEAGUE, Op.EQ, True), ["Carol Diaz"]),
        (
            AnyOf(
                (
                    Condition(PersonField.TITLE, Op.EQ, "CFO"),
                    Condition(PersonField.IS_COLLEAGUE, Op.EQ, True),
                )
            ),
            ["Ann Lee", "Carol Diaz"],
        ),
        (
            AllOf(
                (
                    Condition(PersonField.EMAIL, Op.CONTAINS, "acme"),
                    Negation(Condition(PersonField.TITLE, Op.EQ, "CFO")),
                )
            ),
            ["Bob Stone"],
        ),
        (AllOf(()), ["Ann Lee", "Bob Stone", "Carol Diaz"]),
        (AnyOf(()), []),
    ],
    ids=lambda v: repr(v)[:60] if not isinstance(v, list) else "",
)
async def test_every_operator_and_combinator_filters_people(
    crm: EntityReader, where: Filter, expected: list[str]
) -> None:
    assert await _people(crm, where) == expected


async def test_people_at_companies_of_an_industry(crm: EntityReader) -> None:
    manufacturing = Condition(CompanyField.INDUSTRY, Op.EQ, "Manufacturing")
    where = Related(PersonRelation.CURRENT_COMPANY, manufacturing)
    # Bob's employment at Acme ended: only Ann works at a manufacturer now.
    assert await _people(crm, where) == ["Ann Lee"]


async def test_people_who_worked_at_a_company_in_the_past(crm: EntityReader) -> None:
    where = Related(PersonRelation.PAST_COMPANY, Condition(CompanyField.UID, Op.EQ, ACME.uid))
    assert await _people(crm, where) == ["Bob Stone"]


async def test_relation_filters_can_test_the_edge_too(crm: EntityReader) -> None:
    board = AllOf(
        (
            Condition(CompanyField.NAME, Op.CONTAINS, "europe"),
            Condition(ContactField.ROLE, Op.EQ, "board_member"),
        )
    )
    assert await _people(crm, Related(PersonRelation.ANY_COMPANY, board)) == ["Ann Lee"]


async def test_deals_where_some_contact_is_a_decision_maker(crm: EntityReader) -> None:
    decides = Condition(ContactField.ROLE, Op.EQ, DealContactRole.DECISION_MAKER)
    blocks = Condition(ContactField.ROLE, Op.EQ, DealContactRole.BLOCKER)

    found = await crm.page(
        DEAL, where=Related(DealRelation.CONTACTS, decides), order=[], window=ALL
    )
    none = await crm.page(DEAL, where=Related(DealRelation.CONTACTS, blocks), order=[], window=ALL)

    assert found.uids == (ACME_DEAL.uid,) and none.total == 0


async def test_deal_filters_compare_numbers_dates_and_enums(crm: EntityReader) -> None:
    where = AllOf(
        (
            Condition(DealField.AMOUNT, Op.GTE, 50_000),
            Condition(DealField.CLOSE_DATE, Op.LT, date(2027, 1, 1)),
            Condition(DealField.STAGE, Op.IN, [DealStage.PROPOSAL, DealStage.NEGOTIATION]),
        )
    )
    assert (await crm.page(DEAL, where=where, order=[], window=ALL)).total == 1


async def test_companies_with_a_parent_or_with_people_there_now(crm: EntityReader) -> None:
    with_cfo = Related(CompanyRelation.CURRENT_PEOPLE, Condition(PersonField.TITLE, Op.EQ, "CFO"))
    page = await crm.page(COMPANY, where=with_cfo, order=[OrderKey(CompanyField.NAME)], window=ALL)
    companies = await crm.companies(page.uids)
    assert [companies[u].name for u in page.uids] == ["Acme Europe GmbH", "Acme Inc"]


@pytest.mark.parametrize(
    ("nulls", "direction", "expected"),
    [
        (NullsPlacement.LAST, SortDirection.ASC, ["Bob Stone", "Ann Lee", "Carol Diaz"]),
        (NullsPlacement.FIRST, SortDirection.ASC, ["Carol Diaz", "Bob Stone", "Ann Lee"]),
        (NullsPlacement.LAST, SortDirection.DESC, ["Ann Lee", "Bob Stone", "Carol Diaz"]),
        (NullsPlacement.FIRST, SortDirection.DESC, ["Carol Diaz", "Ann Lee", "Bob Stone"]),
    ],
)
async def test_ordering_places_missing_values_where_asked(
    crm: EntityReader, nulls: NullsPlacement, direction: SortDirection, expected: list[str]
) -> None:
    order = [OrderKey(PersonField.TITLE, direction, nulls)]  # Buyer, CFO, (none)
    page = await crm.page(PERSON, where=None, order=order, window=ALL)
    people = await crm.people(page.uids)
    assert [people[u].full_name for u in page.uids] == expected


async def test_a_window_returns_its_slice_and_the_total(crm: EntityReader) -> None:
    page = await crm.page(
        PERSON,
        where=None,
        order=[OrderKey(PersonField.FULL_NAME)],
        window=PageWindow(skip=1, limit=1),
    )
    assert page.total == 3 and len(page.uids) == 1
    assert (await crm.people(page.uids))[page.uids[0]].full_name == "Bob Stone"


async def test_an_unknown_field_for_an_entity_is_refused(crm: EntityReader) -> None:
    with pytest.raises(ValueError, match="cannot be filtered on 'amount'"):
        await crm.page(PERSON, where=Condition(DealField.AMOUNT, Op.EQ, 1), order=[], window=ALL)


async def test_relations_of_many_entities_load_in_one_query_each(
    clean_graph: GraphClient, crm: EntityReader
) -> None:
    relations = RelationReader(clean_graph)
    before = clean_graph.queries_sent

    jobs = await relations.employments_of_people([ANN.uid, BOB.uid, CAROL.uid, "nobody"])
    contacts = await relations.contacts_of_deals([ACME_DEAL.uid])

    assert clean_graph.queries_sent - before == 2
    assert [e.company_uid for e in jobs[ANN.uid]] == [ACME_EU.uid, ACME.uid]
    assert jobs[BOB.uid][0].end == date(2024, 12, 31) and "nobody" not in jobs
    assert [(c.person_uid, c.role) for c in contacts[ACME_DEAL.uid]] == [
        (ANN.uid, DealContactRole.DECISION_MAKER)
    ]
