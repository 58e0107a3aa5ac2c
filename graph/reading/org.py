"""Bounded projections of one account: its people on a date and what is known between them.

:meth:`OrgReader.project` loads one company (optionally with its subsidiaries down the
SUBSIDIARY_OF tree, each with its parent company, so the chart can be one for the group)
as of a date into a :class:`~schema.reading.org.OrgProjection`: the employees (title,
department and seniority of the job held that day, read from the title when the job does
not say), explicit reports-to lines valid that day (across the family's companies too),
interaction patterns in a window before the date, and KNOWS strengths. Board members,
advisors and investors are kept aside. Every read has a cap and a timeout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, LiteralString

from graph.driver import GraphClient, Record
from graph.queries import org
from graph.reading.crm.records import employment_from, native
from schema.enums import DealContactRole, DealStage, EmploymentRole, ParticipantRole, Seniority
from schema.model import Employment
from schema.reading.org import (
    DealRole,
    FamilyCompany,
    InteractionPattern,
    KnowsTie,
    OrgPerson,
    OrgProjection,
    ReportingLine,
)
from schema.titles import classify_title

__all__ = ["OrgReader", "interaction_patterns", "people_on_day"]

_MAX_SUBSIDIARY_DEPTH = 4  # the literal bound of the query's variable-length pattern
_SENDERS = frozenset({ParticipantRole.FROM.value, ParticipantRole.TO.value})


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
        people, affiliates = people_on_day(
            (employment_from(r["job"], person_uid=str(r["uid"]), company_uid=str(r["company"])), r)
            for r in rows[: self.node_cap]
        )
        uids = [p.uid for p in people]
        return OrgProjection(
            company_uid=family[0].uid,
            family=family,
            as_of=as_of,
            people=people,
            lines=await self._lines(uids, as_of) if uids else (),
            interactions=await self._interactions(uids, as_of, window_days) if uids else (),
            ties=await self._knows(uids) if uids else (),
            affiliates=affiliates,
            truncated=len(rows) > self.node_cap,
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

    async def _lines(self, uids: list[str], as_of: date) -> tuple[ReportingLine, ...]:
        """Explicit lines of the people whose manager is projected too."""
        projected = set(uids)
        rows = await self._read(org.LINES_OF_PEOPLE, {"uids": uids, "as_of": as_of})
        return tuple(
            ReportingLine(
                person=str(r["person"]),
                manager=str(r["manager"]),
                valid_from=native(r["valid_from"]),
                valid_to=native(r["valid_to"]),
            )
            for r in rows
            if str(r["manager"]) in projected and (r["kind"] or "explicit") == "explicit"
        )

    async def _interactions(
        self, uids: list[str], as_of: date, window_days: int
    ) -> tuple[InteractionPattern, ...]:
        """One pattern per ordered pair, in the order the pairs first come."""
        until = datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC)
        since = until - timedelta(days=window_days + 1)
        rows = await self._read(
            org.INTERACTIONS_AMONG, {"uids": uids, "since": since, "until": until}
        )
        return interaction_patterns(rows)

    async def _knows(self, uids: list[str]) -> tuple[KnowsTie, ...]:
        return tuple(
            KnowsTie(a=str(r["a"]), b=str(r["b"]), strength=float(r["strength"] or 0.0))
            for r in await self._read(org.KNOWS_AMONG, {"uids": uids})
        )


def interaction_patterns(rows: Iterable[Mapping[str, Any]]) -> tuple[InteractionPattern, ...]:
    """One pattern per ordered pair, in the order the pairs first come, from rows of
    ``a``, ``b``, ``kind``, ``role_a``, ``role_b`` and a count ``n``."""
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
    return tuple(
        InteractionPattern(
            a=a,
            b=b,
            interactions=n["interactions"],
            meetings=n["meetings"],
            organised=n["organised"],
            copied=n["copied"],
        )
        for (a, b), n in counts.items()
    )


def people_on_day(
    entries: Iterable[tuple[Employment, Mapping[str, Any]]],
) -> tuple[tuple[OrgPerson, ...], tuple[Employment, ...]]:
    """Employees by uid (one job each: the latest started), affiliates aside, from each
    job with its person's ``name``, ``colleague``, ``person_title`` and
    ``person_department``."""
    affiliates: list[Employment] = []
    jobs: dict[str, tuple[Mapping[str, Any], Employment]] = {}
    for r, job in ((r, job) for job, r in entries):
        if job.role is not EmploymentRole.EMPLOYEE:
            affiliates.append(job)
            continue
        current = jobs.get(job.person_uid)
        if current is None or (job.start or date.min) > (current[1].start or date.min):
            jobs[job.person_uid] = (r, job)
    people = tuple(_person(uid, r, job) for uid, (r, job) in sorted(jobs.items()))
    return people, tuple(affiliates)


def _person(uid: str, r: Mapping[str, Any], job: Employment) -> OrgPerson:
    current = job.end is None
    title = job.title or (r["person_title"] if current else None)
    department = job.department or (r["person_department"] if current else None)
    read = classify_title(title, department)
    seniority = job.seniority if job.seniority is not Seniority.UNKNOWN else read.seniority
    return OrgPerson(
        uid=uid,
        company=job.company_uid,
        name=r["name"] or "",
        title=title,
        department_text=department,
        department=read.department,
        seniority=seniority,
        colleague=bool(r["colleague"]),
    )
