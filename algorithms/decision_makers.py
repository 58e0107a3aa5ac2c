"""Who decides inside an account: people ranked by a score with its breakdown.

The score of a person is ``sum(weight_t * value_t)`` over five terms, each valued 0..1:

* **seniority**: the title's seniority (board or chair 1.0, C-level 0.9, VP 0.75,
  director 0.55, manager 0.35, individual contributor 0.1, unknown 0.2);
* **org level**: ``1 / (1 + level)`` with ``level`` the distance from the top of the org
  chart (explicit and inferred lines): 1 for the top, 0.5 one level down;
* **span of control**: ``log(1 + team) / log(headcount)``, the people below them
  (directly or not) against the company's size;
* **influence**: betweenness centrality in the account's own interaction graph (edges
  weigh KNOWS strength plus ``meeting_weight`` per shared meeting; distance is
  ``1 / weight``), over the highest in the company: who the account's people go through
  (estimated from ``influence_pivots`` seeded sources in larger accounts, the paths counted
  by igraph: see :func:`betweenness`);
* **deal roles**: ``1 - exp(-x)`` with ``x`` the sum of ``role_weights[role] * recency``
  over the person's roles in deals with the account (open deals count fully, closed ones
  halve every ``deal_half_life_days`` after closing); decision maker and economic buyer
  weigh most, a user nothing.

Tuned on the demo data against the generator's true org depth (``relgraph quality``):
betweenness rather than PageRank, because PageRank orders the many individual contributors
among themselves by noise, where betweenness leaves them level.

Each result carries the value, weight, contribution and a sentence per term, and a
one-line summary.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

import networkx as nx

from algorithms.betweenness import betweenness
from algorithms.org_chart import ChartPosition, OrgChart
from schema.enums import DealContactRole, DealStage, Seniority

__all__ = [
    "DEFAULT_WEIGHTS",
    "DealInvolvement",
    "DecisionMaker",
    "DecisionMakerWeights",
    "ScoreTerm",
    "rank_decision_makers",
]

_SENIORITY_VALUES = MappingProxyType(
    {
        Seniority.BOARD: 1.0,
        Seniority.C_LEVEL: 0.9,
        Seniority.VP: 0.75,
        Seniority.DIRECTOR: 0.55,
        Seniority.MANAGER: 0.35,
        Seniority.INDIVIDUAL_CONTRIBUTOR: 0.1,
        Seniority.UNKNOWN: 0.2,
    }
)
_ROLE_WEIGHTS = MappingProxyType(
    {
        DealContactRole.DECISION_MAKER: 1.0,
        DealContactRole.ECONOMIC_BUYER: 1.0,
        DealContactRole.CHAMPION: 0.5,
        DealContactRole.TECHNICAL_BUYER: 0.5,
        DealContactRole.INFLUENCER: 0.4,
        DealContactRole.BLOCKER: 0.3,
        DealContactRole.USER: 0.0,
    }
)
_CLOSED = frozenset({DealStage.CLOSED_WON, DealStage.CLOSED_LOST})
_SENIORITY_WORDS = MappingProxyType(
    {
        Seniority.BOARD: "board-level",
        Seniority.C_LEVEL: "C-level",
        Seniority.VP: "VP-level",
        Seniority.DIRECTOR: "director-level",
        Seniority.MANAGER: "manager-level",
        Seniority.INDIVIDUAL_CONTRIBUTOR: "individual contributor",
        Seniority.UNKNOWN: "seniority unknown from the",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionMakerWeights:
    """The weight of each term, and the constants inside the terms."""

    seniority: float = 0.3
    org_level: float = 0.35
    span_of_control: float = 0.1
    influence: float = 0.1
    deal_roles: float = 0.15
    meeting_weight: float = 0.1
    influence_pivots: int = 256
    deal_half_life_days: float = 365.0
    role_weights: Mapping[DealContactRole, float] = field(default_factory=lambda: _ROLE_WEIGHTS)

    def __post_init__(self) -> None:
        terms = (self.seniority, self.org_level, self.span_of_control, self.influence)
        if min(*terms, self.deal_roles, self.meeting_weight) < 0:
            raise ValueError("weights must not be negative")
        if self.deal_half_life_days <= 0:
            raise ValueError("deal_half_life_days must be positive")
        if self.influence_pivots < 1:
            raise ValueError("influence_pivots must be positive")


DEFAULT_WEIGHTS = DecisionMakerWeights()


@dataclass(frozen=True, slots=True, kw_only=True)
class DealInvolvement:
    """One role of a person in one deal with the account."""

    deal: str
    role: DealContactRole
    stage: DealStage
    close_date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreTerm:
    """One term of a score: ``contribution = weight * value``, and what it means."""

    name: str
    value: float
    weight: float
    contribution: float
    explanation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionMaker:
    """A ranked person: ``score`` is the sum of the terms' contributions."""

    person: str
    rank: int
    score: float
    terms: tuple[ScoreTerm, ...]
    summary: str


