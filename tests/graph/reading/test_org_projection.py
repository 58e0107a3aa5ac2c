"""The one-account projection and committee reads, against the real Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from graph.driver import GraphClient
from graph.reading.committee import CommitteeReader
from graph.reading.org import OrgReader
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, Department, EmploymentRole, Seniority
from schema.model import Person, Subsidiary
from schema.reading.org import (
    FamilyCompany,
    InteractionPattern,
    KnowsTie,
    OrgProjection,
)
from tests.graph.org_data import (
    ANN,
    AS_OF,
    BEA,
    BERT,
    CAROL,
    DEAL,
    DEV,
    EVA,
    FAY,
    FRANK,
    GRACE,
    INITECH,
    INITECH_DE,
    INITECH_EU,
    LEO,
    RAJ,
    SAM,
    seed,
)
from tests.graph.records import provenance

pytestmark = pytest.mark.neo4j


def people(found: OrgProjection) -> set[str]:
    return {p.uid for p in found.people}


def pattern(found: OrgProjection, a: Person, b: Person) -> InteractionPattern | None:
    return next((i for i in found.interactions if (i.a, i.b) == (a.uid, b.uid)), None)


def tie(found: OrgProjection, a: Person, b: Person) -> KnowsTie | None:
    pair = {a.uid, b.uid}
    return next((t for t in found.ties if {t.a, t.b} == pair), None)


@pytest.fixture
async def reader(clean_graph: GraphClient) -> OrgReader:
    await seed(clean_graph)
    return OrgReader(clean_graph)


async def test_the_projection_holds_the_people_employed_on_the_day(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    assert people(found) == {GRACE.uid, FRANK.uid, ANN.uid, RAJ.uid, DEV.uid}
    assert found.companies == (INITECH.uid,) and not found.truncated


@pytest.mark.parametrize(
    ("day", "present", "absent"),
    [
        (date(2024, 6, 1), LEO, FAY),  # Leo had not left yet
        (date(2027, 2, 1), FAY, LEO),  # Fay has started, Leo is gone
        (date(2019, 6, 1), LEO, ANN),  # before Ann joined
    ],
)
async def test_as_of_keeps_only_who_worked_there_that_day(
    reader: OrgReader, day: date, present: Person, absent: Person
) -> None:
    found = await reader.project(INITECH.uid, as_of=day)

    assert found is not None
    assert present.uid in people(found)
    assert absent.uid not in people(found)


@pytest.mark.parametrize(("day", "manager"), [(date(2021, 6, 1), GRACE), (AS_OF, FRANK)])
async def test_reports_to_lines_follow_their_validity(
    reader: OrgReader, day: date, manager: Person
) -> None:
    found = await reader.project(INITECH.uid, as_of=day)

    assert found is not None
    assert [line.manager for line in found.lines if line.person == ANN.uid] == [manager.uid]


async def test_jobs_carry_title_department_and_seniority_read_from_the_title(
    reader: OrgReader,
) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    by_uid = found.people_by_uid()
    assert (by_uid[ANN.uid].seniority, by_uid[ANN.uid].department) == (
        Seniority.INDIVIDUAL_CONTRIBUTOR,
        Department.FINANCE,
    )
    assert by_uid[RAJ.uid].department_text == "R&D"
    assert by_uid[RAJ.uid].department is Department.ENGINEERING
    assert by_uid[GRACE.uid].seniority is Seniority.C_LEVEL
    assert by_uid[GRACE.uid].name == "Grace Hopper"


async def test_board_members_are_kept_aside(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    assert [(a.person_uid, a.role) for a in found.affiliates] == [
        (BEA.uid, EmploymentRole.BOARD_MEMBER)
    ]
    assert BEA.uid not in people(found)


async def test_interactions_in_the_window_become_patterns(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, window_days=365)

    assert found is not None
    ann_frank = pattern(found, ANN, FRANK)
    assert ann_frank is not None
    assert ann_frank.organised == 2  # Frank organised both meetings Ann attended
    assert ann_frank.copied == 1  # Frank was on copy of Ann's mail
    assert ann_frank.interactions == 3 and ann_frank.meetings == 2
    knows = tie(found, ANN, FRANK)
    assert knows is not None and knows.strength == pytest.approx(0.6)  # it holds both ways
    assert pattern(found, DEV, GRACE) is None  # their meeting is older than the window
    assert tie(found, DEV, GRACE) is None


async def test_a_longer_window_reaches_older_interactions(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, window_days=900)

    assert found is not None
    dev_grace = pattern(found, DEV, GRACE)
    assert dev_grace is not None and dev_grace.organised == 1


@pytest.mark.parametrize(
    ("include", "companies", "employed"),
    [
        (False, [INITECH.uid], set()),
        (True, [INITECH.uid, INITECH_EU.uid, INITECH_DE.uid], {EVA.uid, BERT.uid}),
    ],
)
async def test_subsidiaries_come_down_the_tree_only_when_asked(
    reader: OrgReader, include: bool, companies: list[str], employed: set[str]
) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, include_subsidiaries=include)

    assert found is not None
    assert list(found.companies) == companies
    assert {EVA.uid, BERT.uid} & people(found) == employed


async def test_the_projection_carries_each_subsidiarys_parent_company(
    reader: OrgReader,
) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, include_subsidiaries=True)

    assert found is not None
    assert found.parents == {INITECH_EU.uid: INITECH.uid, INITECH_DE.uid: INITECH_EU.uid}
    assert found.company_names == {
        INITECH.uid: "Initech",
        INITECH_EU.uid: "Initech Europe",
        INITECH_DE.uid: "Initech Berlin",
    }
    assert found.family[0] == FamilyCompany(uid=INITECH.uid, name="Initech", parent=None)


async def test_a_subsidiary_reached_two_ways_takes_its_parent_on_the_shortest_path(
    reader: OrgReader, clean_graph: GraphClient
) -> None:
    await GraphWriter(clean_graph).subsidiaries(
        [Subsidiary(child_uid=INITECH_DE.uid, parent_uid=INITECH.uid, provenance=provenance("x"))]
    )

    found = await reader.project(INITECH.uid, as_of=AS_OF, include_subsidiaries=True)

    assert found is not None
    assert found.parents[INITECH_DE.uid] == INITECH.uid


async def test_without_subsidiaries_the_projection_has_no_parents(reader: OrgReader) -> None:
    found = await reader.project(INITECH_EU.uid, as_of=AS_OF)

    assert found is not None
    assert (found.companies, found.parents) == ((INITECH_EU.uid,), {})


async def test_the_subsidiary_depth_is_bounded(reader: OrgReader) -> None:
    family = await reader.family(INITECH.uid, include_subsidiaries=True, depth=1)

    assert family is not None
    assert [(c.uid, c.parent) for c in family] == [
        (INITECH.uid, None),
        (INITECH_EU.uid, INITECH.uid),
    ]
    with pytest.raises(ValueError):
        await reader.family(INITECH.uid, include_subsidiaries=True, depth=9)


async def test_the_node_cap_keeps_the_most_senior_and_says_so(clean_graph: GraphClient) -> None:
    await seed(clean_graph)

    found = await OrgReader(clean_graph, node_cap=2).project(INITECH.uid, as_of=AS_OF)

    assert found is not None and found.truncated
    assert people(found) == {GRACE.uid, FRANK.uid}


async def test_an_unknown_company_has_no_projection(reader: OrgReader) -> None:
    assert await reader.project("company:test:nope", as_of=AS_OF) is None


async def test_deal_roles_of_the_account_people(reader: OrgReader) -> None:
    roles = await reader.deal_roles([GRACE.uid, RAJ.uid, ANN.uid], [INITECH.uid])

    assert sorted((r.person_uid, r.role) for r in roles) == sorted(
        [(GRACE.uid, DealContactRole.DECISION_MAKER), (RAJ.uid, DealContactRole.TECHNICAL_BUYER)]
    )
    assert await reader.deal_roles([GRACE.uid], [INITECH_EU.uid]) == []


async def test_a_committee_is_read_with_its_members(clean_graph: GraphClient) -> None:
    await seed(clean_graph)
    reader = CommitteeReader(clean_graph)

    committee = await reader.committee(DEAL.uid)

    assert committee is not None
    assert (committee.company_uid, committee.amount) == (INITECH.uid, 80_000.0)
    assert sorted(committee.members) == sorted(
        [(GRACE.uid, DealContactRole.DECISION_MAKER), (RAJ.uid, DealContactRole.TECHNICAL_BUYER)]
    )
    assert await reader.committee("deal:test:nope") is None


async def test_colleague_paths_reach_targets_in_one_or_two_hops(clean_graph: GraphClient) -> None:
    await seed(clean_graph)

    found = await CommitteeReader(clean_graph).colleague_paths([FRANK.uid, DEV.uid])

    paths = {(p.target, p.colleague, p.via): p for p in found.paths}
    assert found.targets == (FRANK.uid, DEV.uid)
    assert paths[FRANK.uid, SAM.uid, None].strength == pytest.approx(0.2)
    through_grace = paths[FRANK.uid, CAROL.uid, GRACE.uid]
    assert (through_grace.strength, through_grace.via_strength) == pytest.approx((0.8, 0.5))
    assert {p.target for p in found.paths} == {FRANK.uid}  # nobody of ours reaches Dev
