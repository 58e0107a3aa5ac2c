"""The relationships of two records being merged, and what a merge does with each one.

A :class:`Link` is one relationship of the survivor or of the merged record as the merge
read it: its type, its direction seen from that record, the other node (label and natural
key) and its properties as typed entries (see :mod:`graph.queries.commands.properties`).

Each relationship of the merged record gets an action:

- ``moved``: it moves to the survivor with all its properties (provenance included);
- ``loop``: it links the two records (a reporting line, a subsidiary), so on the survivor it
  would be a self-loop: it is dropped;
- ``duplicate``: the survivor already has the same relationship to the same node (same type,
  direction and properties once provenance, ``source``, ``source_id`` and ``uid``, is set
  aside): it is dropped rather than kept twice, so lists and KNOWS derivation count it once;
- ``resolved``: the ``POSSIBLE_DUPLICATE`` candidate between the two records, which the merge
  settles: it is dropped (without the warning a ``loop`` gets);
- ``knows``: a derived KNOWS edge: it is deleted, and the survivor's are computed again.

A ``POSSIBLE_DUPLICATE`` to a third record moves like any other relationship, status
included: what was said of the merged record (an open candidate, or a dismissal: "not the
same as C") holds for the survivor, which now is that record too. The dedupe reads treat
the relationships between two records as one pair whatever their direction. An external id
(``IDENTIFIES``, from an ``ExternalId`` node) and a stated ``CONNECTED_TO`` move to the
survivor.

Dropped relationships are kept, properties and all, in the merge record, so ``unmerge``
creates them again. Only the (type, direction) pairs of :data:`MOVABLE` can move; a merged
record with any other relationship is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from schema.enums import RelType
from schema.errors import InvalidInput
from schema.reading.merges import LinkDirection, MergeKind, RelationshipGroup

__all__ = [
    "ACTIONS",
    "MOVABLE",
    "PROVENANCE",
    "Entry",
    "Link",
    "decide",
    "groups",
    "links_from",
    "moved_rows",
]

Entry = Mapping[str, Any]
PROVENANCE = frozenset({"source", "source_id", "uid"})
ACTIONS = frozenset({"moved", "loop", "duplicate", "resolved"})
_OUT, _IN = LinkDirection.OUTGOING, LinkDirection.INCOMING

MOVABLE: Mapping[MergeKind, frozenset[tuple[RelType, LinkDirection]]] = {
    MergeKind.PERSON: frozenset(
        {
            (RelType.WORKS_AT, _OUT),
            (RelType.REPORTS_TO, _OUT),
            (RelType.REPORTS_TO, _IN),
            (RelType.PARTICIPATED_IN, _OUT),
            (RelType.INVOLVED_IN, _OUT),
            (RelType.OWNS, _OUT),
            (RelType.HAS_PHONE, _OUT),
            (RelType.HAS_DOMAIN, _OUT),
            (RelType.LOCATED_AT, _OUT),
            (RelType.IDENTIFIES, _IN),
            (RelType.CONNECTED_TO, _OUT),
            (RelType.CONNECTED_TO, _IN),
            (RelType.POSSIBLE_DUPLICATE, _OUT),
            (RelType.POSSIBLE_DUPLICATE, _IN),
        }
    ),
    MergeKind.COMPANY: frozenset(
        {
            (RelType.WORKS_AT, _IN),
            (RelType.FOR, _IN),
            (RelType.OWNS, _IN),
            (RelType.SUBSIDIARY_OF, _OUT),
            (RelType.SUBSIDIARY_OF, _IN),
            (RelType.HAS_DOMAIN, _OUT),
            (RelType.LOCATED_AT, _OUT),
            (RelType.HAS_PHONE, _OUT),
            (RelType.IDENTIFIES, _IN),
            (RelType.POSSIBLE_DUPLICATE, _OUT),
            (RelType.POSSIBLE_DUPLICATE, _IN),
        }
    ),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """One relationship of a record being merged (``owner``: ``survivor`` or ``merged``);
    ``between`` when it joins the two records (or loops on one)."""

    owner: str
    id: str
    type: str
    direction: LinkDirection
    other_label: str | None
    other_key: str | None
    other_name: str | None
    entries: tuple[Entry, ...]
    between: bool = False

    @property
    def values(self) -> dict[str, Any]:
        """Its properties (temporal values as their ISO text)."""
        return {e["key"]: e["value"] for e in self.entries}

    @property
    def other(self) -> tuple[str | None, str | None]:
        """The other node: label and natural key."""
        return self.other_label, self.other_key

    def same_as(self, other: Link) -> bool:
        """Whether ``other`` is the same relationship, provenance set aside."""
        return (self.type, self.direction, self.other) == (
            other.type,
            other.direction,
            other.other,
        ) and _content(self) == _content(other)


def _content(link: Link) -> frozenset[tuple[str, str, str]]:
    return frozenset(
        (e["key"], e["type"], json.dumps(e["value"]))
        for e in link.entries
        if e["key"] not in PROVENANCE
    )


def links_from(
    rows: Iterable[Mapping[str, Any]], kind: MergeKind, pair: tuple[str, str]
) -> list[Link]:
    """The links a merge read returned, each once (a self-loop is read twice); ``pair`` is
    the survivor's and the merged record's uid."""
    found: dict[tuple[str, str], Link] = {}
    for row in rows:
        link = Link(
            owner=row["owner"],
            id=row["id"],
            type=row["type"],
            direction=_OUT if row["out"] else _IN,
            other_label=row["other_label"],
            other_key=row["other_key"],
            other_name=row["other_name"],
            entries=tuple(row["entries"]),
            between=row["other_label"] == kind.label and row["other_key"] in pair,
        )
        found.setdefault((link.owner, link.id), link)
    return list(found.values())


def decide(kind: MergeKind, links: list[Link]) -> dict[str, str]:
    """The action for each relationship of the merged record, by element id.

    Raises
    ------
    schema.errors.InvalidInput
        On ``merged_id`` when a relationship cannot move (not in :data:`MOVABLE`).
    """
    kept = [link for link in links if link.owner == "survivor"]
    actions: dict[str, str] = {}
    for link in (link for link in links if link.owner == "merged"):
        if kind is MergeKind.PERSON and link.type == RelType.KNOWS:
            actions[link.id] = "knows"
        elif not _movable(kind, link):
            raise InvalidInput(
                f"It has a {link.type} relationship ({link.direction.name.lower()}) to "
                f"{link.other_label or 'a node'} that a merge cannot move.",
                field="merged_id",
            )
        elif link.between:
            resolved = link.type == RelType.POSSIBLE_DUPLICATE
            actions[link.id] = "resolved" if resolved else "loop"
        elif any(link.same_as(mine) for mine in kept):
            actions[link.id] = "duplicate"
        else:
            actions[link.id] = "moved"
    return actions


def _movable(kind: MergeKind, link: Link) -> bool:
    known = {t.value for t in RelType}
    if link.other_label is None or link.type not in known:
        return False
    return (RelType(link.type), link.direction) in MOVABLE[kind]


def moved_rows(links: list[Link], actions: Mapping[str, str]) -> list[str]:
    """The merge record's description of every relationship the merge takes off the
    merged record (KNOWS aside), one JSON text each."""
    rows = []
    for link in links:
        action = actions.get(link.id)
        if link.owner != "merged" or action in (None, "knows"):
            continue
        values = link.values
        row = {
            "type": link.type,
            "direction": link.direction.value,
            "action": action,
            "other_label": link.other_label,
            "other_key": link.other_key,
            "identity": {key: values.get(key) for key in sorted(PROVENANCE)},
            "props": [dict(e) for e in link.entries],
        }
        rows.append(json.dumps(row, sort_keys=True))
    return rows


def groups(links: list[Link], actions: Mapping[str, str]) -> tuple[RelationshipGroup, ...]:
    """The merged record's relationships by type and direction: how many move, how many
    are dropped."""
    counts: dict[tuple[str, LinkDirection], list[int]] = {}
    for link in (link for link in links if link.owner == "merged"):
        count = counts.setdefault((link.type, link.direction), [0, 0])
        count[0 if actions.get(link.id) == "moved" else 1] += 1
    return tuple(
        RelationshipGroup(type=RelType(type), direction=direction, moved=moved, dropped=dropped)
        for (type, direction), (moved, dropped) in sorted(counts.items())
    )
