"""The bounded projection behind referral paths.

Every path of at most ``max_hops`` hops from a source to a target has each of its people
within ``floor(max_hops / 2)`` hops of a source or within ``ceil(max_hops / 2)`` hops of a
target, so the union of those two neighbourhood balls holds every such path. Each ball grows
one round (one read) at a time over KNOWS, CONNECTED_TO and overlapping tenures at a
company (only at companies of at most ``crowd`` people on record: at a bigger one a shared
tenure is evidence only on a pair that also knows each other). When a round would pass the
ball's share of the node cap, the people reached by the strongest chains of ties (product
of the hops' quick strengths from the seeds) are kept, and the projection says it was
``truncated``. One more read fetches every link among the people kept, one their facts.
Every read carries a timeout; deleted and merged-away people never appear.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from graph.driver import GraphClient, Record
from graph.queries import referrals
from graph.reading.records import native
from schema.enums import Seniority, TieTrend
from schema.referrals import (
    KnowsLink,
    PairLinks,
    PersonFacts,
    ReferralProjection,
    SharedTenure,
    StatedLink,
)

__all__ = ["ReferralReader", "ShortestPathBaseline", "date_of", "knows_link"]


class ReferralReader:
    """Reads what referral paths need, each read within ``timeout`` seconds."""

    def __init__(self, client: GraphClient, *, timeout: float = 10.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.client = client
        self.timeout = timeout

    async def home_team(self) -> tuple[str | None, list[str]]:
        """The home company's uid and its current people (our colleagues)."""
        rows = await self.client.read(referrals.HOME_TEAM, timeout=self.timeout)
        company = str(rows[0]["company"]) if rows else None
        return company, [str(r["uid"]) for r in rows]

    async def company_employees(self, uid: str) -> list[tuple[str, Seniority, str | None]]:
        """A company's current employees: uid, seniority of their job, title."""
        rows = await self.client.read(
            referrals.COMPANY_EMPLOYEES, {"uid": uid}, timeout=self.timeout
        )
        return [(str(r["uid"]), _seniority(r["seniority"]), r["title"]) for r in rows]

    async def project(
        self,
        sources: Collection[str],
        targets: Collection[str],
        *,
        max_hops: int,
        node_cap: int,
        stated_weight: float,
        tenure_weight: float,
        crowd: int = 150,
    ) -> ReferralProjection:
        """The union of the balls around ``sources`` and ``targets`` with every link among
        its people and their facts; at most ``node_cap`` people (plus the seeds)."""
        if max_hops < 1 or node_cap < 2:
            raise ValueError("max_hops must be at least 1 and node_cap at least 2")
        weights = {"stated": stated_weight, "tenure": tenure_weight, "crowd": crowd}
        seeds = await self.client.read(
            referrals.SEED_IDS, {"uids": sorted({*sources, *targets})}, timeout=self.timeout
        )
        ids = {str(r["uid"]): str(r["id"]) for r in seeds}
        half = node_cap // 2
        near_sources, cut_s = await self._ball(
            [ids[u] for u in sources if u in ids], max_hops // 2, half, weights
        )
        near_targets, cut_t = await self._ball(
            [ids[u] for u in targets if u in ids], max_hops - max_hops // 2, half, weights
        )
        ordered = sorted(near_sources | near_targets)
        facts = await self.client.read(
            referrals.PEOPLE_FACTS, {"ids": ordered}, timeout=self.timeout
        )
        uids = {str(r["id"]): str(r["uid"]) for r in facts}
        links = await self.client.read(
            referrals.LINKS_AMONG, {"ids": ordered, "crowd": crowd}, timeout=self.timeout
        )
        return ReferralProjection(
            people={f.uid: f for f in (_facts(r) for r in facts)},
            pairs=tuple(_pairs(links, uids)),
            truncated=cut_s or cut_t,
        )

    async def _ball(
        self, seeds: Collection[str], radius: int, cap: int, weights: dict[str, float | int]
    ) -> tuple[set[str], bool]:
        """Element ids within ``radius`` hops of ``seeds``, at most ``cap`` (seeds aside):
        each round expands the frontier people with the strongest chains first, no more of
        them than there is room left, and keeps the strongest chains it reaches."""
        score = dict.fromkeys(seeds, 1.0)
        frontier, truncated = sorted(seeds), False
        for _ in range(radius):
            room = max(cap - len(score), 0)
            if not frontier or not room:
                truncated = truncated or bool(frontier)
                break
            if len(frontier) > room:
                truncated, frontier = True, frontier[:room]
            rows = await self.client.read(
                referrals.NEIGHBOURS,
                {"ids": frontier, "chains": {i: score[i] for i in frontier}, **weights},
                timeout=self.timeout,
            )
            reached = {
                str(r["id"]): float(r["chain"] or 0.0) for r in rows if str(r["id"]) not in score
            }
            ranked = sorted(reached, key=lambda i: (-reached[i], i))
            if len(ranked) > room:
                truncated, ranked = True, ranked[:room]
            score.update((i, reached[i]) for i in ranked)
            frontier = ranked
        return set(score), truncated


