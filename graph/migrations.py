"""Apply the graph model's constraints and indexes, idempotently.

Every statement uses ``IF NOT EXISTS``, so re-running is always safe and also heals a database
whose schema drifted; each migration is recorded as a ``(:RelgraphMigration)`` node so
``migrate`` can report what was new.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import LiteralString

from graph.driver import GraphClient
from graph.queries.api_keys import API_KEY_CONSTRAINT
from graph.queries.changes import CHANGE_FEED_SCHEMA
from graph.queries.commands.merges import MERGE_CONSTRAINT
from graph.queries.schema import (
    CONSTRAINTS,
    FULLTEXT_INDEX,
    INDEXES,
    INGEST_SCHEMA,
    MIGRATION_MARKER,
    RECORD_MIGRATION,
)

__all__ = ["MIGRATIONS", "Migration", "MigrationReport", "migrate"]

_AWAIT_INDEXES: LiteralString = "CALL db.awaitIndexes($seconds)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    """A named, ordered group of idempotent schema statements."""

    id: str
    description: str
    statements: tuple[LiteralString, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MigrationReport:
    """Which migrations this run applied for the first time, and which were already there."""

    applied: tuple[str, ...]
    already_applied: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        id="0001_constraints",
        description="uniqueness on every natural and external key",
        statements=CONSTRAINTS,
    ),
    Migration(
        id="0002_indexes",
        description="lookup, time and full-text indexes",
        statements=(*INDEXES, FULLTEXT_INDEX),
    ),
    Migration(
        id="0003_api_keys",
        description="uniqueness of the API key id",
        statements=(API_KEY_CONSTRAINT,),
    ),
    Migration(
        id="0004_merges",
        description="uniqueness of the merge record id",
        statements=(MERGE_CONSTRAINT,),
    ),
    Migration(
        id="0005_ingest",
        description="external ids, import runs and normalised-name indexes",
        statements=INGEST_SCHEMA,
    ),
    Migration(
        id="0006_change_feed",
        description="uniqueness of the change feed's sequence numbers and counter",
        statements=CHANGE_FEED_SCHEMA,
    ),
)


async def migrate(client: GraphClient, *, index_wait_seconds: int = 300) -> MigrationReport:
    """Apply every migration and wait until the indexes are online."""
    before = {record["id"] for record in await client.read(MIGRATION_MARKER)}
    for migration in MIGRATIONS:
        for statement in migration.statements:
            await client.write(statement)
        await client.write(
            RECORD_MIGRATION, {"id": migration.id, "description": migration.description}
        )
    await client.read(
        _AWAIT_INDEXES, {"seconds": index_wait_seconds}, timeout=float(index_wait_seconds) + 5
    )
    applied = tuple(m.id for m in MIGRATIONS if m.id not in before)
    already = tuple(m.id for m in MIGRATIONS if m.id in before)
    return MigrationReport(applied=applied, already_applied=already)
