"""Org charts, decision-makers and buying committees: read a bounded projection of one
account through graph/, build the algorithms' graph and run them in a threadpool, return
plain results.

A decision-maker ranking (seconds for a large account) is kept in the app's result cache
(:mod:`api.services.result_cache`) under the account, the limit and the day, until anyone
writes to the graph; buying committees of the account's deals reuse it too."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial

import networkx as nx

from algorithms.buying_committee import BuyingCommittee, CommitteeCandidate, buying_committee
from algorithms.decision_makers import DealInvolvement, DecisionMaker, rank_decision_makers
from algorithms.org_chart import OrgChart, infer_org_chart
from api.services.org_graph import colleague_graph, org_graph
from api.services.result_cache import RequestMarker, ResultCache
from graph.compute_lane import in_cpu_lane
from graph.driver import GraphClient
from graph.projection.followed import FollowedOrgReader
from graph.projection.followed_intel import FollowedCommitteeReader
from graph.reading.committee import CommitteeReader
from graph.reading.org import OrgReader
from schema.enums import Seniority
from schema.errors import InvalidInput
from schema.reading.org import ColleaguePaths, DealCommittee, DealRole, OrgPerson, OrgProjection

__all__ = [
    "CommitteeAnswer",
    "DecisionMakersAnswer",
    "OrgChartAnswer",
    "OrgService",
    "today",
]

MAX_DECISION_MAKERS = 100
WINDOW_DAYS = 365
_COMMITTEE_TARGETS = 60  # account people whose paths from colleagues are read for a deal


def today() -> date:
    """The current date in UTC."""
    return datetime.now(UTC).date()


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgChartAnswer:
    """The projection an org chart was drawn from, and the chart."""

    projection: OrgProjection
    chart: OrgChart


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionMakersAnswer:
    """The ranking of one account's people on ``as_of`` (``ranked``), the record of each
    ranked person (``people``, by uid: all an answer reads of the projection, so a small
    part of a large account's, as the ranking may stay in the result cache) and the chart
    it was drawn from."""

    company_uid: str
    as_of: date
    chart: OrgChart
    ranked: tuple[DecisionMaker, ...]
    people: Mapping[str, OrgPerson]


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitteeAnswer:
    """A deal's committee coverage; ``account`` is None when the deal has no company."""

    deal: DealCommittee
    account: DecisionMakersAnswer | None
    coverage: BuyingCommittee


class OrgService:
    """Org charts, decision-makers and buying committees of accounts."""

    def __init__(
        self,
        client: GraphClient,
        *,
        window_days: int = WINDOW_DAYS,
        cache: ResultCache | None = None,
        marker: RequestMarker | None = None,
        reader: OrgReader | FollowedOrgReader | None = None,
        committees: CommitteeReader | FollowedCommitteeReader | None = None,
    ) -> None:
        self._org = reader or OrgReader(client)
        self._committees = committees or CommitteeReader(client)
        self._window = window_days
        self._cache, self._marker = cache, marker
        # Per instance (one per request): deals of one account share its ranking.
        self._rankings: dict[str, asyncio.Task[DecisionMakersAnswer | None]] = {}

    async def org_chart(
        self,
        company_uid: str,
        *,
        as_of: date | None = None,
        include_subsidiaries: bool = False,
        min_confidence: float = 0.0,
    ) -> OrgChartAnswer | None:
        """The company's org chart as of a day (today by default): with its subsidiaries,
        one chart for the group, each subsidiary's top under its parent company's top.
        None when the company does not exist."""
        if not 0.0 <= min_confidence <= 1.0:
            raise InvalidInput("minConfidence must be between 0 and 1", field="minConfidence")
        day = as_of or today()

        async def compute() -> OrgChartAnswer | None:
            drawn = await self._draw(
                company_uid,
                as_of=day,
                include_subsidiaries=include_subsidiaries,
                min_confidence=min_confidence,
            )
            if drawn is None:
                return None
            projection, _, chart = drawn
            return OrgChartAnswer(projection=projection, chart=chart)

        if self._cache is None or self._marker is None:
            return await compute()
        key = ("org-chart", company_uid, day, include_subsidiaries, min_confidence)
        return await self._cache.get_or_compute(key, await self._marker.value(), compute)

    async def decision_makers(
        self, company_uid: str, *, limit: int | None = 10, as_of: date | None = None
    ) -> DecisionMakersAnswer | None:
        """The account's people ranked by decision-maker score (the best ``limit``, or
        all); None when the company does not exist."""
        if limit is not None and not 1 <= limit <= MAX_DECISION_MAKERS:
            raise InvalidInput(f"limit must be between 1 and {MAX_DECISION_MAKERS}", field="limit")
        day = as_of or today()
        compute = partial(self._rank, company_uid, limit=limit, day=day)
        if self._cache is None or self._marker is None:
            return await compute()
        key = ("decision-makers", company_uid, limit, day)
        return await self._cache.get_or_compute(key, await self._marker.value(), compute)

    async def _draw(
        self,
        company_uid: str,
        *,
        as_of: date,
        include_subsidiaries: bool = False,
        min_confidence: float = 0.0,
    ) -> tuple[OrgProjection, nx.DiGraph, OrgChart] | None:
        """The projection, the graph built from it and the chart inferred on it."""
        projection = await self._org.project(
            company_uid,
            as_of=as_of,
            include_subsidiaries=include_subsidiaries,
            window_days=self._window,
        )
        if projection is None:
            return None
        G, chart = await in_cpu_lane(_chart, projection, min_confidence=min_confidence)
        return projection, G, chart

    async def _rank(
        self, company_uid: str, *, limit: int | None, day: date
    ) -> DecisionMakersAnswer | None:
        drawn = await self._draw(company_uid, as_of=day)
        if drawn is None:
            return None
        projection, G, chart = drawn
        people = projection.people_by_uid()
        roles = await self._org.deal_roles(list(people), projection.companies)
        ranked = await in_cpu_lane(
            rank_decision_makers,
            G,
            chart=chart,
            as_of=day,
            deal_roles=_involvements(roles),
            limit=limit,
        )
        return DecisionMakersAnswer(
            company_uid=projection.company_uid,
            as_of=projection.as_of,
            chart=chart,
            ranked=ranked,
            people={d.person: people[d.person] for d in ranked},
        )

    async def buying_committee(self, deal_uid: str) -> CommitteeAnswer | None:
        """The deal's buying-committee coverage today; None when the deal does not exist."""
        deal = await self._committees.committee(deal_uid)
        if deal is None:
            return None
        account = await self._ranking(deal.company_uid) if deal.company_uid else None
        candidates = _candidates(account) if account is not None else []
        targets = [p for p, _ in deal.members] + [
            c.person for c in candidates if c.person not in dict(deal.members)
        ][:_COMMITTEE_TARGETS]
        paths = await self._committees.colleague_paths(list(dict.fromkeys(targets)))
        coverage = await in_cpu_lane(_coverage, paths, deal=deal, candidates=candidates)
        return CommitteeAnswer(deal=deal, account=account, coverage=coverage)

    def _ranking(self, company_uid: str) -> asyncio.Task[DecisionMakersAnswer | None]:
        """Today's full ranking of an account, computed once per service instance."""
        if company_uid not in self._rankings:
            self._rankings[company_uid] = asyncio.ensure_future(
                self.decision_makers(company_uid, limit=None)
            )
        return self._rankings[company_uid]


def _chart(projection: OrgProjection, *, min_confidence: float) -> tuple[nx.DiGraph, OrgChart]:
    """The projection's graph and the org chart inferred on it (blocking)."""
    G = org_graph(projection)
    chart = infer_org_chart(
        G,
        min_confidence=min_confidence,
        parents=projection.parents,
        company_names=projection.company_names,
    )
    return G, chart


def _coverage(
    paths: ColleaguePaths, *, deal: DealCommittee, candidates: Sequence[CommitteeCandidate]
) -> BuyingCommittee:
    """The deal's coverage over our colleagues' paths to its people (blocking)."""
    return buying_committee(
        colleague_graph(paths),
        members=deal.members,
        candidates=candidates,
        amount=deal.amount,
        currency=deal.currency,
    )


def _involvements(roles: Sequence[DealRole]) -> Mapping[str, list[DealInvolvement]]:
    found: dict[str, list[DealInvolvement]] = defaultdict(list)
    for r in roles:
        found[r.person_uid].append(
            DealInvolvement(deal=r.deal_uid, role=r.role, stage=r.stage, close_date=r.close_date)
        )
    return found


def _candidates(account: DecisionMakersAnswer) -> list[CommitteeCandidate]:
    """The account's people, best decision-maker score first (those at manager level or
    above ahead of the others, as committee roles want them)."""
    people = [
        CommitteeCandidate(
            person=d.person,
            score=d.score,
            seniority=account.people[d.person].seniority,
            department=account.people[d.person].department,
        )
        for d in account.ranked
    ]
    junior = (Seniority.INDIVIDUAL_CONTRIBUTOR, Seniority.UNKNOWN)
    return [c for c in people if c.seniority not in junior] + [
        c for c in people if c.seniority in junior
    ]
