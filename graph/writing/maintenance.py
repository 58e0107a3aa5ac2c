"""Delete data in batches, keeping constraints, indexes and the migration record."""

from __future__ import annotations

from typing import LiteralString

from graph.driver import GraphClient
from graph.queries.maintenance import (
    DELETE_DATA_BATCH,
    DELETE_ORPHAN_IDENTIFIERS_BATCH,
    DELETE_RELATIONSHIPS_BATCH,
    DELETE_SOURCE_BATCHES,
    DELETE_SOURCE_RELATIONSHIP_BATCHES,
)

__all__ = ["delete_all_data", "delete_source"]


async def delete_all_data(client: GraphClient, *, batch_size: int = 10_000) -> int:
    """Delete every node and relationship (relationships first, so no transaction grows
    with a node's degree); return how many nodes went."""
    await _until_done(client, DELETE_RELATIONSHIPS_BATCH, {}, batch_size)
    return await _until_done(client, DELETE_DATA_BATCH, {}, batch_size)


async def delete_source(client: GraphClient, source: str, *, batch_size: int = 10_000) -> int:
    """Delete the companies, people, deals and interactions of one source, their
    relationships, and the identifier nodes nothing links to any more."""
    for query in DELETE_SOURCE_RELATIONSHIP_BATCHES:
        await _until_done(client, query, {"source": source}, batch_size)
    total = 0
    for query in DELETE_SOURCE_BATCHES:
        total += await _until_done(client, query, {"source": source}, batch_size)
    return total + await _until_done(client, DELETE_ORPHAN_IDENTIFIERS_BATCH, {}, batch_size)


async def _until_done(
    client: GraphClient, query: LiteralString, parameters: dict[str, str], batch_size: int
) -> int:
    total = 0
    while True:
        records = await client.write(query, {**parameters, "limit": batch_size})
        deleted = int(records[0]["deleted"]) if records else 0
        total += deleted
        if deleted < batch_size:
            return total
