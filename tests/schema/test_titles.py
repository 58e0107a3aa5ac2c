"""Seniority and department from titles and department names, in English and Chinese."""

from __future__ import annotations

import doctest
import random

import pytest

from ingest.demo.organisations.titles import (
    DEPARTMENTS,
    EXECUTIVE,
    Rung,
    affiliation_title,
    job_title,
)
from ingest.demo.organisations.titles import Department as DemoDepartment
from schema import titles
from schema.enums import Department, EmploymentRole, Seniority
from schema.titles import TitleClass, classify_title, normalise_department

B, C, V = Seniority.BOARD, Seniority.C_LEVEL, Seniority.VP
D, M, IC = Seniority.DIRECTOR, Seniority.MANAGER, Seniority.INDIVIDUAL_CONTRIBUTOR
UNKNOWN = Seniority.UNKNOWN
DEMO_DEPARTMENT = {
    "Sales": Department.SALES,
    "Engineering": Department.ENGINEERING,
    "Finance": Department.FINANCE,
    "Marketing": Department.MARKETING,
    "Operations": Department.OPERATIONS,
    "HR": Department.HUMAN_RESOURCES,
    "Legal": Department.LEGAL,
    "Procurement": Department.PROCUREMENT,
    "IT": Department.IT,
    "Customer Success": Department.CUSTOMER_SUCCESS,
    "Executive": Department.EXECUTIVE,
}
# The generator writes "Customer Success Manager" both for a manager seat and for an IC seat;
# this module reads it as an individual contributor (see its docstring).
AMBIGUOUS_IN_THE_GENERATOR = {("Customer Success Manager", Seniority.MANAGER)}


def _generated() -> dict[tuple[str, Seniority], tuple[DemoDepartment, Rung]]:
    """Every (title, seniority) the demo generator can produce for a job, with the department
    and rung it was first drawn for (enough seeds to see each of the generator's choices)."""
    found: dict[tuple[str, Seniority], tuple[DemoDepartment, Rung]] = {}
    for dept in (*DEPARTMENTS.values(), EXECUTIVE):
        rungs = (Rung.CHAIR, Rung.TOP) if dept is EXECUTIVE else tuple(Rung)
        for chinese in (False, True):
            for rung in rungs:
                for seed in range(200):
                    title = job_title(random.Random(seed), rung, dept, chinese=chinese)
                    found.setdefault(title, (dept, rung))
    return found


GENERATED = _generated()


def test_the_module_examples_hold() -> None:
    result = doctest.testmod(titles)

    assert result.failed == 0 and result.attempted >= 8


def test_the_generator_produces_both_languages_and_every_rung() -> None:
    assert {s for _, s in GENERATED} == {B, C, V, D, M, IC}
    assert ("总经理", C) in GENERATED and ("Chief Revenue Officer", C) in GENERATED
    assert len(GENERATED) > 150


@pytest.mark.parametrize(
    ("title", "seniority"),
    sorted(t for t in GENERATED if t not in AMBIGUOUS_IN_THE_GENERATOR),
    ids=lambda v: str(v),
)
def test_every_generated_title_reads_as_the_seniority_the_generator_gave_it(
    title: str, seniority: Seniority
) -> None:
    dept, _ = GENERATED[(title, seniority)]
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in title)

    assert classify_title(title).seniority is seniority
    assert classify_title(title, dept.name(chinese=chinese)).seniority is seniority


@pytest.mark.parametrize(("title", "seniority"), sorted(GENERATED), ids=lambda v: str(v))
def test_a_generated_title_with_its_department_gets_that_department(
    title: str, seniority: Seniority
) -> None:
    dept, _ = GENERATED[(title, seniority)]
    for name in (dept.key, dept.label, dept.chinese, dept.zh_prefix):
        assert classify_title(title, name).department is DEMO_DEPARTMENT[dept.key]


