"""An organisation's reports-to chart: explicit lines kept, missing lines inferred.

The input is a directed graph of the people employed by one or more companies on one date
(``api.services.org_graph.org_graph`` builds it). Each node carries ``company`` (uid), ``seniority``
(:class:`~schema.enums.Seniority`), ``department`` (:class:`~schema.enums.Department` or
None), and optionally ``name`` and ``title``. An edge ``u -> v`` carries what is known of
``u`` towards ``v``, every attribute optional:

* ``reports_to``: True when an explicit line says ``u`` reports to ``v`` (its
  ``valid_from`` and ``valid_to`` are kept on the answer);
* ``organised``: meetings ``v`` organised that ``u`` attended;
* ``copied``: mails ``u`` sent or received with ``v`` on copy;
* ``interactions``: interactions both took part in; ``strength``: their KNOWS strength.

**Method.** Explicit lines are kept (one per person, the latest; a line that would close a
cycle is left out). Each company's top is its most senior person without a manager in the
company (the executive department, then explicit reports, then interaction volume break
ties). Then, from the most senior down, every other person without a line gets one:

1. *Candidates* are the company's more senior people (levels: individual contributor <
   manager < director < VP or head < C-level < board or chair), the top, and an
   executive of the same level over another department. A person of unknown seniority is
   placed as C-level when in the executive department, else above their explicit reports.
   Nobody from the person's own reporting tree is a candidate, so no cycle can appear.
2. *Prior*: ``gap_weights[g - 1]`` for a candidate ``g`` occupied levels up (levels of
   the person's department plus the top's), times ``department_weights`` (same
   department, the top or an executive, unknown, another department), times
   ``head_to_top`` when a department's head meets an executive, times ``1 +
   sibling_weight * s`` where ``s`` is the share of the person's peers (same department
   and level, explicit line) who report to the candidate.
3. *Evidence*: ``E = organised_weight * organised + copied_weight * copied +
   interaction_weight * interactions + strength_weight * strength``.
4. ``score = prior * (evidence_floor + E)``; the best candidate wins, with *confidence*
   its share of all the candidates' scores, and a reason naming the signals.

**Groups.** Given ``parents`` (a company -> the company it is a subsidiary of), the chart
is one for the whole group: each subsidiary's top without a line of its own hangs under the
top of its parent company (or, when the parent has no people, of the nearest company above
it that has) by an inferred line of confidence ``subsidiary_head_confidence`` and a reason
naming both companies. An explicit line from the subsidiary's top to someone else in the
group wins; a subsidiary without people adds nothing; the lines inside each company are
inferred as for a company alone. When every company has people, the chart has one root.

**Empty seats.** A company of ``mid_size`` people or more that has department heads
(someone besides the top at director level or above) is expected to have a CFO and a CTO
when it has finance or engineering staff; one of ``large_size`` or more whose chart has
five levels or more, a chief for every function it staffs (CFO, CTO, COO, CMO, CRO, CHRO,
General Counsel, CIO), except that companies writing titles in Chinese usually head sales,
HR and legal with a VP (副总裁), which fills those. A seat is empty when nobody that senior
works in the department, and nobody without a title reporting to the top may head it. In
the companies expected to have chiefs, a department of two or more people, all titled and
none at director level or above, has an empty head seat.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import networkx as nx

from algorithms.org_chart.group import ancestors, group_lines
from algorithms.org_chart.inference import chain_above, infer_company_lines, reporting_tree
from algorithms.org_chart.seats import empty_seats
from algorithms.org_chart.types import (
    ChartPosition,
    EmptySeat,
    ManagerLine,
    Member,
    OrgChart,
    OrgChartParameters,
    read_members,
)
from schema.enums import Department, LineSource

__all__ = ["DEFAULT_PARAMETERS", "infer_org_chart"]

DEFAULT_PARAMETERS = OrgChartParameters()
_NONE: Mapping[str, str] = MappingProxyType({})
_BOARD, _C_LEVEL = 0, 1


def infer_org_chart(
    G: nx.DiGraph,
    *,
    min_confidence: float = 0.0,
    parameters: OrgChartParameters = DEFAULT_PARAMETERS,
    parents: Mapping[str, str] = _NONE,
    company_names: Mapping[str, str] = _NONE,
) -> OrgChart:
    """Return the org chart of the people in ``G``: explicit lines plus inferred ones.

    Parameters
    ----------
    G : networkx.DiGraph
        People and what is known between them, as the module docstring describes.
    min_confidence : float, optional
        Inferred lines below this confidence are left out (their people become roots).
    parameters : OrgChartParameters, optional
        Weights of the inference, the company sizes that expect seats and the confidence
        of a subsidiary's top under its parent's.
    parents : Mapping[str, str], optional
        The company each company is a subsidiary of (uids); given, the chart is one for
        the group (see *Groups* above). Empty by default: one chart per company.
    company_names : Mapping[str, str], optional
        Company names for the reasons of group lines (the uid when missing).

    Returns
    -------
    OrgChart
        A position per person, the roots (the tops first, the group's own top before its
        subsidiaries'), the empty seats and the number of levels.

    Raises
    ------
    ValueError
        If a node has no ``company`` or ``min_confidence`` is outside 0..1.

    Examples
    --------
    >>> from schema.enums import Department as D, Seniority as S
    >>> G = nx.DiGraph()
    >>> G.add_node("ceo", company="c", seniority=S.C_LEVEL, department=D.EXECUTIVE)
    >>> G.add_node("cfo", company="c", seniority=S.C_LEVEL, department=D.FINANCE)
    >>> G.add_node("acct", company="c", seniority=S.INDIVIDUAL_CONTRIBUTOR,
    ...            department=D.FINANCE, name="Ann Lee")
    >>> G.add_edge("cfo", "ceo", reports_to=True)
    >>> G.add_edge("acct", "cfo", organised=4)
    >>> chart = infer_org_chart(G)
    >>> chart.roots, chart.positions["acct"].line.manager, chart.levels
    (('ceo',), 'cfo', 3)
    >>> chart.positions["acct"].line.reason
    'same department (Finance), one level up, organises 4 meetings Ann attends'
    >>> chart.positions["ceo"].team_size, chart.positions["ceo"].direct_reports
    (2, 1)

    A subsidiary's managing director hangs under the parent's top:

    >>> G.add_node("md", company="sub", seniority=S.C_LEVEL, department=D.EXECUTIVE)
    >>> group = infer_org_chart(
    ...     G, parents={"sub": "c"}, company_names={"c": "Acme Inc", "sub": "Acme GmbH"}
    ... )
    >>> line = group.positions["md"].line
    >>> group.roots, line.manager, line.confidence, group.levels
    (('ceo',), 'ceo', 0.6, 3)
    >>> line.reason
    'heads Acme GmbH, a subsidiary of Acme Inc; reports to its top by the group structure'
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError("min_confidence must be within 0..1")
    members = read_members(G)
    lines = _explicit_lines(G)
    by_company: dict[str, list[Member]] = defaultdict(list)
    for member in members.values():
        by_company[member.company].append(member)
    tops: dict[str, str] = {}
    seats: list[EmptySeat] = []
    for company in sorted(by_company, key=lambda c: (len(ancestors(c, parents)), c)):
        staff = sorted(by_company[company], key=lambda m: m.uid)
        top = _top(G, staff, _within_company(lines, members))
        tops[company] = top.uid
        infer_company_lines(G, staff, top, lines, parameters)
        seats.extend(empty_seats(company, staff, top, lines, parameters))
    group_lines(tops, lines, parents, company_names, parameters)
    kept = {
        uid: line
        for uid, line in lines.items()
        if line.kind is LineSource.EXPLICIT or line.confidence >= min_confidence
    }
    return _assemble(members, kept, list(tops.values()), seats)


def _explicit_lines(G: nx.DiGraph) -> dict[str, ManagerLine]:
    """One explicit line per person (the latest), leaving out a line that closes a cycle."""
    chosen: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if not data.get("reports_to") or u == v:
            continue
        current = chosen.get(u)
        since = data.get("valid_from") or date.min
        if current is None or since > (current[1].get("valid_from") or date.min):
            chosen[u] = (v, data)
    lines: dict[str, ManagerLine] = {}
    for person in sorted(chosen):
        manager, data = chosen[person]
        if person in chain_above(lines, manager):
            continue
        lines[person] = ManagerLine(
            manager=manager,
            kind=LineSource.EXPLICIT,
            confidence=1.0,
            reason="explicit reports-to line",
            valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"),
        )
    return lines


def _within_company(
    lines: Mapping[str, ManagerLine], members: Mapping[str, Member]
) -> dict[str, ManagerLine]:
    """The lines to a manager of the person's own company."""
    return {
        uid: line
        for uid, line in lines.items()
        if members[line.manager].company == members[uid].company
    }


def _top(G: nx.DiGraph, staff: list[Member], lines: Mapping[str, ManagerLine]) -> Member:
    free = [m for m in staff if m.uid not in lines] or staff
    reports = reporting_tree(lines)

    def partners(uid: str) -> int:
        return sum(1 for _, _, d in G.out_edges(uid, data=True) if d.get("interactions"))

    executives = [
        m
        for m in free
        if m.level is not None
        and m.level <= _C_LEVEL
        and m.department is Department.EXECUTIVE
        or m.level == _BOARD
    ]
    if not executives:  # the top's title is likely missing: whoever works with most people
        pool = [m for m in free if m.level is None or m.level <= _C_LEVEL] or free
        return max(pool, key=lambda m: (len(reports.get(m.uid, ())) + partners(m.uid), m.uid))
    return min(
        executives,
        key=lambda m: (m.level, -len(reports.get(m.uid, ())), -partners(m.uid), m.uid),
    )


def _assemble(
    members: Mapping[str, Member],
    lines: Mapping[str, ManagerLine],
    tops: list[str],
    seats: list[EmptySeat],
) -> OrgChart:
    reports = reporting_tree(lines)
    free_tops = [uid for uid in tops if uid not in lines]
    roots = free_tops + sorted(uid for uid in members if uid not in lines and uid not in tops)
    levels: dict[str, int] = {}
    team: dict[str, int] = {}
    for root in roots:
        order = _walk(root, reports, levels)
        for uid in reversed(order):  # reports before their managers
            team[uid] = sum(1 + team[r] for r in reports.get(uid, ()))
    positions = {
        uid: ChartPosition(
            person=uid,
            company=m.company,
            level=levels.get(uid, 0),
            line=lines.get(uid),
            direct_reports=len(reports.get(uid, ())),
            team_size=team.get(uid, 0),
        )
        for uid, m in members.items()
    }
    depth = 1 + max(levels.values(), default=-1)
    return OrgChart(positions=positions, roots=tuple(roots), empty_seats=tuple(seats), levels=depth)


def _walk(root: str, reports: Mapping[str, list[str]], levels: dict[str, int]) -> list[str]:
    """Pre-order walk from ``root``, recording each person's level."""
    order: list[str] = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        levels[node] = depth
        order.append(node)
        stack.extend((r, depth + 1) for r in reports.get(node, ()))
    return order
