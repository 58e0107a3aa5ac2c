"""Warm-introduction paths: the k best loopless paths from our people to a target.

On an undirected graph whose edges carry a hop strength in (0, 1] (see
:mod:`algorithms.tie_evidence`), a path's **score** is the product of its hop strengths,
times the target's weight when the target is a company's employee (1.0 for a person):
``score = w(target) * prod(strength_i)``. Ranking by score is ranking by the cost
``-log w(target) + sum(-log strength_i)``, which is additive and non-negative, so shortest
paths are best paths.

The search, from a set of sources (one person, or the whole home team) to a set of
targets (one person, or a company's current employees):

1. **Best path per first introducer.** A dynamic programme over hop budgets, run backwards
   from the targets, gives every person the cheapest way on to a target within the hops
   left; combined with each source's ties, it yields the best path through each distinct
   first introducer (the person after the source). These are the real alternatives.
2. **Fill.** When fewer than ``k`` first introducers reach a target, Yen's algorithm
   (``networkx.shortest_simple_paths``, over a super-source joined to every source and a
   super-target joined from every target) adds the next-best paths, in score order, until
   ``k`` paths are found or ``max_candidates`` candidates were examined.

Rules every path keeps: at most ``max_hops`` hops (edges between people); no person twice;
no source in the middle; every person in the middle passes the introducer filter (a
colleague, a customer, either, or anyone) and is neither excluded nor employed at an
excluded company (sources and targets are never filtered). The result is ordered best first.

Node attributes read: ``colleague`` (bool), ``customer`` (bool: employed now at a company
with a won deal) and ``companies`` (the ids of the person's current employers).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Hashable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice

import networkx as nx

from schema.enums import IntroducerKind

__all__ = ["ReferralPath", "referral_paths"]

Node = Hashable
_INF = math.inf
_Step = tuple[float, int, Node | None]  # cost, hops, next person (None: end here)
_START, _END = ("__referral_start__",), ("__referral_end__",)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralPath:
    """One path: ``nodes`` from a source to a target, the strength of each hop, the target's
    weight and the score (their product)."""

    nodes: tuple[Node, ...]
    strengths: tuple[float, ...]
    target_weight: float
    score: float

    @property
    def source(self) -> Node:
        """Where the path starts."""
        return self.nodes[0]

    @property
    def target(self) -> Node:
        """The person the path reaches."""
        return self.nodes[-1]

    @property
    def first_introducer(self) -> Node | None:
        """The person after the source (None for a direct tie)."""
        return self.nodes[1] if len(self.nodes) > 2 else None


@dataclass(frozen=True, slots=True)
class _Search:
    """The search space: costs by node, who may stand in the middle, the targets' costs."""

    adjacency: dict[Node, dict[Node, float]]
    sources: frozenset[Node]
    ending: dict[Node, float]  # target -> -log(weight)
    middle: frozenset[Node]  # people allowed as introducers
    max_hops: int

    def enters(self, node: Node) -> bool:
        """Whether a path may step onto ``node`` (then go on, or end there)."""
        return node not in self.sources and (node in self.middle or node in self.ending)


def referral_paths(
    G: nx.Graph,
    sources: Collection[Node],
    targets: Collection[Node],
    *,
    k: int = 5,
    max_hops: int = 4,
    weight: str = "strength",
    target_weights: Mapping[Node, float] | None = None,
    exclude: Collection[Node] = (),
    exclude_companies: Collection[Hashable] = (),
    introducers: IntroducerKind = IntroducerKind.ANY,
    max_candidates: int = 200,
) -> list[ReferralPath]:
    """Return up to ``k`` loopless paths from ``sources`` to ``targets``, best first.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; edge attribute ``weight`` is the hop strength in (0, 1] (edges without
        a positive strength are not used).
    sources, targets : collections of nodes
        Where paths start (one person, or a team) and end (one person, or a company's
        employees); disjoint and non-empty.
    k : int, optional
        How many paths at most (default 5).
    max_hops : int, optional
        Most edges between people on a path (default 4).
    weight : str, optional
        The edge attribute holding the hop strength.
    target_weights : mapping, optional
        Weight in (0, 1] of each target (e.g. how much that person decides); 1.0 when
        missing.
    exclude : collection of nodes, optional
        People who may not be introducers.
    exclude_companies : collection, optional
        Companies whose current employees (node attribute ``companies``) may not be
        introducers.
    introducers : IntroducerKind, optional
        Who may stand in the middle: ANY, COLLEAGUE, CUSTOMER or COLLEAGUE_OR_CUSTOMER.
    max_candidates : int, optional
        Candidate paths Yen's algorithm may examine while filling (default 200).

    Returns
    -------
    list of ReferralPath
        Best first; empty when no path fits.

    Raises
    ------
    networkx.NodeNotFound
        If a source or a target is not in ``G``.
    ValueError
        If ``k`` or ``max_hops`` is below 1, sources or targets are empty or overlap, or a
        target weight is outside (0, 1].

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("me", "ann", strength=0.9)
    >>> G.add_edge("ann", "ceo", strength=0.5)
    >>> G.add_edge("me", "bob", strength=0.3)
    >>> G.add_edge("bob", "ceo", strength=0.9)
    >>> [(p.nodes, round(p.score, 2)) for p in referral_paths(G, ["me"], ["ceo"])]
    [(('me', 'ann', 'ceo'), 0.45), (('me', 'bob', 'ceo'), 0.27)]
    >>> referral_paths(G, ["me"], ["ceo"], max_hops=1)
    []
    """
    search = _prepare(
        G,
        sources,
        targets,
        k=k,
        max_hops=max_hops,
        weight=weight,
        target_weights=target_weights or {},
        excluded=_excluded(G, exclude, exclude_companies),
        introducers=introducers,
    )
    chosen = _best_per_first_introducer(search, k)
    if len(chosen) < k:
        chosen += _fill(search, chosen, k - len(chosen), max_candidates)
    found = [_path(search, nodes, G, weight) for nodes in chosen]
    return sorted(found, key=lambda p: (-p.score, len(p.nodes), [str(n) for n in p.nodes]))


