"""The similarity rules of :mod:`algorithms.hidden_links`: likely duplicates (names and
shared identifiers) and similar neighbourhoods (Jaccard and Adamic-Adar)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import replace
from itertools import combinations
from typing import Any

import networkx as nx

from algorithms.hidden_links.rules import identifier_text, identifier_weight, usable_identifiers
from algorithms.hidden_links.types import (
    IDENTIFIER_KINDS,
    HiddenLink,
    LinkEvidence,
    LinkParameters,
    NameScore,
    assemble,
    label_of,
    linked,
    name_of,
    noisy_or,
    ordered,
)
from schema.enums import HiddenLinkKind, Label, RelType

__all__ = ["duplicate_links", "neighbourhood_links"]

K = HiddenLinkKind
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
Pair = tuple[str, str]


# -- likely duplicates --------------------------------------------------------------------


def _key(G: nx.MultiGraph, company: str) -> str:
    data = G.nodes[company]
    return str(data.get("name_key") or data.get("name") or "").casefold()


def _tokens(key: str) -> set[str]:
    """Blocking keys of a name: its words' letters sorted (a swap of two letters keeps
    them), or a Chinese name's character pairs."""
    if _HAN.search(key) and " " not in key:
        return {key[i : i + 2] for i in range(len(key) - 1)} or {key}
    return {"".join(sorted(word)) for word in key.split() if len(word) >= 2}


def _name_pairs(G: nx.MultiGraph, companies: list[str], p: LinkParameters) -> set[Pair]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for company in companies:
        for token in _tokens(_key(G, company)):
            blocks[token].append(company)
    pairs: set[Pair] = set()
    for members in blocks.values():
        if 2 <= len(members) <= p.max_name_block:
            pairs.update(combinations(sorted(members), 2))
    return pairs


def _shared_identifiers(
    G: nx.MultiGraph, source: str | None, p: LinkParameters
) -> dict[Pair, list[tuple[Hashable, int]]]:
    shared: dict[Pair, list[tuple[Hashable, int]]] = defaultdict(list)
    for identifier, holders, shared_by in usable_identifiers(G, source, p):
        for a, b in combinations(holders, 2):
            if source is None or source in (a, b):
                shared[(a, b)].append((identifier, shared_by))
    return shared


def _candidates(G: nx.MultiGraph, pair: Pair) -> dict[str, Any] | None:
    data = G.get_edge_data(*pair, key=RelType.POSSIBLE_DUPLICATE)
    return dict(data) if data is not None else None


def _name_evidence(
    G: nx.MultiGraph, pair: Pair, p: LinkParameters, name_score: NameScore
) -> LinkEvidence | None:
    a, b = pair
    similarity = name_score(_key(G, a), _key(G, b))
    if similarity <= p.duplicate_name_floor:
        return None
    span = 1.0 - p.duplicate_name_floor
    chance = p.duplicate_name_top * min(1.0, (similarity - p.duplicate_name_floor) / span)
    text = f"names {similarity:.0%} similar ({name_of(G, a)} / {name_of(G, b)})"
    forms = (G.nodes[a].get("legal_form"), G.nodes[b].get("legal_form"))
    if forms[0] and forms[1] and forms[0] != forms[1]:
        chance *= p.other_legal_form_factor
        text += f", but one is {forms[0]} and the other {forms[1]}"
    return LinkEvidence(description=text, weight=chance, scores=(("name_similarity", similarity),))


def _duplicate(
    G: nx.MultiGraph,
    pair: Pair,
    shared: Iterable[tuple[Hashable, int]],
    candidate: Mapping[str, Any] | None,
    p: LinkParameters,
    name_score: NameScore,
) -> HiddenLink | None:
    name = _name_evidence(G, pair, p, name_score)
    items = [name] if name is not None else []
    if name is not None:
        for identifier, shared_by in shared:
            kind = IDENTIFIER_KINDS[label_of(G, identifier)]
            base = p.duplicate_identifier_weights[kind]
            items.append(
                LinkEvidence(
                    description="both have " + identifier_text(G, identifier, shared_by),
                    weight=identifier_weight(G, identifier, base, shared_by, p),
                    value=str(G.nodes[identifier].get("value") or identifier),
                    shared_by=shared_by,
                )
            )
    score = noisy_or(e.weight for e in items)
    if candidate is not None and candidate.get("status", "open") == "open":
        stored = float(candidate.get("score") or 0.0)
        reasons = "; ".join(str(r) for r in candidate.get("reasons") or ())
        text = f"the duplicate scan scored the pair {stored:.2f}" + (
            f" ({reasons})" if reasons else ""
        )
        items.append(
            LinkEvidence(description=text, weight=stored, scores=(("scan_score", stored),))
        )
        score = max(score, stored)
    if score <= 0.0:
        return None
    link = assemble(K.LIKELY_DUPLICATE, pair, score, items, p)
    return replace(link, reason="; ".join(e.description for e in link.evidence[:3]))


