"""Health, versions and counts: what the minimal schema and the operations routes report."""

from __future__ import annotations

from importlib import metadata

from graph.driver import GraphClient
from graph.errors import GraphUnavailable
from graph.reading.stats import StatsReader
from schema.reading.stats import GraphStats, ServerInfo

__all__ = ["StatusService", "relgraph_version"]


def relgraph_version() -> str:
    """The installed version of Relgraph."""
    try:
        return metadata.version("relgraph")
    except metadata.PackageNotFoundError:
        return "0+unknown"


class StatusService:
    """Reads the database's reachability, version and counts."""

    def __init__(self, client: GraphClient) -> None:
        self._client = client
        self._stats = StatsReader(client)

    async def database_reachable(self) -> bool:
        """True when Neo4j answers a query."""
        try:
            await self._client.verify()
        except GraphUnavailable:
            return False
        return True

    async def server(self) -> ServerInfo:
        """The Neo4j server's version and edition."""
        return await self._stats.server()

    async def counts(self) -> GraphStats:
        """Nodes per label and relationships per type."""
        return await self._stats.counts()
