"""Bulk maintenance of the data (never the schema)."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["DELETE_DATA_BATCH"]

DELETE_DATA_BATCH: LiteralString = """
MATCH (n) WHERE NOT n:RelgraphMigration
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""
