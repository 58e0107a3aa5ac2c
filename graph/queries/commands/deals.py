"""Deal commands: create or update by uid (a stage move is an update), upsert by source key.

``$links``: ``company_given``, ``company_uid`` (the FOR company), ``owner_given``,
``owner_uid`` (the OWNS colleague), ``stage`` (null: unchanged; a new deal without one starts
in ``prospecting``).

The stage history lives on the deal as two parallel lists, ``stage_history`` (stages) and
``stage_changed_at`` (when each was entered), appended in the transaction that changes
``stage``. A deal created elsewhere starts its history, when first moved, with the stage it
had then, dated at its ``created_at``.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.fragments import DEAL_PROJECTION, LIFECYCLE, VERDICT

__all__ = ["DEAL_BY_SOURCE", "DEAL_BY_UID", "DEAL_LIFECYCLE", "DEAL_LINKS"]

_BY_UID: LiteralString = """
OPTIONAL MATCH (existing:Deal {uid: $uid})
WITH existing, $uid AS target
"""

_BY_SOURCE: LiteralString = """
OPTIONAL MATCH (existing:Deal {source: $source, source_id: $source_id})
WITH existing, coalesce(existing.uid, $uid) AS target
"""

_CHECKS: LiteralString = """
OPTIONAL MATCH (company:Company {uid: $links.company_uid}) WHERE company.deleted_at IS NULL
OPTIONAL MATCH (owner:Person {uid: $links.owner_uid}) WHERE owner.deleted_at IS NULL
WITH existing, target, CASE
  WHEN $links.company_uid IS NOT NULL AND company IS NULL
    THEN ['missing', 'company_id', 'no_record']
  WHEN $links.owner_uid IS NOT NULL AND owner IS NULL THEN ['missing', 'owner_id', 'no_record']
END AS problem
"""

_WRITE: LiteralString = """
CALL (target, verdict) {
  WITH target, verdict WHERE verdict[0] = 'ok'
  MERGE (n:Deal {uid: target})
    ON CREATE SET n.source = $source, n.source_id = $source_id, n.version = 0,
                  n.created_at = datetime()
  SET n += $props, n.version = coalesce(n.version, 1) + 1, n.updated_at = datetime()
  WITH n
  CALL (n) {
    WITH n, coalesce($links.stage, CASE WHEN n.stage IS NULL THEN 'prospecting' END) AS stage
    WITH n, stage WHERE stage IS NOT NULL AND coalesce(n.stage, '') <> stage
    WITH n, stage,
      CASE WHEN n.stage IS NULL THEN [] ELSE coalesce(n.stage_history, [n.stage]) END
        AS stages,
      CASE WHEN n.stage IS NULL THEN []
        ELSE coalesce(n.stage_changed_at, [coalesce(n.created_at, datetime())]) END AS times
    SET n.stage = stage, n.stage_history = stages + stage, n.stage_changed_at = times + datetime()
  }
  CALL (n) {
    WITH n WHERE $links.company_given
    OPTIONAL MATCH (n)-[old:FOR]->(x:Company) WHERE x.uid <> coalesce($links.company_uid, '')
    DELETE old
    WITH DISTINCT n
    MATCH (c:Company {uid: $links.company_uid})
    MERGE (n)-[r:FOR]->(c)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
  CALL (n) {
    WITH n WHERE $links.owner_given
    OPTIONAL MATCH (x:Person)-[old:OWNS]->(n) WHERE x.uid <> coalesce($links.owner_uid, '')
    DELETE old
    WITH DISTINCT n
    MATCH (o:Person {uid: $links.owner_uid})
    MERGE (o)-[r:OWNS]->(n)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
}
WITH target, verdict, actual
OPTIONAL MATCH (n:Deal {uid: target})
WITH n, verdict, actual
"""

DEAL_BY_UID: LiteralString = _BY_UID + _CHECKS + VERDICT + _WRITE + DEAL_PROJECTION
DEAL_BY_SOURCE: LiteralString = _BY_SOURCE + _CHECKS + VERDICT + _WRITE + DEAL_PROJECTION

DEAL_LIFECYCLE: LiteralString = "OPTIONAL MATCH (n:Deal {uid: $uid})" + LIFECYCLE + DEAL_PROJECTION

# Before a write: the FOR companies (``companies``) and OWNS owners (``people``) of the deal
# that ``$uid`` or ``$source`` and ``$source_id`` name (the change feed touches what a write
# takes them from).
DEAL_LINKS: LiteralString = """
OPTIONAL MATCH (a:Deal {uid: $uid})
OPTIONAL MATCH (b:Deal {source: $source, source_id: $source_id})
CALL (a, b) {
  UNWIND [x IN [a, b] WHERE x IS NOT NULL] AS n
  OPTIONAL MATCH (n)-[:FOR]->(c:Company)
  OPTIONAL MATCH (o:Person)-[:OWNS]->(n)
  RETURN collect(DISTINCT c.uid) AS companies, collect(DISTINCT o.uid) AS people
}
RETURN companies, people
"""