def test_a_generated_title_below_the_top_names_its_department_but_for_a_few() -> None:
    exceptions = {
        # 副总经理 names no department; it reads as the general manager's office.
        "副总经理": Department.EXECUTIVE,
        # The generator's companies seat Account Managers in Customer Success.
        "Account Manager": Department.SALES,
        "Senior Account Manager": Department.SALES,
    }
    below_the_top = {
        title: DEMO_DEPARTMENT[dept.key]
        for (title, _), (dept, rung) in GENERATED.items()
        if rung not in (Rung.CHAIR, Rung.TOP) and title not in exceptions
    }

    assert len(below_the_top) > 120
    assert {t: classify_title(t).department for t in below_the_top} == below_the_top
    assert {t: classify_title(t).department for t in exceptions} == exceptions


def test_the_customer_success_manager_the_generator_calls_a_manager_is_an_ic() -> None:
    assert classify_title("Customer Success Manager") == TitleClass(IC, Department.CUSTOMER_SUCCESS)


@pytest.mark.parametrize(
    ("role", "seniority"),
    [
        (EmploymentRole.BOARD_MEMBER, B),
        (EmploymentRole.ADVISOR, UNKNOWN),
        (EmploymentRole.INVESTOR, UNKNOWN),
    ],
)
def test_generated_board_advisor_and_investor_titles_read_as_the_generator_records_them(
    role: EmploymentRole, seniority: Seniority
) -> None:
    produced = {
        affiliation_title(random.Random(seed), role, chinese=chinese)
        for seed in range(100)
        for chinese in (False, True)
    }

    assert len(produced) >= 4
    assert {title: classify_title(title).seniority for title in produced} == dict.fromkeys(
        produced, seniority
    )


def test_the_chair_of_the_board_is_board_in_both_languages() -> None:
    chairs = [
        affiliation_title(random.Random(1), EmploymentRole.BOARD_MEMBER, chinese=z, chair=True)
        for z in (False, True)
    ]
    assert [classify_title(t).seniority for t in chairs] == [B, B]


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Chairman", B),
        ("Vice Chairman", B),
        ("Board Member", B),
        ("Non-executive director", B),
        ("Independent Non-Executive Director", B),
        ("董事长", B),
        ("副董事长", B),
        ("董事", B),
        ("监事", B),
        ("监事会主席", B),
        ("董事长兼总裁", B),
        ("CEO", C),
        ("CFO", C),
        ("Chief Customer Officer", C),
        ("Chief Executive", C),
        ("President", C),
        ("Co-Founder", C),
        ("Founder & CEO", C),
        ("Managing Director", C),
        ("General Manager", C),
        ("Owner", C),
        ("总裁", C),
        ("总经理", C),
        ("首席财务官", C),
        ("创始人", C),
        ("董事总经理", C),
        ("董事兼总经理", C),
        ("Vice President", V),
        ("VP Sales", V),
        ("SVP, Marketing", V),
        ("EVP Operations", V),
        ("Senior Vice-President of Engineering", V),
        ("Head of Product", V),
        ("Deputy CEO", V),
        ("Deputy General Manager", V),
        ("副总裁", V),
        ("副总经理", V),
        ("副总", V),
        ("高级副总裁", V),
        ("董事会秘书", V),
        ("Director", D),
        ("Director of Sales", D),
        ("Senior Director, Legal", D),
        ("Executive Director", D),
        ("总监", D),
        ("销售总监", D),
        ("副总监", D),
        ("Manager", M),
        ("Sales Manager", M),
        ("Engineering Manager", M),
        ("Team Lead", M),
        ("Lead", M),
        ("Supervisor", M),
        ("经理", M),
        ("主管", M),
        ("研发部经理", M),
        ("销售经理", M),
        ("Engineer", IC),
        ("Analyst", IC),
        ("Sales Representative", IC),
        ("Assistant to the CEO", IC),
        ("Executive Assistant", IC),
        ("Account Manager", IC),
        ("Key Account Manager", IC),
        ("Product Manager", IC),
        ("Senior Product Marketing Manager", IC),
        ("Project Manager", IC),
        ("Product Owner", IC),
        ("Lead Generation Specialist", IC),
        ("Financial Advisor", IC),
        ("工程师", IC),
        ("专员", IC),
        ("会计", IC),
        ("客户经理", IC),
        ("产品经理", IC),
        ("总经理助理", IC),
        ("CEO助理", IC),
        ("销售顾问", IC),
        ("Advisor", UNKNOWN),
        ("Lead Investor", UNKNOWN),
        ("顾问", UNKNOWN),
        ("", UNKNOWN),
        (" \t", UNKNOWN),
        (None, UNKNOWN),
    ],
)
def test_a_title_reads_as_its_seniority(title: str | None, seniority: Seniority) -> None:
    assert classify_title(title).seniority is seniority


