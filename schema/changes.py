"""The change feed's vocabulary: what one committed write touched.

Every write path of Relgraph names the records whose facts it changed (a person's properties,
jobs, ties, reporting lines, deal roles or interactions; a company's properties or family; a
deal's stage, company or committee) as a :class:`Touched`, and the graph layer appends it to
the change feed in the same transaction as the write, as one :class:`ChangeEntry` with the
next sequence number. A process holding a resident projection applies the entries after the
last one it applied by reading those records again; ``reset`` says that anything may have
changed (a bulk delete, a resync), so the projection is rebuilt.

>>> a = Touched(people=frozenset({"p1"}))
>>> b = Touched(companies=frozenset({"c1"}), people=frozenset({"p2"}))
>>> sorted((a | b).people), bool(Touched()), bool(a)
(['p1', 'p2'], False, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

__all__ = ["ChangeEntry", "Touched", "touched"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Touched:
    """The uids of the records a write changed, by kind; ``reset`` for "anything"."""

    people: frozenset[str] = frozenset()
    companies: frozenset[str] = frozenset()
    deals: frozenset[str] = frozenset()
    interactions: frozenset[str] = frozenset()
    reset: bool = False

    def __or__(self, other: Touched) -> Touched:
        return Touched(
            people=self.people | other.people,
            companies=self.companies | other.companies,
            deals=self.deals | other.deals,
            interactions=self.interactions | other.interactions,
            reset=self.reset or other.reset,
        )

    def __bool__(self) -> bool:
        return self.reset or bool(self.people or self.companies or self.deals or self.interactions)


def touched(
    *,
    people: Iterable[str | None] = (),
    companies: Iterable[str | None] = (),
    deals: Iterable[str | None] = (),
    interactions: Iterable[str | None] = (),
    reset: bool = False,
) -> Touched:
    """A :class:`Touched` from any iterables of uids (None values are dropped).

    >>> touched(people=["p1", None, "p1"]).people
    frozenset({'p1'})
    """
    return Touched(
        people=frozenset(u for u in people if u),
        companies=frozenset(u for u in companies if u),
        deals=frozenset(u for u in deals if u),
        interactions=frozenset(u for u in interactions if u),
        reset=reset,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeEntry:
    """One entry of the feed: its sequence number (1, 2, ... in commit order), when it was
    committed, and what it touched."""

    seq: int
    at: datetime
    touched: Touched
