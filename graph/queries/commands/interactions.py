"""Interaction commands: create (log) or update by uid, upsert by source key, soft delete.

``$links``: ``deal_given``, ``deal_uid`` (the ABOUT deal), ``participants_given``,
``participants`` (a list of ``{person_uid, role}`` maps that replaces every
PARTICIPATED_IN edge when given). A missing participant is named by its position.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.fragments import INTERACTION_PROJECTION, LIFECYCLE, VERDICT

__all__ = [
    "INTERACTION_BY_SOURCE",
    "INTERACTION_BY_UID",
    "INTERACTION_LIFECYCLE",
    "INTERACTION_LINKS",
]

_BY_UID: LiteralString = """
OPTIONAL MATCH (existing:Interaction {uid: $uid})
WITH existing, $uid AS target
"""

_BY_SOURCE: LiteralString = """
OPTIONAL MATCH (existing:Interaction {source: $source, source_id: $source_id})
WITH existing, coalesce(existing.uid, $uid) AS target
"""

_CHECKS: LiteralString = """
OPTIONAL MATCH (deal:Deal {uid: $links.deal_uid}) WHERE deal.deleted_at IS NULL
WITH existing, target, deal, [i IN range(0, size($links.participants) - 1) WHERE NOT EXISTS {
  MATCH (p:Person {uid: $links.participants[i].person_uid}) WHERE p.deleted_at IS NULL
}] AS gone
WITH existing, target, CASE
  WHEN $links.deal_uid IS NOT NULL AND deal IS NULL THEN ['missing', 'deal_id', 'no_record']
  WHEN size(gone) > 0
    THEN ['missing', 'participants[' + toString(gone[0]) + '].person_id', 'no_record']
END AS problem
"""

_WRITE: LiteralString = """
CALL (target, verdict) {
  WITH target, verdict WHERE verdict[0] = 'ok'
  MERGE (n:Interaction {uid: target})
    ON CREATE SET n.source = $source, n.source_id = $source_id, n.version = 0,
                  n.created_at = datetime()
  SET n += $props, n.version = coalesce(n.version, 1) + 1, n.updated_at = datetime()
  WITH n
  CALL (n) {
    WITH n WHERE $links.deal_given
    OPTIONAL MATCH (n)-[old:ABOUT]->(x:Deal) WHERE x.uid <> coalesce($links.deal_uid, '')
    DELETE old
    WITH DISTINCT n
    MATCH (d:Deal {uid: $links.deal_uid})
    MERGE (n)-[r:ABOUT]->(d)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
  CALL (n) {
    WITH n WHERE $links.participants_given
    OPTIONAL MATCH (:Person)-[old:PARTICIPATED_IN]->(n)
    DELETE old
    WITH DISTINCT n
    UNWIND $links.participants AS part
    MATCH (p:Person {uid: part.person_uid})
    MERGE (p)-[r:PARTICIPATED_IN {role: part.role}]->(n)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
}
WITH target, verdict, actual
OPTIONAL MATCH (n:Interaction {uid: target})
WITH n, verdict, actual
"""

INTERACTION_BY_UID: LiteralString = _BY_UID + _CHECKS + VERDICT + _WRITE + INTERACTION_PROJECTION
INTERACTION_BY_SOURCE: LiteralString = (
    _BY_SOURCE + _CHECKS + VERDICT + _WRITE + INTERACTION_PROJECTION
)

INTERACTION_LIFECYCLE: LiteralString = (
    "OPTIONAL MATCH (n:Interaction {uid: $uid})" + LIFECYCLE + INTERACTION_PROJECTION
)

# Before a write: the participants (``people``) and ABOUT deals (``deals``) of the
# interaction that ``$uid`` or ``$source`` and ``$source_id`` name.
INTERACTION_LINKS: LiteralString = """
OPTIONAL MATCH (a:Interaction {uid: $uid})
OPTIONAL MATCH (b:Interaction {source: $source, source_id: $source_id})
CALL (a, b) {
  UNWIND [x IN [a, b] WHERE x IS NOT NULL] AS n
  OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(n)
  OPTIONAL MATCH (n)-[:ABOUT]->(d:Deal)
  RETURN collect(DISTINCT p.uid) AS people, collect(DISTINCT d.uid) AS deals
}
RETURN people, deals
"""
