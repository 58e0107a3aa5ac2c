"""The records of :mod:`algorithms.hidden_links` and the helpers its rules share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol, TypeAlias

import networkx as nx

from schema.enums import EmploymentRole, HiddenLinkKind, Label

__all__ = [
    "DEFAULT_PARAMETERS",
    "IDENTIFIER_KINDS",
    "Collector",
    "HiddenLink",
    "LinkEvidence",
    "LinkParameters",
    "NameScore",
    "TenureRecord",
    "assemble",
    "label_of",
    "linked",
    "name_of",
    "noisy_or",
    "ordered",
]

K = HiddenLinkKind
IDENTIFIER_KINDS: Mapping[Any, HiddenLinkKind] = MappingProxyType(
    {Label.DOMAIN: K.SHARED_DOMAIN, Label.ADDRESS: K.SHARED_ADDRESS, Label.PHONE: K.SHARED_PHONE}
)
"""The kind of link each identifier node's label makes."""

NameScore: TypeAlias = Callable[[str, str], float]
"""How alike two normalised company names are, 0..1 (``schema.names.company_name_similarity``
is the application's): the ``name_score`` of :func:`algorithms.hidden_links.hidden_links`."""


class TenureRecord(Protocol):
    """One tenure of a person at a company (``schema.model.Employment`` is one)."""

    @property
    def company_uid(self) -> str: ...
    @property
    def role(self) -> EmploymentRole: ...
    @property
    def title(self) -> str | None: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...


def _weights(values: dict[HiddenLinkKind, float]) -> Any:
    return field(default_factory=lambda: MappingProxyType(values))


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkParameters:
    """The published constants of every kind's confidence (see ``algorithms.hidden_links``)."""

    person_weights: Mapping[HiddenLinkKind, float] = _weights(
        {
            K.SHARED_CURRENT_PEOPLE: 0.6,
            K.SHARED_BOARD_MEMBER: 0.7,
            K.SHARED_ADVISOR: 0.55,
            K.SHARED_INVESTOR: 0.6,
        }
    )
    former_floor: float = 0.35
    former_recent: float = 0.25
    former_half_life_years: float = 2.0
    overlap_bonus: float = 0.1
    identifier_weights: Mapping[HiddenLinkKind, float] = _weights(
        {K.SHARED_DOMAIN: 0.8, K.SHARED_PHONE: 0.7, K.SHARED_ADDRESS: 0.6}
    )
    common_factor: float = 0.1
    max_shared: int = 50
    family_top: float = 0.95
    family_decay: float = 0.9
    family_max_distance: int = 4
    family_identifier_factor: float = 0.5
    duplicate_name_top: float = 0.8
    duplicate_name_floor: float = 0.7
    duplicate_identifier_weights: Mapping[HiddenLinkKind, float] = _weights(
        {K.SHARED_DOMAIN: 0.5, K.SHARED_PHONE: 0.5, K.SHARED_ADDRESS: 0.35}
    )
    other_legal_form_factor: float = 0.5
    fold_identifiers_at: float = 0.6
    max_name_block: int = 50
    neighbourhood_top: float = 0.6
    max_neighbour_degree: int = 200
    max_evidence: int = 10

    def __post_init__(self) -> None:
        chances = (
            *self.person_weights.values(),
            *self.identifier_weights.values(),
            *self.duplicate_identifier_weights.values(),
            self.former_floor + self.former_recent + self.overlap_bonus,
            self.family_top,
            self.family_decay,
            self.family_identifier_factor,
            self.common_factor,
            self.other_legal_form_factor,
            self.duplicate_name_top,
            self.neighbourhood_top,
        )
        if not all(0.0 <= c <= 1.0 for c in chances):
            raise ValueError(
                "weights and factors (and former_floor + former_recent + overlap_bonus) "
                "must be within 0..1"
            )
        if set(self.person_weights) != {K.SHARED_CURRENT_PEOPLE, *_SEAT_KINDS}:
            raise ValueError("person_weights needs the four people kinds but former employees")
        if not 0.0 <= self.duplicate_name_floor < 1.0 or self.former_half_life_years <= 0:
            raise ValueError("duplicate_name_floor must be within 0..1, the half-life positive")
        if min(self.max_shared, self.max_name_block, self.max_neighbour_degree) < 2:
            raise ValueError("max_shared, max_name_block and max_neighbour_degree must be >= 2")
        if self.family_max_distance < 1 or self.max_evidence < 1:
            raise ValueError("family_max_distance and max_evidence must be at least 1")


