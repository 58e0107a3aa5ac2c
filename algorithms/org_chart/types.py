"""The records of :mod:`algorithms.org_chart`, and how it reads people from the graph."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

import networkx as nx

from schema.enums import Department, LineSource, Seniority

__all__ = [
    "SENIORITY_LEVELS",
    "ChartPosition",
    "EmptySeat",
    "ManagerLine",
    "Member",
    "OrgChart",
    "OrgChartParameters",
    "department_label",
    "read_members",
]

SENIORITY_LEVELS: Mapping[Seniority, int] = MappingProxyType(
    {
        Seniority.BOARD: 0,
        Seniority.C_LEVEL: 1,
        Seniority.VP: 2,
        Seniority.DIRECTOR: 3,
        Seniority.MANAGER: 4,
        Seniority.INDIVIDUAL_CONTRIBUTOR: 5,
    }
)
"""Seniority as an org level: 0 for a chair, 5 for an individual contributor."""

_LABELS = MappingProxyType(
    {Department.IT: "IT", Department.HUMAN_RESOURCES: "HR", Department.OTHER: "other"}
)


def department_label(department: Department | None) -> str:
    """A department as people write it.

    >>> department_label(Department.CUSTOMER_SUCCESS), department_label(Department.IT)
    ('Customer Success', 'IT')
    """
    if department is None:
        return "unknown"
    return _LABELS.get(department, department.value.replace("_", " ").title())


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgChartParameters:
    """The tunable weights of the inference and the company sizes that expect seats.

    ``subsidiary_head_confidence`` is the confidence of the line that hangs a subsidiary's
    top under its parent company's top in a group chart. The group structure says the
    subsidiary answers to its parent, not that its head reports to the parent's top in
    person (a regional head, a divisional chief or the board may sit between), so the line
    is more likely than not, yet well below an explicit one.
    """

    gap_weights: tuple[float, ...] = (1.0, 0.45, 0.25, 0.12)
    unknown_gap_weight: float = 0.3
    department_weights: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(
            {"same": 1.0, "top": 0.6, "unknown": 0.5, "other": 0.08}
        )
    )
    head_to_top: float = 3.0
    sibling_weight: float = 2.0
    organised_weight: float = 0.6
    copied_weight: float = 1.0
    interaction_weight: float = 0.35
    strength_weight: float = 4.0
    evidence_floor: float = 0.4
    mid_size: int = 11
    large_size: int = 41
    subsidiary_head_confidence: float = 0.6

    def __post_init__(self) -> None:
        if not self.gap_weights or min(self.gap_weights) <= 0:
            raise ValueError("gap_weights must be positive")
        if self.evidence_floor <= 0:
            raise ValueError("evidence_floor must be positive")
        if not 0 < self.mid_size <= self.large_size:
            raise ValueError("sizes must satisfy 0 < mid_size <= large_size")
        if not 0 < self.subsidiary_head_confidence <= 1:
            raise ValueError("subsidiary_head_confidence must be within (0, 1]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ManagerLine:
    """A person's line to their manager: explicit, or inferred with a confidence and why."""

    manager: str
    kind: LineSource
    confidence: float
    reason: str
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartPosition:
    """Where one person sits: level (0 = a root), the line up, and who is below.

    ``direct_reports`` is the span of control; ``team_size`` counts everyone below.
    """

    person: str
    company: str
    level: int
    line: ManagerLine | None
    direct_reports: int
    team_size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EmptySeat:
    """An expected role nobody holds: a C-level seat (``chief``) or a department head."""

    company: str
    seat: str
    department: Department
    chief: bool
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgChart:
    """Every person's position, the roots (the companies' tops without a line first, the
    group's own top before its subsidiaries'), empty seats, depth."""

    positions: Mapping[str, ChartPosition]
    roots: tuple[str, ...]
    empty_seats: tuple[EmptySeat, ...]
    levels: int


@dataclass(frozen=True, slots=True)
class Member:
    """A person as the inference sees them: ``level`` is None when nothing tells it,
    ``titled`` False when their own seniority is unknown (the level is then a guess)."""

    uid: str
    name: str
    company: str
    level: int | None
    department: Department | None
    title: str
    titled: bool


def read_members(G: nx.DiGraph) -> dict[str, Member]:
    """The people of ``G``. A person of unknown seniority in the executive department counts
    as C-level; one with explicit reports sits a level above the most senior of them."""
    found: dict[str, Member] = {}
    for uid, data in G.nodes(data=True):
        if not data.get("company"):
            raise ValueError(f"node {uid!r} has no company")
        department = data.get("department")
        level = SENIORITY_LEVELS.get(data.get("seniority") or Seniority.UNKNOWN)
        name = str(data.get("name") or "").split(" ")[0] or "they"
        title = str(data.get("title") or "")
        titled = level is not None
        if level is None and department is Department.EXECUTIVE:
            level = SENIORITY_LEVELS[Seniority.C_LEVEL]
        found[uid] = Member(uid, name, str(data["company"]), level, department, title, titled)
    for uid, member in list(found.items()):
        if member.level is not None:
            continue
        below = [
            level
            for r, _, d in G.in_edges(uid, data=True)
            if d.get("reports_to") and (level := found[r].level) is not None
        ]
        if below:
            found[uid] = dataclasses.replace(member, level=max(1, min(below) - 1))
    return found
