"""``relgraph decision-makers COMPANY``: an account's people ranked by how much they decide.

The table shows each person's rank, score, name and title, and why: the terms of the score
that count (title seniority, place in the org chart, span of control, influence, deal
roles), each with its contribution and explanation. The ranking is the GraphQL
``decisionMakers`` answer (:meth:`api.services.org.OrgService.decision_makers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from algorithms.decision_makers import DecisionMaker
from api.cli.console import console
from api.cli.intel.resolve import Resolved, Unresolved
from api.cli.intel.session import answer, company_of, day_of
from api.graphql.context import Context
from api.services.org import MAX_DECISION_MAKERS, DecisionMakersAnswer

__all__ = ["Ranking", "decision_makers", "ranking_table", "why"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Ranking:
    """The account and its ranking."""

    account: Resolved
    answer: DecisionMakersAnswer


async def _ranking(context: Context, company: str, *, limit: int, as_of: date | None) -> Ranking:
    account = await company_of(context, company)
    found = await context.org.decision_makers(account.uid, limit=limit, as_of=as_of)
    if found is None:
        raise Unresolved(f"No company has the id {account.uid!r}.")
    return Ranking(account=account, answer=found)


def why(ranked: DecisionMaker, *, verbose: bool = False) -> Text:
    """The terms behind a score, largest contribution first, each as ``+contribution name:
    explanation``; unless ``verbose``, the terms adding nothing are left out and each
    explanation stops before its gloss (what follows a colon)."""
    terms = sorted(ranked.terms, key=lambda t: -t.contribution)
    text = Text()
    for term in terms:
        if term.contribution <= 0 and not verbose:
            continue
        if text:
            text += "\n"
        text += Text(f"+{term.contribution:.2f} {term.name}: ", style="cyan")
        text += Text(term.explanation if verbose else term.explanation.split(": ")[0])
    return text or Text("nothing sets them apart", style="dim")


def ranking_table(ranking: Ranking, *, verbose: bool = False) -> Table:
    """The ranking as a table: rank, score, name, title, why."""
    found = ranking.answer
    table = Table(
        title=f"Decision-makers at {ranking.account.name} on {found.as_of.isoformat()}",
        show_lines=True,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("name", overflow="fold")
    table.add_column("title", overflow="fold")
    table.add_column("why", overflow="fold", ratio=2)
    for ranked in found.ranked:
        person = found.people[ranked.person]
        table.add_row(
            str(ranked.rank),
            f"{ranked.score:.2f}",
            Text(person.name, style="bold"),
            Text(person.title or "-"),
            why(ranked, verbose=verbose),
        )
    return table


def decision_makers(
    company: Annotated[str, typer.Argument(help="The account: a name, a uid or a global id.")],
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_DECISION_MAKERS, help="Show the best N people.")
    ] = 10,
    as_of: Annotated[
        datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="Rank as on this day (default today)."),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Every term, in full (also those adding nothing)."),
    ] = False,
) -> None:
    """COMPANY's people ranked by how much they decide, each with why (the score's terms)."""
    ranking = answer(lambda context: _ranking(context, company, limit=limit, as_of=day_of(as_of)))
    if not ranking.answer.ranked:
        console.print(Text(f"{ranking.account.name} has nobody employed on that day."))
        return
    console.print(ranking_table(ranking, verbose=verbose))
