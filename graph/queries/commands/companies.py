"""Company commands: create or update by uid, upsert by source key or by domain, soft delete.

Parameters besides those of :data:`~graph.queries.commands.fragments.VERDICT`: ``$uid``,
``$source``, ``$source_id`` (provenance of a new node), ``$key`` (the domain of an upsert),
``$props`` (node properties to set; null clears) and ``$links``: ``domain_given``, ``domain``,
``address_given``, ``address_key``, ``address``, ``phone_given``, ``phone``.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.fragments import LIFECYCLE, PLAIN_PROJECTION, VERDICT

__all__ = [
    "COMPANY_BY_DOMAIN",
    "COMPANY_BY_SOURCE",
    "COMPANY_BY_UID",
    "COMPANY_LIFECYCLE",
]

_BY_UID: LiteralString = """
OPTIONAL MATCH (existing:Company {uid: $uid})
WITH existing, $uid AS target
"""

_BY_SOURCE: LiteralString = """
OPTIONAL MATCH (existing:Company {source: $source, source_id: $source_id})
WITH existing, coalesce(existing.uid, $uid) AS target
"""

# The live company with the domain; else a deleted one (a conflict); else a new one. Several
# live companies sharing the domain make the domain check below report a conflict.
_BY_DOMAIN: LiteralString = """
OPTIONAL MATCH (:Domain {name: $key})<-[:HAS_DOMAIN]-(c:Company)
WITH collect(c) AS found
WITH found, [c IN found WHERE c.deleted_at IS NULL] AS live
WITH CASE WHEN size(live) > 0 THEN live[0] ELSE head(found) END AS existing
WITH existing, coalesce(existing.uid, $uid) AS target
"""

_CHECKS: LiteralString = """
OPTIONAL MATCH (:Domain {name: $links.domain})<-[:HAS_DOMAIN]-(other:Company)
  WHERE $links.domain_given AND other.deleted_at IS NULL AND other.uid <> target
WITH existing, target, count(other) AS taken
WITH existing, target,
     CASE WHEN taken > 0 THEN ['conflict', 'domain', 'domain_taken'] END AS problem
"""

_WRITE: LiteralString = """
CALL (target, verdict) {
  WITH target, verdict WHERE verdict[0] = 'ok'
  MERGE (n:Company {uid: target})
    ON CREATE SET n.source = $source, n.source_id = $source_id, n.version = 0,
                  n.created_at = datetime()
  SET n += $props, n.version = coalesce(n.version, 1) + 1, n.updated_at = datetime()
  WITH n
  CALL (n) {
    WITH n WHERE $links.domain_given
    OPTIONAL MATCH (n)-[old:HAS_DOMAIN]->(x:Domain) WHERE x.name <> coalesce($links.domain, '')
    DELETE old
    WITH DISTINCT n WHERE $links.domain IS NOT NULL
    MERGE (d:Domain {name: $links.domain})
      ON CREATE SET d.source = 'api', d.source_id = replace(randomUUID(), '-', '')
    MERGE (n)-[r:HAS_DOMAIN]->(d)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
  CALL (n) {
    WITH n WHERE $links.address_given
    OPTIONAL MATCH (n)-[old:LOCATED_AT]->(x:Address)
      WHERE x.key <> coalesce($links.address_key, '')
    DELETE old
    WITH DISTINCT n WHERE $links.address_key IS NOT NULL
    MERGE (a:Address {key: $links.address_key})
      ON CREATE SET a.text = $links.address, a.source = 'api',
                    a.source_id = replace(randomUUID(), '-', '')
    MERGE (n)-[r:LOCATED_AT]->(a)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
  CALL (n) {
    WITH n WHERE $links.phone_given
    OPTIONAL MATCH (n)-[old:HAS_PHONE]->(x:Phone) WHERE x.number <> coalesce($links.phone, '')
    DELETE old
    WITH DISTINCT n WHERE $links.phone IS NOT NULL
    MERGE (p:Phone {number: $links.phone})
      ON CREATE SET p.source = 'api', p.source_id = replace(randomUUID(), '-', '')
    MERGE (n)-[r:HAS_PHONE]->(p)
      ON CREATE SET r.source = 'api', r.source_id = replace(randomUUID(), '-', '')
  }
}
WITH target, verdict, actual
OPTIONAL MATCH (n:Company {uid: target})
WITH n, verdict, actual
"""

COMPANY_BY_UID: LiteralString = _BY_UID + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION
COMPANY_BY_SOURCE: LiteralString = _BY_SOURCE + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION
COMPANY_BY_DOMAIN: LiteralString = _BY_DOMAIN + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION

COMPANY_LIFECYCLE: LiteralString = (
    "OPTIONAL MATCH (n:Company {uid: $uid})" + LIFECYCLE + PLAIN_PROJECTION
)
