"""Interactions held compactly: times, kinds and liveness in numpy arrays, participants in
CSR form (one flat array of people and roles, an offset per interaction), each person's
interactions likewise; a record changed after the build is kept in a small overlay.

>>> table = InteractionTable.build([
...     ("i1", 10.0, "email", True, [(0, "from"), (1, "to")]),
...     ("i2", 20.0, "meeting", True, [(1, "organizer"), (2, "attendee")]),
... ], people=3)
>>> sorted(table.pairs_among({0, 1, 2}, since=0.0, until=15.0))
[(0, 1, 'email', 'from', 'to', 1), (1, 0, 'email', 'to', 'from', 1)]
>>> table.upsert("i1", 10.0, "email", False, [(0, "from"), (1, "to")])
>>> table.pairs_among({0, 1, 2}, since=0.0, until=15.0)
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["InteractionTable", "Participation"]

Participation = tuple[int, str]
"""A participant: the person's index in the projection and their role."""

_KINDS = ("email", "meeting", "call", "message", "note", "support", "")
_ROLES = ("from", "to", "cc", "attendee", "organizer", "")


def _code(values: Sequence[str], value: str | None) -> int:
    try:
        return values.index(value or "")
    except ValueError:
        return len(values) - 1


class InteractionTable:
    """Every interaction with its participants, by index; see the module docstring."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.at = np.zeros(0, dtype=np.float64)
        self.kind = np.zeros(0, dtype=np.int8)
        self.live = np.zeros(0, dtype=np.bool_)
        self._part_ptr = np.zeros(1, dtype=np.int64)
        self._part_person = np.zeros(0, dtype=np.int32)
        self._part_role = np.zeros(0, dtype=np.int8)
        self._person_ptr = np.zeros(1, dtype=np.int64)
        self._person_items = np.zeros(0, dtype=np.int64)
        self._parts_overlay: dict[int, tuple[tuple[int, int], ...]] = {}
        self._person_overlay: dict[int, set[int]] = {}

    @classmethod
    def build(
        cls,
        rows: Iterable[tuple[str, float, str | None, bool, Sequence[Participation]]],
        *,
        people: int,
    ) -> InteractionTable:
        """A table of ``rows`` (uid, time in epoch seconds, kind, live, participants)."""
        table = cls()
        at: list[float] = []
        kind: list[int] = []
        live: list[bool] = []
        ptr, persons, roles = [0], [], []
        for uid, when, k, alive, parts in rows:
            table.index[uid] = len(at)
            at.append(when)
            kind.append(_code(_KINDS, k))
            live.append(alive)
            for person, role in parts:
                persons.append(person)
                roles.append(_code(_ROLES, role))
            ptr.append(len(persons))
        table.at = np.asarray(at, dtype=np.float64)
        table.kind = np.asarray(kind, dtype=np.int8)
        table.live = np.asarray(live, dtype=np.bool_)
        table._part_ptr = np.asarray(ptr, dtype=np.int64)
        table._part_person = np.asarray(persons, dtype=np.int32)
        table._part_role = np.asarray(roles, dtype=np.int8)
        table._index_people(people)
        return table

    def _index_people(self, people: int) -> None:
        owner = np.repeat(np.arange(len(self.at), dtype=np.int64), np.diff(self._part_ptr))
        order = np.argsort(self._part_person, kind="stable")
        counts = np.bincount(self._part_person, minlength=people)
        self._person_ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._person_items = owner[order]

    def participants(self, item: int) -> tuple[tuple[int, int], ...]:
        """(person index, role code) of one interaction."""
        if item in self._parts_overlay:
            return self._parts_overlay[item]
        a, b = self._part_ptr[item], self._part_ptr[item + 1]
        return tuple(
            zip(self._part_person[a:b].tolist(), self._part_role[a:b].tolist(), strict=True)
        )

    def of_person(self, person: int) -> npt.NDArray[np.int64]:
        """The indexes of the interactions a person took part in: the built ones, or the
        overlay's once any interaction of theirs changed (it starts from the built ones)."""
        extra = self._person_overlay.get(person)
        if extra is not None:
            return np.asarray(sorted(extra), dtype=np.int64)
        if person + 1 >= len(self._person_ptr):
            return np.zeros(0, dtype=np.int64)
        return self._person_items[self._person_ptr[person] : self._person_ptr[person + 1]]

    def upsert(
        self, uid: str, when: float, kind: str | None, live: bool, parts: Sequence[Participation]
    ) -> None:
        """Add or replace one interaction (its participants too)."""
        item = self.index.get(uid)
        if item is None:
            item = len(self.at)
            self.index[uid] = item
            self.at = np.append(self.at, when)
            self.kind = np.append(self.kind, np.int8(_code(_KINDS, kind)))
            self.live = np.append(self.live, live)
            old: tuple[tuple[int, int], ...] = ()
        else:
            old = self.participants(item)
            self.at[item], self.kind[item], self.live[item] = when, _code(_KINDS, kind), live
        new = tuple((person, _code(_ROLES, role)) for person, role in parts)
        self._parts_overlay[item] = new
        for person, _ in old:
            self._person_overlay.setdefault(person, set(self._base_items(person))).discard(item)
        for person, _ in new:
            self._person_overlay.setdefault(person, set(self._base_items(person))).add(item)

    def _base_items(self, person: int) -> list[int]:
        if person + 1 >= len(self._person_ptr):
            return []
        base = self._person_items[self._person_ptr[person] : self._person_ptr[person + 1]]
        return [i for i in base.tolist() if i not in self._parts_overlay]

    def pairs_among(
        self, people: set[int], *, since: float, until: float
    ) -> list[tuple[int, int, str, str, str, int]]:
        """(a, b, kind, role of a, role of b, count) for live interactions in
        ``[since, until)`` that two of ``people`` took part in, once per ordered pair of
        participations (as ``MATCH (a)-[ra]->(i)<-[rb]-(b)`` counts them)."""
        counts: Counter[tuple[int, int, int, int, int]] = Counter()
        for a in people:
            items = self.of_person(a)
            if not len(items):
                continue
            keep = items[(self.at[items] >= since) & (self.at[items] < until) & self.live[items]]
            for item in keep.tolist():
                parts = self.participants(item)
                kind = int(self.kind[item])
                for pa, ra in parts:
                    if pa != a:
                        continue
                    for pb, rb in parts:
                        if pb != a and pb in people:
                            counts[(a, pb, kind, ra, rb)] += 1
        return [
            (a, b, _KINDS[k], _ROLES[ra], _ROLES[rb], n) for (a, b, k, ra, rb), n in counts.items()
        ]

    def nbytes(self) -> int:
        """Bytes held by the arrays (the overlay and the uid index aside)."""
        arrays = (
            self.at,
            self.kind,
            self.live,
            self._part_ptr,
            self._part_person,
            self._part_role,
            self._person_ptr,
            self._person_items,
        )
        return int(sum(a.nbytes for a in arrays))
