"""Person commands: create or update by uid, upsert by source key or by email, soft delete.

Parameters as in :mod:`graph.queries.commands.companies`, with ``$key`` the email of an
upsert and ``$links``: ``phone_given``, ``phone``. The email check names the conflict; the
uniqueness constraint on ``Person.email`` remains the backstop against racing writers.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.fragments import LIFECYCLE, PLAIN_PROJECTION, VERDICT

__all__ = ["PERSON_BY_EMAIL", "PERSON_BY_SOURCE", "PERSON_BY_UID", "PERSON_LIFECYCLE"]

_BY_UID: LiteralString = """
OPTIONAL MATCH (existing:Person {uid: $uid})
WITH existing, $uid AS target
"""

_BY_SOURCE: LiteralString = """
OPTIONAL MATCH (existing:Person {source: $source, source_id: $source_id})
WITH existing, coalesce(existing.uid, $uid) AS target
"""

_BY_EMAIL: LiteralString = """
OPTIONAL MATCH (existing:Person {email: $key})
WITH existing, coalesce(existing.uid, $uid) AS target
"""

_CHECKS: LiteralString = """
OPTIONAL MATCH (other:Person {email: $props.email}) WHERE other.uid <> target
WITH existing, target, count(other) AS taken
WITH existing, target,
     CASE WHEN taken > 0 THEN ['conflict', 'email', 'email_taken'] END AS problem
"""

_WRITE: LiteralString = """
CALL (target, verdict) {
  WITH target, verdict WHERE verdict[0] = 'ok'
  MERGE (n:Person {uid: target})
    ON CREATE SET n.source = $source, n.source_id = $source_id, n.version = 0,
                  n.created_at = datetime()
  SET n += $props, n.version = coalesce(n.version, 1) + 1, n.updated_at = datetime()
  WITH n
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
OPTIONAL MATCH (n:Person {uid: target})
WITH n, verdict, actual
"""

PERSON_BY_UID: LiteralString = _BY_UID + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION
PERSON_BY_SOURCE: LiteralString = _BY_SOURCE + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION
PERSON_BY_EMAIL: LiteralString = _BY_EMAIL + _CHECKS + VERDICT + _WRITE + PLAIN_PROJECTION

PERSON_LIFECYCLE: LiteralString = (
    "OPTIONAL MATCH (n:Person {uid: $uid})" + LIFECYCLE + PLAIN_PROJECTION
)
