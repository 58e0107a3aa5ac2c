"""Bulk maintenance of the data (never the schema)."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "DELETE_DATA_BATCH",
    "DELETE_ORPHAN_IDENTIFIERS_BATCH",
    "DELETE_RELATIONSHIPS_BATCH",
    "DELETE_SOURCE_BATCHES",
    "DELETE_SOURCE_RELATIONSHIP_BATCHES",
]

# Relationships go first, in batches: a node with thousands of them would otherwise make one
# DETACH DELETE transaction as big as its neighbourhood.
DELETE_RELATIONSHIPS_BATCH: LiteralString = """
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
"""

DELETE_SOURCE_RELATIONSHIP_BATCHES: tuple[LiteralString, ...] = (
    "MATCH (n:Interaction)-[r]-() WHERE n.source = $source WITH DISTINCT r LIMIT $limit "
    "DELETE r RETURN count(*) AS deleted",
    "MATCH (n:Deal)-[r]-() WHERE n.source = $source WITH DISTINCT r LIMIT $limit "
    "DELETE r RETURN count(*) AS deleted",
    "MATCH (n:Person)-[r]-() WHERE n.source = $source WITH DISTINCT r LIMIT $limit "
    "DELETE r RETURN count(*) AS deleted",
    "MATCH (n:Company)-[r]-() WHERE n.source = $source WITH DISTINCT r LIMIT $limit "
    "DELETE r RETURN count(*) AS deleted",
)

# The migration record and the change feed stay (the feed's counter never goes back).
DELETE_DATA_BATCH: LiteralString = """
MATCH (n) WHERE NOT (n:RelgraphMigration OR n:Change OR n:ChangeCounter)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""

# One literal query per label, so each scans only its label.
DELETE_SOURCE_BATCHES: tuple[LiteralString, ...] = (
    "MATCH (n:Interaction) WHERE n.source = $source WITH n LIMIT $limit "
    "DETACH DELETE n RETURN count(*) AS deleted",
    "MATCH (n:Deal) WHERE n.source = $source WITH n LIMIT $limit "
    "DETACH DELETE n RETURN count(*) AS deleted",
    "MATCH (n:Person) WHERE n.source = $source WITH n LIMIT $limit "
    "DETACH DELETE n RETURN count(*) AS deleted",
    "MATCH (n:Company) WHERE n.source = $source WITH n LIMIT $limit "
    "DETACH DELETE n RETURN count(*) AS deleted",
)

DELETE_ORPHAN_IDENTIFIERS_BATCH: LiteralString = """
MATCH (x) WHERE (x:Domain OR x:Address OR x:Phone) AND NOT (x)--()
WITH x LIMIT $limit
DELETE x
RETURN count(*) AS deleted
"""
