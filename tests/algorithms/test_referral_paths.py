"""Referral paths on hand-built graphs whose best paths can be worked out by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from algorithms.referral_paths import referral_paths
from schema.enums import IntroducerKind


def graph(*edges: tuple[str, str, float], **people: dict[str, object]) -> nx.Graph:
    G = nx.Graph()
    for u, v, s in edges:
        G.add_edge(u, v, strength=s)
    for name, data in people.items():
        G.add_node(name, **data)
    return G


# me -> ann -> t (0.9 * 0.8 = 0.72); me -> ann -> bob -> t (0.9 * 0.9 * 0.85 = 0.6885);
# me -> cat -> t (0.5 * 0.6 = 0.30); me -> dan -> eve -> t (0.4 * 0.9 * 0.9 = 0.324).
FAN = graph(
    ("me", "ann", 0.9),
    ("ann", "t", 0.8),
    ("ann", "bob", 0.9),
    ("bob", "t", 0.85),
    ("me", "cat", 0.5),
    ("cat", "t", 0.6),
    ("me", "dan", 0.4),
    ("dan", "eve", 0.9),
    ("eve", "t", 0.9),
)


def test_the_best_path_comes_first_with_the_product_of_its_hops_as_score() -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=1)

    assert [p.nodes for p in paths] == [("me", "ann", "t")]
    assert paths[0].score == pytest.approx(0.72)
    assert paths[0].strengths == pytest.approx((0.9, 0.8))
    assert paths[0].first_introducer == "ann"


def test_distinct_first_introducers_come_before_a_second_path_through_the_same_one() -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=3)

    # me-ann-bob-t (0.69) is better than both others but shares Ann with the best path.
    assert [p.nodes for p in paths] == [
        ("me", "ann", "t"),
        ("me", "dan", "eve", "t"),
        ("me", "cat", "t"),
    ]
    assert len({p.first_introducer for p in paths}) == 3


def test_when_first_introducers_run_out_the_next_best_paths_fill_in() -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=4)

    assert [p.nodes for p in paths][:2] == [("me", "ann", "t"), ("me", "ann", "bob", "t")]
    assert len(paths) == 4


def test_k_larger_than_the_number_of_paths_returns_every_path_once() -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=20)

    assert len(paths) == len({p.nodes for p in paths}) == 4
    scores = [p.score for p in paths]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("max_hops", "expected"),
    [(1, 0), (2, 2), (3, 4)],
)
def test_max_hops_bounds_the_edges_between_people(max_hops: int, expected: int) -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=10, max_hops=max_hops)

    assert len(paths) == expected
    assert all(len(p.nodes) - 1 <= max_hops for p in paths)


def test_no_path_within_the_hop_limit_gives_an_empty_list() -> None:
    chain = graph(("me", "a", 0.9), ("a", "b", 0.9), ("b", "c", 0.9), ("c", "t", 0.9))

    assert referral_paths(chain, ["me"], ["t"], max_hops=3) == []
    assert [p.nodes for p in referral_paths(chain, ["me"], ["t"], max_hops=4)] == [
        ("me", "a", "b", "c", "t")
    ]


def test_excluded_people_never_introduce() -> None:
    paths = referral_paths(FAN, ["me"], ["t"], k=5, exclude=["ann"])

    assert all("ann" not in p.nodes for p in paths)
    assert [p.nodes for p in paths][0] == ("me", "dan", "eve", "t")


def test_employees_of_an_excluded_company_never_introduce() -> None:
    G = FAN.copy()
    nx.set_node_attributes(G, {"ann": {"acme"}, "eve": {"acme", "other"}}, "companies")

    paths = referral_paths(G, ["me"], ["t"], k=5, exclude_companies=["acme"])

    assert [p.nodes for p in paths] == [("me", "cat", "t")]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (IntroducerKind.ANY, {"ann", "cat", "dan"}),
        (IntroducerKind.COLLEAGUE, {"ann"}),
        (IntroducerKind.CUSTOMER, {"cat"}),
        (IntroducerKind.COLLEAGUE_OR_CUSTOMER, {"ann", "cat"}),
    ],
)
def test_the_introducer_filter_applies_to_every_person_in_the_middle(
    kind: IntroducerKind, expected: set[str]
) -> None:
    G = FAN.copy()
    nx.set_node_attributes(G, {"ann": True, "bob": True}, "colleague")
    nx.set_node_attributes(G, {"cat": True}, "customer")

    paths = referral_paths(G, ["me"], ["t"], k=10, introducers=kind)

    assert {p.first_introducer for p in paths} == expected
    if kind is IntroducerKind.COLLEAGUE:
        assert {p.nodes for p in paths} == {("me", "ann", "t"), ("me", "ann", "bob", "t")}


def test_a_company_target_prefers_its_decision_makers() -> None:
    G = graph(("me", "a", 0.8), ("a", "intern", 0.9), ("me", "b", 0.8), ("b", "cfo", 0.6))

    plain = referral_paths(G, ["me"], ["intern", "cfo"], k=1)
    weighted = referral_paths(
        G, ["me"], ["intern", "cfo"], k=2, target_weights={"intern": 0.3, "cfo": 1.0}
    )

    assert plain[0].target == "intern"
    assert [p.target for p in weighted] == ["cfo", "intern"]
    assert weighted[0].score == pytest.approx(0.48)
    assert weighted[1].score == pytest.approx(0.8 * 0.9 * 0.3)
    assert weighted[1].target_weight == pytest.approx(0.3)


def test_a_team_search_starts_from_whoever_knows_the_way_best_and_never_passes_a_source() -> None:
    G = graph(("me", "you", 1.0), ("you", "x", 0.9), ("me", "x", 0.2), ("x", "t", 0.5))

    paths = referral_paths(G, ["me", "you"], ["t"], k=5)

    assert [p.nodes for p in paths] == [("you", "x", "t"), ("me", "x", "t")]
    assert all(n not in {"me", "you"} for p in paths for n in p.nodes[1:])


def test_paths_never_visit_a_person_twice() -> None:
    G = nx.complete_graph(6)
    nx.set_edge_attributes(G, 0.5, "strength")

    paths = referral_paths(G, [0], [5], k=20, max_hops=5)

    assert all(len(set(p.nodes)) == len(p.nodes) for p in paths)
    assert len(paths) == len({p.nodes for p in paths})
    assert paths[0].nodes == (0, 5)
    assert math.isclose(paths[0].score, 0.5)


def test_against_brute_force_every_path_within_the_limit_is_found_in_score_order() -> None:
    G = nx.gnm_random_graph(12, 30, seed=3)
    for i, (u, v) in enumerate(G.edges):
        G[u][v]["strength"] = 0.3 + (i * 37 % 60) / 100

    found = referral_paths(G, [0], [11], k=500, max_hops=4, max_candidates=10_000)

    every = [p for p in nx.all_simple_paths(G, 0, 11, cutoff=4)]
    assert {p.nodes for p in found} == {tuple(p) for p in every}


@pytest.mark.parametrize(
    ("sources", "targets", "error"),
    [
        (["me"], ["nobody"], nx.NodeNotFound),
        ([], ["t"], ValueError),
        (["me"], ["me"], ValueError),
    ],
)
def test_bad_input_is_refused(sources: list[str], targets: list[str], error: type) -> None:
    with pytest.raises(error):
        referral_paths(FAN, sources, targets)


@pytest.mark.parametrize("arguments", [{"k": 0}, {"max_hops": 0}, {"target_weights": {"t": 0}}])
def test_out_of_range_arguments_are_refused(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        referral_paths(FAN, ["me"], ["t"], **arguments)  # type: ignore[arg-type]


def test_the_input_graph_is_not_changed() -> None:
    before = nx.to_dict_of_dicts(FAN)

    referral_paths(FAN, ["me"], ["t"], k=10)

    assert nx.to_dict_of_dicts(FAN) == before
