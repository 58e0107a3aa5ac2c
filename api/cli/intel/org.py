"""``relgraph org COMPANY``: an account's org chart as a tree.

Each person shows their name, title, level and span of control (direct reports, and everyone
below when that differs). An explicit reports-to line is drawn plain; an inferred one is
marked ``~`` with its confidence and reason. Empty seats (expected roles nobody holds) hang
under their company's top; board members, advisors and investors follow the tree. The chart
is the GraphQL ``orgChart`` answer (:meth:`api.services.org.OrgService.org_chart`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

import typer
from rich.text import Text
from rich.tree import Tree

from algorithms.org_chart import ChartPosition, EmptySeat, OrgChart, department_label
from api.cli.console import console
from api.cli.intel.resolve import Unresolved
from api.cli.intel.session import answer, company_of, day_of
from api.graphql.context import Context
from api.services.org import OrgChartAnswer
from schema.enums import LineSource
from schema.model import Employment
from schema.reading.org import OrgPerson

__all__ = ["OrgView", "org", "org_tree", "summary"]


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgView:
    """An org chart and the names it needs: the affiliates' (board, advisors, investors)."""

    answer: OrgChartAnswer
    affiliate_names: Mapping[str, str]
    min_confidence: float


async def _view(
    context: Context,
    company: str,
    *,
    as_of: date | None,
    subsidiaries: bool,
    min_confidence: float,
) -> OrgView:
    account = await company_of(context, company)
    found = await context.org.org_chart(
        account.uid, as_of=as_of, include_subsidiaries=subsidiaries, min_confidence=min_confidence
    )
    if found is None:
        raise Unresolved(f"No company has the id {account.uid!r}.")
    names: dict[str, str] = {}
    for e in found.projection.affiliates:
        if (p := await context.loaders.person.load(e.person_uid)) is not None:
            names[e.person_uid] = p.full_name
    return OrgView(answer=found, affiliate_names=names, min_confidence=min_confidence)


def _span(position: ChartPosition) -> str:
    if not position.direct_reports:
        return ""
    span = f" · {position.direct_reports} direct"
    if position.team_size > position.direct_reports:
        span += f", {position.team_size} in all"
    return span


def _label(
    position: ChartPosition, person: OrgPerson, *, employer: str | None, verbose: bool
) -> Text:
    line = position.line
    inferred = line is not None and line.kind is LineSource.INFERRED
    label = Text("~ ", style="yellow") if inferred else Text()
    label += Text(person.name, style="bold")
    if person.title:
        label += Text(f"  {person.title}")
    if employer:
        label += Text(f" @ {employer}", style="magenta")
    label += Text(f" · L{position.level}{_span(position)}", style="dim")
    if inferred and line is not None:
        reason = line.reason if verbose else line.reason.split(", ")[0]
        label += Text(f"  inferred {line.confidence:.2f}: {reason}", style="yellow italic")
    return label


def _seat(seat: EmptySeat) -> Text:
    kind = "seat" if seat.chief else f"head of {department_label(seat.department)}"
    return Text(f"□ empty {kind}: {seat.seat}", style="red") + Text(
        f"  ({seat.reason})", style="dim"
    )


def _reports(chart: OrgChart) -> dict[str, list[str]]:
    below: dict[str, list[str]] = defaultdict(list)
    for uid, position in chart.positions.items():
        if position.line is not None and position.line.manager in chart.positions:
            below[position.line.manager].append(uid)
    return below


def _below(uid: str, below: Mapping[str, list[str]]) -> set[str]:
    """Everyone below ``uid``, however deep."""
    found: set[str] = set()
    stack = list(below.get(uid, []))
    while stack:
        if (person := stack.pop()) not in found:
            found.add(person)
            stack.extend(below.get(person, []))
    return found


