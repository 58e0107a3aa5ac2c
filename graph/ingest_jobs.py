"""Employment rows of an import, in two steps (see :mod:`graph.ingest_two_step`).

An employment row of the source is keyed by its uid: it is created, updated in place, or
moved when its person or company changed (the old edge goes, in the same transaction). A
current job of the source replaces the one a person row implied at the same company. The
employer a person row names is a current job unless one is known there already; a person
row naming a new employer ends the jobs it implied elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, LiteralString

from graph.driver import GraphClient
from graph.ingest_two_step import Outcome, ref_key, same_props
from graph.queries import ingest_links

__all__ = ["write_employments"]


async def write_employments(
    client: GraphClient, rows: Sequence[dict[str, Any]], *, today: date
) -> list[Outcome]:
    """Resolve, decide and write a batch of employment rows in one transaction."""
    people = {ref_key(r["person"]): r["person"] for r in rows}
    companies = {ref_key(r["company"]): r["company"] for r in rows}
    [state] = await client.read(
        ingest_links.RESOLVE_EMPLOYMENTS,
        {
            "people": [{**ref, "key": key} for key, ref in people.items()],
            "companies": [{**ref, "key": key} for key, ref in companies.items()],
            "uids": [r["uid"] for r in rows],
        },
    )
    person_uid = {str(k): u for k, u in state["people"]}
    company_uid = {str(k): u for k, u in state["companies"]}
    existing = {str(e["uid"]): e for e in state["existing"]}
    resolved: list[tuple[str, str] | None] = []
    outcomes: list[Outcome | None] = []
    for row in rows:
        p, c = person_uid.get(ref_key(row["person"])), company_uid.get(ref_key(row["company"]))
        if p is None or c is None:
            labels = [
                str(row[side]["label"]) for side, u in (("person", p), ("company", c)) if u is None
            ]
            outcomes.append(("missing", None, tuple(labels), None, ()))
            resolved.append(None)
        else:
            outcomes.append(None)
            resolved.append((p, c))
    pairs = {pair for pair in resolved if pair is not None}
    current = {
        (str(r["person"]), str(r["company"])): r["jobs"]
        for r in await client.read(
            ingest_links.CURRENT_JOBS,
            {"pairs": [{"person": p, "company": c} for p, c in pairs]},
        )
    }
    plan = _Plan()
    decided: list[Outcome] = []
    for row, pair, outcome in zip(rows, resolved, outcomes, strict=True):
        if pair is None or outcome is not None:
            assert outcome is not None
            decided.append(outcome)
        else:
            decided.append(
                _decide(row, pair, existing.get(row["uid"]), current.get(pair, []), plan)
            )
    statements: list[tuple[LiteralString, Mapping[str, Any]]] = []
    if plan.delete:
        statements.append((ingest_links.DELETE_JOBS, {"uids": plan.delete}))
    if plan.end_elsewhere:
        statements.append(
            (ingest_links.END_IMPLIED_JOBS, {"rows": plan.end_elsewhere, "today": today})
        )
    if plan.writes:
        statements.append((ingest_links.WRITE_EMPLOYMENTS, {"rows": plan.writes}))
    if statements:
        await client.write_all(statements)
    return decided


class _Plan:
    """What one batch will write."""

    def __init__(self) -> None:
        self.delete: list[str] = []
        self.end_elsewhere: list[dict[str, Any]] = []
        self.writes: list[dict[str, Any]] = []


def _decide(
    row: Mapping[str, Any],
    pair: tuple[str, str],
    old: Mapping[str, Any] | None,
    jobs: list[Mapping[str, Any]],
    plan: _Plan,
) -> Outcome:
    person, company = pair
    write = {
        "uid": row["uid"],
        "person": person,
        "company": company,
        "props": row["props"],
        "prov": row["prov"],
        "implied": bool(row["implied"]),
        "touch": False,
    }
    if row["implied"]:
        mine = [job for job in jobs if job["uid"] == row["uid"]]
        if jobs and not mine:
            return ("unchanged", row["uid"], (), None, ())  # a known job there already
        if mine and same_props(mine[0]["props"], row["props"]):
            return ("unchanged", row["uid"], (), None, ())
        if not jobs:
            plan.end_elsewhere.append(
                {"person": person, "company": company, "source": row["prov"]["source"]}
            )
        write["touch"] = bool(mine)
        plan.writes.append(write)
        return ("updated" if mine else "created", row["uid"], (), None, ())
    in_place = old is not None and (old["person"], old["company"]) == pair
    if in_place and old is not None and same_props(old["props"], row["props"]):
        return ("unchanged", row["uid"], (), None, ())
    if old is not None and not in_place:
        plan.delete.append(row["uid"])
    if "end" not in row["props"]:
        plan.delete.extend(
            str(job["uid"]) for job in jobs if job["implied"] and job["uid"] != row["uid"]
        )
    write["touch"] = old is not None
    plan.writes.append(write)
    return ("created" if old is None else "updated", row["uid"], (), None, ())
