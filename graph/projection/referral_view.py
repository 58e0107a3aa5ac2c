"""Referral projections answered from the resident store: the same
:class:`~schema.reading.referrals.ReferralProjection` as
:class:`graph.reading.referrals.ReferralReader` reads round by round (the same balls, work
budget, node cap and tie-breaks on element ids), with every round answered from memory."""

from __future__ import annotations

from collections.abc import Callable, Collection

from graph.projection.records import JobRow
from graph.projection.store import ProjectionStore
from graph.reading.referrals import Reach, seniority_of
from schema.enums import Seniority
from schema.reading.referrals import (
    KnowsLink,
    PairLinks,
    PersonFacts,
    ReferralProjection,
    SharedTenure,
    StatedLink,
)

__all__ = ["ResidentReferralReader"]


class ResidentReferralReader:
    """:class:`graph.reading.referrals.ReferralReader`'s answers from a store."""

    def __init__(self, store: ProjectionStore) -> None:
        self.store = store

    async def home_team(self) -> tuple[str | None, list[str]]:
        """The home company's uid and its current people (our colleagues)."""
        pairs = set()
        for company in self.store.companies.values():
            if not (company.home and company.undeleted):
                continue
            for job in self.store.jobs_by_company.get(company.uid, ()):
                person = self.store.people.get(job.person)
                if job.end is None and person is not None and person.live:
                    pairs.add((job.person, company.uid))
        ordered = sorted(pairs)
        return (ordered[0][1] if ordered else None), [uid for uid, _ in ordered]

    async def company_employees(self, uid: str) -> list[tuple[str, Seniority, str | None]]:
        """A company's current employees: uid, seniority of their job, title."""
        company = self.store.companies.get(uid)
        if company is None or not company.undeleted:
            return []
        found = []
        for job in self.store.jobs_by_company.get(uid, ()):
            person = self.store.people.get(job.person)
            if job.end is not None or person is None or not person.live:
                continue
            if (job.raw_role or "employee") != "employee":
                continue
            raw = job.raw_seniority
            seniority = person.seniority if raw is None or raw == "unknown" else raw
            title = job.raw_title if job.raw_title is not None else person.title
            found.append((person.uid, seniority_of(seniority), title))
        return sorted(found, key=lambda f: f[0])

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
        """The people within reach of both sides, every link among them and their facts."""
        if max_hops < 1 or node_cap < 2:
            raise ValueError("max_hops must be at least 1 and node_cap at least 2")
        people = self.store.people
        ids = {u: people[u].id for u in sorted({*sources, *targets}) if u in people}
        start = Reach([ids[u] for u in sources if u in ids])
        end = Reach([ids[u] for u in targets if u in ids], never=set(start.score))
        reached = set(start.score) | set(end.score)
        truncated = False
        for _ in range(max_hops - 1):
            costs = {id_: self._degree(id_) for id_ in start.frontier + end.frontier}
            side = min((start, end), key=lambda ball: ball.cost(costs))
            if not side.frontier:
                break
            room = max(node_cap - len(reached), 0)
            truncated |= self._grow(side, room, costs, work, stated_weight, tenure_weight, crowd)
            reached |= set(side.score)
        return self._collect(sorted(reached), crowd, truncated)

    def _uid(self, id_: str) -> str:
        return self.store.person_by_id[id_]

    def _degree(self, id_: str) -> int:
        uid = self._uid(id_)
        connections = sum(len(self.store.connections[k]) for k in self.store.connections_of[uid])
        jobs = len(self.store.jobs_by_person.get(uid, ()))
        return len(self.store.knows_of.get(uid, ())) + connections + 20 * jobs

    def _grow(
        self,
        ball: Reach,
        room: int,
        costs: dict[str, int],
        work: int,
        stated: float,
        tenure: float,
        crowd: int,
    ) -> bool:
        frontier: list[str] = []
        spent, cut = 0, False
        for id_ in ball.frontier:
            if spent + costs.get(id_, 0) > work and frontier:
                cut = True
                continue
            frontier.append(id_)
            spent += costs.get(id_, 0)
        chains: dict[str, float] = {}
        for id_ in frontier:
            for other, s in self._neighbours(self._uid(id_), stated, tenure, crowd):
                q = self.store.people[other].id
                chain = ball.score[id_] * s
                if chain > chains.get(q, -1.0):
                    chains[q] = chain
        found = {i: c for i, c in chains.items() if i not in ball.score}
        ranked = sorted(found, key=lambda i: (-found[i], i))
        if len(ranked) > room:
            cut, ranked = True, ranked[:room]
        ball.score.update((i, found[i]) for i in ranked)
        ball.frontier = [i for i in ranked if i not in ball.never]
        return cut

    def _neighbours(
        self, uid: str, stated: float, tenure: float, crowd: int
    ) -> list[tuple[str, float]]:
        store = self.store
        found = []
        for key in store.knows_of.get(uid, ()):
            edge = store.knows[key]
            found.append((edge.b if edge.a == uid else edge.a, float(edge.strength or 0.0)))
        for key in store.connections_of.get(uid, ()):
            other = key[1] if key[0] == uid else key[0]
            found.extend((other, stated) for _ in store.connections[key])
        for mine in store.jobs_by_person.get(uid, ()):
            at = store.jobs_by_company.get(mine.company, ())
            if len(at) > crowd:
                continue
            found.extend(
                (theirs.person, tenure)
                for theirs in at
                if theirs.person != uid and _overlap(mine, theirs)
            )
        return found

    def _collect(self, ordered: list[str], crowd: int, truncated: bool) -> ReferralProjection:
        """Facts of the live people among ``ordered`` and every link between two of them,
        built as :func:`graph.reading.referrals.pair_links` builds them from its rows."""
        store = self.store
        members = set(ordered)
        facts: dict[str, PersonFacts] = {}
        for id_ in ordered:
            row = store.people[self._uid(id_)]
            if row.live:
                facts[row.uid] = self._facts(row.uid)
        found: dict[tuple[str, str], _Pair] = {}

        def entry(a: str, b: str) -> _Pair | None:
            if a == b or a not in facts or b not in facts:
                return None
            key = (a, b) if a < b else (b, a)
            pair = found.get(key)
            if pair is None:
                pair = found[key] = _Pair()
            return pair

        for id_ in ordered:
            self._links(id_, members, crowd, entry)
        return ReferralProjection(
            people=facts,
            pairs=tuple(
                PairLinks(
                    a_uid=a,
                    b_uid=b,
                    knows=pair.knows,
                    stated=tuple(pair.stated),
                    tenures=tuple(pair.tenures),
                )
                for (a, b), pair in sorted(found.items())
            ),
            truncated=truncated,
        )

    def _facts(self, uid: str) -> PersonFacts:
        store = self.store
        person = store.people[uid]
        employers = sorted(
            {
                job.company
                for job in store.jobs_by_person.get(uid, ())
                if job.end is None
                and (c := store.companies.get(job.company)) is not None
                and c.undeleted
            }
        )
        return PersonFacts(
            uid=uid,
            colleague=person.colleague,
            customer=any(store.has_won_deal(c) for c in employers),
            companies=tuple(employers),
            seniority=seniority_of(person.seniority),
            title=person.title,
        )

    def _links(
        self,
        id_: str,
        members: set[str],
        crowd: int,
        entry: Callable[[str, str], _Pair | None],
    ) -> None:
        store = self.store
        uid = self._uid(id_)
        for key in store.knows_of.get(uid, ()):
            edge = store.knows[key]
            if edge.a == uid and store.people[edge.b].id in members:
                if (pair := entry(uid, edge.b)) is not None:
                    pair.knows = KnowsLink(
                        strength=float(edge.strength or 0.0),
                        count=int(edge.count or 0),
                        first_at=None,
                        last_at=edge.last_at,
                    )
        for key in store.connections_of.get(uid, ()):
            if key[0] != uid or store.people[key[1]].id not in members:
                continue
            if (pair := entry(uid, key[1])) is not None:
                pair.stated.extend(
                    StatedLink(since=c.since, kind=c.kind, source=c.source)
                    for c in store.connections[key]
                )
        for mine in store.jobs_by_person.get(uid, ()):
            company = store.companies.get(mine.company)
            if company is None or not company.undeleted:
                continue
            at = store.jobs_by_company.get(mine.company, ())
            small = len(at) <= crowd
            for theirs in at:
                q = store.people[theirs.person].id
                if q not in members or not id_ < q or not _overlap(mine, theirs):
                    continue
                if not (small or self._acquainted(uid, theirs.person)):
                    continue
                if (pair := entry(uid, theirs.person)) is not None:
                    pair.tenures.append(_shared(mine, theirs))

    def _acquainted(self, a: str, b: str) -> bool:
        store = self.store
        return any(k in store.knows for k in ((a, b), (b, a))) or any(
            store.connections.get(k) for k in ((a, b), (b, a))
        )


class _Pair:
    """What two people's links hold, as they are found."""

    __slots__ = ("knows", "stated", "tenures")

    def __init__(self) -> None:
        self.knows: KnowsLink | None = None
        self.stated: list[StatedLink] = []
        self.tenures: list[SharedTenure] = []


def _shared(a: JobRow, b: JobRow) -> SharedTenure:
    starts = [d for d in (a.start, b.start) if d is not None]
    ends = [d for d in (a.end, b.end) if d is not None]
    return SharedTenure(
        company_uid=a.company,
        start=max(starts) if starts else None,
        end=min(ends) if ends else None,
        board=a.raw_role == b.raw_role == "board_member",
    )


def _overlap(a: JobRow, b: JobRow) -> bool:
    return (a.start is None or b.end is None or a.start <= b.end) and (
        b.start is None or a.end is None or b.start <= a.end
    )
