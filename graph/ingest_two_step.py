"""The bulk kinds of an import (people and interactions) in two steps per batch, in ONE
transaction.

First one read resolves every reference of the batch (each distinct one once) and returns
what is stored; then the decisions are taken here (created, updated, unchanged, a key held
by someone else), and the writes apply only what changes: rows the read did not find are
created outright, rows that differ are updated (see :mod:`graph.queries.ingest_two_step`).
A re-import of unchanged rows writes nothing at all. The read and the writes share the
batch's transaction, so the decisions hold when the writes run; a transient failure runs
the whole batch again, read included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph.driver import GraphClient, Transaction
from graph.queries import ingest_two_step as q
from graph.reading.records import native

__all__ = [
    "Outcome",
    "check_keys",
    "ref_key",
    "same_props",
    "write_interactions",
    "write_people",
]

Outcome = tuple[str, str | None, tuple[str, ...], str | None, tuple[str, ...]]
"""(outcome, uid, missing, conflict, people): see :class:`graph.ingest_writer.RowOutcome`."""

_PERSON_PROPERTIES = frozenset(q.PERSON_PROPERTIES)
_INTERACTION_PROPERTIES = frozenset(q.INTERACTION_PROPERTIES)


def ref_key(ref: Mapping[str, Any]) -> str:
    """One reference's identity inside a batch."""
    return "|".join(str(ref.get(k) or "") for k in ("ext", "email", "domain", "name_key"))


def same_props(stored: Mapping[str, Any], props: Mapping[str, Any]) -> bool:
    return all(native(stored.get(k)) == v for k, v in props.items())


def check_keys(keys: Iterable[str], allowed: frozenset[str], what: str) -> None:
    """Refuse a property the create query of ``what`` would not write (instead of losing
    it silently)."""
    extra = set(keys) - allowed
    if extra:
        raise ValueError(f"the {what} create query does not write {sorted(extra)}")


async def write_people(client: GraphClient, rows: Sequence[dict[str, Any]]) -> list[Outcome]:
    """Resolve, decide and write a batch of people rows in one transaction."""
    batch = [{"ref": r["ref"], "email": r["email"], "i": i} for i, r in enumerate(rows)]

    async def work(tx: Transaction) -> list[Outcome]:
        found = {int(r["i"]): r for r in await tx.run(q.RESOLVE_PEOPLE, {"rows": batch})}
        outcomes: list[Outcome] = []
        creates: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for i, row in enumerate(rows):
            state = found[i]
            if state["uid"] is None:
                outcomes.append(("created", row["uid"], (), state["holder"], ()))
                creates.append(_new_person(row))
                continue
            write, outcome = _person_change(row, state)
            outcomes.append((outcome, state["uid"], (), state["holder"], ()))
            if outcome != "unchanged":
                updates.append(write)
        if creates:
            await tx.run(q.CREATE_PEOPLE, {"rows": creates})
        if updates:
            await tx.run(q.UPDATE_PEOPLE, {"rows": updates})
        return outcomes

    return await client.transaction(work)


def _new_person(row: Mapping[str, Any]) -> dict[str, Any]:
    """The create row of a person the graph does not hold: defaults, then provenance, then
    the row's values, then its email."""
    node = {**(row.get("defaults") or {}), **row["prov"], **row["props"]}
    if row["email"]:
        node["email"] = row["email"]
    check_keys(node, _PERSON_PROPERTIES, "person")
    return {
        "uid": row["uid"],
        "node": node,
        "prov": row["prov"],
        "phones": list(dict.fromkeys(row["phones"])),
        "domains": list(dict.fromkeys(row["domains"])),
    }


def _person_change(row: Mapping[str, Any], state: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """What to write for one person row the graph holds already, and its outcome."""
    email = row["email"]
    stored = state["props"]
    props_kept = same_props(stored, row["props"])
    write: dict[str, Any] = {
        "node": state["node"],
        "prov": row["prov"],
        "props": {} if props_kept else row["props"],
        "touch": not props_kept,
        "set_email": None,
        "alternate_emails": None,
        "external_ids": [],
        "phones": row["phones"],
        "domains": row["domains"],
    }
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
    read, then write only the rows that create or change something; one transaction."""
    people = {ref_key(p["ref"]): p["ref"] for row in rows for p in row["participants"]}
    deals = {ref_key(row["deal"]): row["deal"] for row in rows if row["deal"]}
    parameters = {
        "people": [{**ref, "key": key} for key, ref in people.items()],
        "deals": [{**ref, "key": key} for key, ref in deals.items()],
        "uids": [row["uid"] for row in rows],
    }

    async def work(tx: Transaction) -> list[Outcome]:
        [state] = await tx.run(q.RESOLVE_INTERACTIONS, parameters)
        outcomes, creates, updates = _interaction_changes(rows, state)
        if creates:
            await tx.run(q.CREATE_INTERACTIONS, {"rows": creates})
        if updates:
            await tx.run(q.UPDATE_INTERACTIONS, {"rows": updates})
        return outcomes

    return await client.transaction(work)


def _interaction_changes(
    rows: Sequence[dict[str, Any]], state: Mapping[str, Any]
) -> tuple[list[Outcome], list[dict[str, Any]], list[dict[str, Any]]]:
    """Each row's outcome, and the rows to create and to update."""
    person = {str(k): (uid, node) for k, uid, node in state["people"] if node is not None}
    deal_node = {str(k): node for k, node in state["deals"] if node is not None}
    existing = {str(e["uid"]): e for e in state["existing"]}
    outcomes: list[Outcome] = []
    creates: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        parts, uids, missing = [], [], []
        for part in row["participants"]:
            hit = person.get(ref_key(part["ref"]))
            if hit is None:
                missing.append(str(part["label"]))
            elif (link := {"node": hit[1], "role": part["role"]}) not in parts:
                uids.append(str(hit[0]))
                parts.append(link)  # two ids of one person in one role make one link
        deal = deal_node.get(ref_key(row["deal"])) if row["deal"] else None
        if row["deal"] and deal is None:
            missing.append(str(row["deal"]["label"]))
        if missing:
            outcomes.append(("missing", None, tuple(missing), None, ()))
            continue
        write = {"props": row["props"], "prov": row["prov"], "deal": deal, "parts": parts}
        old = existing.get(row["uid"])
        if old is None:
            check_keys(row["props"], _INTERACTION_PROPERTIES, "interaction")
            creates.append({**write, "uid": row["uid"]})
            outcome = "created"
        elif _same_interaction(old, row["props"], parts, deal):
            outcome = "unchanged"
        else:
            updates.append({**write, "node": old["node"]})
            outcome = "updated"
        outcomes.append((outcome, row["uid"], (), None, tuple(dict.fromkeys(uids))))
    return outcomes, creates, updates


def _same_interaction(
    old: Mapping[str, Any], props: Mapping[str, Any], parts: list[dict[str, Any]], deal: Any
) -> bool:
    """Does the stored interaction already hold every value and link of the row?"""
    if not same_props(old["props"], props):
        return False
    links = {(str(node), str(role)) for node, role in old["parts"]}
    if any((p["node"], p["role"]) not in links for p in parts):
        return False
    return deal is None or deal in old["deals"]
