"""The evidence rules of :mod:`algorithms.hidden_links`: people, shared identifiers,
corporate families."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from itertools import combinations

import networkx as nx

from algorithms.hidden_links.types import (
    IDENTIFIER_KINDS,
    Collector,
    LinkEvidence,
    LinkParameters,
    TenureRecord,
    label_of,
    linked,
    name_of,
    ordered,
)
from schema.enums import EmploymentRole, HiddenLinkKind, Label, RelType

__all__ = [
    "add_families",
    "add_people",
    "add_shared_identifiers",
    "family_chains",
    "identifier_weight",
    "usable_identifiers",
]

K = HiddenLinkKind
_SEATS = (
    (EmploymentRole.BOARD_MEMBER, K.SHARED_BOARD_MEMBER),
    (EmploymentRole.ADVISOR, K.SHARED_ADVISOR),
    (EmploymentRole.INVESTOR, K.SHARED_INVESTOR),
)
_VERBS = {
    EmploymentRole.EMPLOYEE: "works at",
    EmploymentRole.BOARD_MEMBER: "sits on the board of",
    EmploymentRole.ADVISOR: "advises",
    EmploymentRole.INVESTOR: "invests in",
}
_NOUNS = {Label.DOMAIN: "the domain", Label.ADDRESS: "the address", Label.PHONE: "the phone"}


# -- people ------------------------------------------------------------------------------


def _when(tenure: TenureRecord) -> str:
    start = tenure.start.isoformat() if tenure.start else "?"
    if tenure.end is None:
        return f"since {start}" if tenure.start else "now"
    return f"{start} to {tenure.end.isoformat()}"


def _current(tenure: TenureRecord, as_of: date) -> bool:
    started = tenure.start is None or tenure.start <= as_of
    return started and (tenure.end is None or tenure.end >= as_of)


def _phrase(G: nx.MultiGraph, tenure: TenureRecord) -> str:
    verb = _VERBS.get(tenure.role, "works at")
    return f"{verb} {name_of(G, tenure.company_uid)} ({_when(tenure)})"


def _both_now(
    G: nx.MultiGraph, person: str, now: Sequence[list[TenureRecord]], p: LinkParameters
) -> tuple[HiddenLinkKind, float, str]:
    roles = {t.role for tenures in now for t in tenures}
    kind = next((kind for role, kind in _SEATS if role in roles), K.SHARED_CURRENT_PEOPLE)
    first, second = (min(t, key=lambda x: x.role is EmploymentRole.EMPLOYEE) for t in now)
    text = f"{name_of(G, person)} {_phrase(G, first)} and {_phrase(G, second)}"
    return kind, p.person_weights[kind], text


def _moved(
    G: nx.MultiGraph,
    person: str,
    tenures: tuple[Sequence[TenureRecord], Sequence[TenureRecord]],
    as_of: date,
    p: LinkParameters,
) -> tuple[float, str] | None:
    before, after = tenures
    ended = [
        t
        for t in before
        if t.end is not None and t.end < as_of and t.role is EmploymentRole.EMPLOYEE
    ]
    now = [t for t in after if _current(t, as_of) and t.role is EmploymentRole.EMPLOYEE]
    if not ended or not now:
        return None
    left = max(ended, key=lambda t: t.end or date.min)
    joined = min(now, key=lambda t: t.start or date.min)
    years = max(0.0, (as_of - (left.end or as_of)).days / 365.25)
    weight = p.former_floor + p.former_recent * 0.5 ** (years / p.former_half_life_years)
    text = (
        f"{name_of(G, person)} worked at {name_of(G, left.company_uid)} ({_when(left)}) "
        f"and now works at {name_of(G, joined.company_uid)} ({_when(joined)})"
    )
    if any(t.end and j.start and j.start <= t.end for t in ended for j in now):
        weight += p.overlap_bonus
        text += "; the two jobs overlapped"
    return weight, text


def _person_pair(
    G: nx.MultiGraph,
    out: Collector,
    person: str,
    pair: tuple[str, str],
    places: dict[str, list[TenureRecord]],
    as_of: date,
) -> None:
    at_a, at_b = places[pair[0]], places[pair[1]]
    now = ([t for t in at_a if _current(t, as_of)], [t for t in at_b if _current(t, as_of)])
    if now[0] and now[1]:
        kind, weight, text = _both_now(G, person, now, out.parameters)
    else:
        moved = _moved(G, person, (at_a, at_b), as_of, out.parameters) or _moved(
            G, person, (at_b, at_a), as_of, out.parameters
        )
        if moved is None:
            return
        kind, (weight, text) = K.FORMER_EMPLOYEE, moved
    tenures = tuple(sorted(at_a + at_b, key=lambda t: (t.start or date.min, t.company_uid)))
    evidence = LinkEvidence(description=text, weight=weight, person_uid=person, tenures=tenures)
    out.add(kind, pair[0], pair[1], evidence)


def add_people(G: nx.MultiGraph, out: Collector, as_of: date) -> None:
    """People at two companies now (SHARED_CURRENT_PEOPLE and the seat kinds), or who
    left one for the other (FORMER_EMPLOYEE)."""
    if out.source is not None:
        people = [n for n, _ in linked(G, out.source, RelType.WORKS_AT)]
    else:
        people = [n for n, d in G.nodes(data=True) if d.get("label") == Label.PERSON]
    for person in people:
        places = {c: list(d.get("tenures", ())) for c, d in linked(G, person, RelType.WORKS_AT)}
        for pair in combinations(sorted(places), 2):
            if out.wants(*pair):
                _person_pair(G, out, person, pair, places, as_of)


# -- shared identifiers -------------------------------------------------------------------


def identifier_weight(
    G: nx.MultiGraph, identifier: Hashable, base: float, shared_by: int, p: LinkParameters
) -> float:
    """``base`` discounted by ``sqrt(shared_by - 1)`` and for a free-mail domain."""
    common = p.common_factor if G.nodes[identifier].get("common") else 1.0
    return base * common / math.sqrt(max(1, shared_by - 1))


def identifier_text(G: nx.MultiGraph, identifier: Hashable, shared_by: int) -> str:
    """The identifier in words: "the domain acme.com (3 companies share it)"."""
    data = G.nodes[identifier]
    text = f"{_NOUNS[data['label']]} {data.get('value') or identifier}"
    if shared_by > 2:
        text += f" ({shared_by} companies share it)"
    if data.get("common"):
        text += " (a free-mail domain)"
    return text


def usable_identifiers(
    G: nx.MultiGraph, source: str | None, p: LinkParameters
) -> Iterator[tuple[Hashable, list[str], int]]:
    """Each identifier (of ``source``, or all) with its companies and how many companies
    share it; identifiers of more than ``max_shared`` companies are left out."""
    if source is not None:
        nodes: Iterable[Hashable] = [
            n for n in G.neighbors(source) if label_of(G, n) in IDENTIFIER_KINDS
        ]
    else:
        nodes = [n for n, d in G.nodes(data=True) if d.get("label") in IDENTIFIER_KINDS]
    for identifier in nodes:
        holders = sorted(n for n in G.neighbors(identifier) if label_of(G, n) == Label.COMPANY)
        shared_by = max(int(G.nodes[identifier].get("shared_by") or 0), len(holders))
        if len(holders) >= 2 and shared_by <= p.max_shared:
            yield identifier, holders, shared_by


def add_shared_identifiers(G: nx.MultiGraph, out: Collector) -> None:
    """SHARED_DOMAIN, SHARED_ADDRESS, SHARED_PHONE."""
    p = out.parameters
    for identifier, holders, shared_by in usable_identifiers(G, out.source, p):
        kind = IDENTIFIER_KINDS[label_of(G, identifier)]
        evidence = LinkEvidence(
            description="both have " + identifier_text(G, identifier, shared_by),
            weight=identifier_weight(G, identifier, p.identifier_weights[kind], shared_by, p),
            value=str(G.nodes[identifier].get("value") or identifier),
            shared_by=shared_by,
        )
        for a, b in combinations(holders, 2):
            out.add(kind, a, b, evidence)


# -- corporate families -------------------------------------------------------------------


def family_chains(G: nx.MultiGraph, limit: int) -> dict[str, list[str]]:
    """Each company of a family: itself, its parent, grandparent, ... (``limit`` steps up;
    a cycle stops the chain). The last entry is the family's top company."""
    parent: dict[str, str] = {}
    lines = [
        (a, b, d) for a, b, k, d in G.edges(keys=True, data=True) if k == RelType.SUBSIDIARY_OF
    ]
    for a, b, data in sorted(lines, key=lambda e: (e[0], e[1])):
        child = data.get("child", a)
        parent.setdefault(child, b if child == a else a)
    chains: dict[str, list[str]] = {}
    for company in set(parent) | set(parent.values()):
        chain = [company]
        while chain[-1] in parent and len(chain) <= limit and parent[chain[-1]] not in chain:
            chain.append(parent[chain[-1]])
        chains[company] = chain
    return chains


