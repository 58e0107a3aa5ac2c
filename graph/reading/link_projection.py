"""Bounded projections for hidden account links, as typed records
(:class:`schema.reading.link_projection.CompanyNetwork`: companies, the people who connect
them with every tenure, identifiers, family edges, duplicate candidates and KNOWS ties; the
service builds the graph ``algorithms.hidden_links`` reads from them).

:meth:`LinkProjection.company` loads one company's neighbourhood: its people who also hold a
place elsewhere (with every tenure), its corporate family (4 steps up and down), the
identifiers of the company and of its family with the other companies on them, companies
with the same name key or a similar name (full-text), stored duplicate candidates, and the
companies its people interact with, theirs, and how many each has. :meth:`everything`
loads the company-level evidence of the whole graph: every company (no person), people
aggregated per company pair in Cypher (a count and a sample), identifier groups, family
edges, duplicate candidates and KNOWS ties aggregated per company pair. Every read has a
cap and a timeout (:class:`ProjectionLimits`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from graph.driver import GraphClient, Record
from graph.queries import links as q
from graph.reading.crm.analytics import lucene_query
from graph.reading.crm.records import native
from schema.enums import EmploymentRole, Label
from schema.identifier_keys import is_free_mail
from schema.keys import company_name_key, legal_form
from schema.model import Employment, Provenance
from schema.reading.link_projection import (
    CompanyNetwork,
    CompanyTies,
    DuplicateCandidate,
    IdentifierGroup,
    PersonPlace,
    ProjectedCompany,
    ProjectedPerson,
    SubsidiaryEdge,
)

__all__ = [
    "DEFAULT_LIMITS",
    "CompanyRows",
    "LinkProjection",
    "ProjectionLimits",
    "company_network",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectionLimits:
    """Caps and time budgets of the projections."""

    max_people: int = 2000  # one company's people who also hold a place elsewhere
    max_places: int = 25  # people at more companies than this connect none (global)
    max_pair_people: int = 25  # people kept as evidence per company pair (global)
    max_holders: int = 50  # companies read per shared identifier
    max_family: int = 200  # companies read per corporate family
    max_candidates: int = 50  # duplicate candidates per company and source
    max_neighbours: int = 100  # interaction neighbours read per company, strongest first
    max_expanded: int = 50  # neighbours of one company whose own neighbours are read
    max_degree_reads: int = 50  # second-hop companies whose neighbour count is read
    timeout: float = 20.0  # seconds per read of one company's projection
    global_timeout: float = 120.0  # seconds per read of the whole graph's projection

    def __post_init__(self) -> None:
        if min(self.max_people, self.max_places, self.max_pair_people, self.max_holders) < 2:
            raise ValueError("caps must be at least 2")
        if self.timeout <= 0 or self.global_timeout <= 0:
            raise ValueError("timeouts must be positive")


DEFAULT_LIMITS = ProjectionLimits()


class _Collector:
    """Gathers rows as the projection's records (:meth:`network` puts them in order)."""

    def __init__(self) -> None:
        self.companies: dict[str, ProjectedCompany] = {}
        self.people: dict[str, tuple[str | None, dict[str, tuple[Employment, ...]]]] = {}
        self.identifiers: list[IdentifierGroup] = []
        self.family: list[SubsidiaryEdge] = []
        self.candidates: list[DuplicateCandidate] = []
        self.ties: list[CompanyTies] = []

    def company(self, row: Mapping[str, Any]) -> str:
        """Note a company; a row with its name names it, unless it is named already."""
        uid = str(row["uid"])
        known = self.companies.get(uid)
        if "name" in row and (known is None or known.name is None):
            name, key = str(row.get("name") or ""), row.get("name_key")
            self.companies[uid] = ProjectedCompany(
                uid=uid,
                name=name,
                name_key=str(key) if key else company_name_key(name),
                legal_form=legal_form(name),
                is_home=bool(row.get("is_home")),
                neighbour_count=known.neighbour_count if known is not None else None,
            )
        elif known is None:
            self.companies[uid] = ProjectedCompany(uid=uid)
        return uid

    def neighbour_count(self, uid: str, degree: Any) -> None:
        self.companies[uid] = replace(self.companies[uid], neighbour_count=int(degree))

    def person(self, uid: str, name: str | None, places: Mapping[str, Iterable[Any]]) -> None:
        _, known = self.people.get(uid, (None, {}))
        for company, jobs in places.items():
            known[company] = tuple(_tenure(uid, company, job) for job in jobs)
        self.people[uid] = (name, known)

    def identifier(self, row: Mapping[str, Any]) -> None:
        label, value = Label(str(row["label"])), str(row["value"])
        holders = tuple(self.company(holder) for holder in row["holders"])
        self.identifiers.append(
            IdentifierGroup(
                label=label,
                key=str(row["key"]),
                value=value,
                shared_by=int(row["shared_by"]),
                common=label is Label.DOMAIN and is_free_mail(value),
                holder_uids=holders,
            )
        )

    def subsidiary(self, child: str, parent: str) -> None:
        self.family.append(SubsidiaryEdge(child_uid=child, parent_uid=parent))

    def candidate(self, a: str, b: str, row: Mapping[str, Any]) -> None:
        reasons = tuple(str(r) for r in row["reasons"] or ())
        self.candidates.append(
            DuplicateCandidate(
                a_uid=a,
                b_uid=b,
                score=float(row["score"] or 0.0),
                dismissed=bool(row["dismissed"]),
                reasons=reasons,
            )
        )

    def tie(self, a: str, b: str, count: int, strength: float) -> None:
        self.ties.append(CompanyTies(a_uid=a, b_uid=b, ties=count, strength=strength))

    def network(self) -> CompanyNetwork:
        """The records in a canonical order (by uid, then by what else they hold), not in
        the order read: equal evidence, read in any order or from the resident projection,
        is an equal network, and the algorithm's floating-point sums come out the same."""
        people = (
            ProjectedPerson(
                uid=uid,
                name=name,
                places=tuple(
                    PersonPlace(company_uid=c, tenures=tuple(sorted(t, key=_tenure_order)))
                    for c, t in sorted(places.items())
                ),
            )
            for uid, (name, places) in sorted(self.people.items())
        )
        return CompanyNetwork(
            companies=tuple(sorted(self.companies.values(), key=lambda c: c.uid)),
            people=tuple(people),
            identifiers=tuple(
                sorted(self.identifiers, key=lambda i: (i.label.value, i.key, i.value))
            ),
            family=tuple(sorted(self.family, key=lambda f: (f.child_uid, f.parent_uid))),
            candidates=tuple(sorted(self.candidates, key=lambda c: (c.a_uid, c.b_uid))),
            ties=tuple(sorted(self.ties, key=lambda t: (t.a_uid, t.b_uid))),
        )


