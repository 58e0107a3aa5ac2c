"""Bounded projections of one account: its people on a date and what is known between them.

:meth:`OrgReader.project` loads one company (optionally with its subsidiaries down the
SUBSIDIARY_OF tree, each with its parent company, so the chart can be one for the group)
as of a date into an ``nx.DiGraph`` in the shape :mod:`algorithms.org_chart` reads: the
employees as nodes (title, department and seniority of the job held that day, read from
the title when the job does not say), explicit reports-to lines valid that day (across
the family's companies too), interaction patterns in a window before the date, and KNOWS
strengths. Board members, advisors and investors are kept aside. Every read has a cap and
a timeout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, LiteralString

import networkx as nx

from graph.driver import GraphClient, Record
from graph.queries import org
from graph.reading.crm.records import employment_from, native
from schema.enums import DealContactRole, DealStage, EmploymentRole, ParticipantRole, Seniority
from schema.model import Employment
from schema.titles import classify_title

__all__ = ["DealRole", "FamilyCompany", "OrgProjection", "OrgReader"]

_MAX_SUBSIDIARY_DEPTH = 4  # the literal bound of the query's variable-length pattern
_SENDERS = frozenset({ParticipantRole.FROM.value, ParticipantRole.TO.value})


@dataclass(frozen=True, slots=True, kw_only=True)
class DealRole:
    """A person's role in a deal with the account."""

    person_uid: str
    deal_uid: str
    role: DealContactRole
    stage: DealStage
    close_date: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FamilyCompany:
    """A company of a projected family: ``parent`` is the company it is a subsidiary of
    (None for the account itself, whose own parent is not projected)."""

    uid: str
    name: str
    parent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgProjection:
    """One account (``family[0]``, then its subsidiaries, nearest first) on ``as_of``.

    ``graph`` holds the employees (node attributes ``company``, ``name``, ``title``,
    ``department_text``, ``department``, ``seniority``, ``colleague``) and edges with
    ``reports_to`` (+ ``valid_from``, ``valid_to``), ``organised``, ``copied``,
    ``interactions``, ``meetings`` and ``strength``; ``affiliates`` are the board
    members, advisors and investors; ``truncated`` says the node cap cut people off.
    """

    company_uid: str
    family: tuple[FamilyCompany, ...]
    as_of: date
    graph: nx.DiGraph
    affiliates: tuple[Employment, ...]
    truncated: bool

    @property
    def companies(self) -> tuple[str, ...]:
        """The uids of the family, the account first."""
        return tuple(c.uid for c in self.family)

    @property
    def parents(self) -> dict[str, str]:
        """Each subsidiary's parent company, both in the family."""
        uids = set(self.companies)
        return {c.uid: c.parent for c in self.family if c.parent in uids}

    @property
    def company_names(self) -> dict[str, str]:
        """The name of each company of the family."""
        return {c.uid: c.name for c in self.family}