def _excluded(
    G: nx.Graph, people: Collection[Node], companies: Collection[Hashable]
) -> frozenset[Node]:
    barred = set(people)
    if companies:
        wanted = set(companies)
        barred.update(n for n, at in G.nodes(data="companies") if at and wanted & set(at))
    return frozenset(barred)


def _may_introduce(data: Mapping[str, object], kind: IntroducerKind) -> bool:
    colleague, customer = bool(data.get("colleague")), bool(data.get("customer"))
    if kind is IntroducerKind.COLLEAGUE:
        return colleague
    if kind is IntroducerKind.CUSTOMER:
        return customer
    if kind is IntroducerKind.COLLEAGUE_OR_CUSTOMER:
        return colleague or customer
    return True


def _prepare(
    G: nx.Graph,
    sources: Collection[Node],
    targets: Collection[Node],
    *,
    k: int,
    max_hops: int,
    weight: str,
    target_weights: Mapping[Node, float],
    excluded: frozenset[Node],
    introducers: IntroducerKind,
) -> _Search:
    if k < 1 or max_hops < 1:
        raise ValueError("k and max_hops must be at least 1")
    starts, ends = frozenset(sources), frozenset(targets)
    if not starts or not ends:
        raise ValueError("sources and targets must not be empty")
    if starts & ends:
        raise ValueError("sources and targets must not overlap")
    for node in starts | ends:
        if node not in G:
            raise nx.NodeNotFound(f"{node!r} is not in the graph")
    ending = {}
    for t in ends:
        w = float(target_weights.get(t, 1.0))
        if not 0 < w <= 1:
            raise ValueError(f"the weight of target {t!r} must be within (0, 1]")
        ending[t] = -math.log(w)
    adjacency: dict[Node, dict[Node, float]] = {n: {} for n in G}
    for u, v, s in G.edges(data=weight):
        if s is not None and 0 < float(s) and u != v:
            cost = -math.log(min(float(s), 1.0))
            adjacency[u][v] = adjacency[v][u] = cost
    middle = frozenset(
        n
        for n, data in G.nodes(data=True)
        if n not in starts and n not in excluded and _may_introduce(data, introducers)
    )
    return _Search(adjacency, starts, ending, middle, max_hops)


def _onward(search: _Search) -> list[dict[Node, _Step]]:
    """``best[h][v]``: the cheapest (cost, hops, next person) from ``v``, already on the
    path, to the end of a target, within ``h`` more hops (next None: end at ``v``)."""
    stop: dict[Node, _Step] = {t: (c, 0, None) for t, c in search.ending.items()}
    best: list[dict[Node, _Step]] = [dict(stop)]
    for _ in range(search.max_hops - 1):
        previous, current = best[-1], dict(stop)
        for u, (cost_u, hops_u, _next) in previous.items():
            if u not in search.middle:
                cost_u, hops_u = stop.get(u, (_INF, 0, None))[:2]
                if cost_u == _INF:
                    continue
            for v, edge in search.adjacency[u].items():
                if v in search.sources:
                    continue
                candidate = (edge + cost_u, hops_u + 1, u)
                if _better(candidate, current.get(v)):
                    current[v] = candidate
        best.append(current)
    return best


