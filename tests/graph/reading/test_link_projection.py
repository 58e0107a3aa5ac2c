"""The projections of hidden links read what the algorithm needs, bounded, from a real
Neo4j."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.driver import GraphClient
from graph.reading.link_projection import LinkProjection, ProjectionLimits
from graph.writing.writers import GraphWriter
from schema.enums import EmploymentRole, Label, RelType
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


def keyed(G: nx.MultiGraph, key: str) -> set[tuple[str, str]]:
    return {tuple(sorted((a, b))) for a, b, k in G.edges(keys=True) if k == key}


async def test_a_company_s_projection_holds_its_people_with_every_tenure(
    linked: GraphClient,
) -> None:
    G = await LinkProjection(linked).company(ACME.uid, as_of=TODAY)

    assert G is not None
    assert G.nodes[ANN.uid]["label"] is Label.PERSON
    [board] = G.edges[ANN.uid, INITECH.uid, RelType.WORKS_AT]["tenures"]
    assert (board.role, board.start, board.end) == (
        EmploymentRole.BOARD_MEMBER,
        date(2022, 3, 1),
        None,
    )
    [buyer] = G.edges[BOB.uid, ACME.uid, RelType.WORKS_AT]["tenures"]
    assert (buyer.title, buyer.end) == ("Buyer", date(2025, 6, 30))
    assert G.nodes[ZENITH.uid]["name"] == "Zenith Ltd"


async def test_a_company_s_projection_holds_its_family_identifiers_and_lookalikes(
    linked: GraphClient,
) -> None:
    G = await LinkProjection(linked).company(ACME.uid, as_of=TODAY)

    assert G is not None
    assert G.edges[ACME_EU.uid, ACME.uid, RelType.SUBSIDIARY_OF]["child"] == ACME_EU.uid
    assert G.nodes["Domain:acme.com"]["shared_by"] == 2
    assert set(G.neighbors("Phone:+14155550100")) == {ACME.uid, ACME_TWIN.uid}
    assert G.nodes[ACME.uid]["name_key"] == "acme"
    assert G.nodes[ACME_TWIN.uid]["legal_form"] == "corp"


async def test_a_company_s_projection_reaches_the_companies_its_neighbours_talk_to(
    linked: GraphClient,
) -> None:
    G = await LinkProjection(linked).company(INITECH.uid, as_of=TODAY)

    assert G is not None
    assert keyed(G, RelType.KNOWS) == {
        tuple(sorted((INITECH.uid, UMBRELLA.uid))),
        tuple(sorted((UMBRELLA.uid, ZENITH.uid))),
    }
    assert G.nodes[UMBRELLA.uid]["neighbour_count"] == 2
    assert G.nodes[ZENITH.uid]["neighbour_count"] == 1
    assert HOME.uid not in G  # our own colleague's tie to Dan is no neighbourhood


async def test_an_unknown_or_deleted_company_has_no_projection(linked: GraphClient) -> None:
    await linked.write(
        "MATCH (c:Company {uid: $uid}) SET c.deleted_at = datetime()", {"uid": ZENITH.uid}
    )
    projection = LinkProjection(linked)

    assert await projection.company("company:test:nobody", as_of=TODAY) is None
    assert await projection.company(ZENITH.uid, as_of=TODAY) is None
    G = await projection.company(INITECH.uid, as_of=TODAY)
    assert G is not None and ZENITH.uid not in G


async def test_the_whole_graph_s_projection_aggregates_people_per_company_pair(
    linked: GraphClient,
) -> None:
    G = await LinkProjection(linked).everything(as_of=TODAY)

    companies = {n for n, d in G.nodes(data=True) if d["label"] is Label.COMPANY}
    people = {n for n, d in G.nodes(data=True) if d["label"] is Label.PERSON}
    assert len(companies) == 7
    assert people == {ANN.uid, BOB.uid}  # only people at two companies
    assert keyed(G, RelType.SUBSIDIARY_OF) == {tuple(sorted((ACME.uid, ACME_EU.uid)))}
    assert G.nodes["Phone:+12125550199"]["shared_by"] == 2
    assert keyed(G, RelType.KNOWS) == {
        tuple(sorted((INITECH.uid, UMBRELLA.uid))),
        tuple(sorted((UMBRELLA.uid, ZENITH.uid))),
    }
    assert G.edges[INITECH.uid, UMBRELLA.uid, RelType.KNOWS]["strength"] == pytest.approx(0.5)


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

    G = await LinkProjection(linked, limits=limits).everything(as_of=TODAY)

    at_both = [p for p in G.neighbors(INITECH.uid) if G.nodes[p]["label"] is Label.PERSON]
    assert len(at_both) == 2  # two of the five at Acme and Initech (Ann and four more)
    phone = "Phone:+14155550100"
    assert G.nodes[phone]["shared_by"] == 3 and G.degree(phone) == 2


async def test_a_stored_duplicate_candidate_enters_both_projections(linked: GraphClient) -> None:
    await linked.write(
        "MATCH (a:Company {uid: $a}), (b:Company {uid: $b}) "
        "CREATE (a)-[:POSSIBLE_DUPLICATE {score: 0.9, status: 'open', reasons: ['x']}]->(b)",
        {"a": ACME.uid, "b": ACME_TWIN.uid},
    )
    projection = LinkProjection(linked)

    for G in (
        await projection.everything(as_of=TODAY),
        await projection.company(ACME_TWIN.uid, as_of=TODAY),
    ):
        assert G is not None
        data = G.edges[ACME.uid, ACME_TWIN.uid, RelType.POSSIBLE_DUPLICATE]
        assert (data["score"], data["status"], data["reasons"]) == (0.9, "open", ("x",))


async def test_a_typo_in_a_name_finds_the_company_through_the_full_text_index(
    linked: GraphClient,
) -> None:
    await GraphWriter(linked).companies([company("typo", "Initehc LLC")])

    G = await LinkProjection(linked).company(INITECH.uid, as_of=TODAY)

    assert G is not None and "company:test:typo" in G