def _tenure_order(t: Employment) -> tuple[Any, ...]:
    return (
        t.start is None,
        t.start or date.min,
        t.end is None,
        t.end or date.min,
        t.provenance.source,
        t.provenance.source_id,
        t.title or "",
        t.role.value,
    )


def _tenure(person: str, company: str, job: Mapping[str, Any]) -> Employment:
    return Employment(
        person_uid=person,
        company_uid=company,
        provenance=Provenance(
            source=str(job.get("source") or "unknown"), source_id=str(job.get("source_id") or "")
        ),
        title=job.get("title"),
        role=EmploymentRole(job.get("role") or EmploymentRole.EMPLOYEE),
        start=native(job.get("start")),
        end=native(job.get("end")),
    )


class CompanyRows(Protocol):
    """Where one company's network is read from: the per-request Cypher reads
    (:class:`LinkProjection`) or the resident projection
    (:class:`graph.projection.link_view.ResidentLinkProjection`). Each method answers the
    rows of the query of the same name in :mod:`graph.queries.links`."""

    async def company_row(self, uid: str) -> Mapping[str, Any] | None: ...

    async def people_of(self, uid: str, max_people: int) -> Sequence[Mapping[str, Any]]: ...

    async def family_of(self, uid: str, max_family: int) -> Sequence[Mapping[str, Any]]: ...

    async def identifier_groups_of(
        self, uids: list[str], max_holders: int
    ) -> Sequence[Mapping[str, Any]]: ...

    async def duplicate_candidates_of(
        self, uid: str, max_candidates: int
    ) -> Sequence[Mapping[str, Any]]: ...

    async def name_matches(
        self, uid: str, query: str, scan: int, max_candidates: int
    ) -> Sequence[Mapping[str, Any]]: ...

    async def neighbours_of(
        self, uids: list[str], as_of: date, cap: int
    ) -> Sequence[Mapping[str, Any]]: ...


