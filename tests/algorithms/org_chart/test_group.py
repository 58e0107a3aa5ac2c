"""One chart for a group: each subsidiary's top under its parent company's top."""

from __future__ import annotations

from typing import Any

import networkx as nx

from algorithms.org_chart import OrgChart, OrgChartParameters, infer_org_chart
from schema.enums import Department, LineSource, Seniority
from tests.algorithms.org_chart.org_graphs import FINANCE, acyclic, manager_of, org

S, D = Seniority, Department


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
