"""Warm-introduction paths: resolve who searches for whom, project the bounded part of the
graph, weigh every hop from its evidence, and run the path search in a thread."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from types import MappingProxyType

import networkx as nx

from algorithms.referral_paths import ReferralPath, referral_paths
from algorithms.tie_evidence import DEFAULT_EVIDENCE, Evidence, EvidenceParameters, hop_strength
from api.graphql.loaders import RequestLoaders
from api.services.result_cache import RequestMarker, ResultCache
from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.projection.followed import FollowedReferralReader
from graph.reading.referrals import ReferralReader
from schema.enums import IntroducerKind, Seniority, TieEvidenceKind
from schema.errors import InvalidInput
from schema.reading.referrals import PairLinks, ReferralProjection
from schema.titles import classify_title

__all__ = [
    "MAX_HOPS",
    "MAX_K",
    "SENIORITY_WEIGHTS",
    "ExplainedHop",
    "ExplainedRoute",
    "NoReferralPath",
    "ReferralAnswer",
    "ReferralService",
    "Unknown",
    "evidence_of",
]

MAX_K, MAX_HOPS = 20, 6

SENIORITY_WEIGHTS: Mapping[Seniority, float] = MappingProxyType(
    {
        Seniority.BOARD: 1.0,
        Seniority.C_LEVEL: 1.0,
        Seniority.VP: 0.85,
        Seniority.DIRECTOR: 0.7,
        Seniority.MANAGER: 0.5,
        Seniority.INDIVIDUAL_CONTRIBUTOR: 0.3,
        Seniority.UNKNOWN: 0.4,
    }
)
"""A company target's weight per employee, from the seniority of their job: how much that
person decides. Replace it with decision-maker scores through ``target_weights``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExplainedHop:
    """One hop of a route: two people, its strength and all the evidence behind it."""

    from_uid: str
    to_uid: str
    strength: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExplainedRoute:
    """One path the search found, source first, every hop with its evidence: hops, score,
    the target's weight."""

    people: tuple[str, ...]
    hops: tuple[ExplainedHop, ...]
    score: float
    target_weight: float

    @property
    def first_introducer(self) -> str | None:
        """The person after the source (None for a direct tie)."""
        return self.people[1] if len(self.people) > 2 else None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralAnswer:
    """The paths, best first, and what was searched."""

    paths: tuple[ExplainedRoute, ...]
    nodes: int
    edges: int
    truncated: bool
    sources: int
    targets: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NoReferralPath:
    """No path within the hop limit: what was tried."""

    message: str
    max_hops: int
    k: int
    people_searched: int
    truncated: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Unknown:
    """An id that names no live record; ``field`` is the argument."""

    field: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Search:
    sources: frozenset[str]
    targets: Mapping[str, float]


def evidence_of(pair: PairLinks) -> list[Evidence]:
    """Every piece of evidence of a pair's links, for :func:`hop_strength`."""
    found = []
    if pair.knows is not None:
        k = pair.knows
        found.append(
            Evidence(
                kind=TieEvidenceKind.KNOWS, strength=k.strength, count=k.count, last_at=k.last_at
            )
        )
    for s in pair.stated:
        found.append(Evidence(kind=TieEvidenceKind.CONNECTED, start=s.since, label=s.kind))
    for t in pair.tenures:
        if t.board:
            kind = TieEvidenceKind.BOARD
        elif t.end is None:
            kind = TieEvidenceKind.COWORKERS
        else:
            kind = TieEvidenceKind.FORMER_COWORKERS
        found.append(Evidence(kind=kind, company=t.company_uid, start=t.start, end=t.end))
    return found


