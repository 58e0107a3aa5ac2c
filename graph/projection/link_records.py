"""What the resident projection holds beyond :mod:`graph.projection.records` for hidden
links and buying committees: companies' stored name keys, their identifiers (Domain,
Address, Phone) with the companies on each, the stored POSSIBLE_DUPLICATE candidates between
companies, and deals' name, amount and currency.

One :class:`LinkRecords` hangs off the store (``ProjectionStore.links``); it is filled at
build time and patched per touched company or deal (:mod:`graph.projection.link_build`).
An identifier is one node (by element id) held by many companies, a candidate one
relationship (by element id) indexed from both its companies, so replacing one company's
facts updates what every other company sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CandidateEdge", "DealFacts", "IdentifierFacts", "LinkRecords"]


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentifierFacts:
    """A Domain, Address or Phone node: its label and the key and value the reads show."""

    id: str
    label: str
    key: str | None
    value: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateEdge:
    """A POSSIBLE_DUPLICATE relationship between two companies (``a`` to ``b``)."""

    id: str
    a: str
    b: str
    status: str | None
    score: float | None
    reasons: tuple[str, ...] | None

    def other(self, uid: str) -> str:
        return self.b if self.a == uid else self.a


@dataclass(frozen=True, slots=True, kw_only=True)
class DealFacts:
    """A deal's name, amount and currency (its stage, companies and people are a
    :class:`~graph.projection.records.DealRow`)."""

    name: str | None
    amount: float | None
    currency: str | None


class LinkRecords:
    """Name keys, identifiers, duplicate candidates and deal facts, indexed both ways."""

    def __init__(self) -> None:
        self.name_key: dict[str, str | None] = {}
        self.by_name_key: dict[str, set[str]] = defaultdict(set)
        self.identifiers: dict[str, IdentifierFacts] = {}
        self.identifiers_of: dict[str, set[str]] = defaultdict(set)
        self.holders: dict[str, set[str]] = defaultdict(set)
        self.candidates: dict[str, CandidateEdge] = {}
        self.candidates_of: dict[str, set[str]] = defaultdict(set)
        self.deals: dict[str, DealFacts] = {}

    def set_name_key(self, company: str, key: str | None) -> None:
        old = self.name_key.get(company)
        if old is not None:
            self.by_name_key[old].discard(company)
        self.name_key[company] = key
        if key is not None:
            self.by_name_key[key].add(company)

    def set_identifiers(self, company: str, held: Iterable[IdentifierFacts]) -> None:
        """Replace the identifiers the company holds (their facts are refreshed too)."""
        for node in self.identifiers_of.pop(company, set()):
            self.holders[node].discard(company)
        for facts in held:
            self.add_identifier(company, facts)

    def add_identifier(self, company: str, facts: IdentifierFacts) -> None:
        self.identifiers[facts.id] = facts
        self.identifiers_of[company].add(facts.id)
        self.holders[facts.id].add(company)

    def set_candidates(self, company: str, edges: Iterable[CandidateEdge]) -> None:
        """Replace every POSSIBLE_DUPLICATE the company is at either end of."""
        for id in self.candidates_of.pop(company, set()):
            edge = self.candidates.pop(id, None)
            if edge is not None:
                self.candidates_of[edge.other(company)].discard(id)
        for edge in edges:
            self.add_candidate(edge)

    def add_candidate(self, edge: CandidateEdge) -> None:
        self.candidates[edge.id] = edge
        self.candidates_of[edge.a].add(edge.id)
        self.candidates_of[edge.b].add(edge.id)

    def forget_company(self, company: str) -> None:
        """A touched company the database no longer holds."""
        self.set_name_key(company, None)
        self.name_key.pop(company, None)
        self.set_identifiers(company, [])
        self.set_candidates(company, [])