async def company_network(
    rows: CompanyRows, uid: str, *, as_of: date, limits: ProjectionLimits = DEFAULT_LIMITS
) -> CompanyNetwork | None:
    """The bounded neighbourhood of one live company read from ``rows``, or None when there
    is none (see the module docstring)."""
    found = await rows.company_row(uid)
    if found is None:
        return None
    build = _Collector()
    build.company(found)
    for row in await rows.people_of(uid, limits.max_people):
        places = {build.company(place): place["jobs"] for place in row["places"]}
        build.person(str(row["uid"]), row["name"], places)
    family = await _family_of(rows, build, uid, limits)
    for row in await rows.identifier_groups_of([uid, *family], limits.max_holders):
        build.identifier(row)
    await _candidates_of(rows, build, found, limits)
    if not found["is_home"]:
        await _neighbourhood_of(rows, build, uid, as_of, limits)
    return build.network()


async def _family_of(
    rows: CompanyRows, build: _Collector, uid: str, limits: ProjectionLimits
) -> list[str]:
    found = await rows.family_of(uid, limits.max_family)
    members = [build.company(row) for row in found]
    for row in found:
        for parent in row["parents"]:
            if parent in build.companies:
                build.subsidiary(str(row["uid"]), str(parent))
    return [m for m in members if m != uid]


async def _candidates_of(
    rows: CompanyRows, build: _Collector, company: Mapping[str, Any], limits: ProjectionLimits
) -> None:
    uid, limit = str(company["uid"]), limits.max_candidates
    for row in await rows.duplicate_candidates_of(uid, limit):
        build.company(row)
        if row["score"] or row["dismissed"]:
            build.candidate(uid, str(row["uid"]), row)
    query = lucene_query(str(company["name_key"] or company["name"] or ""))
    if query:
        for row in await rows.name_matches(uid, query, 4 * limit, limit):
            build.company(row)


async def _neighbourhood_of(
    rows: CompanyRows, build: _Collector, uid: str, as_of: date, limits: ProjectionLimits
) -> None:
    around = await rows.neighbours_of([uid], as_of, limits.max_neighbours)
    if not around:
        return
    build.neighbour_count(uid, around[0]["degree"])
    middles = [str(n["uid"]) for n in around[0]["neighbours"]]
    for n in around[0]["neighbours"]:
        build.company(n)
        build.tie(uid, str(n["uid"]), int(n["ties"]), float(n["strength"]))
    second = await rows.neighbours_of(middles[: limits.max_expanded], as_of, limits.max_neighbours)
    counts = Counter(str(n["uid"]) for row in second for n in row["neighbours"] if n["uid"] != uid)
    # The most shared second-hop companies; ties at the cap go to the smaller uid (not to
    # the order the rows came in), so the reads and the resident projection agree.
    ranked = sorted(counts.items(), key=lambda e: (-e[1], e[0]))
    chosen = {other for other, _ in ranked[: limits.max_degree_reads]}
    degrees = await rows.neighbours_of(sorted(chosen), as_of, 0) if chosen else []
    for row in degrees:
        build.company(row)
    for row in [*second, *degrees]:
        build.neighbour_count(str(row["uid"]), row["degree"])
    for row in second:
        for n in row["neighbours"]:
            if n["uid"] in chosen:
                build.company(n)
                strength = float(n["strength"])
                build.tie(str(row["uid"]), str(n["uid"]), int(n["ties"]), strength)