@pytest.mark.parametrize(
    ("title", "department", "expected"),
    [
        ("Director of Sales", None, TitleClass(D, Department.SALES)),
        ("销售总监", None, TitleClass(D, Department.SALES)),
        ("研发部经理", None, TitleClass(M, Department.ENGINEERING)),
        ("Assistant to the CEO", None, TitleClass(IC, Department.EXECUTIVE)),
        ("Product Manager", None, TitleClass(IC, Department.PRODUCT)),
        ("Product Marketing Manager", None, TitleClass(IC, Department.MARKETING)),
        ("IT Support Specialist", None, TitleClass(IC, Department.IT)),
        ("Support Engineer", None, TitleClass(IC, Department.CUSTOMER_SUCCESS)),
        ("Chief Revenue Officer", None, TitleClass(C, Department.SALES)),
        ("CTO", None, TitleClass(C, Department.ENGINEERING)),
        ("首席信息官", None, TitleClass(C, Department.IT)),
        ("客户成功经理", None, TitleClass(IC, Department.CUSTOMER_SUCCESS)),
        ("Board Member", None, TitleClass(B, None)),
        ("Analyst", None, TitleClass(IC, None)),
        ("Analyst", "财务部", TitleClass(IC, Department.FINANCE)),
        ("Manager", "Widgets", TitleClass(M, Department.OTHER)),
        ("Sales Manager", "Widgets", TitleClass(M, Department.SALES)),
        ("Account Manager", "Customer Success", TitleClass(IC, Department.CUSTOMER_SUCCESS)),
        ("经理", "总经办", TitleClass(M, Department.EXECUTIVE)),
        (None, "Legal", TitleClass(UNKNOWN, Department.LEGAL)),
    ],
)
def test_the_department_comes_from_the_department_name_then_the_title(
    title: str | None, department: str | None, expected: TitleClass
) -> None:
    assert classify_title(title, department) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("销售", Department.SALES),
        ("销售部", Department.SALES),
        ("研发", Department.ENGINEERING),
        ("财务", Department.FINANCE),
        ("市场部", Department.MARKETING),
        ("人力资源", Department.HUMAN_RESOURCES),
        ("人事", Department.HUMAN_RESOURCES),
        ("法务", Department.LEGAL),
        ("采购", Department.PROCUREMENT),
        ("运营", Department.OPERATIONS),
        ("总经办", Department.EXECUTIVE),
        ("客服", Department.CUSTOMER_SUCCESS),
        ("客户成功", Department.CUSTOMER_SUCCESS),
        ("IT", Department.IT),
        ("信息技术", Department.IT),
        ("Human Resources", Department.HUMAN_RESOURCES),
        ("People", Department.HUMAN_RESOURCES),
        ("R&D", Department.ENGINEERING),
        ("Research", Department.RESEARCH),
        ("Product", Department.PRODUCT),
        ("Customer Support", Department.CUSTOMER_SUCCESS),
        ("Executive", Department.EXECUTIVE),
        ("Widgets", Department.OTHER),
        ("", None),
        (None, None),
    ],
)
def test_a_department_name_in_either_language_is_normalised(
    raw: str | None, expected: Department | None
) -> None:
    assert normalise_department(raw) is expected


@pytest.mark.parametrize("dept", [*DEPARTMENTS.values(), EXECUTIVE], ids=lambda d: d.key)
def test_every_demo_department_name_is_recognised(dept: DemoDepartment) -> None:
    names = {dept.key, dept.label, dept.chinese, dept.zh_prefix}

    assert {normalise_department(n) for n in names} == {DEMO_DEPARTMENT[dept.key]}
