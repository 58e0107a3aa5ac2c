"""Org projections answered from the resident store: the same records, in the same shape,
as :class:`graph.reading.org.OrgReader` reads them request by request (the tests compare
the two), without a round trip to the database."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from graph.projection.store import ProjectionStore
from graph.reading.org import interaction_patterns, people_on_day
from schema.enums import DealContactRole, DealStage
from schema.model import Employment
from schema.reading.org import (
    DealRole,
    FamilyCompany,
    InteractionPattern,
    KnowsTie,
    OrgProjection,
    ReportingLine,
)

__all__ = ["ResidentOrgReader"]

_MAX_SUBSIDIARY_DEPTH = 4
_RANK = {
    "board": 0,
    "c_level": 1,
    "vp": 2,
    "director": 3,
    "manager": 4,
    "individual_contributor": 5,
}


class ResidentOrgReader:
    """:class:`graph.reading.org.OrgReader`'s answers from a store (read it between the
    follower's applications: the caller holds the store steady)."""

    def __init__(
        self, store: ProjectionStore, *, node_cap: int = 2000, company_cap: int = 50
    ) -> None:
        if node_cap < 1 or company_cap < 1:
            raise ValueError("node_cap and company_cap must be positive")
        self.store = store
        self.node_cap = node_cap
        self.company_cap = company_cap

    async def company_uids(self, *, after: str = "", limit: int = 500) -> list[str]:
        """Live company uids after ``after``, in order, ``limit`` at most."""
        live = sorted(u for u, c in self.store.companies.items() if c.live and u > after)
        return live[:limit]

    async def family(
        self, company_uid: str, *, include_subsidiaries: bool, depth: int = 3
    ) -> tuple[FamilyCompany, ...] | None:
        """The company and (when asked) its live subsidiaries up to ``depth`` levels down,
        nearest first (then by name and uid), each with its parent on a shortest path."""
        if not 1 <= depth <= _MAX_SUBSIDIARY_DEPTH:
            raise ValueError(f"depth must be between 1 and {_MAX_SUBSIDIARY_DEPTH}")
        root = self.store.companies.get(company_uid)
        if root is None or not root.live:
            return None
        family = [FamilyCompany(uid=root.uid, name=str(root.name or ""))]
        if include_subsidiaries:
            family.extend(self._subsidiaries(root.uid, depth)[: self.company_cap - 1])
        return tuple(family)

    def _subsidiaries(self, root: str, depth: int) -> list[FamilyCompany]:
        hops = {root: 0}
        queue = deque([root])
        while queue:
            company = queue.popleft()
            if hops[company] == depth:
                continue
            for sub in self.store.children.get(company, ()):
                if sub not in hops:
                    hops[sub] = hops[company] + 1
                    queue.append(sub)
        found = []
        for sub, h in hops.items():
            row = self.store.companies.get(sub)
            if sub == root or h == 0 or row is None or not row.live:
                continue
            parent = min(p for p in self.store.parents.get(sub, ()) if hops.get(p) == h - 1)
            found.append((h, row.name is None, row.name or "", sub, parent))
        return [
            FamilyCompany(uid=sub, name=name, parent=parent)
            for _, _, name, sub, parent in sorted(found)
        ]

    async def project(
        self,
        company_uid: str,
        *,
        as_of: date,
        include_subsidiaries: bool = False,
        window_days: int = 365,
    ) -> OrgProjection | None:
        """The account on ``as_of`` with interactions of the ``window_days`` before it."""
        if window_days < 1:
            raise ValueError("window_days must be positive")
        family = await self.family(company_uid, include_subsidiaries=include_subsidiaries)
        if family is None:
            return None
        entries = self._people_at([c.uid for c in family], as_of)
        people, affiliates = people_on_day(entries[: self.node_cap])
        uids = [p.uid for p in people]
        return OrgProjection(
            company_uid=family[0].uid,
            family=family,
            as_of=as_of,
            people=people,
            lines=self._lines(uids, as_of),
            interactions=self._interactions(uids, as_of, window_days),
            ties=self._knows(uids),
            affiliates=affiliates,
            truncated=len(entries) > self.node_cap,
        )

    def _people_at(
        self, companies: Sequence[str], as_of: date
    ) -> list[tuple[Employment, dict[str, Any]]]:
        found: list[tuple[int, str, Employment, dict[str, Any]]] = []
        for company in companies:
            for job in self.store.jobs_by_company.get(company, ()):
                person = self.store.people.get(job.person)
                if person is None or not person.live:
                    continue
                if (job.start is None or job.start <= as_of) and (
                    job.end is None or job.end >= as_of
                ):
                    seniority = (
                        job.raw_seniority if job.raw_seniority is not None else person.seniority
                    )
                    facts = {
                        "name": person.name,
                        "colleague": person.colleague,
                        "person_title": person.title,
                        "person_department": person.department,
                    }
                    found.append((_RANK.get(seniority or "", 6), person.uid, job.employment, facts))
        found.sort(key=lambda e: (e[0], e[1]))
        return [(employment, facts) for _, _, employment, facts in found[: self.node_cap + 1]]

    def _lines(self, uids: list[str], as_of: date) -> tuple[ReportingLine, ...]:
        projected = set(uids)
        lines = []
        for uid in uids:
            for line in self.store.lines_of.get(uid, ()):
                manager = self.store.people.get(line.manager)
                if manager is None or not manager.live or line.manager not in projected:
                    continue
                if (line.kind or "explicit") != "explicit":
                    continue
                if (line.valid_from is None or line.valid_from <= as_of) and (
                    line.valid_to is None or line.valid_to >= as_of
                ):
                    lines.append(
                        ReportingLine(
                            person=uid,
                            manager=line.manager,
                            valid_from=line.valid_from,
                            valid_to=line.valid_to,
                        )
                    )
        return tuple(lines)

    def _interactions(
        self, uids: list[str], as_of: date, window_days: int
    ) -> tuple[InteractionPattern, ...]:
        until = datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC)
        since = until - timedelta(days=window_days + 1)
        index = {self.store.people[u].index: u for u in uids if u in self.store.people}
        rows = self.store.interactions.pairs_among(
            set(index), since=since.timestamp(), until=until.timestamp()
        )
        return interaction_patterns(
            {"a": index[a], "b": index[b], "kind": kind, "role_a": ra, "role_b": rb, "n": n}
            for a, b, kind, ra, rb, n in rows
        )

    def _knows(self, uids: list[str]) -> tuple[KnowsTie, ...]:
        projected = set(uids)
        ties = []
        for uid in uids:
            for key in self.store.knows_of.get(uid, ()):
                edge = self.store.knows[key]
                if edge.a == uid and edge.b in projected:
                    ties.append(KnowsTie(a=edge.a, b=edge.b, strength=float(edge.strength or 0.0)))
        return tuple(ties)

    async def deal_roles(
        self, person_uids: Sequence[str], companies: Sequence[str]
    ) -> list[DealRole]:
        """The people's roles in live deals with ``companies``."""
        wanted = set(companies)
        roles = []
        for person in person_uids:
            for uid in sorted(self.store.deals_of_person.get(person, ())):
                deal = self.store.deals[uid]
                if not deal.live:
                    continue
                for who, role in deal.roles:
                    if who != person or role is None:
                        continue
                    for company in deal.companies:
                        if company in wanted:
                            roles.append(
                                DealRole(
                                    person_uid=person,
                                    deal_uid=uid,
                                    role=DealContactRole(role),
                                    stage=DealStage(deal.stage or DealStage.PROSPECTING),
                                    close_date=deal.close_date,
                                )
                            )
        return roles
