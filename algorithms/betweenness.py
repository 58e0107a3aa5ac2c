"""Betweenness centrality as networkx estimates it, with the shortest paths counted by
igraph (in C): the decision-maker ranking's influence term on large accounts."""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx

__all__ = ["betweenness"]


def betweenness(H: nx.Graph, *, pivots: int, seed: int) -> dict[str, float]:
    """Betweenness centrality over the edges' ``distance``, exactly as
    ``nx.betweenness_centrality(H, k=..., weight="distance", seed=seed)`` estimates it (from
    ``pivots`` sources drawn as networkx draws them, when ``H`` has more nodes), up to a
    common factor; the shortest paths are counted by igraph, in C, since large accounts
    made this the slowest step of a ranking. (Two paths whose lengths differ by rounding
    only count as equally short here, where networkx needs exact equality.)

    >>> H = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_edge_attributes(H, 1.0, "distance")
    >>> ours = betweenness(H, pivots=256, seed=0)
    >>> theirs = nx.betweenness_centrality(H, weight="distance")
    >>> all(abs(ours[v] / ours["b"] - theirs[v] / theirs["b"]) < 1e-12 for v in H)
    True
    """
    nodes = list(H)
    sources = random.Random(seed).sample(nodes, pivots) if len(nodes) > pivots else None
    at = {v: i for i, v in enumerate(nodes)}
    edges = list(H.edges(data="distance"))
    graph = ig.Graph(n=len(nodes), edges=[(at[u], at[v]) for u, v, _ in edges])
    counted = graph.betweenness(
        weights=[float(d) for _, _, d in edges] or None,
        sources=None if sources is None else [at[s] for s in sources],
    )
    if sources is None:
        return {v: float(counted[at[v]]) for v in nodes}
    # As networkx rescales an estimate: a source cannot lie between itself and others.
    drawn = set(sources)
    return {v: counted[at[v]] / (pivots - 1 if v in drawn else pivots) for v in nodes}
