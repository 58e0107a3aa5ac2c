"""Departments and job titles per organisational rung, in English and in Chinese.

A *rung* is a kind of seat in an org chart (the top seat, department heads, VPs, directors,
managers, individual contributors). :func:`job_title` turns a rung and a department into a
title and a normalised :class:`~schema.enums.Seniority`.

Examples
--------
>>> import random
>>> job_title(random.Random(3), Rung.HEAD, DEPARTMENTS["Finance"], chinese=False)
('Chief Financial Officer', <Seniority.C_LEVEL: 'c_level'>)
>>> job_title(random.Random(3), Rung.DIRECTOR, DEPARTMENTS["Sales"], chinese=True)
('销售总监', <Seniority.DIRECTOR: 'director'>)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from schema.enums import EmploymentRole, Seniority

__all__ = [
    "DEPARTMENTS",
    "EXECUTIVE",
    "Department",
    "Rung",
    "affiliation_title",
    "job_title",
]


class Rung(Enum):
    """The kind of a seat in an org chart, from the top down."""

    CHAIR = 0
    TOP = 1
    HEAD = 2
    VP = 3
    DIRECTOR = 4
    MANAGER = 5
    IC = 6


@dataclass(frozen=True, slots=True)
class Department:
    """A department: English and Chinese names, headcount weight and typical titles."""

    key: str
    label: str
    chinese: str
    zh_prefix: str
    weight: float
    chiefs: tuple[str, ...]
    chiefs_zh: tuple[str, ...]
    ics: tuple[str, ...]
    ics_zh: tuple[str, ...]

    def name(self, *, chinese: bool) -> str:
        """Return the department name as a company of that language writes it."""
        return self.chinese if chinese else self.key


def _dept(
    key: str,
    label: str,
    zh: tuple[str, str],
    weight: float,
    chiefs: tuple[tuple[str, ...], tuple[str, ...]],
    ics: tuple[tuple[str, ...], tuple[str, ...]],
) -> Department:
    return Department(key, label, zh[0], zh[1], weight, chiefs[0], chiefs[1], ics[0], ics[1])


EXECUTIVE = _dept("Executive", "Executive", ("总经办", "总经办"), 0.0, ((), ()), ((), ()))

DEPARTMENTS: MappingProxyType[str, Department] = MappingProxyType(
    {
        d.key: d
        for d in (
            _dept(
                "Sales",
                "Sales",
                ("销售部", "销售"),
                4.0,
                (("Chief Revenue Officer", "CRO"), ()),
                (
                    (
                        "Account Executive",
                        "Sales Representative",
                        "Sales Development Representative",
                    ),
                    ("销售代表", "客户经理", "销售专员"),
                ),
            ),
            _dept(
                "Engineering",
                "Engineering",
                ("研发部", "研发"),
                5.0,
                (("Chief Technology Officer", "CTO"), ("首席技术官", "CTO")),
                (
                    ("Software Engineer", "QA Engineer", "DevOps Engineer", "Data Engineer"),
                    ("工程师", "软件工程师", "测试工程师", "高级工程师"),
                ),
            ),
            _dept(
                "Finance",
                "Finance",
                ("财务部", "财务"),
                1.5,
                (("Chief Financial Officer", "CFO"), ("首席财务官", "CFO")),
                (("Accountant", "Financial Analyst", "Controller"), ("会计", "出纳", "财务专员")),
            ),
            _dept(
                "Marketing",
                "Marketing",
                ("市场部", "市场"),
                2.0,
                (("Chief Marketing Officer", "CMO"), ("首席营销官",)),
                (
                    ("Marketing Specialist", "Content Strategist", "Product Marketing Manager"),
                    ("市场专员", "品牌专员"),
                ),
            ),
            _dept(
                "Operations",
                "Operations",
                ("运营部", "运营"),
                3.0,
                (("Chief Operating Officer", "COO"), ("首席运营官",)),
                (
                    ("Operations Analyst", "Logistics Coordinator", "Project Coordinator"),
                    ("运营专员", "项目专员"),
                ),
            ),
            _dept(
                "HR",
                "People",
                ("人力资源部", "人力资源"),
                1.0,
                (("Chief People Officer", "CHRO"), ()),
                (("HR Generalist", "Recruiter", "HR Business Partner"), ("人事专员", "招聘专员")),
            ),
            _dept(
                "Legal",
                "Legal",
                ("法务部", "法务"),
                0.6,
                (("General Counsel", "Chief Legal Officer"), ()),
                (("Corporate Counsel", "Paralegal"), ("法务专员", "律师")),
            ),
            _dept(
                "Procurement",
                "Procurement",
                ("采购部", "采购"),
                1.0,
                ((), ()),
                (("Buyer", "Procurement Specialist", "Category Manager"), ("采购专员", "采购员")),
            ),
            _dept(
                "IT",
                "IT",
                ("信息技术部", "信息技术"),
                1.5,
                (("Chief Information Officer", "CIO"), ("首席信息官",)),
                (
                    ("Systems Administrator", "IT Support Specialist", "Network Engineer"),
                    ("网络工程师", "运维工程师", "IT专员"),
                ),
            ),
            _dept(
                "Customer Success",
                "Customer Success",
                ("客户服务部", "客服"),
                2.0,
                ((), ()),
                (
                    ("Customer Success Manager", "Support Engineer", "Account Manager"),
                    ("客服专员", "客户成功经理"),
                ),
            ),
        )
    }
)
"""Departments by English key. Some IC titles contain "Manager" on purpose."""

_TOP = (
    ("CEO", "Chief Executive Officer", "Founder & CEO", "President & CEO"),
    ("总经理", "总经理", "总裁", "首席执行官"),
)
_CHAIR = (("Executive Chairman",), ("董事长",))
_AFFILIATIONS = MappingProxyType(
    {
        EmploymentRole.BOARD_MEMBER: (
            ("Board Member", "Non-Executive Director", "Independent Director"),
            ("董事", "独立董事"),
        ),
        EmploymentRole.ADVISOR: (
            ("Advisor", "Strategic Advisor", "Senior Advisor"),
            ("顾问", "战略顾问"),
        ),
        EmploymentRole.INVESTOR: (
            ("Investor", "Board Observer", "Lead Investor"),
            ("投资人", "投资方代表"),
        ),
    }
)


def _english(rng: random.Random, rung: Rung, dept: Department) -> tuple[str, Seniority]:
    label = dept.label
    if rung is Rung.HEAD:
        if dept.chiefs:
            return rng.choice(dept.chiefs), Seniority.C_LEVEL
        return rng.choice((f"VP {label}", f"Head of {label}")), Seniority.VP
    if rung is Rung.VP:
        return rng.choice((f"VP {label}", f"Vice President, {label}", f"SVP {label}")), Seniority.VP
    if rung is Rung.DIRECTOR:
        options = (f"Director of {label}", f"{label} Director", f"Senior Director, {label}")
        return rng.choice(options), Seniority.DIRECTOR
    if rung is Rung.MANAGER:
        options = (f"{label} Manager", f"{label} Manager", f"Team Lead, {label}")
        return rng.choice(options), Seniority.MANAGER
    title = rng.choice(dept.ics)
    senior = rng.random() < 0.3 and not title.startswith("Senior")
    return (f"Senior {title}" if senior else title), Seniority.INDIVIDUAL_CONTRIBUTOR


def _chinese(rng: random.Random, rung: Rung, dept: Department) -> tuple[str, Seniority]:
    prefix = dept.zh_prefix
    if rung is Rung.HEAD:
        if dept.chiefs_zh:
            return rng.choice(dept.chiefs_zh), Seniority.C_LEVEL
        return rng.choice((f"{prefix}副总裁", "副总经理")), Seniority.VP
    if rung is Rung.VP:
        return f"{prefix}副总裁", Seniority.VP
    if rung is Rung.DIRECTOR:
        return f"{prefix}总监", Seniority.DIRECTOR
    if rung is Rung.MANAGER:
        return rng.choice((f"{prefix}经理", f"{prefix}经理", f"{prefix}主管")), Seniority.MANAGER
    return rng.choice(dept.ics_zh), Seniority.INDIVIDUAL_CONTRIBUTOR


def job_title(
    rng: random.Random, rung: Rung, dept: Department, *, chinese: bool
) -> tuple[str, Seniority]:
    """Return a title for a seat of ``rung`` in ``dept`` and its normalised seniority.

    Parameters
    ----------
    rng : random.Random
        The generator's random source.
    rung : Rung
        The kind of seat. A department head (``Rung.HEAD``) gets a C-level title when
        the department has one in that language, else a VP title.
    dept : Department
        The seat's department (ignored for the chair and the top seat).
    chinese : bool
        Whether the company writes its titles in Chinese.

    Returns
    -------
    tuple of (str, Seniority)
        The title, and the seniority a reader of the title would normalise it to.
    """
    language = 1 if chinese else 0
    if rung is Rung.CHAIR:
        return rng.choice(_CHAIR[language]), Seniority.BOARD
    if rung is Rung.TOP:
        return rng.choice(_TOP[language]), Seniority.C_LEVEL
    return _chinese(rng, rung, dept) if chinese else _english(rng, rung, dept)


def affiliation_title(
    rng: random.Random, role: EmploymentRole, *, chinese: bool, chair: bool = False
) -> str:
    """Return the title of a board seat, advisory role or investment (not an employee job)."""
    if chair:
        return _CHAIR[1][0] if chinese else "Chairman of the Board"
    return rng.choice(_AFFILIATIONS[role][1 if chinese else 0])
