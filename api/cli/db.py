"""``relgraph db start | stop | status | migrate | fetch``."""

from __future__ import annotations

import typer

from api.cli.console import console, fail_cleanly, run
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from graph.local_server import LocalServer, ServerStatus, ensure_distribution, find_java
from graph.migrations import MigrationReport, migrate
from graph.writing.resync import request_resync

__all__ = ["apply_migrations", "db_app", "ensure_database"]

db_app = typer.Typer(
    help="The graph database: a managed local Neo4j, or NEO4J_URI.", no_args_is_help=True
)


def _print_status(status: ServerStatus) -> None:
    if status.stale_pid_removed:
        console.print("[yellow]removed a stale pid file (the server had died)[/]")
    state = "[green]running[/]" if status.running else "[red]stopped[/]"
    console.print(f"Neo4j {status.version}: {state}")
    console.print(f"  pid:      {status.pid if status.pid is not None else '-'}")
    console.print(f"  bolt:     {status.uri}")
    console.print(f"  data dir: {status.data_dir}")
    console.print(f"  log:      {status.log_file}")


def _external(graph: GraphSettings) -> bool:
    if graph.external:
        console.print(f"Using the external Neo4j at {graph.uri} (NEO4J_URI); nothing to manage.")
    return graph.external


def ensure_database(local: LocalServerSettings, graph: GraphSettings) -> None:
    """Start the managed server unless it already runs or NEO4J_URI points elsewhere."""
    if graph.external:
        return
    server = LocalServer(local)
    if not server.status().running:
        console.print(f"Starting Neo4j {local.version} on {local.uri} ...")
        _print_status(server.start())


async def apply_migrations(graph: GraphSettings) -> MigrationReport:
    """Apply the constraints and indexes to the configured database."""
    client = GraphClient.from_settings(graph)
    try:
        await client.verify()
        return await migrate(client)
    finally:
        await client.close()


@db_app.command()
def start() -> None:
    """Start the managed local Neo4j and wait until it answers."""
    local, graph = LocalServerSettings.from_env(), GraphSettings.from_env()
    with fail_cleanly():
        if not _external(graph):
            _print_status(LocalServer(local).start())


@db_app.command()
def stop() -> None:
    """Stop the managed local Neo4j (SIGTERM, then SIGKILL after a grace period)."""
    local, graph = LocalServerSettings.from_env(), GraphSettings.from_env()
    with fail_cleanly():
        if not _external(graph):
            _print_status(LocalServer(local).stop())


@db_app.command()
def status() -> None:
    """Report pid, port, version and data directory; exit 3 when stopped."""
    local, graph = LocalServerSettings.from_env(), GraphSettings.from_env()
    with fail_cleanly():
        if _external(graph):
            return
        current = LocalServer(local).status()
        _print_status(current)
        if not current.running:
            raise typer.Exit(code=3)


@db_app.command("migrate")
def migrate_command() -> None:
    """Create the model's constraints and indexes (idempotent)."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        report = run(apply_migrations(graph))
    console.print(
        f"applied: {', '.join(report.applied) or 'nothing new'}; "
        f"already applied: {', '.join(report.already_applied) or 'none'}"
    )


@db_app.command()
def fetch() -> None:
    """Download and verify the Neo4j jars and find Java, without starting anything."""
    local = LocalServerSettings.from_env()
    with fail_cleanly():
        lib = ensure_distribution(local.version)
        java = find_java()
    console.print(f"Neo4j {local.version}: {lib} (verified)\nJava: {java}")


async def _resync(graph: GraphSettings) -> int:
    client = GraphClient.from_settings(graph)
    try:
        return await request_resync(client)
    finally:
        await client.close()


@db_app.command()
def resync() -> None:
    """Make every API process rebuild its resident projection (after writes made outside
    Relgraph, which the change feed cannot know of)."""
    graph = GraphSettings.from_env()
    with fail_cleanly():
        seq = run(_resync(graph))
    console.print(f"resync requested: change feed entry {seq} asks every API to rebuild")
