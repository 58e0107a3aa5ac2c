"""Delete data in batches, keeping constraints, indexes, the migration record and the change
feed's counter.

Change feed: every batch that deletes something appends an entry with ``reset`` in its own
transaction (a follower then rebuilds its projection: which records a bulk delete touched is
not worth naming). Deleting all data also prunes the feed to its newest entry, first (so the
deletes do not step over old entries) and at the end, which leaves the last ``reset`` entry;
the counter is never deleted, so the numbers go on from where they were: a follower that had
applied entry 500 finds an entry after 500 with ``reset``, and a gap before it (pruned
entries) that also means "rebuild".
"""

from __future__ import annotations

from typing import LiteralString

from graph.driver import GraphClient, Record
from graph.queries.maintenance import (
    DELETE_DATA_BATCH,
    DELETE_ORPHAN_IDENTIFIERS_BATCH,
    DELETE_RELATIONSHIPS_BATCH,
    DELETE_SOURCE_BATCHES,
    DELETE_SOURCE_RELATIONSHIP_BATCHES,
)
from graph.reading.change_feed import ChangeFeedReader
from schema.changes import Touched

__all__ = ["delete_all_data", "delete_source"]

_RESET = Touched(reset=True)


async def delete_all_data(client: GraphClient, *, batch_size: int = 10_000) -> int:
    """Delete every node and relationship (relationships first, so no transaction grows
    with a node's degree); return how many nodes went."""
    feed = ChangeFeedReader(client)
    await feed.prune(keep=1)
    await _until_done(client, DELETE_RELATIONSHIPS_BATCH, {}, batch_size)
    deleted = await _until_done(client, DELETE_DATA_BATCH, {}, batch_size)
    await feed.prune(keep=1)
    return deleted


async def delete_source(client: GraphClient, source: str, *, batch_size: int = 10_000) -> int:
    """Delete the companies, people, deals and interactions of one source, their
    relationships, and the identifier nodes nothing links to any more."""
    for query in DELETE_SOURCE_RELATIONSHIP_BATCHES:
        await _until_done(client, query, {"source": source}, batch_size)
    total = 0
    for query in DELETE_SOURCE_BATCHES:
        total += await _until_done(client, query, {"source": source}, batch_size)
    orphans = await _until_done(client, DELETE_ORPHAN_IDENTIFIERS_BATCH, {}, batch_size, feed=False)
    return total + orphans


async def _until_done(
    client: GraphClient,
    query: LiteralString,
    parameters: dict[str, str],
    batch_size: int,
    *,
    feed: bool = True,
) -> int:
    """Run ``query`` until a batch deletes fewer than ``batch_size``; with ``feed``, each
    batch that deleted something appends a ``reset`` entry."""
    total = 0
    while True:
        records = await client.write(
            query, {**parameters, "limit": batch_size}, touched=_reset if feed else None
        )
        deleted = _deleted(records)
        total += deleted
        if deleted < batch_size:
            return total


def _deleted(records: list[Record]) -> int:
    return int(records[0]["deleted"]) if records else 0


def _reset(records: list[Record]) -> Touched:
    return _RESET if _deleted(records) else Touched()
