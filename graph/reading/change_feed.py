"""Read the change feed: its head, the entries after a sequence number; prune old entries.

Every write path appends one ``(:Change)`` entry in its own transaction naming the records it
changed (see :mod:`graph.driver` and :mod:`schema.changes`). A follower that has applied
entry ``n`` asks for :meth:`ChangeFeedReader.since` ``n`` and reads the touched records
again. Entries are numbered 1, 2, 3 ... in commit order by a counter that never goes back
(deleting all data keeps it, see :mod:`graph.writing.maintenance`), so:

- an entry with ``reset`` means anything may have changed (a bulk delete): rebuild;
- a first entry whose ``seq`` is more than ``n + 1`` means the entries between were pruned
  (:meth:`ChangeFeedReader.prune`, or deleting all data): rebuild too;
- a head lower than ``n`` means another database (restored from a backup): rebuild.
"""

from __future__ import annotations

from graph.driver import GraphClient, Record, Transaction
from graph.queries.changes import CHANGES_SINCE, FEED_HEAD, PRUNE_CHANGES
from graph.reading.crm.records import native
from schema.changes import ChangeEntry, touched

__all__ = ["ChangeFeedReader"]

_PRUNE_BATCH = 10_000


class ChangeFeedReader:
    """Reads (and prunes) the change feed of the client's database."""

    def __init__(self, client: GraphClient, *, timeout: float = 5.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.client = client
        self.timeout = timeout

    async def head(self) -> int:
        """The sequence number of the latest entry (0 when nothing was ever appended)."""
        [row] = await self.client.read(FEED_HEAD, timeout=self.timeout)
        return int(row["seq"])

    async def since(self, seq: int, *, limit: int = 1000) -> list[ChangeEntry]:
        """The entries after ``seq``, oldest first, at most ``limit`` of them."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        rows = await self.client.read(
            CHANGES_SINCE, {"seq": seq, "limit": limit}, timeout=self.timeout
        )
        return [_entry(row) for row in rows]

    @staticmethod
    async def since_in(tx: Transaction, seq: int, *, limit: int = 1000) -> list[ChangeEntry]:
        """:meth:`since` as one query of the caller's transaction ``tx``."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        rows = await tx.run(CHANGES_SINCE, {"seq": seq, "limit": limit})
        return [_entry(row) for row in rows]

    async def prune(self, *, keep: int) -> int:
        """Delete every entry but the newest ``keep`` (by sequence number; the counter
        stays); returns how many went."""
        if keep < 0:
            raise ValueError("keep must not be negative")
        deleted = 0
        while True:
            rows = await self.client.write(PRUNE_CHANGES, {"keep": keep, "limit": _PRUNE_BATCH})
            batch = int(rows[0]["deleted"]) if rows else 0
            deleted += batch
            if batch < _PRUNE_BATCH:
                return deleted


def _entry(row: Record) -> ChangeEntry:
    return ChangeEntry(
        seq=int(row["seq"]),
        at=native(row["at"]),
        touched=touched(
            people=row["people"] or (),
            companies=row["companies"] or (),
            deals=row["deals"] or (),
            interactions=row["interactions"] or (),
            reset=bool(row["reset"]),
        ),
    )
