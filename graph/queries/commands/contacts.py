"""Buying-committee commands on ``(:Person)-[:INVOLVED_IN {role}]->(:Deal)``.

Parameters: ``$deal_uid``, ``$person_uid``, ``$role`` (add, remove) or ``$from_role`` and
``$to_role`` (change), ``$source_id`` (provenance of a new edge, whose source is ``api``).
Each returns the deal (as :data:`~graph.queries.commands.fragments.DEAL_PROJECTION`); add
also returns ``created`` (whether the role is new; carried as the verdict's fourth item).
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.fragments import DEAL_PROJECTION

__all__ = ["ADD_DEAL_CONTACT", "CHANGE_DEAL_CONTACT_ROLE", "REMOVE_DEAL_CONTACT"]

_ENDS: LiteralString = """
OPTIONAL MATCH (n:Deal {uid: $deal_uid}) WHERE n.deleted_at IS NULL
OPTIONAL MATCH (p:Person {uid: $person_uid}) WHERE p.deleted_at IS NULL
"""

_TAIL: LiteralString = """
WITH n, verdict, coalesce(n.version, 1) AS actual
"""

ADD_DEAL_CONTACT: LiteralString = (
    _ENDS
    + """
OPTIONAL MATCH (p)-[old:INVOLVED_IN {role: $role}]->(n)
WITH n, p, CASE
  WHEN n IS NULL THEN ['missing', 'deal_id', 'no_record']
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  ELSE ['ok', null, null, old IS NULL]
END AS verdict
CALL (n, p, verdict) {
  WITH n, p, verdict WHERE verdict[0] = 'ok'
  MERGE (p)-[r:INVOLVED_IN {role: $role}]->(n)
    ON CREATE SET r.source = 'api', r.source_id = $source_id
}
"""
    + _TAIL
    + DEAL_PROJECTION
    + ", verdict[3] AS created"
)

CHANGE_DEAL_CONTACT_ROLE: LiteralString = (
    _ENDS
    + """
OPTIONAL MATCH (p)-[old:INVOLVED_IN {role: $from_role}]->(n)
OPTIONAL MATCH (p)-[taken:INVOLVED_IN {role: $to_role}]->(n)
WITH n, p, old, CASE
  WHEN n IS NULL THEN ['missing', 'deal_id', 'no_record']
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  WHEN old IS NULL THEN ['missing', 'from_role', 'no_contact']
  WHEN taken IS NOT NULL THEN ['conflict', 'to_role', 'contact_exists']
  ELSE ['ok', null, null]
END AS verdict
CALL (n, p, old, verdict) {
  WITH n, p, old, verdict WHERE verdict[0] = 'ok'
  DELETE old
  CREATE (p)-[r:INVOLVED_IN {role: $to_role}]->(n)
  SET r.source = 'api', r.source_id = $source_id
}
"""
    + _TAIL
    + DEAL_PROJECTION
)

REMOVE_DEAL_CONTACT: LiteralString = (
    _ENDS
    + """
OPTIONAL MATCH (p)-[old:INVOLVED_IN {role: $role}]->(n)
WITH n, p, old, CASE
  WHEN n IS NULL THEN ['missing', 'deal_id', 'no_record']
  WHEN p IS NULL THEN ['missing', 'person_id', 'no_record']
  WHEN old IS NULL THEN ['missing', 'role', 'no_contact']
  ELSE ['ok', null, null]
END AS verdict
CALL (old, verdict) {
  WITH old, verdict WHERE verdict[0] = 'ok'
  DELETE old
}
"""
    + _TAIL
    + DEAL_PROJECTION
)
