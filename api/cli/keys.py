"""``relgraph keys create | list | revoke``: the API keys of ``/graphql``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from api.cli.console import console, fail_cleanly, run
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyNotFound, ApiKeyRecord, ApiKeyStore
from schema.auth import Principal, Role

__all__ = ["create_key", "keys_app", "list_keys", "print_new_key", "revoke_key"]

keys_app = typer.Typer(
    help="API keys for /graphql: only their hashes are stored.", no_args_is_help=True
)


async def create_key(graph: GraphSettings, name: str, role: Role) -> tuple[Principal, str]:
    """Create a key in the configured database; return its principal and plaintext."""
    client = GraphClient.from_settings(graph)
    try:
        return await ApiKeyStore(client).create(name, role)
    finally:
        await client.close()


async def list_keys(graph: GraphSettings) -> list[ApiKeyRecord]:
    """Every key of the configured database, oldest first."""
    client = GraphClient.from_settings(graph)
    try:
        return await ApiKeyStore(client).list()
    finally:
        await client.close()


async def revoke_key(graph: GraphSettings, key_id: str) -> None:
    """Revoke a key; raise :class:`ApiKeyNotFound` when no active key has this id."""
    client = GraphClient.from_settings(graph)
    try:
        if not await ApiKeyStore(client).revoke(key_id):
            raise ApiKeyNotFound(f"no active API key has the id {key_id!r}")
    finally:
        await client.close()


def print_new_key(principal: Principal, key: str) -> None:
    """Show a new key once, with how to send it."""
    console.print(
        f"Created API key [bold]{principal.key_id}[/] "
        f"(name {principal.name!r}, role {principal.role.value})."
    )
    console.print(
        "[yellow]Copy it now: it is shown only this once, and Relgraph stores only its hash.[/]"
    )
    console.print(key, markup=False, soft_wrap=True)
    console.print("Send it as the HTTP header:", markup=False)
    console.print(f"  Authorization: Bearer {key}", markup=False, soft_wrap=True)


def _when(moment: datetime | None) -> str:
    return "-" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


@keys_app.command()
def create(
    role: Annotated[Role, typer.Option(help="viewer (queries), editor (+ mutations), admin.")],
    name: Annotated[str | None, typer.Option(help="What the key is for.")] = None,
) -> None:
    """Create an API key and print it once."""
    graph = GraphSettings.from_env()
    name = f"{role.value} key" if name is None else name
    if not 0 < len(name.strip()) <= 100:
        raise typer.BadParameter("a key name has 1 to 100 characters", param_hint="--name")
    with fail_cleanly():
        principal, key = run(create_key(graph, name, role))
    print_new_key(principal, key)


@keys_app.command("list")
def list_command() -> None:
    """List the keys: id, name, role, created, revoked (never a secret or a hash)."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        records = run(list_keys(graph))
    table = Table(title="API keys")
    for column in ("id", "name", "role", "created (UTC)", "revoked (UTC)"):
        table.add_column(column, no_wrap=column != "name", overflow="fold")
    for record in records:
        table.add_row(
            record.key_id,
            record.name,
            record.role.value,
            _when(record.created_at),
            _when(record.revoked_at),
        )
    console.print(table if records else "No API keys yet: relgraph keys create --role viewer")


@keys_app.command()
def revoke(key_id: Annotated[str, typer.Argument(help="The key's id (shown by list).")]) -> None:
    """Revoke an API key: requests that present it are refused from now on."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        run(revoke_key(graph, key_id))
    console.print(f"Revoked API key {key_id}.", markup=False)
