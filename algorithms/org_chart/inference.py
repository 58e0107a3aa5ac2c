"""Inferring the missing reports-to lines of one company (see :mod:`algorithms.org_chart`)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from algorithms.org_chart.types import (
    SENIORITY_LEVELS,
    ManagerLine,
    Member,
    OrgChartParameters,
    department_label,
)
from schema.enums import Department, LineSource, Seniority

__all__ = ["chain_above", "infer_company_lines", "reporting_tree"]

_UNKNOWN_LEVEL = 6
_MANAGER_LEVEL = SENIORITY_LEVELS[Seniority.MANAGER]
_PeerKey = tuple[Department | None, int | None]


def reporting_tree(lines: Mapping[str, ManagerLine]) -> dict[str, list[str]]:
    """Direct reports per manager."""
    reports: dict[str, list[str]] = defaultdict(list)
    for person, line in lines.items():
        reports[line.manager].append(person)
    return reports


def chain_above(lines: Mapping[str, ManagerLine], start: str) -> set[str]:
    """``start`` and everyone above it."""
    seen = {start}
    current = start
    while (line := lines.get(current)) is not None and line.manager not in seen:
        current = line.manager
        seen.add(current)
    return seen


def _below(reports: Mapping[str, list[str]], uid: str) -> set[str]:
    found: set[str] = set()
    stack = [uid]
    while stack:
        for r in reports.get(stack.pop(), ()):
            if r not in found:
                found.add(r)
                stack.append(r)
    return found


@dataclass(frozen=True, slots=True)
class _Company:
    """What every candidate of one company is scored against, computed once."""

    top: Member
    levels: Mapping[Department | None, frozenset[int]]  # occupied levels per department
    heads: frozenset[str]  # each department's most senior people, when surely its head
    peers: Mapping[_PeerKey, Counter[str]]  # explicit managers of each (department, level)

    @classmethod
    def of(cls, staff: list[Member], top: Member, lines: Mapping[str, ManagerLine]) -> _Company:
        levels: dict[Department | None, set[int]] = defaultdict(set)
        peers: dict[_PeerKey, Counter[str]] = defaultdict(Counter)
        for m in staff:
            if m.level is not None and m.uid != top.uid:
                levels[m.department].add(m.level)
            line = lines.get(m.uid)
            if line is not None and line.kind is LineSource.EXPLICIT and m.department is not None:
                peers[(m.department, m.level)][line.manager] += 1
        untitled = {m.department for m in staff if not m.titled and m.uid != top.uid}
        heads = frozenset(
            m.uid
            for m in staff
            if m.uid != top.uid
            and m.department is not None
            and m.level is not None
            and m.level == min(levels[m.department])
            and (m.level < _MANAGER_LEVEL or m.department not in untitled)
        )
        return cls(top, {d: frozenset(v) for d, v in levels.items()}, heads, peers)

    def gap(self, person: Member, candidate: Member) -> int | None:
        """Occupied levels of the person's department (and the top's) between the two."""
        if person.level is None or candidate.level is None:
            return None
        occupied = self.levels.get(person.department, frozenset()) | {
            person.level,
            candidate.level,
        }
        if self.top.level is not None:
            occupied |= {self.top.level}
        return sum(1 for lvl in occupied if candidate.level < lvl <= person.level)

    def may_manage(self, person: Member, candidate: Member) -> bool:
        """More senior, or the top, or an executive above a peer of another department."""
        if candidate.uid == self.top.uid or candidate.level is None:
            return True
        if person.level is None:
            return candidate.level <= _MANAGER_LEVEL
        if candidate.level == person.level:
            return (
                candidate.department is Department.EXECUTIVE
                and person.department is not Department.EXECUTIVE
            )
        return candidate.level < person.level

    def relation(self, person: Member, candidate: Member) -> str:
        if candidate.uid == self.top.uid or candidate.department is Department.EXECUTIVE:
            return "top"
        if person.department is None or candidate.department is None:
            return "unknown"
        return "same" if person.department == candidate.department else "other"


@dataclass(frozen=True, slots=True)
class _Candidate:
    member: Member
    gap: int | None
    relation: str  # same | top | unknown | other
    siblings: float
    head: bool
    signals: Mapping[str, float]


def infer_company_lines(
    G: nx.DiGraph,
    staff: list[Member],
    top: Member,
    lines: dict[str, ManagerLine],
    parameters: OrgChartParameters,
) -> None:
    """Add an inferred line to ``lines`` for each person of ``staff`` without one (the top
    aside), from the most senior down, never to someone in the person's own tree.

    Candidates with signals of their own (interactions, the top, managers of peers) are
    scored one by one; the others share their prior with everyone of their department and
    level, so they are scored once per such group (``_Groups``)."""
    company = _Company.of(staff, top, lines)
    groups = _Groups(staff)
    reports = reporting_tree(lines)
    order = sorted(staff, key=lambda m: (_UNKNOWN_LEVEL if m.level is None else m.level, m.uid))
    for person in order:
        if person.uid == top.uid or person.uid in lines:
            continue
        excluded = _below(reports, person.uid) | {person.uid}
        special = _special(G, company, person, groups.members) - excluded
        scored = [
            (_score(c, parameters), c)
            for uid in sorted(special)
            if company.may_manage(person, groups.members[uid])
            for c in [_candidate(G, company, person, groups.members[uid])]
        ]
        total = math.fsum(score for score, _ in scored)
        for member, count in groups.others(special | excluded):
            if company.may_manage(person, member):
                candidate = _candidate(G, company, person, member)
                score = _score(candidate, parameters)
                scored.append((score, candidate))
                total += count * score
        if scored:
            line = _choose(person, scored, total)
            lines[person.uid] = line
            reports[line.manager].append(person.uid)


class _Groups:
    """The company's people by department and level, highest uid first."""

    def __init__(self, staff: list[Member]) -> None:
        self.members = {m.uid: m for m in staff}
        self._key = {m.uid: (m.department, m.level) for m in staff}
        self._groups: dict[_PeerKey, list[str]] = defaultdict(list)
        for m in sorted(staff, key=lambda m: m.uid, reverse=True):
            self._groups[(m.department, m.level)].append(m.uid)

    def others(self, skip: set[str]) -> list[tuple[Member, int]]:
        """Per group, its first member not in ``skip`` and how many are not in ``skip``."""
        removed: dict[_PeerKey, int] = defaultdict(int)
        for uid in skip:
            if uid in self._key:
                removed[self._key[uid]] += 1
        found = []
        for key, uids in self._groups.items():
            count = len(uids) - removed[key]
            if count > 0:
                first = next(u for u in uids if u not in skip)
                found.append((self.members[first], count))
        return found


