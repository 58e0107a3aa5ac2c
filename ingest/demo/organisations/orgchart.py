"""The true org chart of one company: seats, who each seat reports to, and empty seats.

Depth grows with headcount (3 levels for a handful of people, 6 for the largest
companies). Departments are headed by C-level officers where a company of that size is
expected to have one (every C-level seat from 41 people up, only CFO and CTO below), else
by VPs or directors; below them come VPs, directors, managers and individual
contributors, with spans of control of about 3-8. Some expected C-level seats are left
empty on purpose (no CFO: the finance staff report to the top), and each empty seat is
listed.

Examples
--------
>>> import random
>>> chart = build_org_chart(random.Random(5), size=60, chinese=False)
>>> len(chart.seats), chart.levels, chart.seats[0].manager is None
(60, 5, True)
>>> all(s.manager is not None and s.manager < i for i, s in enumerate(chart.seats) if i)
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from ingest.demo.allocation import apportion
from ingest.demo.organisations.titles import DEPARTMENTS, EXECUTIVE, Department, Rung, job_title
from schema.enums import Seniority

__all__ = ["OrgChart", "Seat", "build_org_chart", "chart_levels"]

_LADDERS: Mapping[int, tuple[Rung, ...]] = {
    3: (Rung.TOP, Rung.MANAGER, Rung.IC),
    4: (Rung.TOP, Rung.HEAD, Rung.MANAGER, Rung.IC),
    5: (Rung.TOP, Rung.HEAD, Rung.DIRECTOR, Rung.MANAGER, Rung.IC),
    6: (Rung.TOP, Rung.HEAD, Rung.VP, Rung.DIRECTOR, Rung.MANAGER, Rung.IC),
}
_CHINESE_TOP_LADDER = (Rung.CHAIR, Rung.TOP, Rung.HEAD, Rung.DIRECTOR, Rung.MANAGER, Rung.IC)
_SEAT_NAMES: Mapping[str, str] = {
    "Finance": "CFO",
    "Engineering": "CTO",
    "Operations": "COO",
    "Marketing": "CMO",
    "Sales": "CRO",
    "HR": "CHRO",
    "Legal": "General Counsel",
    "IT": "CIO",
}
_VACANCY = {"Finance": 0.2}
_DEFAULT_VACANCY = 0.12
_MAX_EMPTY = 2
_SMALL_COMPANY_CHIEFS = ("Finance", "Engineering")


@dataclass(frozen=True, slots=True)
class Seat:
    """One position in an org chart; ``manager`` is the index of the manager's seat."""

    manager: int | None
    depth: int
    rung: Rung
    department: Department
    title: str
    seniority: Seniority


@dataclass(frozen=True, slots=True)
class OrgChart:
    """A company's true hierarchy, top seat first, managers before their reports."""

    seats: tuple[Seat, ...]
    empty_seats: tuple[str, ...]
    levels: int


def chart_levels(size: int) -> int:
    """Return the number of org levels of a company of ``size`` people (3 to 6)."""
    if size <= 10:
        return 3
    if size <= 40:
        return 4
    return 5 if size <= 160 else 6