def _kinship(G: nx.MultiGraph, pair: tuple[str, str], ups: tuple[int, int], top: str) -> str:
    (a, b), (up_a, up_b) = pair, ups
    if up_a == 0 or up_b == 0:
        child, parent, steps = (b, a, up_b) if up_a == 0 else (a, b, up_a)
        under = "a subsidiary" if steps == 1 else f"{steps} levels below"
        return f"{name_of(G, child)} is {under} of {name_of(G, parent)}"
    if up_a == up_b == 1:
        return f"{name_of(G, a)} and {name_of(G, b)} are both subsidiaries of {name_of(G, top)}"
    return f"{name_of(G, a)} and {name_of(G, b)} both belong to {name_of(G, top)}'s family"


def add_families(G: nx.MultiGraph, out: Collector, chains: dict[str, list[str]]) -> None:
    """CORPORATE_FAMILY: parents, children and relatives (``chains`` from
    :func:`family_chains`), plus companies sharing an identifier with a family member."""
    p = out.parameters
    groups: dict[str, list[str]] = defaultdict(list)
    for company, chain in chains.items():
        groups[chain[-1]].append(company)
    for members in groups.values():
        for a, b in combinations(sorted(members), 2):
            common = next((c for c in chains[a] if c in chains[b]), None)
            if common is None or not out.wants(a, b):
                continue
            ups = (chains[a].index(common), chains[b].index(common))
            if sum(ups) > p.family_max_distance:
                continue
            evidence = LinkEvidence(
                description=_kinship(G, (a, b), ups, common),
                weight=p.family_top * p.family_decay ** (sum(ups) - 1),
                company_uid=common,
                scores=(("distance", float(sum(ups))),),
            )
            out.add(K.CORPORATE_FAMILY, a, b, evidence)
    _family_identifiers(G, out, chains)


def _family_identifiers(G: nx.MultiGraph, out: Collector, chains: dict[str, list[str]]) -> None:
    p = out.parameters
    for identifier, holders, shared_by in usable_identifiers(G, None, p):
        kind = IDENTIFIER_KINDS[label_of(G, identifier)]
        base = p.identifier_weights[kind]
        weight = p.family_identifier_factor * identifier_weight(G, identifier, base, shared_by, p)
        shared = identifier_text(G, identifier, shared_by)
        for member in holders:
            top = chains.get(member, [member])[-1]
            if member == top:
                continue
            for outsider in holders:
                if chains.get(outsider, [outsider])[-1] == top:
                    continue
                if ordered(outsider, member) in out.folded:
                    continue  # a duplicate of the member: evidence of that, not of family
                text = (
                    f"{name_of(G, outsider)} shares {shared} with {name_of(G, member)}, "
                    f"part of {name_of(G, top)}'s family"
                )
                evidence = LinkEvidence(
                    description=text,
                    weight=weight,
                    company_uid=member,
                    value=str(G.nodes[identifier].get("value") or identifier),
                    shared_by=shared_by,
                )
                out.add(K.CORPORATE_FAMILY, outsider, top, evidence)
