"""Hidden account links and communities of related accounts.

One company's links come from its bounded neighbourhood (:meth:`LinkProjection.company`,
from the resident projection when the app follows one: ``FollowedLinkProjection``);
the strongest links across all accounts and the communities come from the company-level
evidence of the whole graph (:meth:`LinkProjection.everything`). Both arrive as typed
records (:class:`~schema.reading.link_projection.CompanyNetwork`); the graph the algorithm
reads is built from them (:mod:`api.services.link_graph`) in the worker thread where it runs.
Every answer is cached per app, keyed by the question, today's date and the graph change
marker (:mod:`api.services.result_cache`), so it is computed again after any write.

The global list keeps links of confidence :data:`GLOBAL_FLOOR` and more. Communities are
Louvain (seeded) over the accounts linked at :data:`COMMUNITY_FLOOR` or more, each pair
weighted by its links' confidences combined (noisy-OR); our own company is left out (it is
linked to everyone it ever hired from).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from algorithms.communities import Partition, louvain_partition
from algorithms.hidden_links import DEFAULT_PARAMETERS, HiddenLink, LinkParameters, hidden_links
from api.services.link_graph import community_graph, link_graph
from api.services.result_cache import RequestMarker, ResultCache
from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.projection.followed_intel import FollowedLinkProjection
from graph.reading.link_projection import DEFAULT_LIMITS, LinkProjection, ProjectionLimits
from schema.enums import HiddenLinkKind
from schema.errors import InvalidInput
from schema.names import company_name_similarity
from schema.reading.link_projection import CompanyNetwork

__all__ = [
    "COMMUNITY_FLOOR",
    "GLOBAL_FLOOR",
    "MAX_FIRST",
    "CompanyLinks",
    "HiddenLinksService",
    "LinkList",
    "LinkedCommunity",
]

GLOBAL_FLOOR = 0.1
"""The weakest link the global list keeps."""
COMMUNITY_FLOOR = 0.3
"""The weakest link that ties two accounts into one community."""
COMMUNITY_SEED = 7
MAX_FIRST = 100
COMMUNITY_LINKS = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyLinks:
    """One company's links that passed the filters: the first ones, and how many in all."""

    company_uid: str
    links: tuple[HiddenLink, ...]
    total: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkList:
    """Links across all accounts, best first: the first ones, and how many in all."""

    links: tuple[HiddenLink, ...]
    total: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkedCommunity:
    """A community: its members (most connected first), the strongest links inside it,
    and the modularity of the partition it belongs to."""

    id: int
    size: int
    member_uids: tuple[str, ...]
    links: tuple[HiddenLink, ...]
    modularity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class _Everything:
    links: tuple[HiddenLink, ...]
    home: frozenset[str]


def _today() -> date:
    return datetime.now(UTC).date()


def _check(min_confidence: float, first: int) -> None:
    if not 0.0 <= min_confidence <= 1.0:
        raise InvalidInput("minConfidence must be between 0 and 1", field="minConfidence")
    if not 1 <= first <= MAX_FIRST:
        raise InvalidInput(f"first must be between 1 and {MAX_FIRST}", field="first")


def _select(
    links: Sequence[HiddenLink], min_confidence: float, kinds: Collection[HiddenLinkKind] | None
) -> list[HiddenLink]:
    wanted = frozenset(kinds) if kinds else frozenset(HiddenLinkKind)
    return [link for link in links if link.kind in wanted and link.confidence >= min_confidence]


