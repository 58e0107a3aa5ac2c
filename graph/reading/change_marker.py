"""The graph change marker: a token that changes whenever anyone commits a write.

Neo4j gives every committed transaction a bookmark, and a *read* transaction's bookmark
names the last transaction the database had committed when it ran. So the bookmark of a
read that touches nothing (``RETURN 1``) changes exactly when someone, through this API or
any other client (an import in another process, cypher-shell), commits a change, and stays
put across reads and across writes that change nothing. One such read costs one round trip.

What was ruled out, on Neo4j 5.26 Community: ``SHOW DATABASES YIELD lastCommittedTxn`` (the
column is null outside a cluster), ``dbms.queryJmx`` (no transaction beans are exposed),
the transaction ids of ``SHOW TRANSACTIONS`` (they count reads too) and node or relationship
counts (property updates do not change them). Bookmarks are opaque: the marker is only
compared for equality, never parsed. Behind a cluster, a read may land on a member that has
applied fewer transactions; its older marker only causes a cache miss.
"""

from __future__ import annotations

from graph.driver import GraphClient
from graph.queries.changes import MARKER_PROBE

__all__ = ["ChangeMarkerReader"]

MARKER_TIMEOUT = 5.0
"""Seconds the marker's read may take."""


class ChangeMarkerReader:
    """Reads the current change marker of the client's database."""

    def __init__(self, client: GraphClient, *, timeout: float = MARKER_TIMEOUT) -> None:
        self.client = client
        self.timeout = timeout

    async def read(self) -> str | None:
        """The marker, or None when the server gave no bookmark (then nothing is cached)."""
        return await self.client.read_bookmark(MARKER_PROBE, timeout=self.timeout)
