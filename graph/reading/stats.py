"""Readers about the database as a whole: what it holds and what server it is."""

from __future__ import annotations

from graph.driver import GraphClient
from graph.queries import stats
from schema.enums import Label, RelType
from schema.reading.stats import GraphStats, ServerInfo

__all__ = ["StatsReader"]


class StatsReader:
    """Reads counts, the server version and the applied schema."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def counts(self) -> GraphStats:
        """Count nodes per label and relationships per type (from the count store)."""
        nodes = await self.client.read(stats.COUNT_LABELS)
        rels = await self.client.read(stats.COUNT_RELATIONSHIPS)
        node_counts = {str(r["label"]): int(r["count"]) for r in nodes}
        rel_counts = {str(r["type"]): int(r["count"]) for r in rels}
        return GraphStats(
            nodes={label.value: node_counts.get(label.value, 0) for label in Label},
            relationships={t.value: rel_counts.get(t.value, 0) for t in RelType},
        )

    async def server(self) -> ServerInfo:
        """The server's name, version and edition."""
        record = (await self.client.read(stats.SERVER_VERSION))[0]
        return ServerInfo(
            name=str(record["name"]), version=str(record["version"]), edition=str(record["edition"])
        )

    async def constraint_names(self) -> list[str]:
        """Names of every constraint in the database."""
        return [str(r["name"]) for r in await self.client.read(stats.SHOW_CONSTRAINT_NAMES)]

    async def index_states(self) -> dict[str, str]:
        """``{index name: state}`` for every index."""
        return {
            str(r["name"]): str(r["state"]) for r in await self.client.read(stats.SHOW_INDEX_STATES)
        }