class OrgReader:
    """Projections of one account, bounded by ``node_cap`` people and ``company_cap``
    companies, each read within ``timeout`` seconds."""

    def __init__(
        self,
        client: GraphClient,
        *,
        node_cap: int = 2000,
        company_cap: int = 50,
        timeout: float = 20.0,
    ) -> None:
        if node_cap < 1 or company_cap < 1 or timeout <= 0:
            raise ValueError("node_cap, company_cap and timeout must be positive")
        self.client = client
        self.node_cap = node_cap
        self.company_cap = company_cap
        self.timeout = timeout

    async def company_uids(self, *, after: str = "", limit: int = 500) -> list[str]:
        """Live company uids after ``after``, in order, ``limit`` at most."""
        rows = await self._read(org.COMPANY_UIDS, {"after": after, "limit": limit})
        return [str(r["uid"]) for r in rows]

    async def family(
        self, company_uid: str, *, include_subsidiaries: bool, depth: int = 3
    ) -> tuple[FamilyCompany, ...] | None:
        """The company and (when asked) its subsidiaries up to ``depth`` levels down,
        nearest first, each with its parent; None when the company does not exist."""
        if not 1 <= depth <= _MAX_SUBSIDIARY_DEPTH:
            raise ValueError(f"depth must be between 1 and {_MAX_SUBSIDIARY_DEPTH}")
        rows = await self.client.read(
            org.COMPANY_FAMILY,
            {
                "uid": company_uid,
                "subsidiaries": include_subsidiaries,
                "depth": depth,
                "cap": self.company_cap - 1,
            },
            timeout=self.timeout,
        )
        if not rows:
            return None
        row = rows[0]
        return (
            FamilyCompany(uid=str(row["uid"]), name=str(row["name"] or "")),
            *(
                FamilyCompany(
                    uid=str(s["uid"]),
                    name=str(s["name"] or ""),
                    parent=str(s["parent"]) if s["parent"] is not None else None,
                )
                for s in row["subsidiaries"]
            ),
        )

    async def project(
        self,
        company_uid: str,
        *,
        as_of: date,
        include_subsidiaries: bool = False,
        window_days: int = 365,
    ) -> OrgProjection | None:
        """The account on ``as_of`` with interactions of the ``window_days`` before it;
        None when the company does not exist."""
        if window_days < 1:
            raise ValueError("window_days must be positive")
        family = await self.family(company_uid, include_subsidiaries=include_subsidiaries)
        if family is None:
            return None
        rows = await self._read(
            org.PEOPLE_AT,
            {"companies": [c.uid for c in family], "as_of": as_of, "limit": self.node_cap + 1},
        )
        truncated = len(rows) > self.node_cap
        G, affiliates = _people(rows[: self.node_cap])
        uids = list(G.nodes)
        if uids:
            await self._add_lines(G, uids, as_of)
            await self._add_interactions(G, uids, as_of, window_days)
            await self._add_knows(G, uids)
        return OrgProjection(
            company_uid=family[0].uid,
            family=family,
            as_of=as_of,
            graph=G,
            affiliates=tuple(affiliates),
            truncated=truncated,
        )

    async def deal_roles(
        self, person_uids: Sequence[str], companies: Sequence[str]
    ) -> list[DealRole]:
        """The people's roles in live deals with ``companies``."""
        rows = await self._read(
            org.DEAL_ROLES_OF_PEOPLE, {"uids": list(person_uids), "companies": list(companies)}
        )
        return [
            DealRole(
                person_uid=str(r["person"]),
                deal_uid=str(r["deal"]),
                role=DealContactRole(r["role"]),
                stage=DealStage(r["stage"] or DealStage.PROSPECTING),
                close_date=native(r["close_date"]),
            )
            for r in rows
        ]

    async def _read(self, text: LiteralString, parameters: dict[str, Any]) -> list[Record]:
        return await self.client.read(text, parameters, timeout=self.timeout)

    async def _add_lines(self, G: nx.DiGraph, uids: list[str], as_of: date) -> None:
        rows = await self._read(org.LINES_OF_PEOPLE, {"uids": uids, "as_of": as_of})
        for r in rows:
            person, manager = str(r["person"]), str(r["manager"])
            if manager in G and (r["kind"] or "explicit") == "explicit":
                G.add_edge(
                    person,
                    manager,
                    reports_to=True,
                    valid_from=native(r["valid_from"]),
                    valid_to=native(r["valid_to"]),
                )

    async def _add_interactions(
        self, G: nx.DiGraph, uids: list[str], as_of: date, window_days: int
    ) -> None:
        until = datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC)
        since = until - timedelta(days=window_days + 1)
        rows = await self._read(
            org.INTERACTIONS_AMONG, {"uids": uids, "since": since, "until": until}
        )
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in rows:
            pair, n = (str(r["a"]), str(r["b"])), int(r["n"])
            counts[pair]["interactions"] += n
            if r["kind"] == "meeting":
                counts[pair]["meetings"] += n
                if r["role_b"] == ParticipantRole.ORGANIZER and r["role_a"] == "attendee":
                    counts[pair]["organised"] += n
            if r["role_b"] == ParticipantRole.CC and r["role_a"] in _SENDERS:
                counts[pair]["copied"] += n
        for (a, b), values in counts.items():
            G.add_edge(a, b, **values)

    async def _add_knows(self, G: nx.DiGraph, uids: list[str]) -> None:
        for r in await self._read(org.KNOWS_AMONG, {"uids": uids}):
            strength = float(r["strength"] or 0.0)
            G.add_edge(str(r["a"]), str(r["b"]), strength=strength)
            G.add_edge(str(r["b"]), str(r["a"]), strength=strength)


def _people(rows: list[Record]) -> tuple[nx.DiGraph, list[Employment]]:
    """Employees as nodes (one job each: the latest started), affiliates aside."""
    G = nx.DiGraph()
    affiliates: list[Employment] = []
    jobs: dict[str, tuple[Record, Employment]] = {}
    for r in rows:
        job = employment_from(r["job"], person_uid=str(r["uid"]), company_uid=str(r["company"]))
        if job.role is not EmploymentRole.EMPLOYEE:
            affiliates.append(job)
            continue
        current = jobs.get(job.person_uid)
        if current is None or (job.start or date.min) > (current[1].start or date.min):
            jobs[job.person_uid] = (r, job)
    for uid, (r, job) in sorted(jobs.items()):
        G.add_node(uid, **_node(r, job))
    return G, affiliates


def _node(r: Record, job: Employment) -> dict[str, Any]:
    current = job.end is None
    title = job.title or (r["person_title"] if current else None)
    department = job.department or (r["person_department"] if current else None)
    read = classify_title(title, department)
    seniority = job.seniority if job.seniority is not Seniority.UNKNOWN else read.seniority
    return {
        "company": job.company_uid,
        "name": r["name"] or "",
        "title": title,
        "department_text": department,
        "department": read.department,
        "seniority": seniority,
        "colleague": bool(r["colleague"]),
    }