_SEAT_KINDS = (K.SHARED_BOARD_MEMBER, K.SHARED_ADVISOR, K.SHARED_INVESTOR)
_FOLDABLE = frozenset(IDENTIFIER_KINDS.values())
DEFAULT_PARAMETERS = LinkParameters()


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkEvidence:
    """One piece of evidence: what it says, and the chance (``weight``) it adds.

    ``person_uid`` and ``tenures`` (at both companies) for people; ``value`` and
    ``shared_by`` for a shared identifier; ``company_uid`` for the common parent of a
    family, the family member an identifier is shared with, or a shared neighbour; and
    named ``scores`` (``distance``, ``name_similarity``, ``jaccard``, ``adamic_adar``, ...).
    """

    description: str
    weight: float
    person_uid: str | None = None
    tenures: tuple[TenureRecord, ...] = ()
    value: str | None = None
    shared_by: int | None = None
    company_uid: str | None = None
    scores: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class HiddenLink:
    """A typed link between two companies (``company_a < company_b``), its confidence
    (0..1), a reason in words, its strongest evidence and how much evidence there is."""

    kind: HiddenLinkKind
    company_a: str
    company_b: str
    confidence: float
    reason: str
    evidence: tuple[LinkEvidence, ...]
    evidence_count: int

    def other(self, uid: str) -> str:
        """The company at the other end from ``uid``."""
        return self.company_b if uid == self.company_a else self.company_a


def ordered(a: str, b: str) -> tuple[str, str]:
    """The pair with the lower uid first."""
    return (a, b) if a < b else (b, a)


def label_of(G: nx.MultiGraph, node: Hashable) -> Any:
    """A node's ``label`` attribute (None when it has none)."""
    return G.nodes[node].get("label")


def linked(G: nx.MultiGraph, node: Hashable, key: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The nodes joined to ``node`` by an edge keyed ``key``, with that edge's data."""
    for _, other, k, data in G.edges(node, keys=True, data=True):
        if k == key:
            yield other, data


def name_of(G: nx.MultiGraph, node: Hashable) -> str:
    """A node's ``name``, or its id."""
    return str(G.nodes[node].get("name") or node)


def noisy_or(chances: Iterable[float]) -> float:
    """Independent chances combined: ``1 - prod(1 - p)``."""
    miss = 1.0
    for chance in chances:
        miss *= 1.0 - chance
    return 1.0 - miss


def assemble(
    kind: HiddenLinkKind,
    pair: tuple[str, str],
    confidence: float,
    items: Sequence[LinkEvidence],
    parameters: LinkParameters,
) -> HiddenLink:
    """A link from its evidence: strongest first, the reason from the strongest."""
    ranked = sorted(items, key=lambda e: (-e.weight, e.description))
    reason = ranked[0].description
    if len(ranked) > 1:
        reason += f" (and {len(ranked) - 1} more)"
    return HiddenLink(
        kind=kind,
        company_a=pair[0],
        company_b=pair[1],
        confidence=min(1.0, max(0.0, confidence)),
        reason=reason,
        evidence=tuple(ranked[: parameters.max_evidence]),
        evidence_count=len(ranked),
    )


class Collector:
    """Evidence per (pair, kind), kept only for pairs of ``source`` when one is given; each
    link's confidence is the noisy-OR of its evidence's weights. Shared identifiers of the
    ``folded`` pairs (likely duplicates) are evidence of that, so they are not kept."""

    def __init__(
        self,
        source: str | None,
        parameters: LinkParameters,
        folded: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.source, self.parameters, self.folded = source, parameters, folded
        self.found: dict[tuple[str, str, HiddenLinkKind], list[LinkEvidence]] = defaultdict(list)

    def wants(self, a: str, b: str) -> bool:
        """Whether the pair is worth looking at."""
        return a != b and (self.source is None or self.source in (a, b))

    def add(self, kind: HiddenLinkKind, a: str, b: str, evidence: LinkEvidence) -> None:
        """Record one piece of evidence for the pair."""
        pair = ordered(a, b)
        if kind in _FOLDABLE and pair in self.folded:
            return
        if self.wants(a, b):
            self.found[(*pair, kind)].append(evidence)

    def links(self) -> Iterator[HiddenLink]:
        """Every pair's link of every kind found."""
        for (a, b, kind), items in self.found.items():
            confidence = noisy_or(e.weight for e in items)
            yield assemble(kind, (a, b), confidence, items, self.parameters)
