"""One company's hidden-link network answered from the resident store: the same
:class:`~schema.reading.link_projection.CompanyNetwork` as
:meth:`graph.reading.link_projection.LinkProjection.company` reads request by request (the
tests compare the two). Both assemble it with
:func:`graph.reading.link_projection.company_network`; here each of its reads is answered
from memory (:class:`ResidentLinkProjection` is a ``CompanyRows``), with the rows the Cypher
queries of :mod:`graph.queries.links` return, in their order where they order.

**One read stays in the database**: the companies with a similar name come from the
Lucene full-text index (``NAME_MATCHES``, typo-tolerant, scored by Lucene); reproducing
its analyser and scoring in memory is not worth it. :func:`read_name_matches` reads it once
per answer (an indexed query) before the rest runs from memory.

Where the database's order is arbitrary (a family member's parents, a person's places and
tenures, the top of a family with two tops at the same height) the
resident rows take uid order: the network holds the same records, perhaps in another order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from graph.projection.records import JobRow
from graph.projection.store import ProjectionStore
from graph.reading.crm.analytics import lucene_query
from graph.reading.link_projection import (
    DEFAULT_LIMITS,
    CompanyRows,
    ProjectionLimits,
    company_network,
)
from schema.reading.link_projection import CompanyNetwork

__all__ = ["ResidentLinkProjection", "read_name_matches"]

Row = dict[str, Any]
_MAX_STEPS = 4  # the family query's reach, up and down


class ResidentLinkProjection:
    """:meth:`LinkProjection.company` from a store (read it between the follower's
    applications); ``name_matches`` are the full-text rows read for it beforehand."""

    def __init__(self, store: ProjectionStore, *, limits: ProjectionLimits = DEFAULT_LIMITS):
        self.store = store
        self.limits = limits
        self.name_matches_read: dict[tuple[str, str], Sequence[Mapping[str, Any]]] = {}

    async def company(self, uid: str, *, as_of: date) -> CompanyNetwork | None:
        """The bounded neighbourhood of one live company, or None when there is none."""
        return await company_network(self, uid, as_of=as_of, limits=self.limits)

    def name_query(self, uid: str) -> str | None:
        """The full-text query the answer for ``uid`` sends (None: it sends none)."""
        row = self.store.companies.get(uid)
        if row is None or not row.live:
            return None
        key = self.store.links.name_key.get(uid)
        return lucene_query(str(key or row.name or "")) or None

    # -- helpers ----------------------------------------------------------------------

    def _live(self, company: str) -> bool:
        row = self.store.companies.get(company)
        return row is not None and row.live

    def _live_person(self, person: str) -> bool:
        row = self.store.people.get(person)
        return row is not None and row.live

    def _named(self, company: str) -> Row:
        row = self.store.companies[company]
        return {
            "uid": company,
            "name": row.name,
            "name_key": self.store.links.name_key.get(company),
            "is_home": row.home,
        }

    # -- CompanyRows, from memory -----------------------------------------------------

    async def company_row(self, uid: str) -> Row | None:
        return self._named(uid) if self._live(uid) else None

    async def people_of(self, uid: str, max_people: int) -> list[Row]:
        store = self.store
        elsewhere = sorted(
            {
                job.person
                for job in store.jobs_by_company.get(uid, ())
                if self._live_person(job.person)
                and any(
                    o.company != uid and self._live(o.company)
                    for o in store.jobs_by_person.get(job.person, ())
                )
            }
        )
        rows = []
        for person in elsewhere[:max_people]:
            places: dict[str, list[Row]] = {}
            for job in store.jobs_by_person.get(person, ()):
                if self._live(job.company):
                    places.setdefault(job.company, []).append(_job(job))
            rows.append(
                {
                    "uid": person,
                    "name": store.people[person].name,
                    "places": [{**self._named(c), "jobs": jobs} for c, jobs in places.items()],
                }
            )
        return rows

    async def family_of(self, uid: str, max_family: int) -> list[Row]:
        if uid not in self.store.companies:
            return []
        top = self._top(uid)
        if top is None:
            return []
        hops, queue = {top: 0}, deque([top])
        while queue:
            company = queue.popleft()
            if hops[company] == _MAX_STEPS:
                continue
            for child in sorted(self.store.children.get(company, ())):
                if child not in hops and self._live(child):
                    hops[child] = hops[company] + 1
                    queue.append(child)
        return [
            {
                **self._named(c),
                "parents": sorted(p for p in self.store.parents.get(c, ()) if self._live(p)),
            }
            for c in sorted(hops, key=lambda c: (hops[c], c))[:max_family]
        ]

    def _top(self, uid: str) -> str | None:
        """The company furthest above ``uid`` (4 steps at most, live all the way, no
        SUBSIDIARY_OF twice); the smaller uid of two at the same height."""
        if not self._live(uid):
            return None
        best: tuple[int, str] = (0, uid)
        stack: list[tuple[str, frozenset[tuple[str, str]]]] = [(uid, frozenset())]
        while stack:
            node, used = stack.pop()
            steps = len(used)
            if (-steps, node) < (-best[0], best[1]):
                best = (steps, node)
            if steps == _MAX_STEPS:
                continue
            for parent in self.store.parents.get(node, ()):
                if (node, parent) not in used and self._live(parent):
                    stack.append((parent, used | {(node, parent)}))
        return best[1]

    async def identifier_groups_of(self, uids: list[str], max_holders: int) -> list[Row]:
        links = self.store.links
        held = dict.fromkeys(n for u in uids for n in sorted(links.identifiers_of.get(u, ())))
        rows = []
        for node in held:
            holders = sorted(c for c in links.holders.get(node, ()) if self._live(c))
            if len(holders) <= 1:
                continue
            facts = links.identifiers[node]
            rows.append(
                {
                    "label": facts.label,
                    "key": facts.key,
                    "value": facts.value,
                    "shared_by": len(holders),
                    "holders": [self._named(c) for c in holders[:max_holders]],
                }
            )
        return rows

    async def duplicate_candidates_of(self, uid: str, max_candidates: int) -> list[Row]:
        links = self.store.links
        if uid not in self.store.companies:
            return []
        key = links.name_key.get(uid)
        found = set(links.by_name_key.get(key, ())) - {uid} if key is not None else set()
        edges = [links.candidates[e] for e in sorted(links.candidates_of.get(uid, ()))]
        found.update(e.other(uid) for e in edges)
        rows = []
        for other in sorted(c for c in found if self._live(c))[:max_candidates]:
            between = [e for e in edges if e.other(uid) == other]
            score = 0.0
            for e in between:
                if e.score is not None and e.score > score:
                    score = e.score
            reasons = next(
                (e.reasons for e in between if e.status is not None and e.status != "dismissed"),
                None,
            )
            dismissed = any(e.status == "dismissed" for e in between)
            rows.append(
                {**self._named(other), "dismissed": dismissed, "score": score, "reasons": reasons}
            )
        return rows

    async def name_matches(
        self, uid: str, query: str, scan: int, max_candidates: int
    ) -> Sequence[Mapping[str, Any]]:
        return self.name_matches_read.get((uid, query), ())

    async def neighbours_of(self, uids: list[str], as_of: date, cap: int) -> list[Row]:
        rows = []
        for x in uids:
            around = self._neighbours(x, as_of)
            if around:
                rows.append({"uid": x, "degree": len(around), "neighbours": around[:cap]})
        return rows

    def _neighbours(self, x: str, as_of: date) -> list[Row]:
        """KNOWS ties between x's current live people and the current live people of other
        live companies (not ours), per company: how many and their strengths summed
        weakest first (as the read sums them), strongest company first."""
        store = self.store
        ties: dict[str, set[tuple[str, str]]] = {}
        for wx in store.jobs_by_company.get(x, ()):
            if not _current(wx, as_of) or not self._live_person(wx.person):
                continue
            for key in store.knows_of.get(wx.person, ()):
                k = store.knows[key]
                q = k.b if k.a == wx.person else k.a
                if not self._live_person(q):
                    continue
                for wz in store.jobs_by_person.get(q, ()):
                    z = wz.company
                    if z == x or not _current(wz, as_of) or not self._live(z):
                        continue
                    if not store.companies[z].home:
                        ties.setdefault(z, set()).add(key)
        around = []
        for z, keys in ties.items():
            strength = 0.0
            for value in sorted(s for key in keys if (s := store.knows[key].strength) is not None):
                strength += value
            named = self._named(z)
            around.append(
                {
                    "uid": z,
                    "name": named["name"],
                    "name_key": named["name_key"],
                    "ties": len(keys),
                    "strength": strength,
                }
            )
        around.sort(key=lambda n: (-n["strength"], n["uid"]))
        return around


def _current(job: JobRow, as_of: date) -> bool:
    return (job.start is None or job.start <= as_of) and (job.end is None or job.end >= as_of)


def _job(job: JobRow) -> Row:
    """A WORKS_AT as the read projects it (role, title, dates, source)."""
    provenance = job.employment.provenance
    return {
        "role": job.raw_role,
        "title": job.raw_title,
        "start": job.start,
        "end": job.end,
        "source": provenance.source or None,
        "source_id": provenance.source_id or None,
    }


async def read_name_matches(resident: ResidentLinkProjection, reads: CompanyRows, uid: str) -> None:
    """Read the one query the resident answer for ``uid`` cannot answer from memory (the
    full-text name matches) through ``reads`` and keep it for the answer."""
    query = resident.name_query(uid)
    if query is None:
        return
    limit = resident.limits.max_candidates
    rows = await reads.name_matches(uid, query, 4 * limit, limit)
    resident.name_matches_read[(uid, query)] = rows
