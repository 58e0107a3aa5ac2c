"""Employment rows of an import, in two steps in one transaction (see
:mod:`graph.writing.import_two_step`).

An employment row of the source is keyed by its uid: it is created, updated in place, or
moved when its person or company changed (the old edge goes, in the same transaction). A
current job of the source replaces the one a person row implied at the same company. The
employer a person row names is a current job unless one is known there already; a person
row naming a new employer ends the jobs it implied elsewhere.

Change feed: a batch touches the person and company of every job it writes, the old ends of
a job it moves and the companies of the jobs it ends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.driver import GraphClient, Transaction
from graph.queries.ingest import links as ingest_links
from graph.queries.ingest.refs import batch_parameters
from graph.writing.import_two_step import Outcome, Refs, check_keys, same_props
from schema.changes import Touched, touched
from schema.import_rows import EmploymentRow

__all__ = ["write_employments"]

_PROPERTIES = frozenset(ingest_links.EMPLOYMENT_PROPERTIES)


@dataclass(frozen=True, slots=True)
class _Ends:
    """The resolved endpoints of one row: uids and elementIds."""

    person: str
    company: str
    person_node: str
    company_node: str


async def write_employments(
    client: GraphClient, rows: Sequence[EmploymentRow], *, today: date
) -> list[Outcome]:
    """Resolve, decide and write a batch of employment rows in one transaction."""
    people, companies = Refs(), Refs()
    numbered = [(people.add(r["person"]), companies.add(r["company"])) for r in rows]
    parameters = batch_parameters(
        people=people.parameters,
        companies=companies.parameters,
        uids=[r["uid"] for r in rows],
    )

    async def work(tx: Transaction) -> list[Outcome]:
        [state] = await tx.run(ingest_links.RESOLVE_EMPLOYMENTS, parameters)
        plan = _Plan()
        outcomes = _decide_all(rows, numbered, state, plan)
        if plan:
            await tx.run(ingest_links.WRITE_EMPLOYMENTS, plan.parameters(today))
            tx.touch(plan.touched())
        return outcomes

    return await client.transaction(work)


def _decide_all(
    rows: Sequence[EmploymentRow],
    numbered: list[tuple[int, int]],
    state: Mapping[str, Any],
    plan: _Plan,
) -> list[Outcome]:
    """Each row's outcome; what to write goes to ``plan``."""
    person: list[tuple[str, str, list[Any]] | None] = [None] * len(state["people"])
    for number, uid, node, jobs in state["people"]:
        person[number] = None if node is None else (uid, node, jobs)
    company: list[tuple[str, str] | None] = [None] * len(state["companies"])
    for number, uid, node in state["companies"]:
        company[number] = None if node is None else (uid, node)
    existing = {e["uid"]: e for e in state["existing"]}
    outcomes: list[Outcome] = []
    for row, (person_number, company_number) in zip(rows, numbered, strict=True):
        p, c = person[person_number], company[company_number]
        if p is None or c is None:
            ends_found = ((row["person"]["label"], p), (row["company"]["label"], c))
            labels = [label for label, found in ends_found if found is None]
            outcomes.append(("missing", None, tuple(labels), None, ()))
            continue
        ends = _Ends(person=p[0], company=c[0], person_node=p[1], company_node=c[1])
        outcomes.append(_decide(row, ends, existing.get(row["uid"]), p[2], plan))
    return outcomes


@dataclass(slots=True)
class _Plan:
    """What one batch will write: relationships by elementId, new ones by their ends."""

    deletes: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    creates: list[dict[str, Any]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.deletes or self.ends or self.updates or self.creates)

    def touched(self) -> Touched:
        """The people and companies whose jobs this plan changes."""
        return touched(people=self.people, companies=self.companies)

    def write(
        self, row: EmploymentRow, ends: _Ends, old: Mapping[str, Any] | None, touch: bool
    ) -> None:
        """Write ``row`` in place of ``old`` (its stored job), or create it."""
        self.people.append(ends.person)
        self.companies.append(ends.company)
        if old is not None:
            self.people.append(str(old["person"]))
            self.companies.append(str(old["company"]))
        if old is not None and (old["person"], old["company"]) == (ends.person, ends.company):
            self.updates.append(
                {
                    "rel": old["rel"],
                    "props": row["props"],
                    "touch": touch,
                    "implied": row["implied"],
                }
            )
            return
        if old is not None:
            self.deletes.append(str(old["rel"]))  # moved: the old edge goes
        check_keys(row["props"], _PROPERTIES, "employment")
        self.creates.append(
            {
                "uid": row["uid"],
                "person": ends.person_node,
                "company": ends.company_node,
                "props": row["props"],
                "prov": row["prov"],
                "implied": bool(row["implied"]),
            }
        )

    def parameters(self, today: date) -> dict[str, Any]:
        """The write's parameters; a job that goes is not ended too."""
        gone = set(self.deletes)
        ends = [rel for rel in dict.fromkeys(self.ends) if rel not in gone]
        return batch_parameters(
            deletes=list(dict.fromkeys(self.deletes)),
            ends=ends,
            updates=self.updates,
            creates=self.creates,
            today=today,
        )


def _decide(
    row: EmploymentRow,
    ends: _Ends,
    old: Mapping[str, Any] | None,
    current: list[Mapping[str, Any]],
    plan: _Plan,
) -> Outcome:
    """The outcome of one row whose person and company exist; ``current`` are the person's
    current jobs (anywhere), ``old`` the stored job with the row's uid."""
    uid = row["uid"]
    jobs = [job for job in current if job["company"] == ends.company]
    if row["implied"]:
        mine = [job for job in jobs if job["uid"] == uid]
        if jobs and not mine:
            return ("unchanged", uid, (), None, ())  # a known job there already
        if mine and same_props(mine[0]["props"], row["props"]):
            return ("unchanged", uid, (), None, ())
        if not jobs:
            source = row["prov"]["source"]
            ended = [
                job
                for job in current
                if job["implied"] and job["company"] != ends.company and job["source"] == source
            ]
            plan.ends.extend(str(job["rel"]) for job in ended)
            plan.companies.extend(str(job["company"]) for job in ended)
        plan.write(row, ends, old, touch=bool(mine))
        return ("updated" if mine else "created", uid, (), None, ())
    in_place = old is not None and (old["person"], old["company"]) == (ends.person, ends.company)
    if in_place and old is not None and same_props(old["props"], row["props"]):
        return ("unchanged", uid, (), None, ())
    if "end" not in row["props"]:
        plan.deletes.extend(str(job["rel"]) for job in jobs if job["implied"] and job["uid"] != uid)
    plan.write(row, ends, old, touch=old is not None)
    return ("created" if old is None else "updated", uid, (), None, ())
