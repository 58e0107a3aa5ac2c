"""Ask every API process to rebuild its resident projection: one ``reset`` entry in the
change feed. For writes made outside Relgraph (cypher-shell, another tool), which append
nothing to the feed themselves."""

from __future__ import annotations

from graph.driver import GraphClient, Transaction
from graph.reading.change_feed import ChangeFeedReader
from schema.changes import Touched

__all__ = ["request_resync"]


async def request_resync(client: GraphClient) -> int:
    """Append a ``reset`` entry; return its sequence number."""

    async def work(tx: Transaction) -> None:
        tx.touch(Touched(reset=True))

    await client.transaction(work)
    return await ChangeFeedReader(client).head()
