"""The decision-makers benchmark's reads: the largest account, and its people ranked by
their title's seniority alone (the plain Cypher a team would write without Relgraph)."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["BY_SENIORITY", "LARGEST_ACCOUNT"]

# The account (never our own company) with the most current people; ties by uid.
LARGEST_ACCOUNT: LiteralString = """
MATCH (c:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND NOT coalesce(c.is_home, false)
WITH c, COUNT {
  (p:Person)-[w:WORKS_AT]->(c) WHERE w.end IS NULL AND p.deleted_at IS NULL
} AS people
RETURN c.uid AS uid, c.name AS name, people
ORDER BY people DESC, uid
LIMIT 1
"""

# Its current people, most senior first (board, C-level, VP, director, manager, individual
# contributor, unknown), then by uid.
BY_SENIORITY: LiteralString = """
MATCH (:Company {uid: $uid})<-[w:WORKS_AT]-(p:Person)
WHERE w.end IS NULL AND p.deleted_at IS NULL AND p.merged_into IS NULL
WITH p, coalesce(w.seniority, p.seniority) AS seniority
WITH p, coalesce(
  {board: 0, c_level: 1, vp: 2, director: 3, manager: 4, individual_contributor: 5}[seniority],
  6) AS level
RETURN p.uid AS uid
ORDER BY level, uid
LIMIT $limit
"""
