"""How an intelligence command reaches the graph: the API's own services, built as a GraphQL
request builds them (:func:`api.graphql.request_context.build_context`), over one client of
the configured database (started first when it is the managed local server).

:func:`answer` runs a command's use case and turns what can go wrong into a message and an
exit status, never a traceback: Relgraph's own errors (the database unreachable, a bad
argument) as every command does (status 1, :func:`api.cli.console.fail_cleanly`); an
argument naming no record, or several, with the candidates (status 2).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import TypeVar

import typer
from rich.text import Text

from api.cli.console import errors, fail_cleanly, run
from api.cli.db import ensure_database
from api.cli.intel.resolve import Resolved, Unresolved, resolve
from api.config import ApiSettings
from api.graphql.context import Context
from api.graphql.request_context import build_context
from graph.config import LocalServerSettings
from graph.driver import GraphClient
from schema.enums import Label

__all__ = ["NOT_RESOLVED", "Use", "answer", "company_of", "day_of"]

T = TypeVar("T")
Use = Callable[[Context], Awaitable[T]]
NOT_RESOLVED = 2
"""Exit status when an argument names no record, or several (as for a bad argument)."""


async def _with_context(settings: ApiSettings, use: Use[T]) -> T:
    client = GraphClient.from_settings(settings.graph)
    try:
        context = build_context(
            client, max_page_size=settings.max_page_size, fx_rates=settings.fx_rates
        )
        return await use(context)
    finally:
        await client.close()


def _print_unresolved(e: Unresolved) -> None:
    errors.print(Text("error: ", style="bold red") + Text(e.message))
    for c in e.candidates:
        line = Text(f"  {c.record.uid}  ", style="cyan") + Text(c.record.name, style="bold")
        errors.print(line + (Text(f"  {c.detail}", style="dim") if c.detail else Text()))
    if e.more:
        errors.print("  (the best 10 matches; a fuller name narrows them)", style="dim")


def answer(use: Use[T]) -> T:
    """Run ``use`` against the configured database; on failure print why and exit."""
    local, settings = LocalServerSettings.from_env(), ApiSettings.from_env()
    with fail_cleanly():
        ensure_database(local, settings.graph)
        try:
            return run(_with_context(settings, use))
        except Unresolved as e:  # before fail_cleanly: its own message and exit status
            _print_unresolved(e)
            raise typer.Exit(code=NOT_RESOLVED) from e


def day_of(value: datetime | None) -> date | None:
    """The date of a ``--as-of`` option (typer parses dates as datetimes)."""
    return value.date() if value is not None else None


async def company_of(context: Context, text: str) -> Resolved:
    """The company ``text`` names (a uid, a global id or a name)."""
    return await resolve(context, text, {Label.COMPANY}, argument="COMPANY")
