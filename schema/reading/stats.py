"""Facts about the database as a whole."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GraphStats", "ServerInfo"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerInfo:
    """The Neo4j server's product name, version and edition."""

    name: str
    version: str
    edition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GraphStats:
    """Counts of nodes per label and relationships per type."""

    nodes: dict[str, int]
    relationships: dict[str, int]
