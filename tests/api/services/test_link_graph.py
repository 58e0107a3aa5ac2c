"""The graphs the hidden-links algorithms read, built from the projection's typed records."""

from __future__ import annotations

from datetime import date

import pytest

from algorithms.hidden_links import HiddenLink, hidden_links
from api.services.link_graph import community_graph, link_graph
from schema.enums import HiddenLinkKind, Label, RelType
from schema.model import Employment, Provenance
from schema.names import company_name_similarity
from schema.reading.link_projection import (
    CompanyNetwork,
    CompanyTies,
    DuplicateCandidate,
    IdentifierGroup,
    PersonPlace,
    ProjectedCompany,
    ProjectedPerson,
    SubsidiaryEdge,
)

AS_OF = date(2026, 6, 30)


def job(company: str, start: date, end: date | None = None) -> Employment:
    return Employment(
        person_uid="ann",
        company_uid=company,
        provenance=Provenance(source="doc", source_id=company),
        start=start,
        end=end,
    )


def named(
    uid: str, name: str, *, is_home: bool = False, neighbour_count: int | None = None
) -> ProjectedCompany:
    return ProjectedCompany(
        uid=uid,
        name=name,
        name_key=name.casefold(),
        is_home=is_home,
        neighbour_count=neighbour_count,
    )


ANN = ProjectedPerson(
    uid="ann",
    name="Ann Lee",
    places=(
        PersonPlace(
            company_uid="acme",
            tenures=(job("acme", date(2015, 1, 1), date(2024, 6, 30)),),
        ),
        PersonPlace(company_uid="initech", tenures=(job("initech", date(2024, 7, 1)),)),
    ),
)
NETWORK = CompanyNetwork(
    companies=(
        named("acme", "Acme", neighbour_count=3),
        named("initech", "Initech"),
        named("us", "Relgraph", is_home=True),
        ProjectedCompany(uid="seen"),
    ),
    people=(ANN,),
    identifiers=(
        IdentifierGroup(
            label=Label.PHONE,
            key="+1555",
            value="+1 555",
            shared_by=3,
            common=False,
            holder_uids=("acme", "initech"),
        ),
    ),
    family=(SubsidiaryEdge(child_uid="initech", parent_uid="us"),),
    candidates=(
        DuplicateCandidate(a_uid="acme", b_uid="seen", score=0.9, dismissed=True, reasons=("x",)),
    ),
    ties=(CompanyTies(a_uid="acme", b_uid="initech", ties=2, strength=0.7),),
)


def test_a_named_company_carries_the_algorithm_s_vocabulary_and_an_unnamed_one_its_label() -> None:
    G = link_graph(NETWORK)

    assert G.nodes["acme"] == {
        "label": Label.COMPANY,
        "name": "Acme",
        "name_key": "acme",
        "legal_form": None,
        "is_home": False,
        "neighbour_count": 3,
    }
    assert G.nodes["us"]["is_home"] is True
    assert G.nodes["seen"] == {"label": Label.COMPANY}
    assert list(G.nodes) == ["acme", "initech", "us", "seen", "ann", "Phone:+1555"]


def test_people_identifiers_family_candidates_and_ties_become_keyed_edges() -> None:
    G = link_graph(NETWORK)

    assert G.nodes["ann"] == {"label": Label.PERSON, "name": "Ann Lee"}
    assert G.edges["ann", "initech", RelType.WORKS_AT]["tenures"] == ANN.places[1].tenures
    assert G.nodes["Phone:+1555"] == {
        "label": Label.PHONE,
        "value": "+1 555",
        "shared_by": 3,
        "common": False,
    }
    assert set(G["Phone:+1555"]) == {"acme", "initech"}
    assert G.has_edge("acme", "Phone:+1555", key=RelType.HAS_PHONE)
    assert G.edges["us", "initech", RelType.SUBSIDIARY_OF] == {"child": "initech"}
    assert G.edges["seen", "acme", RelType.POSSIBLE_DUPLICATE] == {
        "score": 0.9,
        "status": "dismissed",
        "reasons": ("x",),
    }
    assert G.edges["acme", "initech", RelType.KNOWS] == {"ties": 2, "strength": 0.7}


def test_a_person_without_a_name_is_named_by_their_uid() -> None:
    nameless = CompanyNetwork(
        companies=(), people=(ProjectedPerson(uid="p1", name=None, places=()),)
    )

    assert link_graph(nameless).nodes["p1"]["name"] == "p1"


def test_the_algorithm_reads_the_built_graph() -> None:
    network = CompanyNetwork(
        companies=(named("acme", "Acme"), named("initech", "Initech")), people=(ANN,)
    )

    [link] = hidden_links(link_graph(network), as_of=AS_OF, name_score=company_name_similarity)

    assert link.kind is HiddenLinkKind.FORMER_EMPLOYEE
    assert link.confidence == pytest.approx(0.35 + 0.25 * 0.5 ** (730 / 365.25 / 2))
    assert link.reason == (
        "Ann Lee worked at Acme (2015-01-01 to 2024-06-30) and now works at Initech "
        "(since 2024-07-01)"
    )


def link(a: str, b: str, confidence: float, kind: HiddenLinkKind) -> HiddenLink:
    return HiddenLink(
        kind=kind,
        company_a=a,
        company_b=b,
        confidence=confidence,
        reason="",
        evidence=(),
        evidence_count=0,
    )


def test_the_community_graph_combines_strong_links_and_leaves_out_our_own_company() -> None:
    links = [
        link("a", "b", 0.5, HiddenLinkKind.SHARED_DOMAIN),
        link("a", "b", 0.6, HiddenLinkKind.SHARED_PHONE),
        link("b", "c", 0.2, HiddenLinkKind.SHARED_PHONE),
        link("a", "us", 0.9, HiddenLinkKind.FORMER_EMPLOYEE),
    ]

    G = community_graph(links, floor=0.3, left_out=frozenset({"us"}))

    assert list(G.edges) == [("a", "b")]
    assert G.edges["a", "b"]["weight"] == pytest.approx(1 - 0.5 * 0.4)
