"""Louvain communities: Zachary's karate club and small graphs checked by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from algorithms.communities import louvain_partition


def karate() -> tuple[nx.Graph, set[int]]:
    club = nx.karate_club_graph()
    plain = nx.Graph(club.edges())  # the classic unweighted graph
    mr_hi = {n for n, d in club.nodes(data=True) if d["club"] == "Mr. Hi"}
    return plain, mr_hi


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_every_karate_community_stays_within_one_faction_and_beats_the_split(seed: int) -> None:
    G, mr_hi = karate()
    split = nx.community.modularity(G, [mr_hi, set(G) - mr_hi])

    partition = louvain_partition(G, seed=seed)

    assert 0.41 < partition.modularity and split < partition.modularity  # split: 0.358
    for community in partition.communities:
        inside = sum(1 for member in community.members if member in mr_hi)
        assert max(inside, community.size - inside) / community.size >= 0.9


def test_at_a_low_resolution_the_karate_club_splits_into_its_two_factions() -> None:
    G, mr_hi = karate()

    partition = louvain_partition(G, seed=0, resolution=0.5)

    assert [c.size for c in partition.communities] == [18, 16]
    officers = set(partition.communities[0].members)
    # Zachary's member 9 (node 8) sided with Mr. Hi though most of his ties are officers'.
    assert officers == (set(G) - mr_hi) | {8}


def test_the_same_seed_gives_the_same_partition() -> None:
    G, _ = karate()

    first, second = louvain_partition(G, seed=3), louvain_partition(G, seed=3)

    assert first == second


def test_weights_decide_which_side_a_bridge_node_joins() -> None:
    G = nx.Graph()
    G.add_weighted_edges_from(
        [
            (1, 2, 1.0),
            (2, 3, 1.0),
            (1, 3, 1.0),
            (4, 5, 1.0),
            (5, 6, 1.0),
            (4, 6, 1.0),
            (7, 3, 0.1),
            (7, 4, 2.0),
        ]
    )

    partition = louvain_partition(G, seed=0)

    assert partition.of(7) == partition.of(4) != partition.of(3)


def test_members_come_most_connected_first_and_ids_follow_size() -> None:
    G = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b"), ("x", "y")])

    partition = louvain_partition(G, seed=0)

    assert [c.id for c in partition.communities] == [0, 1]
    assert partition.communities[0].members[0] == "hub"
    assert partition.communities[1].members == ("x", "y")
    assert partition.communities[1].internal_weight == pytest.approx(1.0)
    assert partition.of("nobody") is None


def test_an_isolated_node_is_a_community_of_its_own_and_an_empty_graph_has_none() -> None:
    G = nx.Graph([(1, 2)])
    G.add_node(3)

    assert [c.members for c in louvain_partition(G, seed=0).communities] == [(1, 2), (3,)]
    assert louvain_partition(nx.Graph()).communities == ()


@pytest.mark.parametrize("graph", [nx.DiGraph([(1, 2)]), nx.MultiGraph([(1, 2)])])
def test_directed_graphs_and_multigraphs_are_refused(graph: nx.Graph) -> None:
    with pytest.raises(nx.NetworkXNotImplemented):
        louvain_partition(graph)


def test_resolution_must_be_positive() -> None:
    with pytest.raises(ValueError):
        louvain_partition(nx.Graph([(1, 2)]), resolution=0)
