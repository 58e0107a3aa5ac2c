"""Delete all data (keeping constraints, indexes and the migration record)."""

from __future__ import annotations

from graph.driver import GraphClient
from graph.queries.maintenance import DELETE_DATA_BATCH

__all__ = ["delete_all_data"]


async def delete_all_data(client: GraphClient, *, batch_size: int = 10_000) -> int:
    """Delete every node and relationship in batches; return how many nodes went."""
    total = 0
    while True:
        records = await client.write(DELETE_DATA_BATCH, {"limit": batch_size})
        deleted = int(records[0]["deleted"]) if records else 0
        total += deleted
        if deleted < batch_size:
            return total