@dataclass
class _Builder:
    rng: random.Random
    chinese: bool
    ladder: tuple[Rung, ...]
    vacancies: bool
    seats: list[Seat] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)

    def add(self, manager: int | None, rung: Rung, dept: Department) -> int:
        title, seniority = job_title(self.rng, rung, dept, chinese=self.chinese)
        depth = 0 if manager is None else self.seats[manager].depth + 1
        shown = EXECUTIVE if rung in (Rung.CHAIR, Rung.TOP) else dept
        self.seats.append(Seat(manager, depth, rung, shown, title, seniority))
        return len(self.seats) - 1

    def head_rung(self, dept: Department) -> Rung | None:
        """The rung of the department's head, or None when the expected chief is missing."""
        chiefs = dept.chiefs_zh if self.chinese else dept.chiefs
        large = len(self.ladder) >= 5
        if not chiefs or not (large or dept.key in _SMALL_COMPANY_CHIEFS):
            return Rung.VP if large else Rung.DIRECTOR
        vacancy = _VACANCY.get(dept.key, _DEFAULT_VACANCY)
        if self.vacancies and len(self.empty) < _MAX_EMPTY and self.rng.random() < vacancy:
            self.empty.append(_SEAT_NAMES[dept.key])
            return None
        return Rung.HEAD

    def department(self, dept: Department, budget: int, top: int, rung_index: int) -> None:
        if self.ladder[rung_index] is not Rung.HEAD:
            self.grow(top, rung_index, budget, dept)
            return
        rung = self.head_rung(dept) if budget > 1 else Rung.HEAD
        if rung is None:
            self.grow(top, rung_index + 1, budget, dept)
            return
        head = self.add(top, rung, dept)
        self.grow(head, rung_index + 1, budget - 1, dept)

    def grow(self, parent: int, rung_index: int, budget: int, dept: Department) -> None:
        last = len(self.ladder) - 1
        levels_left = last - rung_index + 1
        if budget <= 0:
            return
        if levels_left <= 1 or budget <= self.rng.randint(3, 7):
            for _ in range(budget):
                self.add(parent, Rung.IC, dept)
            return
        managers = max(1, min(budget // 3, round(budget ** (1 / levels_left))))
        jitter = [self.rng.uniform(0.6, 1.4) for _ in range(managers)]
        for share in apportion(budget - managers, jitter):
            seat = self.add(parent, self.ladder[rung_index], dept)
            self.grow(seat, rung_index + 1, share, dept)


def _pick_departments(rng: random.Random, size: int, levels: int) -> list[Department]:
    count = max(2, min(len(DEPARTMENTS), round(math.log2(size) * 1.4) - 1))
    chosen = ["Sales", "Finance"] if levels >= 4 else ["Sales"]
    pool = [key for key in DEPARTMENTS if key not in chosen]
    while len(chosen) < count and pool:
        key = rng.choices(pool, weights=[DEPARTMENTS[k].weight for k in pool])[0]
        pool.remove(key)
        chosen.append(key)
    return [dept for key, dept in DEPARTMENTS.items() if key in chosen]


def build_org_chart(
    rng: random.Random,
    *,
    size: int,
    chinese: bool,
    weights: Mapping[str, float] | None = None,
    vacancies: bool = True,
) -> OrgChart:
    """Return a true org chart of exactly ``size`` seats.

    Parameters
    ----------
    rng : random.Random
        The generator's random source.
    size : int
        Headcount, at least 1.
    chinese : bool
        Chinese titles and department names; the largest Chinese companies get a
        chair (董事长) above the president.
    weights : mapping of str to float, optional
        Department keys and their headcount weights; all of them are staffed. By
        default departments are drawn according to the company's size.
    vacancies : bool
        Whether some C-level seats may be left empty.

    Returns
    -------
    OrgChart
        The seats, top first, each after its manager.
    """
    levels = chart_levels(size)
    ladder = _CHINESE_TOP_LADDER if chinese and levels == 6 else _LADDERS[levels]
    builder = _Builder(rng, chinese, ladder, vacancies)
    top = builder.add(None, ladder[0], EXECUTIVE)
    first = 1
    if ladder[1] is Rung.TOP:
        top, first = builder.add(top, Rung.TOP, EXECUTIVE), 2
    if weights is None:
        depts = _pick_departments(rng, size, levels)
        shares = [dept.weight * rng.uniform(0.6, 1.5) for dept in depts]
    else:
        depts = [dept for key, dept in DEPARTMENTS.items() if weights.get(key, 0.0) > 0]
        shares = [weights[dept.key] for dept in depts]
    budget = size - len(builder.seats)
    depts, shares = depts[:budget], shares[:budget]
    if depts:
        for dept, share in zip(depts, apportion(budget, shares, minimum=1), strict=True):
            builder.department(dept, share, top, first)
    return OrgChart(tuple(builder.seats), tuple(builder.empty), levels)