class HiddenLinksService:
    """Hidden links of one company, the strongest across all, and communities."""

    def __init__(
        self,
        client: GraphClient,
        *,
        cache: ResultCache,
        marker: RequestMarker,
        today: Callable[[], date] = _today,
        limits: ProjectionLimits = DEFAULT_LIMITS,
        parameters: LinkParameters = DEFAULT_PARAMETERS,
        projection: LinkProjection | FollowedLinkProjection | None = None,
    ) -> None:
        self._projection = projection or LinkProjection(client, limits=limits)
        self._cache, self._marker, self._today = cache, marker, today
        self._parameters = parameters

    def _links(
        self, network: CompanyNetwork, *, source: str | None, as_of: date, min_confidence: float
    ) -> list[HiddenLink]:
        """The links of a projection (of ``source`` only, when given); runs in a thread."""
        return hidden_links(
            link_graph(network),
            source=source,
            as_of=as_of,
            min_confidence=min_confidence,
            name_score=company_name_similarity,
            parameters=self._parameters,
        )

    async def company_links(
        self,
        company_uid: str,
        *,
        min_confidence: float = 0.3,
        kinds: Collection[HiddenLinkKind] | None = None,
        first: int = 20,
    ) -> CompanyLinks | None:
        """The links of one live company, best first; None when there is no such company."""
        _check(min_confidence, first)
        as_of = self._today()

        async def compute() -> tuple[HiddenLink, ...] | None:
            network = await self._projection.company(company_uid, as_of=as_of)
            if network is None:
                return None
            found = await in_cpu_lane(
                self._links, network, source=company_uid, as_of=as_of, min_confidence=0.0
            )
            return tuple(found)

        key = ("company-links", company_uid, as_of)
        links = await self._cache.get_or_compute(key, await self._marker.value(), compute)
        if links is None:
            return None
        chosen = _select(links, min_confidence, kinds)
        return CompanyLinks(company_uid=company_uid, links=tuple(chosen[:first]), total=len(chosen))

    async def top_links(
        self,
        *,
        first: int = 20,
        min_confidence: float = 0.5,
        kinds: Collection[HiddenLinkKind] | None = None,
    ) -> LinkList:
        """The strongest links across all accounts, best first."""
        _check(min_confidence, first)
        chosen = await self.links_above(min_confidence, kinds=kinds)
        return LinkList(links=tuple(chosen[:first]), total=len(chosen))

    async def links_above(
        self, min_confidence: float, *, kinds: Collection[HiddenLinkKind] | None = None
    ) -> list[HiddenLink]:
        """Every link across all accounts at least ``min_confidence`` strong (the global
        list stops at :data:`GLOBAL_FLOOR`), best first."""
        return _select((await self._everything()).links, min_confidence, kinds)

    async def community_of(self, company_uid: str) -> LinkedCommunity | None:
        """The community of an account; None for our own company and for accounts linked
        to no other at :data:`COMMUNITY_FLOOR` or more."""
        partition = await self._partition()
        community = partition.of(company_uid)
        if community is None:
            return None
        members = frozenset(community.members)
        inside = [
            link
            for link in (await self._everything()).links
            if link.company_a in members and link.company_b in members
        ]
        return LinkedCommunity(
            id=community.id,
            size=community.size,
            member_uids=tuple(str(m) for m in community.members),
            links=tuple(inside[:COMMUNITY_LINKS]),
            modularity=partition.modularity,
        )

    async def _everything(self) -> _Everything:
        as_of = self._today()

        async def compute() -> _Everything:
            network = await self._projection.everything(as_of=as_of)
            found = await in_cpu_lane(
                self._links, network, source=None, as_of=as_of, min_confidence=GLOBAL_FLOOR
            )
            home = frozenset(c.uid for c in network.companies if c.is_home)
            return _Everything(links=tuple(found), home=home)

        marker = await self._marker.value()
        return await self._cache.get_or_compute(("hidden-links", as_of), marker, compute)

    async def _partition(self) -> Partition:
        as_of = self._today()

        async def compute() -> Partition:
            everything = await self._everything()
            G = community_graph(everything.links, floor=COMMUNITY_FLOOR, left_out=everything.home)
            return await in_cpu_lane(louvain_partition, G, seed=COMMUNITY_SEED)

        marker = await self._marker.value()
        return await self._cache.get_or_compute(("communities", as_of), marker, compute)
