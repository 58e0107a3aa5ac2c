"""The bulk kinds of an import (people and interactions) in two steps per batch, in ONE
transaction.

First one read resolves every reference of the batch (each distinct one once) and returns
what is stored; then the decisions are taken here (created, updated, unchanged, a key held
by someone else), and the writes apply only what changes: rows the read did not find are
created outright, rows that differ are updated (see :mod:`graph.queries.ingest.two_step`).
A re-import of unchanged rows writes nothing at all. The read and the writes share the
batch's transaction, so the decisions hold when the writes run; a transient failure runs
the whole batch again, read included.

Change feed: a people batch touches the people it created or updated; an interaction batch
the interactions it created or updated, their participants and deals (the ones they had and
the ones the rows give).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from graph.driver import GraphClient, Transaction
from graph.queries.ingest import two_step as q
from graph.queries.ingest.refs import batch_parameters
from graph.reading.crm.records import native
from schema.changes import Touched, touched
from schema.import_rows import InteractionRow, PersonRow

__all__ = [
    "Outcome",
    "Refs",
    "check_keys",
    "same_props",
    "write_interactions",
    "write_people",
]

Outcome = tuple[str, str | None, tuple[str, ...], str | None, tuple[str, ...]]
"""(outcome, uid, missing, conflict, people).

See :class:`graph.writing.import_writer.RowOutcome`.
"""

_PERSON_PROPERTIES = frozenset(q.PERSON_PROPERTIES)
_INTERACTION_PROPERTIES = frozenset((*q.INTERACTION_PROPERTIES, *q.INTERACTION_TIMES))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_RESOLVED = ("ext", "email", "email_key", "source", "domain", "name_key", "name_lower", "legal")


class Refs:
    """The distinct references of a batch, each numbered once: the resolve query gets
    them by number (without the labels it does not need) and answers by number."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[Any, ...], int] = {}
        self.parameters: list[dict[str, Any]] = []

    def add(self, ref: Mapping[str, Any]) -> int:
        """The number of ``ref`` (the same for the same reference)."""
        identity = tuple(ref.get(k) for k in ("ext", "email", "domain", "name_key", "name_lower"))
        number = self._numbers.get(identity)
        if number is None:
            number = self._numbers[identity] = len(self.parameters)
            sent = {k: ref[k] for k in _RESOLVED if k in ref}
            self.parameters.append({**sent, "key": number})
        return number


def epoch(value: datetime) -> list[int]:
    """A UTC datetime as ``[seconds, nanoseconds]`` since the epoch."""
    if value.utcoffset() != _EPOCH.utcoffset():
        raise ValueError(f"not a UTC datetime: {value!r}")
    delta = value - _EPOCH
    return [delta.days * 86_400 + delta.seconds, delta.microseconds * 1000]


def _wire_times(props: Mapping[str, Any]) -> dict[str, Any]:
    """``props`` with each interaction time as ``[seconds, nanoseconds]``."""
    return {
        k: epoch(v) if k in q.INTERACTION_TIMES and isinstance(v, datetime) else v
        for k, v in props.items()
    }


def same_props(stored: Mapping[str, Any], props: Mapping[str, Any]) -> bool:
    """Does ``stored`` hold every value of ``props``?"""
    return all(native(stored.get(k)) == v for k, v in props.items())


def check_keys(keys: Iterable[str], allowed: frozenset[str], what: str) -> None:
    """Refuse a property the create query of ``what`` would not write (instead of losing
    it silently)."""
    extra = set(keys) - allowed
    if extra:
        raise ValueError(f"the {what} create query does not write {sorted(extra)}")


async def write_people(client: GraphClient, rows: Sequence[PersonRow]) -> list[Outcome]:
    """Resolve, decide and write a batch of people rows in one transaction."""
    batch = [
        {"ref": {k: r["ref"].get(k) for k in _RESOLVED}, "email": r["email"], "i": i}
        for i, r in enumerate(rows)
    ]

    async def work(tx: Transaction) -> list[Outcome]:
        [resolved] = await tx.run(q.RESOLVE_PEOPLE, batch_parameters(rows=batch))
        found = {int(r["i"]): r for r in resolved["rows"]}
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
            await tx.run(q.CREATE_PEOPLE, batch_parameters(rows=creates))
        if updates:
            await tx.run(q.UPDATE_PEOPLE, batch_parameters(rows=updates))
        tx.touch(touched(people=(o[1] for o in outcomes if o[0] in ("created", "updated"))))
        return outcomes

    return await client.transaction(work)


def _new_person(row: PersonRow) -> dict[str, Any]:
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


