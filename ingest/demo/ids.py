"""Readable source ids ("c-00001", "p-000001", ...) and the provenance built from them.

Company and person numbers are handed out in a seeded shuffled order, so a record's id
says nothing about how it was generated (a duplicate does not get the last id).

Examples
--------
>>> source_id(IdKind.DEAL, 7)
'd-00007'
>>> demo_provenance(IdKind.PERSON, 12)
Provenance(source='demo', source_id='p-000012')
"""

from __future__ import annotations

import random
from enum import Enum

from schema.model import Provenance

__all__ = ["SOURCE", "IdKind", "ShuffledNumbers", "demo_provenance", "source_id"]

SOURCE = "demo"
"""The ``Provenance.source`` of every demo record."""


class IdKind(Enum):
    """A kind of demo record, with its id prefix and zero-padded width."""

    COMPANY = ("c", 5)
    PERSON = ("p", 6)
    DEAL = ("d", 5)
    INTERACTION = ("i", 7)
    EMPLOYMENT = ("e", 6)
    REPORTING = ("r", 6)
    SUBSIDIARY = ("s", 5)
    OWNERSHIP = ("o", 5)
    DEAL_CONTACT = ("dc", 6)


_FORMATS = {kind: f"{kind.value[0]}-{{:0{kind.value[1]}d}}" for kind in IdKind}


def source_id(kind: IdKind, number: int) -> str:
    """Return the source id of the ``number``-th record of ``kind`` (from 1)."""
    return _FORMATS[kind].format(number)


def demo_provenance(kind: IdKind, number: int) -> Provenance:
    """Return the demo provenance of the ``number``-th record of ``kind``."""
    return Provenance(source=SOURCE, source_id=source_id(kind, number))


class ShuffledNumbers:
    """The numbers 1..total, handed out one at a time in a seeded random order."""

    def __init__(self, rng: random.Random, total: int) -> None:
        self._numbers = list(range(1, total + 1))
        rng.shuffle(self._numbers)
        self._next = 0

    def take(self) -> int:
        """Return the next unused number; raise ``IndexError`` when all are used."""
        number = self._numbers[self._next]
        self._next += 1
        return number
