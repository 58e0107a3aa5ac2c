"""Inferred reports-to lines of one company: level, department, signals and peers."""

from __future__ import annotations

import pytest

from algorithms.org_chart import infer_org_chart
from schema.enums import Department, LineSource, Seniority
from tests.algorithms.org_chart.org_graphs import FINANCE, manager_of, org

S, D = Seniority, Department


def test_inference_picks_the_one_level_up_manager_of_the_same_department() -> None:
    chart = infer_org_chart(FINANCE)

    assert manager_of(chart, "accountant") == "fin_mgr"
    assert manager_of(chart, "fin_mgr") == "cfo"
    assert manager_of(chart, "sales_mgr") == "vp_sales"
    line = chart.positions["accountant"].line
    assert line is not None and line.kind is LineSource.INFERRED
    assert line.reason.startswith("same department (Finance), one level up")


@pytest.mark.parametrize("head", ["cfo", "vp_sales"])
def test_department_heads_report_to_the_top(head: str) -> None:
    chart = infer_org_chart(FINANCE)

    assert manager_of(chart, head) == "ceo"
    line = chart.positions[head].line
    assert line is not None and "department heads report to the top" in line.reason


@pytest.mark.parametrize(
    ("signal", "value"),
    [("organised", 6), ("copied", 4), ("interactions", 9), ("strength", 0.8)],
)
@pytest.mark.parametrize("favoured", ["mgr_a", "mgr_b"])
def test_interaction_signals_break_a_tie_between_equal_managers(
    signal: str, value: float, favoured: str
) -> None:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("mgr_a", S.MANAGER, D.ENGINEERING),
        ("mgr_b", S.MANAGER, D.ENGINEERING),
        ("dev", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
    )
    G.add_edge("dev", favoured, **{signal: value})

    chart = infer_org_chart(G)

    assert manager_of(chart, "dev") == favoured
    line = chart.positions["dev"].line
    assert line is not None and line.confidence > 0.5


def test_a_reason_names_the_meetings_the_manager_organises() -> None:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("cfo", S.C_LEVEL, D.FINANCE),
        ("ann", S.INDIVIDUAL_CONTRIBUTOR, D.FINANCE),
    )
    G.add_edge("ann", "cfo", organised=12, interactions=12)

    line = infer_org_chart(G).positions["ann"].line

    assert line is not None
    assert line.reason == (
        "same department (Finance), one level up, organises 12 meetings ann attends, "
        "12 interactions together"
    )


def test_peers_with_an_explicit_manager_suggest_the_same_manager() -> None:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("lead_a", S.MANAGER, D.SALES),
        ("lead_b", S.MANAGER, D.SALES),
        ("rep_1", S.INDIVIDUAL_CONTRIBUTOR, D.SALES),
        ("rep_2", S.INDIVIDUAL_CONTRIBUTOR, D.SALES),
        ("rep_3", S.INDIVIDUAL_CONTRIBUTOR, D.SALES),
    )
    G.add_edge("rep_1", "lead_b", reports_to=True)
    G.add_edge("rep_2", "lead_b", reports_to=True)

    chart = infer_org_chart(G)

    assert manager_of(chart, "rep_3") == "lead_b"
    line = chart.positions["rep_3"].line
    assert line is not None and "manages 100% of the peers with a known line" in line.reason
