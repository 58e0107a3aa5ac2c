"""The one-account projection and committee reads, against the real Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from graph.driver import GraphClient
from graph.reading.committee import CommitteeReader
from graph.reading.org import FamilyCompany, OrgReader
from graph.writing.writers import GraphWriter
from schema.enums import DealContactRole, Department, EmploymentRole, Seniority
from schema.model import Person, Subsidiary
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


@pytest.fixture
async def reader(clean_graph: GraphClient) -> OrgReader:
    await seed(clean_graph)
    return OrgReader(clean_graph)


async def test_the_projection_holds_the_people_employed_on_the_day(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    assert set(found.graph) == {GRACE.uid, FRANK.uid, ANN.uid, RAJ.uid, DEV.uid}
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
    assert present.uid in found.graph
    assert absent.uid not in found.graph


@pytest.mark.parametrize(("day", "manager"), [(date(2021, 6, 1), GRACE), (AS_OF, FRANK)])
async def test_reports_to_lines_follow_their_validity(
    reader: OrgReader, day: date, manager: Person
) -> None:
    found = await reader.project(INITECH.uid, as_of=day)

    assert found is not None
    managers = [m for _, m, d in found.graph.out_edges(ANN.uid, data=True) if d.get("reports_to")]
    assert managers == [manager.uid]


async def test_jobs_carry_title_department_and_seniority_read_from_the_title(
    reader: OrgReader,
) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    nodes = found.graph.nodes
    assert (nodes[ANN.uid]["seniority"], nodes[ANN.uid]["department"]) == (
        Seniority.INDIVIDUAL_CONTRIBUTOR,
        Department.FINANCE,
    )
    assert nodes[RAJ.uid]["department_text"] == "R&D"
    assert nodes[RAJ.uid]["department"] is Department.ENGINEERING
    assert nodes[GRACE.uid]["seniority"] is Seniority.C_LEVEL
    assert nodes[GRACE.uid]["name"] == "Grace Hopper"


async def test_board_members_are_kept_aside(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF)

    assert found is not None
    assert [(a.person_uid, a.role) for a in found.affiliates] == [
        (BEA.uid, EmploymentRole.BOARD_MEMBER)
    ]
    assert BEA.uid not in found.graph


async def test_interactions_in_the_window_become_patterns(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, window_days=365)

    assert found is not None
    G = found.graph
    ann_frank = G.edges[ANN.uid, FRANK.uid]
    assert ann_frank["organised"] == 2  # Frank organised both meetings Ann attended
    assert ann_frank["copied"] == 1  # Frank was on copy of Ann's mail
    assert ann_frank["interactions"] == 3 and ann_frank["meetings"] == 2
    assert ann_frank["strength"] == pytest.approx(0.6)
    assert G.edges[FRANK.uid, ANN.uid]["strength"] == pytest.approx(0.6)
    assert not G.has_edge(DEV.uid, GRACE.uid)  # their meeting is older than the window


async def test_a_longer_window_reaches_older_interactions(reader: OrgReader) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, window_days=900)

    assert found is not None
    assert found.graph.edges[DEV.uid, GRACE.uid]["organised"] == 1


@pytest.mark.parametrize(
    ("include", "companies", "people"),
    [
        (False, [INITECH.uid], set()),
        (True, [INITECH.uid, INITECH_EU.uid, INITECH_DE.uid], {EVA.uid, BERT.uid}),
    ],
)
async def test_subsidiaries_come_down_the_tree_only_when_asked(
    reader: OrgReader, include: bool, companies: list[str], people: set[str]
) -> None:
    found = await reader.project(INITECH.uid, as_of=AS_OF, include_subsidiaries=include)

    assert found is not None
    assert list(found.companies) == companies
    assert {EVA.uid, BERT.uid} & set(found.graph) == people


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
    assert set(found.graph) == {GRACE.uid, FRANK.uid}


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

    G = await CommitteeReader(clean_graph).colleague_paths([FRANK.uid, DEV.uid])

    assert G.nodes[CAROL.uid]["colleague"] and G.nodes[SAM.uid]["colleague"]
    assert G.edges[SAM.uid, FRANK.uid]["strength"] == pytest.approx(0.2)
    assert G.edges[CAROL.uid, GRACE.uid]["strength"] == pytest.approx(0.8)
    assert G.edges[GRACE.uid, FRANK.uid]["strength"] == pytest.approx(0.5)
    assert DEV.uid in G and G.degree(DEV.uid) == 0
