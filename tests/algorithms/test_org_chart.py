"""Org chart inference on small hand-built organisations whose answer is plain to see."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from algorithms.org_chart import OrgChart, OrgChartParameters, infer_org_chart
from schema.enums import Department, LineSource, Seniority

S, D = Seniority, Department


def org(*people: tuple[str, Seniority, Department | None], company: str = "acme") -> nx.DiGraph:
    G = nx.DiGraph()
    for uid, seniority, department in people:
        G.add_node(uid, company=company, seniority=seniority, department=department, name=uid)
    return G


def staff(G: nx.DiGraph, prefix: str, n: int, seniority: Seniority, dept: Department) -> None:
    for i in range(n):
        G.add_node(f"{prefix}{i}", company="acme", seniority=seniority, department=dept)


def manager_of(chart: OrgChart, uid: str) -> str | None:
    line = chart.positions[uid].line
    return line.manager if line is not None else None


def acyclic(chart: OrgChart) -> bool:
    T = nx.DiGraph(
        (uid, p.line.manager) for uid, p in chart.positions.items() if p.line is not None
    )
    return bool(nx.is_directed_acyclic_graph(T))


FINANCE = org(
    ("ceo", S.C_LEVEL, D.EXECUTIVE),
    ("cfo", S.C_LEVEL, D.FINANCE),
    ("vp_sales", S.VP, D.SALES),
    ("fin_mgr", S.MANAGER, D.FINANCE),
    ("sales_mgr", S.MANAGER, D.SALES),
    ("accountant", S.INDIVIDUAL_CONTRIBUTOR, D.FINANCE),
)


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


def test_without_a_group_structure_each_company_gets_its_own_chart() -> None:
    G = nx.compose(
        FINANCE,
        org(
            ("boss", S.C_LEVEL, D.EXECUTIVE),
            ("dev", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
            company="sub",
        ),
    )
    G.add_edge("dev", "ceo", interactions=50)

    chart = infer_org_chart(G)

    assert chart.roots == ("ceo", "boss")
    assert manager_of(chart, "dev") == "boss"


GROUP_NAMES = {"acme": "Acme Inc", "eu": "Acme Europe GmbH", "de": "Acme Berlin GmbH"}


def group(*companies: str) -> nx.DiGraph:
    """Acme (CEO, CFO, accountant) and, per name given, a subsidiary with a managing
    director, an engineering manager and an engineer (``<company>_md`` and so on)."""
    G = FINANCE.copy()
    for c in companies:
        G.update(
            org(
                (f"{c}_md", S.C_LEVEL, D.EXECUTIVE),
                (f"{c}_eng", S.MANAGER, D.ENGINEERING),
                (f"{c}_dev", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
                company=c,
            )
        )
    return G


def group_chart(G: nx.DiGraph, parents: dict[str, str], **kwargs: Any) -> OrgChart:
    return infer_org_chart(G, parents=parents, company_names=GROUP_NAMES, **kwargs)


def test_a_subsidiarys_top_reports_to_its_parents_top_by_the_group_structure() -> None:
    chart = group_chart(group("eu"), {"eu": "acme"})

    line = chart.positions["eu_md"].line
    assert line is not None and line.manager == "ceo"
    assert (line.kind, line.confidence) == (LineSource.INFERRED, 0.6)
    assert line.reason == (
        "heads Acme Europe GmbH, a subsidiary of Acme Inc; "
        "reports to its top by the group structure"
    )
    assert chart.roots == ("ceo",)
    assert [chart.positions[u].level for u in ("eu_md", "eu_eng", "eu_dev")] == [1, 2, 3]
    assert chart.levels == 4
    ceo = chart.positions["ceo"]
    assert (ceo.direct_reports, ceo.team_size) == (3, 5 + 3)


def test_the_subsidiary_head_confidence_is_a_parameter_and_min_confidence_applies() -> None:
    G = group("eu")
    doubtful = OrgChartParameters(subsidiary_head_confidence=0.3)

    line = group_chart(G, {"eu": "acme"}, parameters=doubtful).positions["eu_md"].line
    chart = group_chart(G, {"eu": "acme"}, parameters=doubtful, min_confidence=0.5)

    assert line is not None and line.confidence == 0.3
    assert chart.positions["eu_md"].line is None
    assert chart.roots[:2] == ("ceo", "eu_md")


def test_an_explicit_line_into_the_parent_company_wins() -> None:
    G = group("eu")
    G.add_edge("eu_md", "cfo", reports_to=True)

    chart = group_chart(G, {"eu": "acme"})

    line = chart.positions["eu_md"].line
    assert line is not None and (line.manager, line.kind) == ("cfo", LineSource.EXPLICIT)
    assert manager_of(chart, "eu_eng") == "eu_md"  # still the subsidiary's top
    assert chart.roots == ("ceo",)
    assert chart.positions["cfo"].team_size == 2 + 3


def test_a_subsidiary_without_people_adds_nothing() -> None:
    G = group("eu")
    alone = group_chart(G, {"eu": "acme"})

    chart = group_chart(G, {"eu": "acme", "empty": "acme", "acme": "holding"})

    assert chart == alone


def test_below_a_subsidiary_without_people_the_top_hangs_under_the_next_company_up() -> None:
    chart = group_chart(group("de"), {"de": "eu", "eu": "acme"})

    line = chart.positions["de_md"].line
    assert line is not None and line.manager == "ceo" and line.confidence == 0.6
    assert line.reason == (
        "heads Acme Berlin GmbH, a subsidiary of Acme Europe GmbH, which has no people on "
        "record; reports to the top of Acme Inc, next up the group structure"
    )
    assert chart.roots == ("ceo",)


def test_a_subsidiary_of_a_subsidiary_hangs_under_its_own_parents_top() -> None:
    chart = group_chart(group("eu", "de"), {"de": "eu", "eu": "acme"})

    assert manager_of(chart, "de_md") == "eu_md"
    assert manager_of(chart, "eu_md") == "ceo"
    assert chart.roots == ("ceo",)
    assert chart.levels == 5
    assert chart.positions["eu_md"].team_size == 2 + 3


def test_a_subsidiarys_own_lines_are_unchanged_in_the_group_chart() -> None:
    G = group("eu")
    G.add_edge("eu_dev", "eu_eng", organised=2)
    sub = G.subgraph(n for n, c in G.nodes(data="company") if c == "eu")

    alone = infer_org_chart(sub)
    chart = group_chart(G, {"eu": "acme"})

    for uid in ("eu_eng", "eu_dev"):
        assert chart.positions[uid].line == alone.positions[uid].line
    assert alone.roots == ("eu_md",)
    assert chart.empty_seats == infer_org_chart(FINANCE).empty_seats + alone.empty_seats


def test_a_group_line_never_closes_a_cycle() -> None:
    G = group("eu")
    G.add_edge("ceo", "eu_md", reports_to=True)  # odd data: the parent's top under the sub's

    chart = group_chart(G, {"eu": "acme"})

    assert chart.positions["eu_md"].line is None
    assert manager_of(chart, "ceo") == "eu_md"
    assert chart.roots == ("eu_md",)
    assert acyclic(chart)


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
