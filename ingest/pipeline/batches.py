"""The rows of one kind waiting to be written together.

Examples
--------
>>> from schema.import_rows import ImportKind
>>> from ingest.source_rows import Origin
>>> from ingest.validation import Write
>>> batch = Batch(ImportKind.PERSON)
>>> batch.add(Pending(Write(ImportKind.PERSON, {}, ("email:a@x.com",)), Origin("f", 2)))
>>> batch.clashes(Write(ImportKind.PERSON, {}, ("email:a@x.com",)))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ingest.source_rows import Origin
from ingest.validation import Write
from schema.import_rows import ImportKind, PersonRef, ReportingLineRow

__all__ = ["Batch", "Pending"]


@dataclass(frozen=True, slots=True)
class Pending:
    """A write and the place of the row that asked for it."""

    write: Write
    origin: Origin


def _person_key(ref: PersonRef | None) -> str | None:
    if not ref:
        return None
    return ref.get("ext") or ref.get("email_key")


def _line_ends(write: Write) -> tuple[str | None, str | None]:
    """The keys of a reporting line's person and manager."""
    line = cast(ReportingLineRow, write.row)
    return _person_key(line.get("person")), _person_key(line.get("manager"))


class Batch:
    """Writes of one kind, with the keys they claim.

    A write clashes with the batch when it claims a key already claimed in it, or, for
    reporting lines, when it would close a cycle with the lines already in it (the cycle
    check in the database only sees lines written before the batch).
    """

    def __init__(self, kind: ImportKind) -> None:
        self.kind = kind
        self._items: list[Pending] = []
        self._keys: set[str] = set()
        self._managers: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._items)

    def clashes(self, write: Write) -> bool:
        """Would ``write`` clash with what is waiting?"""
        if not self._keys.isdisjoint(write.batch_keys):
            return True
        if self.kind is ImportKind.REPORTING_LINE:
            person, manager = _line_ends(write)
            seen: set[str] = set()
            while manager is not None and manager not in seen:
                if manager == person:
                    return True
                seen.add(manager)
                manager = self._managers.get(manager)
        return False

    def add(self, item: Pending) -> None:
        """Queue ``item``."""
        self._items.append(item)
        self._keys.update(item.write.batch_keys)
        if self.kind is ImportKind.REPORTING_LINE:
            person, manager = _line_ends(item.write)
            if person is not None and manager is not None:
                self._managers[person] = manager

    def take(self) -> list[Pending]:
        """Everything waiting, in order; the batch is empty afterwards."""
        items = self._items
        self._items, self._keys, self._managers = [], set(), {}
        return items
