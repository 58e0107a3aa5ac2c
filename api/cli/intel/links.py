"""``relgraph links COMPANY``: the accounts hidden links tie to an account, strongest first.

Each row is the other company, the kind of link (shared people, board members, advisors or
investors, former employees, shared domains, addresses or phones, corporate family, likely
duplicate, similar neighbourhood), its confidence and its evidence. The links are the
GraphQL ``hiddenLinks`` answer of one company
(:meth:`api.services.links.HiddenLinksService.company_links`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from algorithms.hidden_links import HiddenLink
from api.cli.console import console
from api.cli.intel.resolve import Resolved, Unresolved
from api.cli.intel.session import answer, company_of
from api.graphql.context import Context
from api.services.links import MAX_FIRST, CompanyLinks
from schema.enums import HiddenLinkKind

__all__ = ["EVIDENCE_SHOWN", "AccountLinks", "links", "links_table"]

EVIDENCE_SHOWN = 3
"""Pieces of evidence shown per link (the rest are counted)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountLinks:
    """The account, its links and the names of the companies at their other ends."""

    account: Resolved
    found: CompanyLinks
    names: Mapping[str, str]
    min_confidence: float


async def _links(
    context: Context,
    company: str,
    *,
    limit: int,
    kinds: Sequence[HiddenLinkKind],
    min_confidence: float,
) -> AccountLinks:
    account = await company_of(context, company)
    found = await context.links.company_links(
        account.uid, min_confidence=min_confidence, kinds=kinds or None, first=limit
    )
    if found is None:
        raise Unresolved(f"No company has the id {account.uid!r}.")
    others = sorted({link.other(account.uid) for link in found.links})
    loaded = await context.loaders.company.load_many(others)
    names = {c.uid: c.name for c in loaded if c is not None}
    return AccountLinks(account=account, found=found, names=names, min_confidence=min_confidence)


def _evidence(link: HiddenLink) -> Text:
    shown = [e.description for e in link.evidence[:EVIDENCE_SHOWN]]
    text = Text("\n".join(shown or [link.reason]))
    if (more := link.evidence_count - len(shown)) > 0:
        text += Text(f"\n… and {more} more", style="dim")
    return text


def links_table(links: AccountLinks) -> Table:
    """The links as a table: other company, kind, score, evidence."""
    uid = links.account.uid
    table = Table(title=f"Hidden links of {links.account.name}", show_lines=True)
    table.add_column("other company", overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("evidence", overflow="fold", ratio=2)
    for link in links.found.links:
        other = link.other(uid)
        table.add_row(
            Text(links.names.get(other, other), style="bold") + Text(f"\n{other}", style="dim"),
            link.kind.value.replace("_", " "),
            f"{link.confidence:.2f}",
            _evidence(link),
        )
    return table


def links(
    company: Annotated[str, typer.Argument(help="The account: a name, a uid or a global id.")],
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_FIRST, help="Show the strongest N links.")
    ] = 20,
    kind: Annotated[
        list[HiddenLinkKind] | None,
        typer.Option(help="Only links of this kind (repeat for more)."),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Leave out links weaker than this.")
    ] = 0.3,
) -> None:
    """The accounts hidden links tie to COMPANY: kind, score and evidence of each."""
    found = answer(
        lambda context: _links(
            context, company, limit=limit, kinds=kind or [], min_confidence=min_confidence
        )
    )
    total, shown = found.found.total, len(found.found.links)
    if not total:
        console.print(
            Text(
                f"{found.account.name} has no hidden link of confidence {min_confidence:.2f} "
                "or more."
            )
        )
        return
    console.print(links_table(found))
    more = f" (the strongest {shown}; --limit shows more)" if total > shown else ""
    console.print(
        f"{total} link{'s' if total != 1 else ''} of confidence {min_confidence:.2f} or more{more}."
    )
