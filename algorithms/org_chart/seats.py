"""Empty seats of one company: expected roles nobody holds (see :mod:`algorithms.org_chart`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from algorithms.org_chart.types import (
    EmptySeat,
    ManagerLine,
    Member,
    OrgChartParameters,
    department_label,
)
from schema.enums import Department

__all__ = ["CHIEF_SEATS", "empty_seats"]

CHIEF_SEATS: Mapping[Department, str] = MappingProxyType(
    {
        Department.FINANCE: "CFO",
        Department.ENGINEERING: "CTO",
        Department.OPERATIONS: "COO",
        Department.MARKETING: "CMO",
        Department.SALES: "CRO",
        Department.HUMAN_RESOURCES: "CHRO",
        Department.LEGAL: "General Counsel",
        Department.IT: "CIO",
    }
)
"""The C-level seat that heads each function."""

_MID_SIZE_CHIEFS = (Department.FINANCE, Department.ENGINEERING)
_VP_HEADED_IN_CHINESE = (Department.SALES, Department.HUMAN_RESOURCES, Department.LEGAL)
_NO_HEAD_SEAT = (Department.EXECUTIVE, Department.OTHER)
_CJK = re.compile(r"[\u3400-\u9fff]")
_C_LEVEL, _VP, _DIRECTOR = 1, 2, 3
_LARGE_LEVELS = 5  # a top, chiefs or VPs, directors, managers, individual contributors


def _writes_chinese(staff: Sequence[Member]) -> bool:
    titled = [m.title for m in staff if m.title]
    return bool(titled) and sum(1 for t in titled if _CJK.search(t)) * 2 > len(titled)


def _most_senior(members: Sequence[Member]) -> Member:
    return min(members, key=lambda m: (9 if m.level is None else m.level, m.uid))


def _describe(member: Member) -> str:
    return f"{member.title} ({member.name})" if member.title else member.name


def _levels(staff: Sequence[Member], lines: Mapping[str, ManagerLine]) -> int:
    """How many levels the company's chart has (1 for a lone top)."""
    depth: dict[str, int] = {}

    def level(uid: str) -> int:
        chain = []
        while uid not in depth and (line := lines.get(uid)) is not None and uid not in chain:
            chain.append(uid)
            uid = line.manager
        base = depth.get(uid, 0)
        for i, person in enumerate(reversed(chain), start=1):
            depth[person] = base + i
        return depth.get(chain[0], base) if chain else base

    return 1 + max((level(m.uid) for m in staff), default=0)


def _expected_chiefs(
    staff: Sequence[Member],
    top: Member,
    lines: Mapping[str, ManagerLine],
    departments: Mapping[Department, list[Member]],
    parameters: OrgChartParameters,
) -> tuple[list[Department], str]:
    """The functions expected to have a chief, and why."""
    size = len(staff)
    levels = _levels(staff, lines)
    if size >= parameters.large_size and levels >= _LARGE_LEVELS:
        why = f"a company of {size} people over {levels} levels"
        return [d for d in CHIEF_SEATS if d in departments], why
    heads = any(m.uid != top.uid and m.level is not None and m.level <= _DIRECTOR for m in staff)
    if size >= parameters.mid_size and heads:
        why = f"a company of {size} people with department heads"
        return [d for d in _MID_SIZE_CHIEFS if d in departments], why
    return [], ""  # a small or flat company: the top runs everything


def _untitled_heads(
    staff: Sequence[Member], top: Member, lines: Mapping[str, ManagerLine]
) -> set[Department | None]:
    """Departments that someone of unknown seniority reporting to the top may head (their
    own, or their reports'), when no titled member of the department reports to the top."""
    to_top = {m.uid for m in staff if (line := lines.get(m.uid)) and line.manager == top.uid}
    untitled = {m.uid for m in staff if not m.titled and m.uid in to_top}
    maybe: set[Department | None] = set()
    direct: set[Department | None] = set()
    for m in staff:
        line = lines.get(m.uid)
        if m.uid in untitled or (line is not None and line.manager in untitled):
            maybe.add(m.department)
        if m.titled and m.uid in to_top:
            direct.add(m.department)
    return maybe - direct


def empty_seats(
    company: str,
    staff: Sequence[Member],
    top: Member,
    lines: Mapping[str, ManagerLine],
    parameters: OrgChartParameters,
) -> list[EmptySeat]:
    """The empty C-level and department-head seats of ``company`` (``staff`` is everyone
    employed there, ``lines`` their chart). A department that someone of unknown seniority
    reporting to the top may head has no empty seat: their title may well name it."""
    departments: dict[Department, list[Member]] = defaultdict(list)
    for m in staff:
        if m.department is not None:
            departments[m.department].append(m)
    chinese = _writes_chinese(staff)
    maybe_held = _untitled_heads(staff, top, lines)
    seats: list[EmptySeat] = []
    expected, why = _expected_chiefs(staff, top, lines, departments, parameters)
    for department in expected:
        if department in maybe_held:
            continue
        ceiling = _VP if chinese and department in _VP_HEADED_IN_CHINESE else _C_LEVEL
        people = departments[department]
        if any(m.level is not None and m.level <= ceiling for m in people):
            continue
        seat = CHIEF_SEATS[department]
        seats.append(
            EmptySeat(
                company=company,
                seat=seat,
                department=department,
                chief=True,
                reason=f"no {seat} known: {len(people)} in {department_label(department)}, "
                f"the most senior {_describe(_most_senior(people))}; {why} is expected "
                "to have one",
            )
        )
    if why:  # a company structured into departments expects each to have a head
        taken = {s.department for s in seats} | {d for d in maybe_held if d is not None}
        seats.extend(_head_seats(company, departments, taken))
    return seats


def _head_seats(
    company: str, departments: Mapping[Department, list[Member]], taken: set[Department]
) -> list[EmptySeat]:
    seats = []
    for department, people in sorted(departments.items()):
        if department in taken or department in _NO_HEAD_SEAT or len(people) < 2:
            continue
        if any(not m.titled or (m.level is not None and m.level <= _DIRECTOR) for m in people):
            continue  # someone without a title may well be the head
        label = department_label(department)
        seats.append(
            EmptySeat(
                company=company,
                seat=f"Head of {label}",
                department=department,
                chief=False,
                reason=f"{len(people)} people in {label} and nobody at director level or "
                f"above; the most senior is {_describe(_most_senior(people))}",
            )
        )
    return seats
