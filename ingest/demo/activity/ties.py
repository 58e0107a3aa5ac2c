"""Latent ties: the true strength (0..1) of the relationship between two people.

Ties are what interactions are generated from, and what tie-strength and referral
algorithms are scored against. A pair has at most one tie; adding a pair again keeps the
stronger strength (and its context) and widens the active period. The first person of a
tie is its initiator: our colleague when one side is a colleague.

Examples
--------
>>> book = TieBook(colleague=[True, False, False], days=100)
>>> book.add(1, 0, 0.4, TieContext.ACCOUNT)
>>> book.add(0, 1, 0.7, TieContext.DEAL, start=50)
>>> tie = book.get(0, 1)
>>> (tie.a, tie.b, tie.strength, tie.context.value, tie.start, tie.end)
(0, 1, 0.7, 'deal', 0, 100)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["GENERAL_CAP", "Tie", "TieBook", "TieContext"]

GENERAL_CAP = 0.85
"""The strongest an ordinary tie gets; only planted introduction ties are stronger."""


class TieContext(StrEnum):
    """Why two people know each other (the strongest reason, when several apply)."""

    MANAGER = "manager"
    PEER = "peer"
    COWORKER = "coworker"
    ACCOUNT = "account"
    EXECUTIVE_SPONSOR = "executive_sponsor"
    DEAL = "deal"
    FORMER_COWORKER = "former_coworker"
    FORMER_ACCOUNT = "former_account"
    BOARD = "board"
    ADVISOR = "advisor"
    INVESTOR = "investor"
    CORPORATE_FAMILY = "corporate_family"
    ACQUAINTANCE = "acquaintance"
    INTRODUCTION = "introduction"


@dataclass(slots=True)
class Tie:
    """A latent relationship, active (producing interactions) from ``start`` to ``end``."""

    a: int
    b: int
    strength: float
    context: TieContext
    start: int
    end: int
    deal: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        """The unordered pair, smaller index first."""
        return (self.a, self.b) if self.a < self.b else (self.b, self.a)


class TieBook:
    """All ties of the demo world, by unordered pair, with an adjacency index."""

    def __init__(self, *, colleague: Sequence[bool], days: int) -> None:
        self._colleague = colleague
        self._days = days
        self._ties: dict[tuple[int, int], Tie] = {}
        self._neighbours: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._ties)

    def __iter__(self) -> Iterator[Tie]:
        return iter(self._ties.values())

    def get(self, a: int, b: int) -> Tie | None:
        """Return the tie between ``a`` and ``b``, if any."""
        return self._ties.get((a, b) if a < b else (b, a))

    def neighbours(self, person: int) -> list[int]:
        """Return the people ``person`` has a tie with, in the order the ties were made."""
        return self._neighbours.get(person, [])

    def add(
        self,
        a: int,
        b: int,
        strength: float,
        context: TieContext,
        *,
        start: int = 0,
        end: int | None = None,
        deal: int | None = None,
        cap: float = GENERAL_CAP,
    ) -> None:
        """Add or strengthen the tie between ``a`` and ``b`` (``strength`` capped at ``cap``)."""
        if a == b:
            return
        if self._colleague[b] and not self._colleague[a]:
            a, b = b, a
        strength = round(min(max(strength, 0.01), cap), 3)
        start = max(0, min(start, self._days))
        end = self._days if end is None else max(start, min(end, self._days))
        key = (a, b) if a < b else (b, a)
        tie = self._ties.get(key)
        if tie is None:
            self._ties[key] = Tie(a, b, strength, context, start, end, deal)
            self._neighbours.setdefault(a, []).append(b)
            self._neighbours.setdefault(b, []).append(a)
            return
        if strength > tie.strength:
            tie.strength, tie.context = strength, context
        tie.start, tie.end = min(tie.start, start), max(tie.end, end)
        tie.deal = deal if deal is not None else tie.deal

    def remove(self, a: int, b: int) -> None:
        """Remove the tie between ``a`` and ``b``, if any."""
        if self._ties.pop((a, b) if a < b else (b, a), None) is not None:
            self._neighbours[a].remove(b)
            self._neighbours[b].remove(a)
