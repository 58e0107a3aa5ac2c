"""Pieces shared by the entity commands: the verdict, the lifecycle write, the projections.

An entity command reads ``existing`` (the record its key names, or null) and ``target`` (the
uid it writes: the existing one, or a new ``$uid``), then a label's checks produce
``problem`` (a verdict or null). :data:`VERDICT` turns them into the command's verdict from
these parameters:

- ``$must_exist``: updates need a live record (else ``missing`` on ``$id_field``);
- ``$key_field``: upserts onto a soft-deleted record are a ``conflict`` on this field;
- ``$expected``: the caller's expected version, or null (``stale`` when it differs);
- ``$required``: the first field a new record would lack, or null (``invalid`` if creating).

Relationships and identifier nodes created by a command get ``source = 'api'`` and a fresh
``source_id`` (a random UUID's hex).
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "DEAL_PROJECTION",
    "INTERACTION_PROJECTION",
    "LIFECYCLE",
    "PLAIN_PROJECTION",
    "VERDICT",
]

VERDICT: LiteralString = """
WITH existing, target, problem, coalesce(existing.version, 1) AS actual, CASE
  WHEN $must_exist AND (existing IS NULL OR existing.deleted_at IS NOT NULL)
    THEN ['missing', $id_field, 'no_record']
  WHEN existing.deleted_at IS NOT NULL THEN ['conflict', $key_field, 'deleted']
  WHEN $expected IS NOT NULL AND coalesce(existing.version, 1) <> $expected
    THEN ['stale', 'expected_version', 'stale']
  WHEN existing IS NULL AND $required IS NOT NULL THEN ['invalid', $required, 'required']
  WHEN problem IS NOT NULL THEN problem
  ELSE ['ok', null, null]
END AS verdict
"""

# Soft delete ($restoring = false) or restore ($restoring = true) of the node ``n``. A record
# merged into another one is not restored this way: ``unmerge`` undoes the whole merge.
LIFECYCLE: LiteralString = """
WITH n, coalesce(n.version, 1) AS actual, CASE
  WHEN n IS NULL THEN ['missing', 'id', 'no_record']
  WHEN $restoring AND n.merged_into IS NOT NULL THEN ['invalid', 'id', 'merged_away']
  WHEN (n.deleted_at IS NULL) = $restoring
    THEN ['missing', 'id', CASE WHEN $restoring THEN 'not_deleted' ELSE 'no_record' END]
  WHEN $expected IS NOT NULL AND coalesce(n.version, 1) <> $expected
    THEN ['stale', 'expected_version', 'stale']
  ELSE ['ok', null, null]
END AS verdict
CALL (n, verdict) {
  WITH n, verdict WHERE verdict[0] = 'ok'
  SET n.deleted_at = CASE WHEN $restoring THEN null ELSE datetime() END,
      n.version = coalesce(n.version, 1) + 1,
      n.updated_at = datetime()
}
WITH n, verdict, actual
"""

_OUTCOME: LiteralString = (
    "RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason, actual, "
    "properties(n) AS props"
)

PLAIN_PROJECTION: LiteralString = _OUTCOME

DEAL_PROJECTION: LiteralString = (
    """
OPTIONAL MATCH (n)-[:FOR]->(fc:Company)
OPTIONAL MATCH (fo:Person)-[:OWNS]->(n)
WITH n, verdict, actual,
     head(collect(DISTINCT fc.uid)) AS company_uid, head(collect(DISTINCT fo.uid)) AS owner_uid
"""
    + _OUTCOME
    + ", company_uid, owner_uid"
)

INTERACTION_PROJECTION: LiteralString = (
    """
OPTIONAL MATCH (n)-[:ABOUT]->(ad:Deal)
WITH n, verdict, actual, head(collect(ad.uid)) AS deal_uid
"""
    + _OUTCOME
    + ", deal_uid"
)