def build_graph(
    projection: ReferralProjection,
    seeds: Collection[str],
    *,
    as_of: date,
    parameters: EvidenceParameters,
) -> nx.Graph:
    """The projection as a graph: people with their facts, hops with strength and evidence."""
    G = nx.Graph()
    G.add_nodes_from(seeds)
    for uid, facts in projection.people.items():
        G.add_node(
            uid, colleague=facts.colleague, customer=facts.customer, companies=facts.companies
        )
    people = projection.people

    def hops() -> Iterator[tuple[str, str, dict[str, object]]]:
        for pair in projection.pairs:
            if pair.a_uid in people and pair.b_uid in people:
                evidence = tuple(evidence_of(pair))
                strength = hop_strength(evidence, as_of=as_of, parameters=parameters)
                yield pair.a_uid, pair.b_uid, {"strength": strength, "evidence": evidence}

    G.add_edges_from(hops())
    return G


class ReferralService:
    """Use cases of warm-introduction paths."""

    def __init__(
        self,
        client: GraphClient,
        loaders: RequestLoaders,
        *,
        node_cap: int = 2000,
        evidence: EvidenceParameters = DEFAULT_EVIDENCE,
        timeout: float = 20.0,
        reader: ReferralReader | FollowedReferralReader | None = None,
        cache: ResultCache | None = None,
        marker: RequestMarker | None = None,
    ) -> None:
        self.reader = reader or ReferralReader(client, timeout=timeout)
        self._cache, self._marker = cache, marker
        self.loaders = loaders
        self.node_cap = node_cap
        self.evidence = evidence

    async def paths(
        self,
        *,
        source: tuple[str, str] | None,
        target: tuple[str, str],
        k: int = 5,
        max_hops: int = 4,
        exclude_people: Collection[str] = (),
        exclude_companies: Collection[str] = (),
        introducers: IntroducerKind = IntroducerKind.ANY,
        target_weights: Mapping[str, float] | None = None,
    ) -> ReferralAnswer | NoReferralPath | Unknown:
        """The ``k`` best paths from ``source`` (("Person" | "Company", uid), or None for the
        home team) to ``target`` (a person, or a company's current employees)."""
        if not 1 <= k <= MAX_K:
            raise InvalidInput(f"k must be between 1 and {MAX_K}", field="k")
        if not 1 <= max_hops <= MAX_HOPS:
            raise InvalidInput(f"maxHops must be between 1 and {MAX_HOPS}", field="maxHops")
        search = partial(
            self._search,
            source=source,
            target=target,
            k=k,
            max_hops=max_hops,
            exclude_people=exclude_people,
            exclude_companies=exclude_companies,
            introducers=introducers,
            target_weights=target_weights,
        )
        if self._cache is None or self._marker is None:
            return await search()
        # The same question at the same state of the graph (and on the same day: open-ended
        # tenures are measured to today) has the same answer: asked again, it is not searched.
        key = (
            "referral-paths",
            source,
            target,
            k,
            max_hops,
            tuple(sorted(exclude_people)),
            tuple(sorted(exclude_companies)),
            introducers,
            tuple(sorted((target_weights or {}).items())),
            datetime.now(UTC).date(),
        )
        return await self._cache.get_or_compute(key, await self._marker.value(), search)

    async def _search(
        self,
        *,
        source: tuple[str, str] | None,
        target: tuple[str, str],
        k: int,
        max_hops: int,
        exclude_people: Collection[str],
        exclude_companies: Collection[str],
        introducers: IntroducerKind,
        target_weights: Mapping[str, float] | None,
    ) -> ReferralAnswer | NoReferralPath | Unknown:
        resolved = await self._resolve(source, target, target_weights)
        if not isinstance(resolved, _Search):
            return resolved
        if not resolved.sources or not resolved.targets:
            who = "nobody to start from" if not resolved.sources else "nobody to reach"
            return NoReferralPath(
                message=f"no path: {who}",
                max_hops=max_hops,
                k=k,
                people_searched=0,
                truncated=False,
            )
        projection = await self.reader.project(
            resolved.sources,
            resolved.targets.keys(),
            max_hops=max_hops,
            node_cap=self.node_cap,
            stated_weight=self.evidence.connection,
            tenure_weight=self.evidence.former_coworkers,
        )
        seeds = resolved.sources | resolved.targets.keys()
        G = await in_cpu_lane(
            build_graph, projection, seeds, as_of=datetime.now(UTC).date(), parameters=self.evidence
        )
        found = await in_cpu_lane(
            referral_paths,
            G,
            resolved.sources,
            resolved.targets.keys(),
            k=k,
            max_hops=max_hops,
            target_weights=_hashable(resolved.targets),
            exclude=frozenset(exclude_people),
            exclude_companies=frozenset(exclude_companies),
            introducers=introducers,
        )
        if not found:
            return NoReferralPath(
                message=f"no path of at most {max_hops} hops",
                max_hops=max_hops,
                k=k,
                people_searched=G.number_of_nodes(),
                truncated=projection.truncated,
            )
        return ReferralAnswer(
            paths=tuple(_route(G, p) for p in found),
            nodes=G.number_of_nodes(),
            edges=G.number_of_edges(),
            truncated=projection.truncated,
            sources=len(resolved.sources),
            targets=len(resolved.targets),
        )

    async def _resolve(
        self,
        source: tuple[str, str] | None,
        target: tuple[str, str],
        weights: Mapping[str, float] | None,
    ) -> _Search | Unknown:
        sources = await self._sources(source)
        if isinstance(sources, Unknown):
            return sources
        targets = await self._targets(target, weights)
        if isinstance(targets, Unknown):
            return targets
        return _Search(
            sources=frozenset(sources),
            targets={t: w for t, w in targets.items() if t not in sources},
        )

    async def _sources(self, source: tuple[str, str] | None) -> set[str] | Unknown:
        if source is not None and source[0] == "Person":
            if await self.loaders.person.load(source[1]) is None:
                return Unknown(field="from", message="no person with this id")
            return {source[1]}
        home, team = await self.reader.home_team()
        if source is not None:
            if source[0] != "Company":
                raise InvalidInput("from must be a Person or the home Company", field="from")
            if await self.loaders.company.load(source[1]) is None:
                return Unknown(field="from", message="no company with this id")
            if source[1] != home:
                raise InvalidInput("from must be a Person or the home Company", field="from")
        return set(team)

    async def _targets(
        self, target: tuple[str, str], weights: Mapping[str, float] | None
    ) -> dict[str, float] | Unknown:
        kind, uid = target
        if kind == "Person":
            if await self.loaders.person.load(uid) is None:
                return Unknown(field="to", message="no person with this id")
            return {uid: 1.0}
        if kind != "Company":
            raise InvalidInput("to must be a Person or a Company", field="to")
        if await self.loaders.company.load(uid) is None:
            return Unknown(field="to", message="no company with this id")
        employees = await self.reader.company_employees(uid)
        given = weights or {}
        return {
            person: _bounded(given.get(person, SENIORITY_WEIGHTS[_seniority(seniority, title)]))
            for person, seniority, title in employees
        }


def _seniority(known: Seniority, title: str | None) -> Seniority:
    """The job's seniority, or else the one its title reads as."""
    return known if known is not Seniority.UNKNOWN else classify_title(title).seniority


def _hashable(weights: Mapping[str, float]) -> dict[Hashable, float]:
    return dict(weights.items())


def _bounded(weight: float) -> float:
    return min(max(weight, 0.01), 1.0)


def _route(G: nx.Graph, path: ReferralPath) -> ExplainedRoute:
    people = tuple(str(n) for n in path.nodes)
    hops = tuple(
        ExplainedHop(
            from_uid=a,
            to_uid=b,
            strength=strength,
            evidence=tuple(G[a][b]["evidence"]),
        )
        for a, b, strength in zip(people, people[1:], path.strengths, strict=False)
    )
    return ExplainedRoute(
        people=people, hops=hops, score=path.score, target_weight=path.target_weight
    )