def duplicate_links(
    G: nx.MultiGraph,
    source: str | None,
    p: LinkParameters,
    chains: Mapping[str, list[str]],
    name_score: NameScore,
) -> list[HiddenLink]:
    """LIKELY_DUPLICATE links: name similarity (``name_score`` of the name keys) plus
    shared identifiers, or a stored duplicate candidate; never inside one family, never
    for a dismissed pair."""
    companies = sorted(n for n, d in G.nodes(data=True) if d.get("label") == Label.COMPANY)
    shared = _shared_identifiers(G, source, p)
    if source is not None:
        pairs = {ordered(source, c) for c in companies if c != source}
    else:
        pairs = _name_pairs(G, companies, p) | set(shared)
        pairs |= {
            ordered(a, b) for a, b, k in G.edges(keys=True) if k == RelType.POSSIBLE_DUPLICATE
        }
    found = []
    for pair in sorted(pairs):
        tops = [chains.get(c, [c])[-1] for c in pair]
        if tops[0] == tops[1]:
            continue  # one family: distinct companies by their own account
        candidate = _candidates(G, pair)
        if candidate is not None and candidate.get("status") == "dismissed":
            continue
        link = _duplicate(G, pair, shared.get(pair, ()), candidate, p, name_score)
        if link is not None:
            found.append(link)
    return found


# -- similar neighbourhoods ---------------------------------------------------------------


class _Neighbourhoods:
    """Each company's interaction neighbours (our own company left out) and how many it
    has, read once."""

    def __init__(self, G: nx.MultiGraph) -> None:
        self.G = G
        self.home = {n for n, d in G.nodes(data=True) if d.get("is_home")}
        self._of: dict[str, frozenset[str]] = {}
        self._degree: dict[str, int] = {}

    def of(self, company: str) -> frozenset[str]:
        found = self._of.get(company)
        if found is None:
            found = frozenset(
                z
                for z, _ in linked(self.G, company, RelType.KNOWS)
                if z != company and z not in self.home and label_of(self.G, z) == Label.COMPANY
            )
            self._of[company] = found
        return found

    def degree(self, company: str) -> int:
        found = self._degree.get(company)
        if found is None:
            counted = self.G.nodes[company].get("neighbour_count")
            found = int(counted) if counted is not None else len(self.of(company))
            self._degree[company] = found
        return found

    def expands(self, middle: str, p: LinkParameters) -> bool:
        """Whether pairs are looked for through ``middle``."""
        return middle not in self.home and self.degree(middle) <= p.max_neighbour_degree


def _shared_counts(
    G: nx.MultiGraph, hoods: _Neighbourhoods, source: str | None, p: LinkParameters
) -> Counter[Pair]:
    """How many expandable neighbours each pair (of ``source``, or any) shares."""
    shared: Counter[Pair] = Counter()
    if source is not None:
        for middle in hoods.of(source):
            if hoods.expands(middle, p):
                shared.update(ordered(source, o) for o in hoods.of(middle) if o != source)
        return shared
    for middle, data in G.nodes(data=True):
        if data.get("label") == Label.COMPANY and hoods.expands(middle, p):
            shared.update(combinations(sorted(hoods.of(middle)), 2))
    return shared


def _neighbourhood(
    G: nx.MultiGraph,
    hoods: _Neighbourhoods,
    pair: Pair,
    confidence: float,
    p: LinkParameters,
) -> HiddenLink:
    middles = [z for z in hoods.of(pair[0]) & hoods.of(pair[1]) if hoods.expands(z, p)]
    count = len(middles)
    jaccard = count / max(count, hoods.degree(pair[0]) + hoods.degree(pair[1]) - count)
    terms = {z: 1.0 / math.log(max(2, hoods.degree(z))) for z in middles}
    adamic_adar = sum(terms.values())
    summary = LinkEvidence(
        description=(
            f"their people interact with {count} of the same companies "
            f"(Jaccard {jaccard:.2f}, Adamic-Adar {adamic_adar:.2f})"
        ),
        weight=confidence,
        scores=(("jaccard", jaccard), ("adamic_adar", adamic_adar), ("shared", float(count))),
    )
    strongest = sorted(terms.items(), key=lambda t: (-t[1], t[0]))[: p.max_evidence - 1]
    shared = tuple(
        LinkEvidence(
            description=f"both interact with {name_of(G, z)}",
            weight=confidence * term / adamic_adar,
            company_uid=z,
            scores=(("adamic_adar", term),),
        )
        for z, term in strongest
    )
    return HiddenLink(
        kind=K.SIMILAR_NEIGHBOURHOOD,
        company_a=pair[0],
        company_b=pair[1],
        confidence=confidence,
        reason=summary.description,
        evidence=(summary, *shared),
        evidence_count=1 + count,
    )


def neighbourhood_links(
    G: nx.MultiGraph, source: str | None, p: LinkParameters, min_confidence: float = 0.0
) -> list[HiddenLink]:
    """SIMILAR_NEIGHBOURHOOD links at least ``min_confidence`` strong: companies whose
    people interact with the same companies (Jaccard and Adamic-Adar over the KNOWS
    company graph)."""
    hoods = _Neighbourhoods(G)
    if source is not None and source in hoods.home:
        return []
    found = []
    shared = _shared_counts(G, hoods, source, p)
    degree = {c: hoods.degree(c) for c, d in G.nodes(data=True) if d.get("label") == Label.COMPANY}
    for (a, b), count in shared.items():
        jaccard = count / max(count, degree[a] + degree[b] - count)
        confidence = p.neighbourhood_top * jaccard * (1.0 - 0.5**count)
        if confidence >= min_confidence and confidence > 0.0:
            found.append(_neighbourhood(G, hoods, (a, b), confidence, p))
    return found