class ShortestPathBaseline:
    """Neo4j's own ``shortestPath`` / ``allShortestPaths`` over KNOWS: the benchmark's
    baseline for referral paths (unweighted, hop count only)."""

    def __init__(self, client: GraphClient, *, timeout: float = 30.0) -> None:
        self.client = client
        self.timeout = timeout

    async def shortest(self, a: str, b: str, *, max_hops: int, all_paths: bool = False) -> int:
        """How many shortest paths of at most ``max_hops`` KNOWS hops join ``a`` and ``b``."""
        queries = referrals.ALL_SHORTEST_PATHS if all_paths else referrals.SHORTEST_PATH
        if max_hops not in queries:
            raise ValueError("max_hops must be within 1..6")
        rows = await self.client.read(queries[max_hops], {"a": a, "b": b}, timeout=self.timeout)
        return int(rows[0]["paths"]) if rows else 0


def _seniority(value: Any) -> Seniority:
    try:
        return Seniority(value)
    except ValueError:
        return Seniority.UNKNOWN


def _facts(r: Record) -> PersonFacts:
    return PersonFacts(
        uid=str(r["uid"]),
        colleague=bool(r["colleague"]),
        customer=bool(r["customer"]),
        companies=tuple(str(c) for c in r["companies"]),
        seniority=_seniority(r["seniority"]),
        title=r["title"],
    )


def date_of(value: Any) -> date | None:
    """A Neo4j Date or DateTime as a Python date."""
    converted = native(value)
    if converted is None:
        return None
    return converted if type(converted) is date else converted.date()


def _latest(*days: date | None) -> date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


def _earliest_end(*days: date | None) -> date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


def _tenure(row: list[Any]) -> SharedTenure:
    _, company, start1, end1, start2, end2, role1, role2 = row
    return SharedTenure(
        company_uid=str(company),
        start=_latest(date_of(start1), date_of(start2)),
        end=_earliest_end(date_of(end1), date_of(end2)),
        board=role1 == role2 == "board_member",
    )


def knows_link(props: dict[str, Any]) -> KnowsLink:
    """A KNOWS edge's properties as a :class:`KnowsLink` (missing terms stay None)."""
    trend = props.get("trend")
    return KnowsLink(
        strength=float(props.get("strength") or 0.0),
        count=int(props.get("count") or 0),
        first_at=native(props.get("first_at")),
        last_at=native(props.get("last_at")),
        trend=TieTrend(str(trend)) if trend in TieTrend._value2member_map_ else None,
        going_cold=props.get("going_cold"),
        reciprocity=_float(props.get("reciprocity")),
        recent_volume=_float(props.get("recent_volume")),
        previous_volume=_float(props.get("previous_volume")),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _pairs(rows: Iterable[Record], uids: dict[str, str]) -> list[PairLinks]:
    """Links between live people (both ends in ``uids``, element id -> uid)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}

    def entry(a_id: str, b_id: str) -> dict[str, Any] | None:
        a, b = uids.get(a_id), uids.get(b_id)
        if a is None or b is None or a == b:
            return None
        key = (a, b) if a < b else (b, a)
        return found.setdefault(key, {"knows": None, "stated": [], "tenures": []})

    for r in rows:
        own = str(r["id"])
        for other, strength, count, last_at in r["knows"]:
            if (e := entry(own, str(other))) is not None:
                e["knows"] = KnowsLink(
                    strength=float(strength or 0.0),
                    count=int(count or 0),
                    first_at=None,
                    last_at=native(last_at),
                )
        for other, since, kind, source in r["stated"]:
            if (e := entry(own, str(other))) is not None:
                e["stated"].append(StatedLink(since=date_of(since), kind=kind, source=source))
        for tenure in r["tenures"]:
            if (e := entry(own, str(tenure[0]))) is not None:
                e["tenures"].append(_tenure(tenure))
    return [
        PairLinks(
            a_uid=a,
            b_uid=b,
            knows=e["knows"],
            stated=tuple(e["stated"]),
            tenures=tuple(e["tenures"]),
        )
        for (a, b), e in sorted(found.items())
    ]