class LinkProjection:
    """Reads what :mod:`algorithms.hidden_links` needs from the graph, as typed records."""

    def __init__(self, client: GraphClient, *, limits: ProjectionLimits = DEFAULT_LIMITS):
        self.client = client
        self.limits = limits

    async def _read(self, text: Any, params: Mapping[str, Any], *, wide: bool = False) -> Any:
        timeout = self.limits.global_timeout if wide else self.limits.timeout
        return await self.client.read(text, params, timeout=timeout)

    async def company(self, uid: str, *, as_of: date) -> CompanyNetwork | None:
        """The bounded neighbourhood of one live company, or None when there is none."""
        return await company_network(self, uid, as_of=as_of, limits=self.limits)

    # -- CompanyRows, read per request ----------------------------------------------------

    async def company_row(self, uid: str) -> Record | None:
        found: list[Record] = await self._read(q.COMPANY, {"uid": uid})
        return found[0] if found else None

    async def people_of(self, uid: str, max_people: int) -> list[Record]:
        rows: list[Record] = await self._read(q.PEOPLE_OF, {"uid": uid, "max_people": max_people})
        return rows

    async def family_of(self, uid: str, max_family: int) -> list[Record]:
        rows: list[Record] = await self._read(q.FAMILY_OF, {"uid": uid, "max_family": max_family})
        return rows

    async def identifier_groups_of(self, uids: list[str], max_holders: int) -> list[Record]:
        params = {"uids": uids, "max_holders": max_holders}
        rows: list[Record] = await self._read(q.IDENTIFIER_GROUPS_OF, params)
        return rows

    async def duplicate_candidates_of(self, uid: str, max_candidates: int) -> list[Record]:
        params = {"uid": uid, "max_candidates": max_candidates}
        rows: list[Record] = await self._read(q.DUPLICATE_CANDIDATES_OF, params)
        return rows

    async def name_matches(
        self, uid: str, query: str, scan: int, max_candidates: int
    ) -> list[Record]:
        params = {"uid": uid, "query": query, "scan": scan, "max_candidates": max_candidates}
        rows: list[Record] = await self._read(q.NAME_MATCHES, params)
        return rows

    async def neighbours_of(self, uids: list[str], as_of: date, cap: int) -> list[Record]:
        if not uids:
            return []
        params = {"uids": uids, "as_of": as_of, "max_neighbours": cap}
        rows: list[Record] = await self._read(q.NEIGHBOURS_OF, params)
        return rows

    async def everything(self, *, as_of: date) -> CompanyNetwork:
        """The company-level evidence of the whole graph (see the module docstring)."""
        limits, build = self.limits, _Collector()
        for row in await self._read(q.ALL_COMPANIES, {}, wide=True):
            build.company(row)
        params = {"max_places": limits.max_places, "max_pair_people": limits.max_pair_people}
        for row in await self._read(q.ALL_PEOPLE_PAIRS, params, wide=True):
            for person in row["sample"]:
                places = {str(row["a"]): person["at_a"], str(row["b"]): person["at_b"]}
                build.person(str(person["uid"]), person["name"], places)
        groups = {"max_holders": limits.max_holders}
        for row in await self._read(q.ALL_IDENTIFIER_GROUPS, groups, wide=True):
            build.identifier(row)
        for row in await self._read(q.ALL_FAMILY_EDGES, {}, wide=True):
            build.subsidiary(str(row["child"]), str(row["parent"]))
        for row in await self._read(q.ALL_DUPLICATE_CANDIDATES, {}, wide=True):
            build.candidate(str(row["a"]), str(row["b"]), row)
        for row in await self._read(q.ALL_TIES, {"as_of": as_of}, wide=True):
            build.tie(str(row["a"]), str(row["b"]), int(row["ties"]), float(row["strength"]))
        return build.network()
