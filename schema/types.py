"""GraphQL types (strawberry), mapped from the model with ``from_model``; no I/O."""

from __future__ import annotations

import strawberry

from schema.reading.stats import GraphStats, ServerInfo

__all__ = ["GraphCounts", "Health", "LabelCount", "Version"]


@strawberry.type(description="How many nodes carry a label, or relationships have a type.")
class LabelCount:
    name: str
    count: int


@strawberry.type(description="Counts of nodes per label and relationships per type.")
class GraphCounts:
    nodes: list[LabelCount]
    relationships: list[LabelCount]

    @classmethod
    def from_model(cls, stats: GraphStats) -> GraphCounts:
        return cls(
            nodes=[LabelCount(name=k, count=v) for k, v in stats.nodes.items()],
            relationships=[LabelCount(name=k, count=v) for k, v in stats.relationships.items()],
        )


@strawberry.type(description="Versions of Relgraph and of the Neo4j server behind it.")
class Version:
    relgraph: str
    neo4j: str
    neo4j_edition: str

    @classmethod
    def from_model(cls, relgraph: str, server: ServerInfo) -> Version:
        return cls(relgraph=relgraph, neo4j=server.version, neo4j_edition=server.edition)


@strawberry.type(description="Whether the service and its database answer.")
class Health:
    ok: bool
    database_reachable: bool
