"""The chart as a whole: explicit lines, cycles, tops, levels and precise errors."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from algorithms.org_chart import OrgChartParameters, infer_org_chart
from schema.enums import Department, LineSource, Seniority
from tests.algorithms.org_chart.org_graphs import FINANCE, acyclic, manager_of, org

S, D = Seniority, Department


def test_explicit_lines_are_kept_whatever_the_signals_say() -> None:
    G = FINANCE.copy()
    G.add_edge("accountant", "sales_mgr", reports_to=True)
    G.add_edge("accountant", "fin_mgr", organised=20, copied=10, interactions=30)

    line = infer_org_chart(G).positions["accountant"].line

    assert line is not None
    assert (line.manager, line.kind, line.confidence) == ("sales_mgr", LineSource.EXPLICIT, 1.0)


def test_the_latest_explicit_line_wins() -> None:
    from datetime import date

    G = FINANCE.copy()
    G.add_edge("accountant", "sales_mgr", reports_to=True, valid_from=date(2020, 1, 1))
    G.add_edge("accountant", "fin_mgr", reports_to=True, valid_from=date(2024, 1, 1))

    line = infer_org_chart(G).positions["accountant"].line

    assert line is not None and line.manager == "fin_mgr"
    assert line.valid_from == date(2024, 1, 1)


def test_an_explicit_cycle_is_broken_and_nothing_inferred_closes_one() -> None:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("a", S.UNKNOWN, None),
        ("b", S.UNKNOWN, None),
        ("c", S.MANAGER, D.SALES),
    )
    G.add_edge("a", "b", reports_to=True)
    G.add_edge("b", "a", reports_to=True)
    G.add_edge("c", "a", interactions=40)
    G.add_edge("a", "c", interactions=40)

    chart = infer_org_chart(G)

    assert acyclic(chart)
    explicit = [
        uid for uid, p in chart.positions.items() if p.line and p.line.kind is LineSource.EXPLICIT
    ]
    assert len(explicit) == 1


def test_people_of_unknown_seniority_never_end_up_in_a_cycle() -> None:
    G = org(*((f"u{i}", S.UNKNOWN, D.OPERATIONS) for i in range(6)))
    for i in range(6):
        G.add_edge(f"u{i}", f"u{(i + 1) % 6}", interactions=5)
        G.add_edge(f"u{(i + 1) % 6}", f"u{i}", interactions=5)

    chart = infer_org_chart(G)

    assert acyclic(chart)
    assert len(chart.roots) >= 1


def test_levels_roots_and_spans_follow_the_lines() -> None:
    chart = infer_org_chart(FINANCE)

    assert chart.roots == ("ceo",)
    assert chart.levels == 4
    assert [chart.positions[u].level for u in ("ceo", "cfo", "fin_mgr", "accountant")] == [
        0,
        1,
        2,
        3,
    ]
    assert chart.positions["ceo"].direct_reports == 2
    assert chart.positions["ceo"].team_size == 5
    assert chart.positions["cfo"].team_size == 2


def test_min_confidence_leaves_weak_inferred_lines_out() -> None:
    G = org(
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("mgr_a", S.MANAGER, D.ENGINEERING),
        ("mgr_b", S.MANAGER, D.ENGINEERING),
        ("dev", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
    )
    weak = infer_org_chart(G).positions["dev"].line
    assert weak is not None and weak.confidence < 0.5

    chart = infer_org_chart(G, min_confidence=0.5)

    assert chart.positions["dev"].line is None
    assert "dev" in chart.roots and chart.roots[0] == "ceo"


def test_a_top_without_title_in_the_executive_department_is_still_the_top() -> None:
    G = org(
        ("boss", S.UNKNOWN, D.EXECUTIVE),
        ("cto", S.C_LEVEL, D.ENGINEERING),
        ("dev", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
    )

    chart = infer_org_chart(G)

    assert chart.roots == ("boss",)
    assert manager_of(chart, "cto") == "boss"


def test_a_chair_sits_above_the_chief_executive() -> None:
    G = org(
        ("chair", S.BOARD, D.EXECUTIVE),
        ("president", S.C_LEVEL, D.EXECUTIVE),
        ("cfo", S.C_LEVEL, D.FINANCE),
    )
    G.add_edge("cfo", "president", interactions=10)

    chart = infer_org_chart(G)

    assert chart.roots == ("chair",)
    assert manager_of(chart, "president") == "chair"
    assert manager_of(chart, "cfo") == "president"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"min_confidence": 1.5}, "min_confidence"), ({"min_confidence": -0.1}, "min_confidence")],
)
def test_bad_arguments_raise(kwargs: dict[str, Any], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        infer_org_chart(FINANCE, **kwargs)


def test_a_person_without_company_raises() -> None:
    G = FINANCE.copy()
    G.add_node("stray", seniority=S.MANAGER)
    with pytest.raises(ValueError, match="no company"):
        infer_org_chart(G)


def test_the_input_graph_is_not_changed() -> None:
    G = FINANCE.copy()
    G.add_edge("accountant", "fin_mgr", organised=3)
    before = (dict(G.nodes(data=True)), list(G.edges(data=True)))

    infer_org_chart(G)

    assert (dict(G.nodes(data=True)), list(G.edges(data=True))) == before


def test_parameters_are_checked() -> None:
    with pytest.raises(ValueError):
        OrgChartParameters(gap_weights=())
    with pytest.raises(ValueError):
        OrgChartParameters(mid_size=50, large_size=40)
    with pytest.raises(ValueError, match="subsidiary_head_confidence"):
        OrgChartParameters(subsidiary_head_confidence=0.0)


def test_an_empty_graph_gives_an_empty_chart() -> None:
    chart = infer_org_chart(nx.DiGraph())

    assert (chart.positions, chart.roots, chart.empty_seats, chart.levels) == ({}, (), (), 0)