def _person_change(row: PersonRow, state: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
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
    given = row["props"].get("alternate_emails")  # a list of emails, when the row has any
    if isinstance(given, list):
        alternates += [a for a in given if a not in alternates]
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


async def write_interactions(client: GraphClient, rows: Sequence[InteractionRow]) -> list[Outcome]:
    """Resolve the batch's distinct references and read the interactions it names in one
    read, then write only the rows that create or change something; one transaction."""
    people, deals = Refs(), Refs()
    numbered = [
        (
            [people.add(part["ref"]) for part in row["participants"]],
            deals.add(row["deal"]) if row["deal"] else None,
        )
        for row in rows
    ]
    parameters = batch_parameters(
        people=people.parameters, deals=deals.parameters, uids=[row["uid"] for row in rows]
    )

    async def work(tx: Transaction) -> list[Outcome]:
        [state] = await tx.run(q.RESOLVE_INTERACTIONS, parameters)
        outcomes, creates, updates, changed = _interaction_changes(rows, numbered, state)
        if creates:
            await tx.run(q.CREATE_INTERACTIONS, batch_parameters(rows=creates))
        if updates:
            await tx.run(q.UPDATE_INTERACTIONS, batch_parameters(rows=updates))
        tx.touch(changed)
        return outcomes

    return await client.transaction(work)


def _interaction_changes(
    rows: Sequence[InteractionRow],
    numbered: list[tuple[list[int], int | None]],
    state: Mapping[str, Any],
) -> tuple[list[Outcome], list[dict[str, Any]], list[dict[str, Any]], Touched]:
    """Each row's outcome, the rows to create and to update, and what they touch."""
    person, deal_node = _by_number(state)
    deal_uids = {str(node): str(uid) for node, uid in state["deal_uids"]}
    existing = {e["uid"]: e for e in state["existing"]}
    outcomes: list[Outcome] = []
    creates: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    changed: list[tuple[str, tuple[str, ...], str | None, Mapping[str, Any] | None]] = []
    for row, (part_numbers, deal_number) in zip(rows, numbered, strict=True):
        parts, uids, missing = _participants(row, part_numbers, person)
        deal = None if deal_number is None else deal_node[deal_number]
        if row["deal"] and deal is None:
            missing.append(str(row["deal"]["label"]))
        if missing:
            outcomes.append(("missing", None, tuple(missing), None, ()))
            continue
        check_keys(row["props"], _INTERACTION_PROPERTIES, "interaction")
        wired = _wire_times(row["props"])
        write = {"props": wired, "prov": row["prov"], "deal": deal, "parts": parts}
        old = existing.get(row["uid"])
        if old is None:
            creates.append({**write, "uid": row["uid"]})
            outcome = "created"
        elif _same_interaction(old, wired, parts, deal):
            outcome = "unchanged"
        else:
            updates.append({**write, "props": row["props"], "node": old["node"]})
            outcome = "updated"
        outcomes.append((outcome, row["uid"], (), None, uids))
        if outcome != "unchanged":
            changed.append((row["uid"], uids, deal, old))
    return outcomes, creates, updates, _interactions_touched(changed, deal_uids)


def _interactions_touched(
    changed: list[tuple[str, tuple[str, ...], str | None, Mapping[str, Any] | None]],
    deal_uids: Mapping[str, str],
) -> Touched:
    """The interactions rows wrote (uid, participants' uids, deal's elementId, what was
    stored), their participants and deals, and the ones they had."""
    people: list[str] = []
    deals: list[str | None] = []
    for _, uids, deal, old in changed:
        before = old or {}
        people += uids
        people += (part[2] for part in before.get("parts") or ())
        deals.append(deal_uids.get(deal) if deal else None)
        deals += before.get("deal_uids") or ()
    return touched(interactions=(c[0] for c in changed), people=people, deals=deals)


def _by_number(
    state: Mapping[str, Any],
) -> tuple[list[tuple[str, str] | None], list[str | None]]:
    """The resolved people (uid, elementId) and deals (elementId) by reference number."""
    person: list[tuple[str, str] | None] = [None] * len(state["people"])
    for number, uid, node in state["people"]:
        person[number] = None if node is None else (uid, node)
    deal_node: list[str | None] = [None] * len(state["deals"])
    for number, node in state["deals"]:
        deal_node[number] = node
    return person, deal_node


def _participants(
    row: InteractionRow, numbers: list[int], person: list[tuple[str, str] | None]
) -> tuple[list[dict[str, Any]], tuple[str, ...], list[str]]:
    """The row's links (one per person and role), its people's uids, what is missing."""
    parts: list[dict[str, Any]] = []
    uids: dict[str, None] = {}
    missing: list[str] = []
    for part, number in zip(row["participants"], numbers, strict=True):
        hit = person[number]
        if hit is None:
            missing.append(str(part["label"]))
        elif (link := {"node": hit[1], "role": part["role"]}) not in parts:
            uids[hit[0]] = None
            parts.append(link)  # two ids of one person in one role make one link
    return parts, tuple(uids), missing


def _same_interaction(
    old: Mapping[str, Any], wired: Mapping[str, Any], parts: list[dict[str, Any]], deal: Any
) -> bool:
    """Does the stored interaction already hold every value (times as ``[seconds,
    nanoseconds]`` on both sides) and link of the row?"""
    if not all(old["props"].get(k) == v for k, v in wired.items()):
        return False
    links = {(str(part[0]), str(part[1])) for part in old["parts"]}
    if any((p["node"], p["role"]) not in links for p in parts):
        return False
    return deal is None or deal in old["deals"]
