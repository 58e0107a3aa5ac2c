"""Communities of related accounts: Louvain over the company-link graph.

The graph has one node per company and one edge per linked pair, weighted by how confident
the link is. Louvain (Blondel et al. 2008, ``nx.community.louvain_communities``) moves nodes
between communities while modularity grows, then folds each community into a node and
repeats; it is randomised, so ``seed`` fixes the result for one graph.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx

__all__ = ["Community", "Partition", "louvain_partition"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Community:
    """One community: ``id`` (0 for the largest), its members (most connected inside the
    community first) and the total weight of the edges inside it."""

    id: int
    members: tuple[Hashable, ...]
    internal_weight: float

    @property
    def size(self) -> int:
        """How many members it has."""
        return len(self.members)


@dataclass(frozen=True, slots=True, kw_only=True)
class Partition:
    """Every node's community, and the modularity of the whole partition."""

    communities: tuple[Community, ...]
    modularity: float
    membership: Mapping[Hashable, int]

    def of(self, node: Hashable) -> Community | None:
        """The community of ``node``, or None when it is not in the graph."""
        index = self.membership.get(node)
        return None if index is None else self.communities[index]


def _members(G: nx.Graph, group: set[Hashable], weight: str) -> tuple[Hashable, ...]:
    inside = G.subgraph(group)
    strength = dict(inside.degree(weight=weight))
    return tuple(sorted(group, key=lambda n: (-strength[n], str(n))))


def louvain_partition(
    G: nx.Graph,
    *,
    weight: str = "weight",
    resolution: float = 1.0,
    seed: int | None = 0,
) -> Partition:
    """Split ``G`` into communities with Louvain, largest community first.

    Parameters
    ----------
    G : nx.Graph
        Undirected; edge attribute ``weight`` (1 when missing) says how strongly two nodes
        are related. It is not modified.
    weight : str, optional
        The edge attribute holding the weight.
    resolution : float, optional
        Above 1 favours smaller communities, below 1 larger ones.
    seed : int or None, optional
        Seed of Louvain's random node order; the same seed gives the same partition.

    Returns
    -------
    Partition
        Communities by size (largest first, ties by their first member), ids 0, 1, ...;
        isolated nodes are communities of their own.

    Raises
    ------
    networkx.NetworkXNotImplemented
        If ``G`` is directed or a multigraph.
    ValueError
        If ``resolution`` is not positive.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> partition = louvain_partition(G, seed=1)
    >>> [sorted(c.members) for c in partition.communities]
    [[1, 2, 3], [4, 5, 6]]
    >>> round(partition.modularity, 3), partition.of(5).id, partition.of(9) is None
    (0.357, 1, True)
    """
    if G.is_directed() or G.is_multigraph():
        raise nx.NetworkXNotImplemented("louvain_partition needs an undirected simple graph")
    if resolution <= 0:
        raise ValueError("resolution must be positive")
    if G.number_of_nodes() == 0:
        return Partition(communities=(), modularity=0.0, membership=MappingProxyType({}))
    groups = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    ranked = sorted(
        (_members(G, set(group), weight) for group in groups), key=lambda m: (-len(m), str(m[0]))
    )
    communities = tuple(
        Community(
            id=i,
            members=members,
            internal_weight=float(G.subgraph(members).size(weight=weight)),
        )
        for i, members in enumerate(ranked)
    )
    membership = {node: c.id for c in communities for node in c.members}
    modularity = nx.community.modularity(
        G, [set(c.members) for c in communities], weight=weight, resolution=resolution
    )
    return Partition(
        communities=communities,
        modularity=float(modularity),
        membership=MappingProxyType(membership),
    )
