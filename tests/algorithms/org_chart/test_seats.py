"""Empty seats: the chiefs and department heads a company of its size is expected to have."""

from __future__ import annotations

import networkx as nx
import pytest

from algorithms.org_chart import OrgChart, infer_org_chart
from schema.enums import Department, Seniority
from tests.algorithms.org_chart.org_graphs import org, staff

S, D = Seniority, Department


def mid_size(
    *,
    cfo: bool,
    extra: list[tuple[str, Seniority, Department | None]] | None = None,
    size: int = 12,
) -> nx.DiGraph:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("fin_mgr", S.MANAGER, D.FINANCE),
        ("accountant", S.INDIVIDUAL_CONTRIBUTOR, D.FINANCE),
    )
    if cfo:
        G.add_node("cfo", company="acme", seniority=S.C_LEVEL, department=D.FINANCE)
    for uid, seniority, department in extra or []:
        G.add_node(uid, company="acme", seniority=seniority, department=department)
    staff(G, "rep", size - G.number_of_nodes(), S.INDIVIDUAL_CONTRIBUTOR, D.SALES)
    G.add_node("sales_dir", company="acme", seniority=S.DIRECTOR, department=D.SALES)
    return G


def chief_seats(chart: OrgChart) -> list[str]:
    return [s.seat for s in chart.empty_seats if s.chief]


def test_an_empty_cfo_seat_is_listed_with_its_reason() -> None:
    chart = infer_org_chart(mid_size(cfo=False))

    [seat] = [s for s in chart.empty_seats if s.chief]
    assert (seat.company, seat.seat, seat.department) == ("acme", "CFO", D.FINANCE)
    assert seat.reason.startswith("no CFO known: 2 in Finance, the most senior fin_mgr")
    assert "a company of 13 people with department heads is expected to have one" in seat.reason


def test_a_known_cfo_fills_the_seat() -> None:
    assert chief_seats(infer_org_chart(mid_size(cfo=True))) == []


def test_a_small_company_expects_no_chief() -> None:
    assert infer_org_chart(mid_size(cfo=False, size=8)).empty_seats == ()


def large(vp_title: str, other_title: str, *, deep: bool = True) -> nx.DiGraph:
    """46 people: a CEO, finance staff without a CFO, and sales five levels deep."""
    G = mid_size(cfo=False, size=43)
    G.add_node("vp_sales", company="acme", seniority=S.VP, department=D.SALES)
    if deep:
        G.add_node("sales_mgr", company="acme", seniority=S.MANAGER, department=D.SALES)
    else:
        G.add_node(
            "sales_rep", company="acme", seniority=S.INDIVIDUAL_CONTRIBUTOR, department=D.SALES
        )
    for uid, data in G.nodes(data=True):
        if data["department"] is D.SALES:
            data["title"] = vp_title if uid == "vp_sales" else other_title
    return G


@pytest.mark.parametrize(
    ("vp_title", "other_title", "expected"),
    [
        ("VP Sales", "Sales Director", ["CFO", "CRO"]),
        ("销售副总裁", "销售总监", ["CFO"]),  # Chinese companies head sales with a VP
    ],
)
def test_a_large_deep_company_expects_a_chief_per_function(
    vp_title: str, other_title: str, expected: list[str]
) -> None:
    chart = infer_org_chart(large(vp_title, other_title))

    assert chart.levels == 5
    assert sorted(chief_seats(chart)) == expected
    assert "a company of 46 people over 5 levels" in chart.empty_seats[0].reason


def test_a_large_but_shallow_company_only_expects_a_cfo_and_a_cto() -> None:
    chart = infer_org_chart(large("VP Sales", "Sales Director", deep=False))

    assert chart.levels == 4
    assert chief_seats(chart) == ["CFO"]


def test_a_flat_company_expects_no_chief_whatever_its_size() -> None:
    G = mid_size(cfo=False, size=15)
    G.remove_node("sales_dir")

    assert chief_seats(infer_org_chart(G)) == []


def test_a_department_with_people_but_no_head_has_an_empty_head_seat() -> None:
    G = mid_size(
        cfo=True,
        extra=[
            ("buyer1", S.INDIVIDUAL_CONTRIBUTOR, D.PROCUREMENT),
            ("buyer2", S.MANAGER, D.PROCUREMENT),
        ],
    )

    seats = [s for s in infer_org_chart(G).empty_seats if not s.chief]

    assert [(s.seat, s.department) for s in seats] == [("Head of Procurement", D.PROCUREMENT)]
    assert "nobody at director level or above" in seats[0].reason


def test_an_untitled_person_heading_finance_may_hold_the_cfo_seat() -> None:
    G = mid_size(cfo=False, extra=[("untitled", S.UNKNOWN, D.FINANCE)])
    G.add_edge("untitled", "ceo", reports_to=True)
    G.add_edge("fin_mgr", "untitled", reports_to=True)

    assert chief_seats(infer_org_chart(G)) == []
