"""The graphs the org algorithms take, built from the typed reads of graph/.

:func:`org_graph` turns an :class:`~schema.reading.org.OrgProjection` into the directed graph
:func:`algorithms.org_chart.infer_org_chart` and
:func:`algorithms.decision_makers.rank_decision_makers` read; :func:`colleague_graph` turns
:class:`~schema.reading.org.ColleaguePaths` into the undirected graph
:func:`algorithms.buying_committee.buying_committee` reads. Both are pure and cheap (linear
in the records), so the services build them in the threadpool next to the algorithm.
"""

from __future__ import annotations

import networkx as nx

from schema.reading.org import ColleaguePaths, OrgProjection

__all__ = ["colleague_graph", "org_graph"]


def org_graph(projection: OrgProjection) -> nx.DiGraph:
    """The projection's people as nodes and what is known between them as edges.

    Nodes (by uid, in order) carry ``company``, ``name``, ``title``, ``department_text``,
    ``department``, ``seniority`` and ``colleague``. An edge ``u -> v`` carries
    ``reports_to`` (with ``valid_from`` and ``valid_to``) for an explicit line,
    ``interactions`` (and, when any, ``meetings``, ``organised`` and ``copied``) for an
    interaction pattern, and ``strength`` for a KNOWS tie (added both ways).

    Examples
    --------
    >>> from datetime import date
    >>> from schema.enums import Seniority
    >>> from schema.reading.org import FamilyCompany, KnowsTie, OrgPerson, ReportingLine
    >>> def person(uid: str) -> OrgPerson:
    ...     return OrgPerson(uid=uid, company="c", name=uid, title=None, department_text=None,
    ...                      department=None, seniority=Seniority.UNKNOWN, colleague=False)
    >>> G = org_graph(OrgProjection(
    ...     company_uid="c", family=(FamilyCompany(uid="c", name="C"),), as_of=date(2025, 1, 1),
    ...     people=(person("a"), person("b")),
    ...     lines=(ReportingLine(person="a", manager="b", valid_from=None, valid_to=None),),
    ...     ties=(KnowsTie(a="a", b="b", strength=0.5),), affiliates=(), truncated=False))
    >>> G.edges["a", "b"]["reports_to"], G.edges["b", "a"]["strength"]
    (True, 0.5)
    """
    G = nx.DiGraph()
    for p in projection.people:
        G.add_node(
            p.uid,
            company=p.company,
            name=p.name,
            title=p.title,
            department_text=p.department_text,
            department=p.department,
            seniority=p.seniority,
            colleague=p.colleague,
        )
    for line in projection.lines:
        G.add_edge(
            line.person,
            line.manager,
            reports_to=True,
            valid_from=line.valid_from,
            valid_to=line.valid_to,
        )
    for i in projection.interactions:
        counts = {"meetings": i.meetings, "organised": i.organised, "copied": i.copied}
        G.add_edge(i.a, i.b, interactions=i.interactions, **{k: n for k, n in counts.items() if n})
    for tie in projection.ties:
        G.add_edge(tie.a, tie.b, strength=tie.strength)
        G.add_edge(tie.b, tie.a, strength=tie.strength)
    return G


def colleague_graph(found: ColleaguePaths) -> nx.Graph:
    """The colleagues' paths as a graph: ``strength`` on edges, ``colleague`` true on
    colleagues (false on the targets that are not), every target a node.

    Examples
    --------
    >>> from schema.reading.org import ColleaguePath
    >>> G = colleague_graph(ColleaguePaths(targets=("cfo", "cto"), paths=(
    ...     ColleaguePath(target="cfo", colleague="me", via="ceo", strength=0.6,
    ...                   via_strength=0.5),)))
    >>> G.nodes["me"]["colleague"], G.edges["ceo", "cfo"]["strength"], G.degree("cto")
    (True, 0.5, 0)
    """
    G = nx.Graph()
    G.add_nodes_from(found.targets, colleague=False)
    for path in found.paths:
        G.add_node(path.colleague, colleague=True)
        if path.via is None:
            G.add_edge(path.colleague, path.target, strength=path.strength)
        else:
            G.add_edge(path.colleague, path.via, strength=path.strength)
            G.add_edge(path.via, path.target, strength=path.via_strength)
    return G
