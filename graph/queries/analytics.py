"""Full-text search and pipeline aggregation."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["PIPELINE_ROWS", "SEARCH"]

SEARCH: LiteralString = """
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $scan})
YIELD node, score
WHERE (node:Company OR node:Person OR node:Deal) AND node.deleted_at IS NULL
  AND any(label IN labels(node) WHERE label IN $labels)
RETURN [label IN labels(node) WHERE label IN $labels][0] AS label, node.uid AS uid, score
ORDER BY score DESC, uid
LIMIT $limit
"""

PIPELINE_ROWS: LiteralString = """
MATCH (d:Deal) WHERE d.deleted_at IS NULL
OPTIONAL MATCH (o:Person)-[:OWNS]->(d)
WITH d, head(collect(o.uid)) AS owner_uid
WHERE $owner_uid IS NULL OR owner_uid = $owner_uid
WITH d.stage AS stage, d.currency AS currency, owner_uid,
     CASE WHEN d.close_date IS NULL THEN null
          ELSE toString(d.close_date.year) + '-' + right('0' + toString(d.close_date.month), 2)
     END AS close_month,
     coalesce(d.amount, 0.0) AS amount, coalesce(d.probability, 0.0) AS probability
RETURN stage, currency, owner_uid, close_month, count(*) AS count,
       sum(amount) AS total, sum(amount * probability) AS weighted
"""
