"""The bounded projection behind referral paths.

A person at position ``i`` of a path of ``max_hops`` hops is ``i`` hops from its source and
``max_hops - i`` from its target, so with a ball of radius ``rs`` around the sources and
one of radius ``rt`` around the targets, ``rs + rt = max_hops - 1`` is enough for the union
to hold every person of every such path (the sources and targets themselves are the
seeds); one more read fetches every link among the union, the path's edges included. The
split is chosen as bidirectional search does: each round (one read) grows the ball whose
frontier is cheaper to expand (fewer ties, read from the degree store), so a hub such as
a colleague with thousands of ties, or the whole home team, stays a seed while the
target's side grows; a ball never grows from a source (no path passes through one).

Growth follows KNOWS, CONNECTED_TO and overlapping tenures at a company (only at companies
of at most ``crowd`` people on record: at a bigger one a shared tenure is evidence only on
a pair that also knows each other). A round expands the frontier people with the strongest
chains of ties first (product of the hops' quick strengths from the seeds), within a work
budget of ``work`` ties, and keeps the strongest chains it reaches while the node cap has
room; anything cut makes the projection ``truncated``. Every read carries a timeout;
deleted and merged-away people never appear.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from graph.driver import GraphClient, Record
from graph.queries import referrals
from graph.reading.crm.records import native
from schema.enums import DealStage, Seniority, TieTrend
from schema.reading.referrals import (
    KnowsLink,
    PairLinks,
    PersonFacts,
    ReferralProjection,
    SharedTenure,
    StatedLink,
)

__all__ = [
    "Reach",
    "ReferralReader",
    "ShortestPathBaseline",
    "date_of",
    "knows_link",
    "pair_links",
    "seniority_of",
]


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
        return [(str(r["uid"]), seniority_of(r["seniority"]), r["title"]) for r in rows]

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
        work: int = 50_000,
    ) -> ReferralProjection:
        """The people within reach of both sides, every link among them and their facts;
        at most ``node_cap`` people besides the seeds."""
        if max_hops < 1 or node_cap < 2:
            raise ValueError("max_hops must be at least 1 and node_cap at least 2")
        weights = {"stated": stated_weight, "tenure": tenure_weight, "crowd": crowd}
        seeds = await self.client.read(
            referrals.SEED_IDS, {"uids": sorted({*sources, *targets})}, timeout=self.timeout
        )
        ids = {str(r["uid"]): str(r["id"]) for r in seeds}
        start = Reach([ids[u] for u in sources if u in ids])
        end = Reach([ids[u] for u in targets if u in ids], never=set(start.score))
        reached = set(start.score) | set(end.score)
        truncated = False
        for _ in range(max_hops - 1):
            costs = {id_: 0 for id_ in start.frontier + end.frontier}
            if costs:
                costs = await self._degrees(list(costs))
            side = min((start, end), key=lambda ball: ball.cost(costs))
            if not side.frontier:
                break
            room = max(node_cap - len(reached), 0)
            truncated |= await self._grow(side, room, costs, work, weights)
            reached |= set(side.score)
        return await self._collect(sorted(reached), crowd, truncated)

    async def _degrees(self, frontier: list[str]) -> dict[str, int]:
        rows = await self.client.read(
            referrals.FRONTIER_DEGREES, {"ids": frontier}, timeout=self.timeout
        )
        return {str(r["id"]): int(r["degree"]) for r in rows}

    async def _grow(
        self,
        ball: Reach,
        room: int,
        costs: dict[str, int],
        work: int,
        weights: dict[str, float | int],
    ) -> bool:
        """One round: expand the strongest affordable frontier; True when anything was cut."""
        frontier: list[str] = []
        spent, cut = 0, False
        for id_ in ball.frontier:
            if spent + costs.get(id_, 0) > work and frontier:
                cut = True
                continue
            frontier.append(id_)
            spent += costs.get(id_, 0)
        rows = await self.client.read(
            referrals.NEIGHBOURS,
            {"ids": frontier, "chains": {i: ball.score[i] for i in frontier}, **weights},
            timeout=self.timeout,
        )
        found = {
            str(r["id"]): float(r["chain"] or 0.0) for r in rows if str(r["id"]) not in ball.score
        }
        ranked = sorted(found, key=lambda i: (-found[i], i))
        if len(ranked) > room:
            cut, ranked = True, ranked[:room]
        ball.score.update((i, found[i]) for i in ranked)
        ball.frontier = [i for i in ranked if i not in ball.never]
        return cut

    async def _collect(self, ordered: list[str], crowd: int, truncated: bool) -> ReferralProjection:
        facts = await self.client.read(
            referrals.PEOPLE_FACTS,
            {"ids": ordered, "won": DealStage.CLOSED_WON.value},
            timeout=self.timeout,
        )
        uids = {str(r["id"]): str(r["uid"]) for r in facts}
        links = await self.client.read(
            referrals.LINKS_AMONG, {"ids": ordered, "crowd": crowd}, timeout=self.timeout
        )
        return ReferralProjection(
            people={f.uid: f for f in (_facts(r) for r in facts)},
            pairs=tuple(pair_links(links, uids)),
            truncated=truncated,
        )


class Reach:
    """One side's reach: the best chain per element id, and the frontier to grow next
    (strongest first; people in ``never`` are reached but never grown from)."""

    def __init__(self, seeds: list[str], *, never: set[str] | None = None) -> None:
        self.score = dict.fromkeys(seeds, 1.0)
        self.never = never or set()
        self.frontier = sorted(i for i in seeds if i not in self.never)

    def cost(self, degrees: dict[str, int]) -> float:
        """What growing the frontier would read; empty frontiers cost nothing to skip."""
        if not self.frontier:
            return float("inf")
        return float(sum(degrees.get(i, 0) for i in self.frontier))


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


def seniority_of(value: Any) -> Seniority:
    """A seniority from its stored value; unknown for anything else."""
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
        seniority=seniority_of(r["seniority"]),
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


def pair_links(rows: Iterable[Record], uids: dict[str, str]) -> list[PairLinks]:
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
