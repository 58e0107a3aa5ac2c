"""Small hand-built organisations whose org chart is plain to see, and how to read a chart."""

from __future__ import annotations

import networkx as nx

from algorithms.org_chart import OrgChart
from schema.enums import Department, Seniority

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
