"""``relgraph paths FROM TO``: the best warm-introduction paths, each hop with its evidence.

FROM is ``team`` (or ``me``, ``us``: the home team, everyone of ours), one person, or the home
company; TO is a person or a company (its current employees, weighted by seniority). Each
path is printed as a chain of people, then hop by hop: the two people, the hop's strength
and every piece of evidence behind it (shared interactions, stated relationships, time
worked together). The search is the GraphQL ``referralPaths`` answer
(:meth:`api.services.referrals.ReferralService.paths`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.text import Text
from rich.tree import Tree

from algorithms.tie_evidence import Evidence
from api.cli.console import console
from api.cli.intel.resolve import Resolved, Unresolved, resolve
from api.cli.intel.session import answer
from api.graphql.context import Context
from api.graphql.referrals import explain_evidence
from api.services.referrals import (
    MAX_HOPS,
    MAX_K,
    ExplainedRoute,
    NoReferralPath,
    ReferralAnswer,
)
from schema.enums import IntroducerKind, Label

__all__ = ["TEAM", "Search", "paths", "print_search"]

TEAM = frozenset({"team", "me", "us"})
"""FROM words meaning the home team."""
_PEOPLE_OR_COMPANIES = {Label.PERSON, Label.COMPANY}


@dataclass(frozen=True, slots=True, kw_only=True)
class Search:
    """What was asked, what was found, and the names and titles of everyone shown."""

    source: Resolved | None
    target: Resolved
    max_hops: int
    found: ReferralAnswer | NoReferralPath
    people: Mapping[str, tuple[str, str | None]]
    companies: Mapping[str, str]


async def _names(
    context: Context, found: ReferralAnswer | NoReferralPath
) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    if isinstance(found, NoReferralPath):
        return {}, {}
    uids = sorted({uid for route in found.paths for uid in route.people})
    people = {
        uid: (p.full_name, p.title)
        for uid, p in zip(uids, await context.loaders.person.load_many(uids), strict=True)
        if p is not None
    }
    company_uids = sorted(
        {e.company for r in found.paths for h in r.hops for e in h.evidence if e.company}
    )
    loaded = await context.loaders.company.load_many(company_uids)
    companies = {c.uid: c.name for c in loaded if c is not None}
    return people, companies


async def _search(
    context: Context,
    source: str,
    target: str,
    *,
    k: int,
    max_hops: int,
    exclude: Sequence[str],
    introducers: IntroducerKind,
) -> Search:
    start = None
    if source.strip().casefold() not in TEAM:
        start = await resolve(context, source, _PEOPLE_OR_COMPANIES, argument="FROM")
    end = await resolve(context, target, _PEOPLE_OR_COMPANIES, argument="TO")
    left_out = [
        await resolve(context, e, _PEOPLE_OR_COMPANIES, argument="--exclude") for e in exclude
    ]
    found = await context.referrals.paths(
        source=(start.label.value, start.uid) if start is not None else None,
        target=(end.label.value, end.uid),
        k=k,
        max_hops=max_hops,
        exclude_people=[r.uid for r in left_out if r.label is Label.PERSON],
        exclude_companies=[r.uid for r in left_out if r.label is Label.COMPANY],
        introducers=introducers,
    )
    if not isinstance(found, ReferralAnswer | NoReferralPath):
        raise Unresolved(f"{found.field}: {found.message}")
    people, companies = await _names(context, found)
    return Search(
        source=start,
        target=end,
        max_hops=max_hops,
        found=found,
        people=people,
        companies=companies,
    )


def _who(search: Search, uid: str, *, title: bool = False) -> Text:
    name, job = search.people.get(uid, (uid, None))
    text = Text(name, style="bold")
    return text + Text(f" ({job})", style="dim") if title and job else text


def _evidence(e: Evidence, companies: Mapping[str, str]) -> Text:
    text = Text(f"{e.kind.value.replace('_', ' ')}: ", style="cyan") + Text(explain_evidence(e))
    if e.company:
        text += Text(f" ({companies.get(e.company, e.company)})", style="magenta")
    return text


def _route(search: Search, number: int, route: ExplainedRoute, *, company: bool) -> Tree:
    chain = Text(f"{number}. ", style="bold") + Text(f"score {route.score:.2f}  ")
    for i, uid in enumerate(route.people):
        chain += (Text(" → ") if i else Text()) + _who(search, uid)
    if company:
        chain += Text(f"  (target weight {route.target_weight:.2f})", style="dim")
    tree = Tree(chain)
    for hop in route.hops:
        branch = tree.add(
            _who(search, hop.from_uid, title=True)
            + Text(f" ─ {hop.strength:.2f} ─▶ ", style="green")
            + _who(search, hop.to_uid, title=True)
        )
        for e in hop.evidence:
            branch.add(_evidence(e, search.companies))
    return tree


def _hops(n: int) -> str:
    return "1 hop" if n == 1 else f"{n} hops"


def _from(search: Search) -> str:
    return search.source.name if search.source is not None else "the team"


def print_search(search: Search) -> None:
    """The paths found, best first, or why there are none."""
    found, to = search.found, search.target.name
    if isinstance(found, NoReferralPath):
        line = f"No path within {_hops(search.max_hops)} from {_from(search)} to {to}"
        if found.message != f"no path of at most {found.max_hops} hops":
            line += f" ({found.message.removeprefix('no path: ')})"
        searched = f"{found.people_searched:,} people searched"
        if found.truncated:
            searched += "; the search was cut off at its size limit"
        console.print(Text(f"{line}: {searched}."))
        if search.max_hops < MAX_HOPS:
            console.print(f"Try --max-hops {search.max_hops + 1} (up to {MAX_HOPS}).")
        return
    company = search.target.label is Label.COMPANY
    head = f"Ways in from {_from(search)} to {to}" + (" (its current people)" if company else "")
    console.print(Text(head, style="bold"))
    for i, route in enumerate(found.paths, 1):
        console.print(_route(search, i, route, company=company))
    note = f" (the search was cut off at {found.nodes:,} people)" if found.truncated else ""
    count = "1 path" if len(found.paths) == 1 else f"{len(found.paths)} paths"
    console.print(
        f"{count} of at most {_hops(search.max_hops)}; searched "
        f"{found.nodes:,} people and {found.edges:,} ties{note}."
    )


def paths(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FROM", help="'team' (or 'me'): the home team; or a person, by name or id."
        ),
    ],
    target: Annotated[
        str, typer.Argument(metavar="TO", help="A person or a company, by name or id.")
    ],
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=MAX_K, help="How many paths.")] = 5,
    max_hops: Annotated[
        int, typer.Option(min=1, max=MAX_HOPS, help="The longest path, in hops.")
    ] = 4,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Never through this person or company (repeat for more)."),
    ] = None,
    introducers: Annotated[
        IntroducerKind, typer.Option(help="Who may stand between FROM and TO.")
    ] = IntroducerKind.ANY,
) -> None:
    """Warm-introduction paths from FROM to TO, each hop with its strength and evidence."""
    search = answer(
        lambda context: _search(
            context,
            source,
            target,
            k=k,
            max_hops=max_hops,
            exclude=exclude or [],
            introducers=introducers,
        )
    )
    print_search(search)