def rank_decision_makers(
    G: nx.DiGraph,
    *,
    chart: OrgChart,
    as_of: date,
    deal_roles: Mapping[str, Sequence[DealInvolvement]] | None = None,
    weights: DecisionMakerWeights = DEFAULT_WEIGHTS,
    limit: int | None = None,
    seed: int = 0,
) -> tuple[DecisionMaker, ...]:
    """Rank the people of ``G`` by how much they decide, best first.

    Parameters
    ----------
    G : networkx.DiGraph
        The account's people and what is known between them, as for
        :func:`algorithms.org_chart.infer_org_chart` (``seniority``, ``title``,
        ``company`` on nodes; ``strength`` and ``meetings`` on edges).
    chart : OrgChart
        The org chart of ``G`` (its levels and teams count, inferred lines included).
    as_of : date
        The day the ranking is for (closed deals age from their close date to it).
    deal_roles : mapping of person to DealInvolvement, optional
        Each person's roles in deals with the account.
    weights : DecisionMakerWeights, optional
        Term weights and constants.
    limit : int, optional
        How many to return (all by default).
    seed : int, optional
        Seeds the choice of pivots when an account has more people than
        ``weights.influence_pivots`` (betweenness is then estimated from that many sources).

    Returns
    -------
    tuple of DecisionMaker
        Ranks from 1; ties are broken by person id.

    Raises
    ------
    ValueError
        If ``limit`` is below 1 or a person of ``G`` has no position in ``chart``.

    Examples
    --------
    >>> from algorithms.org_chart import infer_org_chart
    >>> from schema.enums import Department as D, Seniority as S
    >>> G = nx.DiGraph()
    >>> G.add_node("ceo", company="c", seniority=S.C_LEVEL, department=D.EXECUTIVE)
    >>> G.add_node("dev", company="c", seniority=S.INDIVIDUAL_CONTRIBUTOR,
    ...            department=D.ENGINEERING)
    >>> G.add_edge("dev", "ceo", reports_to=True)
    >>> ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=date(2026, 1, 1))
    >>> [(d.person, d.rank) for d in ranked]
    [('ceo', 1), ('dev', 2)]
    >>> round(sum(t.contribution for t in ranked[0].terms), 6) == round(ranked[0].score, 6)
    True
    """
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    missing = [uid for uid in G if uid not in chart.positions]
    if missing:
        raise ValueError(f"no chart position for {missing[0]!r}")
    influence = _influence(G, weights, seed)
    companies = _headcounts(chart, G)
    roles = deal_roles or {}
    scored = [
        _score(
            G, uid, chart.positions[uid], companies, influence, roles.get(uid, ()), as_of, weights
        )
        for uid in G
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = scored if limit is None else scored[:limit]
    return tuple(
        DecisionMaker(person=uid, rank=i, score=score, terms=terms, summary=_summary(G, uid, terms))
        for i, (score, uid, terms) in enumerate(chosen, start=1)
    )


def _influence(G: nx.DiGraph, weights: DecisionMakerWeights, seed: int) -> dict[str, float]:
    """Betweenness of each person over KNOWS and shared meetings, over the company's best."""
    H = nx.Graph()
    H.add_nodes_from(G)
    for u, v, data in G.edges(data=True):
        if G.nodes[u].get("company") != G.nodes[v].get("company"):
            continue
        meetings = float(data.get("meetings", 0))
        w = float(data.get("strength") or 0.0) + weights.meeting_weight * meetings
        if w > 0:
            H.add_edge(u, v, weight=max(w, H.get_edge_data(u, v, {}).get("weight", 0.0)))
    if H.number_of_edges() == 0:
        return dict.fromkeys(G, 0.0)
    for _, _, d in H.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    between = betweenness(H, pivots=weights.influence_pivots, seed=seed)
    best: dict[str, float] = defaultdict(float)
    for uid, value in between.items():
        company = str(G.nodes[uid].get("company"))
        best[company] = max(best[company], value)
    return {
        uid: value / best[c] if best[(c := str(G.nodes[uid].get("company")))] > 0 else 0.0
        for uid, value in between.items()
    }


def _headcounts(chart: OrgChart, G: nx.DiGraph) -> dict[str, int]:
    """People per company."""
    size: dict[str, int] = defaultdict(int)
    for uid in G:
        size[chart.positions[uid].company] += 1
    return dict(size)


def _deal_value(
    roles: Sequence[DealInvolvement], as_of: date, weights: DecisionMakerWeights
) -> float:
    total = 0.0
    for r in roles:
        recency = 1.0
        if r.stage in _CLOSED and r.close_date is not None and r.close_date < as_of:
            age = (as_of - r.close_date).days
            recency = 0.5 ** (age / weights.deal_half_life_days)
        total += weights.role_weights.get(r.role, 0.0) * recency
    return 1.0 - math.exp(-total)


def _score(
    G: nx.DiGraph,
    uid: str,
    position: ChartPosition,
    companies: Mapping[str, int],
    influence: Mapping[str, float],
    roles: Sequence[DealInvolvement],
    as_of: date,
    weights: DecisionMakerWeights,
) -> tuple[float, str, tuple[ScoreTerm, ...]]:
    seniority = G.nodes[uid].get("seniority") or Seniority.UNKNOWN
    headcount = companies[position.company]
    values = (
        ("seniority", weights.seniority, _SENIORITY_VALUES[seniority]),
        ("org level", weights.org_level, 1.0 / (1.0 + position.level)),
        (
            "span of control",
            weights.span_of_control,
            math.log1p(position.team_size) / math.log(headcount) if headcount > 1 else 0.0,
        ),
        ("influence", weights.influence, influence[uid]),
        ("deal roles", weights.deal_roles, _deal_value(roles, as_of, weights)),
    )
    words = _explanations(G, uid, position, roles, influence[uid])
    terms = tuple(
        ScoreTerm(
            name=name,
            value=round(value, 4),
            weight=weight,
            contribution=round(weight * round(value, 4), 6),
            explanation=words[name],
        )
        for name, weight, value in values
    )
    return round(math.fsum(t.contribution for t in terms), 6), uid, terms


def _explanations(
    G: nx.DiGraph,
    uid: str,
    position: ChartPosition,
    roles: Sequence[DealInvolvement],
    central: float,
) -> dict[str, str]:
    data = G.nodes[uid]
    seniority = data.get("seniority") or Seniority.UNKNOWN
    title = data.get("title")
    level = (
        "the top of the org chart"
        if position.level == 0
        else f"{position.level} level{'s' if position.level > 1 else ''} below the top"
    )
    if position.line is not None and position.line.kind.value == "inferred":
        level += ", through an inferred line"
    team = (
        f"{position.team_size} {'person' if position.team_size == 1 else 'people'} below, "
        f"{position.direct_reports} of them directly"
        if position.team_size
        else "nobody reports to them"
    )
    return {
        "seniority": f"{_SENIORITY_WORDS[seniority]} title ({title})"
        if title
        else "no title known",
        "org level": level,
        "span of control": team,
        "influence": f"{central:.0%} of the account's top broker: how often the account's "
        "people reach each other through them (KNOWS ties and shared meetings)"
        if central
        else "nobody in the account reaches others through them",
        "deal roles": _roles_sentence(roles),
    }


def _roles_sentence(roles: Sequence[DealInvolvement]) -> str:
    if not roles:
        return "no role in a deal with us"
    counts: dict[DealContactRole, list[int]] = defaultdict(lambda: [0, 0])
    for r in roles:
        counts[r.role][0] += 1
        counts[r.role][1] += r.stage not in _CLOSED
    order = sorted(counts, key=lambda role: -_ROLE_WEIGHTS.get(role, 0.0))
    parts = [
        f"{role.value.replace('_', ' ')} on {n} deal{'s' if n > 1 else ''}"
        + (f" ({open_} open)" if open_ else "")
        for role in order
        for n, open_ in [counts[role]]
    ]
    return ", ".join(parts)


def _summary(G: nx.DiGraph, uid: str, terms: Sequence[ScoreTerm]) -> str:
    title = G.nodes[uid].get("title") or "no title known"
    best = sorted((t for t in terms if t.name != "seniority"), key=lambda t: -t.contribution)
    return "; ".join([str(title)] + [t.explanation for t in best[:2] if t.contribution > 0])