def org_tree(view: OrgView, *, depth: int | None = None, verbose: bool = False) -> Tree:
    """The chart as a rich tree, tops first (each company's empty seats under its top),
    then the people nothing links to the tops, then the affiliates."""
    chart, projection = view.answer.chart, view.answer.projection
    people = projection.people_by_uid()
    names = projection.company_names
    below = _reports(chart)
    order = {uid: (p.level, people[uid].name, uid) for uid, p in chart.positions.items()}
    tree = Tree(
        Text(f"{names[projection.company_uid]}", style="bold")
        + Text(f"  org chart on {projection.as_of.isoformat()}", style="dim")
    )
    seats: dict[str, list[EmptySeat]] = defaultdict(list)
    for seat in chart.empty_seats:
        seats[seat.company].append(seat)
    shown: set[str] = set()

    def add(branch: Tree, uid: str, employer_of_above: str, level: int) -> None:
        shown.add(uid)
        position, person = chart.positions[uid], people[uid]
        employer = names.get(position.company) if position.company != employer_of_above else None
        node = branch.add(_label(position, person, employer=employer, verbose=verbose))
        for seat in seats.pop(position.company, []) if position.line is None else []:
            node.add(_seat(seat))
        children = sorted(below.get(uid, []), key=order.__getitem__)
        if depth is not None and level >= depth and children:
            folded = _below(uid, below)
            shown.update(folded)
            node.add(Text(f"… {len(folded)} more below (--depth)", style="dim"))
            return
        for child in children:
            add(node, child, position.company, level + 1)

    for root in chart.roots:
        add(tree, root, projection.company_uid, 1)
    loose = sorted((u for u in chart.positions if u not in shown), key=order.__getitem__)
    if loose:
        others = tree.add(Text("not linked to a top", style="dim"))
        for uid in loose:
            if uid not in shown:
                add(others, uid, projection.company_uid, 1)
    for company, left in seats.items():
        branch = tree.add(Text(f"{names.get(company, company)}: nobody at the top", style="dim"))
        for seat in left:
            branch.add(_seat(seat))
    if projection.affiliates:
        board = tree.add(Text("board, advisors and investors", style="dim"))
        for e in projection.affiliates:
            board.add(_affiliate(e, view.affiliate_names, names))
    return tree


def _affiliate(e: Employment, people: Mapping[str, str], companies: Mapping[str, str]) -> Text:
    role = e.role.value.replace("_", " ")
    text = Text(people.get(e.person_uid, e.person_uid), style="bold") + Text(f"  {role}")
    if e.title:
        text += Text(f" ({e.title})")
    return text + Text(f" @ {companies.get(e.company_uid, e.company_uid)}", style="magenta")


def summary(view: OrgView) -> str:
    """One line: people, levels, lines by kind, empty seats, companies, truncation."""
    chart, projection = view.answer.chart, view.answer.projection
    lines = [p.line for p in chart.positions.values() if p.line is not None]
    inferred = sum(1 for line in lines if line.kind is LineSource.INFERRED)
    floor = f" (at least {view.min_confidence:.2f})" if view.min_confidence else ""
    parts = [
        f"{len(chart.positions)} people on {chart.levels} levels",
        f"{len(lines) - inferred} explicit lines, {inferred} inferred{floor}",
        f"{len(chart.empty_seats)} empty seats",
    ]
    if len(projection.family) > 1:
        parts.append(f"{len(projection.family)} companies")
    if projection.affiliates:
        n = len(projection.affiliates)
        parts.append(
            "1 board member, advisor or investor"
            if n == 1
            else f"{n} board members, advisors and investors"
        )
    if projection.truncated:
        parts.append("TRUNCATED: the account is larger than one chart reads")
    return "; ".join(parts) + "."


def org(
    company: Annotated[str, typer.Argument(help="The account: a name, a uid or a global id.")],
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of", formats=["%Y-%m-%d"], help="The chart on this day (default today)."
        ),
    ] = None,
    subsidiaries: Annotated[
        bool, typer.Option("--subsidiaries", help="The whole corporate family as one chart.")
    ] = False,
    min_confidence: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Leave out inferred lines below this.")
    ] = 0.0,
    depth: Annotated[
        int | None, typer.Option(min=1, help="Show this many levels of the tree (default all).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Every reason of an inferred line.")
    ] = False,
) -> None:
    """The org chart of COMPANY as a tree: levels, span of control, inferred lines (~), seats."""
    view = answer(
        lambda context: _view(
            context,
            company,
            as_of=day_of(as_of),
            subsidiaries=subsidiaries,
            min_confidence=min_confidence,
        )
    )
    console.print(org_tree(view, depth=depth, verbose=verbose))
    console.print(summary(view))