def _special(
    G: nx.DiGraph, company: _Company, person: Member, members: Mapping[str, Member]
) -> set[str]:
    """Candidates whose score is their own: people with a signal towards the person, the
    top, and the managers of the person's peers."""
    near = set(G.successors(person.uid)) | set(G.predecessors(person.uid))
    peers = company.peers.get((person.department, person.level), Counter())
    return {uid for uid in near | set(peers) | {company.top.uid} if uid in members}


def _signals(G: nx.DiGraph, person: str, candidate: str) -> dict[str, float]:
    data = G.get_edge_data(person, candidate) or {}
    back = G.get_edge_data(candidate, person) or {}
    return {
        "organised": float(data.get("organised", 0)),
        "copied": float(data.get("copied", 0)),
        "interactions": float(data.get("interactions", back.get("interactions", 0))),
        "strength": float(data.get("strength", back.get("strength", 0.0)) or 0.0),
    }


def _candidate(G: nx.DiGraph, company: _Company, person: Member, candidate: Member) -> _Candidate:
    peers = company.peers.get((person.department, person.level))
    share = peers[candidate.uid] / peers.total() if peers else 0.0
    relation = company.relation(person, candidate)
    return _Candidate(
        member=candidate,
        gap=company.gap(person, candidate),
        relation=relation,
        siblings=share,
        head=person.uid in company.heads and relation == "top",
        signals=_signals(G, person.uid, candidate.uid),
    )


def _evidence(c: _Candidate, parameters: OrgChartParameters) -> float:
    s = c.signals
    return (
        parameters.organised_weight * s["organised"]
        + parameters.copied_weight * s["copied"]
        + parameters.interaction_weight * s["interactions"]
        + parameters.strength_weight * s["strength"]
    )


def _prior(c: _Candidate, parameters: OrgChartParameters) -> float:
    weights = parameters.gap_weights
    if c.gap is None:
        prior = parameters.unknown_gap_weight
    else:
        prior = weights[min(max(c.gap, 1), len(weights)) - 1]
    prior *= parameters.department_weights.get(c.relation, 0.5)
    if c.head:
        prior *= parameters.head_to_top
    return prior * (1.0 + parameters.sibling_weight * c.siblings)


def _score(c: _Candidate, parameters: OrgChartParameters) -> float:
    return _prior(c, parameters) * (parameters.evidence_floor + _evidence(c, parameters))


def _choose(person: Member, scored: list[tuple[float, _Candidate]], total: float) -> ManagerLine:
    """The best candidate; its confidence is its share of ``total``, every candidate's
    score summed."""
    score, chosen = max(scored, key=lambda sc: (sc[0], sc[1].member.uid))
    return ManagerLine(
        manager=chosen.member.uid,
        kind=LineSource.INFERRED,
        confidence=round(score / total, 4) if total > 0 else 0.0,
        reason=_reason(person, chosen),
    )


_GAP_WORDS = ("one level up", "two levels up", "three levels up")


def _plural(n: float, word: str) -> str:
    return f"{n:.0f} {word}" + ("" if n == 1 else "s")


def _reason(person: Member, c: _Candidate) -> str:
    parts: list[str] = []
    if c.head:
        parts.append(
            f"heads {department_label(person.department)}, and department heads report to the top"
        )
    elif c.relation == "same":
        parts.append(f"same department ({department_label(person.department)})")
    elif c.relation == "top":
        parts.append("the top of the organisation")
    elif c.relation == "other":
        parts.append(f"another department ({department_label(c.member.department)})")
    if c.gap is None:
        parts.append("seniority unknown")
    elif c.gap >= 1:
        parts.append(_GAP_WORDS[c.gap - 1] if c.gap <= 3 else f"{c.gap} levels up")
    if c.siblings > 0:
        parts.append(f"manages {c.siblings:.0%} of the peers with a known line")
    parts.extend(_interaction_words(person.name, c.signals))
    return ", ".join(parts)


def _interaction_words(name: str, s: Mapping[str, float]) -> list[str]:
    words: list[str] = []
    if s["organised"]:
        words.append(f"organises {_plural(s['organised'], 'meeting')} {name} attends")
    if s["copied"]:
        words.append(f"copied on {_plural(s['copied'], 'mail')} of {name}'s")
    if s["interactions"]:
        words.append(f"{_plural(s['interactions'], 'interaction')} together")
    if not any(s.values()):
        words.append("no interactions seen")
    return words