def _better(candidate: _Step, incumbent: _Step | None) -> bool:
    if incumbent is None:
        return True
    if abs(candidate[0] - incumbent[0]) <= 1e-12:
        return candidate[1] < incumbent[1]
    return candidate[0] < incumbent[0]


def _entry(search: _Search, best: list[dict[Node, _Step]], node: Node, h: int) -> _Step | None:
    """The cheapest way on from ``node`` once stepped onto, within ``h`` more hops."""
    if node in search.middle:
        return best[h].get(node)
    return best[0].get(node)


def _best_per_first_introducer(search: _Search, k: int) -> list[tuple[Node, ...]]:
    best = _onward(search)
    per_first: dict[Node, tuple[float, int, Node, Node]] = {}
    for s in search.sources:
        for x, edge in search.adjacency[s].items():
            if not search.enters(x):
                continue
            onward = _entry(search, best, x, search.max_hops - 1)
            if onward is None:
                continue
            candidate = (edge + onward[0], onward[1] + 1, str(s), s)
            kept = per_first.get(x)
            if kept is None or candidate[:3] < kept[:3]:
                per_first[x] = candidate
    ranked = sorted(per_first.items(), key=lambda item: (item[1][:3], str(item[0])))
    paths = []
    for x, (_cost, _hops, _name, s) in ranked:
        nodes = _walk(search, best, s, x)
        if nodes is not None:
            paths.append(nodes)
        if len(paths) == k:
            break
    return paths


def _walk(
    search: _Search, best: list[dict[Node, _Step]], s: Node, x: Node
) -> tuple[Node, ...] | None:
    nodes, h, current = [s, x], search.max_hops - 1, x
    step = _entry(search, best, x, h)
    while step is not None and step[2] is not None:
        current, h = step[2], h - 1
        nodes.append(current)
        step = _entry(search, best, current, h)
    return tuple(nodes) if len(set(nodes)) == len(nodes) else None


def _fill(
    search: _Search, chosen: list[tuple[Node, ...]], missing: int, max_candidates: int
) -> list[tuple[Node, ...]]:
    """The next-best paths not in ``chosen``, by Yen's algorithm over the relevant part."""
    D = _directed(search)
    if _START not in D or _END not in D or not nx.has_path(D, _START, _END):
        return []
    taken, extra = set(chosen), []
    for path in islice(_simple_paths(D), max_candidates):
        people = tuple(path[1:-1])
        if len(people) - 1 > search.max_hops:
            continue
        if people not in taken:
            taken.add(people)
            extra.append(people)
            if len(extra) == missing:
                break
    return extra


def _simple_paths(D: nx.DiGraph) -> Iterator[list[Node]]:
    paths: Iterator[list[Node]] = nx.shortest_simple_paths(D, _START, _END, weight="cost")
    return paths


def _hops_from(search: _Search, seeds: Collection[Node], *, forward: bool) -> dict[Node, int]:
    """Hop distances from the sources (forward) or to the targets, through the middle."""
    seen = {n: 0 for n in seeds}
    frontier = list(seeds)
    for depth in range(1, search.max_hops + 1):
        following = []
        for u in frontier:
            if depth > 1 and u not in search.middle:
                continue
            for v in search.adjacency[u]:
                if v in seen or (forward and not search.enters(v)):
                    continue
                if not forward and v not in search.middle and v not in search.sources:
                    continue
                seen[v] = depth
                following.append(v)
        frontier = following
    return seen


def _directed(search: _Search) -> nx.DiGraph:
    """The part of the graph on some path of at most ``max_hops`` hops, directed from the
    sources to the targets, with a super-source and a super-target."""
    ahead = _hops_from(search, search.sources, forward=True)
    behind = _hops_from(search, list(search.ending), forward=False)
    kept = {n for n in ahead if n in behind and ahead[n] + behind[n] <= search.max_hops}
    D = nx.DiGraph()
    for s in search.sources & kept:
        D.add_edge(_START, s, cost=0.0)
    for t, cost in search.ending.items():
        if t in kept:
            D.add_edge(t, _END, cost=cost)
    for u in kept:
        if u not in search.sources and u not in search.middle:
            continue  # a target that may not introduce ends its path
        for v, cost in search.adjacency[u].items():
            if v in kept and search.enters(v):
                D.add_edge(u, v, cost=cost)
    return D


def _path(search: _Search, nodes: tuple[Node, ...], G: nx.Graph, weight: str) -> ReferralPath:
    strengths = tuple(min(float(G[u][v][weight]), 1.0) for u, v in itertools.pairwise(nodes))
    target_weight = math.exp(-search.ending[nodes[-1]])
    return ReferralPath(
        nodes=nodes,
        strengths=strengths,
        target_weight=target_weight,
        score=target_weight * math.prod(strengths),
    )
