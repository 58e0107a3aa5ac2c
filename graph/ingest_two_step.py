"""The bulk kinds of an import (people and interactions) in two steps per batch.

First one read resolves every reference of the batch (each distinct one once) and returns
what is stored; then the decisions are taken here (created, updated, unchanged, a key held
by someone else), and one plain write applies only what changes. A write that reads nothing
it writes needs no Eager barrier, and a re-import of unchanged rows writes nothing at all.
Between the read and the write the batch's own transaction is not held open; a concurrent
change to the same records in that instant (a merge, say) is the one case this trades for
speed, and the next import sees it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.driver import GraphClient
from graph.queries import ingest_nodes
from graph.reading.records import native

__all__ = ["Outcome", "ref_key", "same_props", "write_interactions", "write_people"]

Outcome = tuple[str, str | None, tuple[str, ...], str | None, tuple[str, ...]]
"""(outcome, uid, missing, conflict, people): see :class:`graph.ingest_writer.RowOutcome`."""


def ref_key(ref: Mapping[str, Any]) -> str:
    """One reference's identity inside a batch."""
    return "|".join(str(ref.get(k) or "") for k in ("ext", "email", "domain", "name_key"))


def same_props(stored: Mapping[str, Any], props: Mapping[str, Any]) -> bool:
    return all(native(stored.get(k)) == v for k, v in props.items())


async def write_people(client: GraphClient, rows: Sequence[dict[str, Any]]) -> list[Outcome]:
    """Resolve, decide and write a batch of people rows."""
    batch = [{"ref": r["ref"], "email": r["email"], "i": i} for i, r in enumerate(rows)]
    found = {
        int(r["i"]): r for r in await client.read(ingest_nodes.RESOLVE_PEOPLE, {"rows": batch})
    }
    outcomes: list[Outcome] = []
    writes: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        state = found[i]
        write, outcome = _person_change(row, state)
        outcomes.append((outcome, write["uid"], (), state["holder"], ()))
        if outcome != "unchanged":
            writes.append(write)
    if writes:
        await client.write(ingest_nodes.WRITE_PEOPLE, {"rows": writes})
    return outcomes


def _person_change(row: Mapping[str, Any], state: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """What to write for one person row, and its outcome."""
    email = row["email"]
    write: dict[str, Any] = {
        "uid": state["uid"] or row["uid"],
        "defaults": row.get("defaults") or {},
        "prov": row["prov"],
        "props": row["props"],
        "touch": False,
        "set_email": None,
        "alternate_emails": None,
        "external_ids": [],
        "phones": row["phones"],
        "domains": row["domains"],
    }
    if state["uid"] is None:
        write["set_email"] = email
        return write, "created"
    stored = state["props"]
    props_kept = same_props(stored, row["props"])
    if not props_kept:
        write["touch"] = True
    else:
        write["props"] = {}
    alternates = list(native(stored.get("alternate_emails")) or [])
    alternates += [a for a in row["props"].get("alternate_emails", []) if a not in alternates]
    same_email = True
    if email and state["holder"] is None and email != stored.get("email"):
        if stored.get("email") is None:
            write["set_email"], same_email = email, False
        elif email not in alternates:
            write["alternate_emails"] = [*alternates, email]
            write["external_ids"].append(row["ref"]["email_key"])
            same_email = False
    if state["new_ext"]:
        write["external_ids"].append(row["ref"]["ext"])
    new_links = set(row["phones"]) - set(state["phones"]) or set(row["domains"]) - set(
        state["domains"]
    )
    unchanged = props_kept and same_email and not state["new_ext"] and not new_links
    return write, "unchanged" if unchanged else "updated"


async def write_interactions(client: GraphClient, rows: Sequence[dict[str, Any]]) -> list[Outcome]:
    """Resolve the batch's distinct references and read the interactions it names in one
    read, then write only the rows that create or change something."""
    people = {ref_key(p["ref"]): p["ref"] for row in rows for p in row["participants"]}
    deals = {ref_key(row["deal"]): row["deal"] for row in rows if row["deal"]}
    [state] = await client.read(
        ingest_nodes.RESOLVE_INTERACTIONS,
        {
            "people": [{**ref, "key": key} for key, ref in people.items()],
            "deals": [{**ref, "key": key} for key, ref in deals.items()],
            "uids": [row["uid"] for row in rows],
        },
    )
    person_uid = {str(k): u for k, u in state["people"]}
    deal_uid = {str(k): u for k, u in state["deals"]}
    existing = {str(e["uid"]): e for e in state["existing"]}
    outcomes: list[Outcome] = []
    writes: list[dict[str, Any]] = []
    for row in rows:
        parts, missing = [], []
        for part in row["participants"]:
            uid = person_uid.get(ref_key(part["ref"]))
            if uid is None:
                missing.append(str(part["label"]))
            else:
                parts.append({"uid": uid, "role": part["role"]})
        deal = deal_uid.get(ref_key(row["deal"])) if row["deal"] else None
        if row["deal"] and deal is None:
            missing.append(str(row["deal"]["label"]))
        if missing:
            outcomes.append(("missing", None, tuple(missing), None, ()))
            continue
        old = existing.get(row["uid"])
        if old is None:
            outcome = "created"
        elif _same_interaction(old, row["props"], parts, deal):
            outcome = "unchanged"
        else:
            outcome = "updated"
        people_uids = tuple(dict.fromkeys(str(p["uid"]) for p in parts))
        outcomes.append((outcome, row["uid"], (), None, people_uids))
        if outcome != "unchanged":
            writes.append(
                {
                    "uid": row["uid"],
                    "props": row["props"],
                    "prov": row["prov"],
                    "deal": deal,
                    "parts": parts,
                }
            )
    if writes:
        await client.write(ingest_nodes.WRITE_INTERACTIONS, {"rows": writes})
    return outcomes


def _same_interaction(
    old: Mapping[str, Any], props: Mapping[str, Any], parts: list[dict[str, Any]], deal: Any
) -> bool:
    """Does the stored interaction already hold every value and link of the row?"""
    if not same_props(old["props"], props):
        return False
    links = {(str(uid), str(role)) for uid, role in old["parts"]}
    if any((p["uid"], p["role"]) not in links for p in parts):
        return False
    return deal is None or deal in old["deals"]
