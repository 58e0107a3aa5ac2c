"""Interactions held compactly: times, kinds and liveness in numpy arrays, participants in
CSR form (one flat array of people and roles, an offset per interaction), each person's
interactions likewise, and the uids as one byte string with offsets (searched by bisection,
no Python object per interaction); a record changed after the build is kept in a small
overlay.

>>> table = InteractionTable.build([
...     ("i1", 10.0, "email", True, [(0, "from"), (1, "to")]),
...     ("i2", 20.0, "meeting", True, [(1, "organizer"), (2, "attendee")]),
... ], people=3)
>>> sorted(table.pairs_among({0, 1, 2}, since=0.0, until=15.0))
[(0, 1, 'email', 'from', 'to', 1), (1, 0, 'email', 'to', 'from', 1)]
>>> table.upsert("i1", 10.0, "email", False, [(0, "from"), (1, "to")])
>>> table.pairs_among({0, 1, 2}, since=0.0, until=15.0)
[]
>>> table.find("i2"), table.find("i9"), table.uid_of(1)
(1, None, 'i2')
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["InteractionTable", "InteractionTableBuilder", "Participation"]

Participation = tuple[int, str]
"""A participant: the person's index in the projection and their role."""

_KINDS = ("email", "meeting", "call", "message", "note", "support", "")
_ROLES = ("from", "to", "cc", "attendee", "organizer", "")
_KIND_CODES = {k: i for i, k in enumerate(_KINDS)}
_ROLE_CODES = {r: i for i, r in enumerate(_ROLES)}


def _code(values: Sequence[str], value: str | None) -> int:
    try:
        return values.index(value or "")
    except ValueError:
        return len(values) - 1


class InteractionTable:
    """Every interaction with its participants, by index; see the module docstring."""

    def __init__(self) -> None:
        self._uid_bytes = b""
        self._uid_ptr = np.zeros(1, dtype=np.int64)
        self._uid_order: npt.NDArray[np.int64] | None = None  # None: built in byte order
        self._later: dict[str, int] = {}  # uids added after the build
        self._later_uids: list[str] = []
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
        builder = InteractionTableBuilder()
        for uid, when, kind, live, parts in rows:
            builder.add(uid, when, kind, live, parts)
        return builder.finish(people=people)

    def find(self, uid: str) -> int | None:
        """The interaction's position in the table (None when the table lacks it)."""
        later = self._later.get(uid)
        if later is not None:
            return later
        built = len(self._uid_ptr) - 1
        key = uid.encode()
        view = _UidView(self, built)
        at = bisect_left(view, key)
        if at < built and view[at] == key:
            return at if self._uid_order is None else int(self._uid_order[at])
        return None

    def uid_of(self, item: int) -> str:
        """The uid of the interaction at position ``item``."""
        built = len(self._uid_ptr) - 1
        if item >= built:
            return self._later_uids[item - built]
        return self._uid_bytes[self._uid_ptr[item] : self._uid_ptr[item + 1]].decode()

    def items(self) -> Iterator[tuple[str, int]]:
        """Every (uid, position) held."""
        for item in range(len(self.at)):
            yield self.uid_of(item), item

    def __len__(self) -> int:
        return len(self.at)

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
        item = self.find(uid)
        if item is None:
            item = len(self.at)
            self._later[uid] = item
            self._later_uids.append(uid)
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
        """Bytes held by the arrays and the uids (the overlay aside)."""
        arrays = (
            np.frombuffer(self._uid_bytes, dtype=np.uint8),
            self._uid_ptr,
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


class _UidView(Sequence[bytes]):
    """The built uids in byte order, as a sequence :func:`bisect.bisect_left` searches."""

    def __init__(self, table: InteractionTable, size: int) -> None:
        self._table, self._size = table, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, at: Any) -> Any:
        t = self._table
        item = at if t._uid_order is None else int(t._uid_order[at])
        return t._uid_bytes[t._uid_ptr[item] : t._uid_ptr[item + 1]]


class InteractionTableBuilder:
    """Collects interactions one by one in compact arrays (no Python object kept per
    interaction) and makes the table of them."""

    def __init__(self) -> None:
        self._uids = bytearray()
        self._uid_ptr = array("q", [0])
        self._at = array("d")
        self._kind = array("b")
        self._live = array("b")
        self._ptr = array("q", [0])
        self._persons = array("i")
        self._roles = array("b")

    def add(
        self, uid: str, when: float, kind: str | None, live: bool, parts: Sequence[Participation]
    ) -> None:
        self._uids += uid.encode()
        self._uid_ptr.append(len(self._uids))
        self._at.append(when)
        self._kind.append(_KIND_CODES.get(kind or "", len(_KINDS) - 1))
        self._live.append(1 if live else 0)
        for person, role in parts:
            self._persons.append(person)
            self._roles.append(_ROLE_CODES.get(role or "", len(_ROLES) - 1))
        self._ptr.append(len(self._persons))

    def add_raw(self, rows: Iterable[Sequence[Any]], index_of: Callable[[str], int]) -> None:
        """Add rows as the bulk read returns them: uid, epoch microseconds (or None), kind,
        live, and [person uid, role] pairs."""
        for uid, micros, kind, live, parts in rows:
            when = float("nan") if micros is None else micros / 1_000_000
            self.add(uid, when, kind, bool(live), [(index_of(p), r) for p, r in parts])

    def finish(self, *, people: int) -> InteractionTable:
        table = InteractionTable()
        table._uid_bytes = bytes(self._uids)
        table._uid_ptr = np.frombuffer(self._uid_ptr, dtype=np.int64).copy()
        table.at = np.frombuffer(self._at, dtype=np.float64).copy()
        table.kind = np.frombuffer(self._kind, dtype=np.int8).copy()
        table.live = np.frombuffer(self._live, dtype=np.int8).astype(np.bool_)
        table._part_ptr = np.frombuffer(self._ptr, dtype=np.int64).copy()
        table._part_person = np.frombuffer(self._persons, dtype=np.int32).copy()
        table._part_role = np.frombuffer(self._roles, dtype=np.int8).copy()
        table._uid_order = _byte_order(table)
        table._index_people(people)
        return table


def _byte_order(table: InteractionTable) -> npt.NDArray[np.int64] | None:
    """None when the uids were added in byte order (the bulk read's ``ORDER BY uid``),
    otherwise the positions in that order."""
    view = _UidView(table, len(table._uid_ptr) - 1)
    if all(view[i] < view[i + 1] for i in range(len(view) - 1)):
        return None
    return np.asarray(sorted(range(len(view)), key=view.__getitem__), dtype=np.int64)
