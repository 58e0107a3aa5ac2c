"""The projections of hidden links read what the algorithm needs, bounded, from a real
Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from graph.driver import GraphClient
from graph.reading.link_projection import LinkProjection, ProjectionLimits
from graph.writing.writers import GraphWriter
from schema.enums import EmploymentRole
from schema.model import Employment
from schema.reading.link_projection import (
    CompanyNetwork,
    IdentifierGroup,
    ProjectedCompany,
    ProjectedPerson,
)
from tests.graph.link_data import (
    ACME,
    ACME_EU,
    ACME_TWIN,
    ANN,
    BOB,
    HOME,
    INITECH,
    UMBRELLA,
    ZENITH,
    seed_links,
)
from tests.graph.records import company, employment, person

pytestmark = pytest.mark.neo4j
TODAY = date(2026, 6, 30)


@pytest.fixture
async def linked(clean_graph: GraphClient) -> GraphClient:
    await seed_links(GraphWriter(clean_graph))
    return clean_graph


def company_in(network: CompanyNetwork, uid: str) -> ProjectedCompany:
    [found] = [c for c in network.companies if c.uid == uid]
    return found


def person_in(network: CompanyNetwork, uid: str) -> ProjectedPerson:
    [found] = [p for p in network.people if p.uid == uid]
    return found


def tenures_at(who: ProjectedPerson, company_uid: str) -> tuple[Employment, ...]:
    [place] = [p for p in who.places if p.company_uid == company_uid]
    return place.tenures


def identifier_in(network: CompanyNetwork, node_id: str) -> IdentifierGroup:
    [found] = [i for i in network.identifiers if i.node_id == node_id]
    return found


def tied(network: CompanyNetwork) -> set[tuple[str, ...]]:
    return {tuple(sorted((t.a_uid, t.b_uid))) for t in network.ties}


def mentioned(network: CompanyNetwork) -> set[str]:
    """Every uid the projection names, wherever it appears."""
    return {
        *(c.uid for c in network.companies),
        *(p.uid for p in network.people),
        *(place.company_uid for p in network.people for place in p.places),
        *(uid for i in network.identifiers for uid in i.holder_uids),
        *(uid for f in network.family for uid in (f.child_uid, f.parent_uid)),
        *(uid for d in network.candidates for uid in (d.a_uid, d.b_uid)),
        *(uid for t in network.ties for uid in (t.a_uid, t.b_uid)),
    }


async def test_a_company_s_projection_holds_its_people_with_every_tenure(
    linked: GraphClient,
) -> None:
    network = await LinkProjection(linked).company(ACME.uid, as_of=TODAY)

    assert network is not None
    ann = person_in(network, ANN.uid)
    assert ann.name == "Ann Lee"
    [board] = tenures_at(ann, INITECH.uid)
    assert (board.role, board.start, board.end) == (
        EmploymentRole.BOARD_MEMBER,
        date(2022, 3, 1),
        None,
    )
    [buyer] = tenures_at(person_in(network, BOB.uid), ACME.uid)
    assert (buyer.title, buyer.end) == ("Buyer", date(2025, 6, 30))
    assert company_in(network, ZENITH.uid).name == "Zenith Ltd"


async def test_a_company_s_projection_holds_its_family_identifiers_and_lookalikes(
    linked: GraphClient,
) -> None:
    network = await LinkProjection(linked).company(ACME.uid, as_of=TODAY)

    assert network is not None
    assert [(f.child_uid, f.parent_uid) for f in network.family] == [(ACME_EU.uid, ACME.uid)]
    assert identifier_in(network, "Domain:acme.com").shared_by == 2
    phone = identifier_in(network, "Phone:+14155550100")
    assert set(phone.holder_uids) == {ACME.uid, ACME_TWIN.uid}
    assert company_in(network, ACME.uid).name_key == "acme"
    assert company_in(network, ACME_TWIN.uid).legal_form == "corp"


async def test_a_company_s_projection_reaches_the_companies_its_neighbours_talk_to(
    linked: GraphClient,
) -> None:
    network = await LinkProjection(linked).company(INITECH.uid, as_of=TODAY)

    assert network is not None
    assert tied(network) == {
        tuple(sorted((INITECH.uid, UMBRELLA.uid))),
        tuple(sorted((UMBRELLA.uid, ZENITH.uid))),
    }
    assert company_in(network, UMBRELLA.uid).neighbour_count == 2
    assert company_in(network, ZENITH.uid).neighbour_count == 1
    assert HOME.uid not in mentioned(network)  # our own colleague's tie to Dan is no neighbourhood


async def test_an_unknown_or_deleted_company_has_no_projection(linked: GraphClient) -> None:
    await linked.write(
        "MATCH (c:Company {uid: $uid}) SET c.deleted_at = datetime()", {"uid": ZENITH.uid}
    )
    projection = LinkProjection(linked)

    assert await projection.company("company:test:nobody", as_of=TODAY) is None
    assert await projection.company(ZENITH.uid, as_of=TODAY) is None
    network = await projection.company(INITECH.uid, as_of=TODAY)
    assert network is not None and ZENITH.uid not in mentioned(network)


async def test_the_whole_graph_s_projection_aggregates_people_per_company_pair(
    linked: GraphClient,
) -> None:
    network = await LinkProjection(linked).everything(as_of=TODAY)

    assert len(network.companies) == 7
    assert all(c.name is not None for c in network.companies)
    assert {p.uid for p in network.people} == {ANN.uid, BOB.uid}  # only people at two companies
    assert {tuple(sorted((f.child_uid, f.parent_uid))) for f in network.family} == {
        tuple(sorted((ACME.uid, ACME_EU.uid)))
    }
    assert identifier_in(network, "Phone:+12125550199").shared_by == 2
    assert tied(network) == {
        tuple(sorted((INITECH.uid, UMBRELLA.uid))),
        tuple(sorted((UMBRELLA.uid, ZENITH.uid))),
    }
    [initech_umbrella] = [
        t for t in network.ties if {t.a_uid, t.b_uid} == {INITECH.uid, UMBRELLA.uid}
    ]
    assert initech_umbrella.strength == pytest.approx(0.5)


async def test_caps_bound_the_people_of_a_pair_and_the_holders_of_an_identifier(
    linked: GraphClient,
) -> None:
    writer = GraphWriter(linked)
    extra = [person(f"cap{i}", f"Cap {i}") for i in range(4)]
    crowd = company("crowd", "Crowd Co", phone="+14155550100")
    await writer.companies([crowd])
    await writer.people(extra)
    await writer.employments(
        [employment(f"cj{i}a", p, ACME) for i, p in enumerate(extra)]
        + [employment(f"cj{i}b", p, INITECH) for i, p in enumerate(extra)]
    )
    limits = ProjectionLimits(max_pair_people=2, max_holders=2)

    network = await LinkProjection(linked, limits=limits).everything(as_of=TODAY)

    at_both = [p for p in network.people if INITECH.uid in {x.company_uid for x in p.places}]
    assert len(at_both) == 2  # two of the five at Acme and Initech (Ann and four more)
    phone = identifier_in(network, "Phone:+14155550100")
    assert phone.shared_by == 3 and len(phone.holder_uids) == 2


async def test_a_stored_duplicate_candidate_enters_both_projections(linked: GraphClient) -> None:
    await linked.write(
        "MATCH (a:Company {uid: $a}), (b:Company {uid: $b}) "
        "CREATE (a)-[:POSSIBLE_DUPLICATE {score: 0.9, status: 'open', reasons: ['x']}]->(b)",
        {"a": ACME.uid, "b": ACME_TWIN.uid},
    )
    projection = LinkProjection(linked)

    for network in (
        await projection.everything(as_of=TODAY),
        await projection.company(ACME_TWIN.uid, as_of=TODAY),
    ):
        assert network is not None
        [stored] = [
            d for d in network.candidates if {d.a_uid, d.b_uid} == {ACME.uid, ACME_TWIN.uid}
        ]
        assert (stored.score, stored.dismissed, stored.reasons) == (0.9, False, ("x",))


async def test_a_typo_in_a_name_finds_the_company_through_the_full_text_index(
    linked: GraphClient,
) -> None:
    await GraphWriter(linked).companies([company("typo", "Initehc LLC")])

    network = await LinkProjection(linked).company(INITECH.uid, as_of=TODAY)

    assert network is not None and "company:test:typo" in {c.uid for c in network.companies}
