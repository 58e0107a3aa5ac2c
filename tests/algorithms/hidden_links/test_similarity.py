"""Likely duplicates and similar neighbourhoods on hand-built company graphs, each
confidence worked out by hand from the published rules."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from algorithms.hidden_links import LinkParameters, hidden_links
from schema.enums import HiddenLinkKind, Label
from tests.algorithms.hidden_links.link_graphs import AS_OF, LinkGraph, links_of, only

K = HiddenLinkKind


# -- likely duplicates --------------------------------------------------------------------


def test_identical_name_keys_make_a_likely_duplicate_and_fold_their_shared_domain() -> None:
    build = LinkGraph().company("c1", "Acme Corp", name_key="acme")
    build.company("c2", "ACME Corporation", name_key="acme")
    build.identifier(Label.DOMAIN, "acme.com", "c1", "c2")

    [link] = links_of(build)

    assert link.kind is K.LIKELY_DUPLICATE
    assert link.confidence == pytest.approx(1 - 0.2 * 0.5)
    assert link.reason == (
        "names 100% similar (Acme Corp / ACME Corporation); both have the domain acme.com"
    )
    assert dict(link.evidence[0].scores) == {"name_similarity": 1.0}


def test_a_typo_counts_by_the_similarity_of_the_misspelt_word() -> None:
    build = LinkGraph().company("c1", "Tidewater Mobility", name_key="tidewater mobility")
    build.company("c2", "Tidewtaer Mobility", name_key="tidewtaer mobility")
    build.identifier(Label.DOMAIN, "tidewater.com", "c1", "c2")

    link = only(build, K.LIKELY_DUPLICATE)

    similarity = 2 * 8 / 18  # tidewater / tidewtaer: 8 letters in order
    name = 0.8 * (similarity - 0.7) / 0.3
    assert link.confidence == pytest.approx(1 - (1 - name) * (1 - 0.5))


def test_different_legal_forms_halve_the_name_s_chance() -> None:
    build = LinkGraph().company("c1", "Acme Stores Inc", name_key="acme stores", legal_form="inc")
    build.company("c2", "Acme Stores Ltd", name_key="acme stores", legal_form="ltd")

    link = only(build, K.LIKELY_DUPLICATE)

    assert link.confidence == pytest.approx(0.4)
    assert "one is inc and the other ltd" in link.reason


def test_names_too_different_are_no_duplicates_whatever_they_share() -> None:
    build = (
        LinkGraph()
        .company("c1", "Acme", name_key="acme")
        .company("c2", "Zenith", name_key="zenith")
    )
    build.identifier(Label.DOMAIN, "holding.com", "c1", "c2")

    assert [link.kind for link in links_of(build)] == [K.SHARED_DOMAIN]


def test_the_name_score_passed_in_decides_how_alike_two_names_are() -> None:
    build = LinkGraph().company("c1", "Acme", name_key="acme")
    build.company("c2", "Zenith", name_key="zenith").candidate("c1", "c2", 0.1)

    [link] = hidden_links(build.G, as_of=AS_OF, name_score=lambda a, b: 0.85)

    assert link.kind is K.LIKELY_DUPLICATE
    assert link.confidence == pytest.approx(0.8 * (0.85 - 0.7) / 0.3)
    assert link.reason.startswith("names 85% similar (Acme / Zenith)")


def test_members_of_one_family_and_dismissed_pairs_are_never_duplicates() -> None:
    build = (
        LinkGraph().company("top", "Acme", name_key="acme").company("sub", "Acme", name_key="acme")
    )
    build.parent("sub", "top")
    build.company("x", "Beta", name_key="beta").company("y", "Beta", name_key="beta")
    build.candidate("x", "y", 0.95, status="dismissed")

    assert [link.kind for link in links_of(build)] == [K.CORPORATE_FAMILY]


def test_a_stored_candidate_counts_when_it_is_more_confident() -> None:
    build = LinkGraph().company("x", "Beta Group", name_key="beta group")
    build.company("y", "BG Holdings", name_key="bg holdings").candidate("x", "y", 0.9)

    link = only(build, K.LIKELY_DUPLICATE)

    assert link.confidence == pytest.approx(0.9)
    assert link.reason.startswith("the duplicate scan scored the pair 0.90 (test)")


# -- similar neighbourhoods ---------------------------------------------------------------


def neighbourhoods() -> LinkGraph:
    build = LinkGraph().company("home", is_home=True)
    for a, b in [("a", "x"), ("a", "y"), ("a", "z"), ("b", "x"), ("b", "y"), ("b", "w")]:
        build.ties(a, b)
    for company in "abxyzw":
        build.ties("home", company)
    return build


def test_similar_neighbourhoods_follow_jaccard_and_adamic_adar_without_our_own_company() -> None:
    build = neighbourhoods()

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, kinds=[K.SIMILAR_NEIGHBOURHOOD], source="a")

    scores = dict(link.evidence[0].scores)
    plain = nx.Graph((u, v) for u, v, k in build.G.edges(keys=True) if "home" not in (u, v))
    [(_, _, jaccard)] = nx.jaccard_coefficient(plain, [("a", "b")])
    [(_, _, adamic_adar)] = nx.adamic_adar_index(plain, [("a", "b")])
    assert scores["jaccard"] == pytest.approx(jaccard) == pytest.approx(2 / 4)
    assert scores["adamic_adar"] == pytest.approx(adamic_adar) == pytest.approx(2 / math.log(2))
    assert link.confidence == pytest.approx(0.6 * 0.5 * (1 - 0.5**2))
    assert {e.company_uid for e in link.evidence[1:]} == {"x", "y"}


def test_the_projection_s_neighbour_count_enters_jaccard() -> None:
    build = neighbourhoods()
    build.G.nodes["b"]["neighbour_count"] = 6

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, source="a")

    assert dict(link.evidence[0].scores)["jaccard"] == pytest.approx(2 / (3 + 6 - 2))


def test_neighbours_with_too_many_neighbours_are_not_expanded() -> None:
    parameters = LinkParameters(max_neighbour_degree=2)
    build = neighbourhoods().ties("c", "x")  # x now has a, b and c

    link = only(build, K.SIMILAR_NEIGHBOURHOOD, source="a", parameters=parameters)

    assert [e.company_uid for e in link.evidence[1:]] == ["y"]
