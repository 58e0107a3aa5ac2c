"""Reading pairs' shared interactions and writing the derived KNOWS edges."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_KNOWS_COLD",
    "ALL_KNOWS_STRENGTHS",
    "PAIR_STATED",
    "PAIR_TOUCHES",
    "PERSON_TIES",
    "PAIRS_OF_PEOPLE",
    "PAIR_ACTIVITY",
    "PERSON_PAIR_ACTIVITY",
    "PERSON_UID_PAGE",
    "REPLACE_PERSON_KNOWS",
    "STATE_RELATIONSHIP",
    "UPSERT_KNOWS",
]

PERSON_UID_PAGE: LiteralString = """
MATCH (p:Person) WHERE p.uid > $after
RETURN p.uid AS uid ORDER BY uid LIMIT $limit
"""

# Each unordered pair is reported once, by its lower uid.
PAIR_ACTIVITY: LiteralString = """
UNWIND $uids AS uid
MATCH (a:Person {uid: uid})-[ra:PARTICIPATED_IN]->(i:Interaction)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE a.uid < b.uid
RETURN a.uid AS a, b.uid AS b,
       collect({kind: i.kind, at: i.occurred_at, role_a: ra.role, role_b: rb.role}) AS touches
"""

# The pairs of some people (an import touched them) with anyone: a pair inside $uids is
# reported once, by its lower uid; roles are seen from the person in $uids.
PAIRS_OF_PEOPLE: LiteralString = """
UNWIND $uids AS uid
MATCH (a:Person {uid: uid})-[ra:PARTICIPATED_IN]->(i:Interaction)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE b <> a AND (a.uid < b.uid OR NOT b.uid IN $uids)
RETURN a.uid AS person, b.uid AS other,
       collect({kind: i.kind, at: i.occurred_at, role_a: ra.role, role_b: rb.role}) AS touches
"""

# One person's pairs, as PAIR_ACTIVITY reports them (same matches, roles seen from $uid).
PERSON_PAIR_ACTIVITY: LiteralString = """
MATCH (a:Person {uid: $uid})-[ra:PARTICIPATED_IN]->(i:Interaction)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE b <> a
RETURN b.uid AS other,
       collect({kind: i.kind, at: i.occurred_at, role_a: ra.role, role_b: rb.role}) AS touches
"""

# Replace one person's KNOWS edges: those to people outside $rows go (``dropped``: the uids
# of the people at their other end), the others are upserted.
REPLACE_PERSON_KNOWS: LiteralString = """
MATCH (p:Person {uid: $uid})
CALL (p) {
  OPTIONAL MATCH (p)-[k:KNOWS]-(o:Person)
    WHERE NOT o.uid IN [row IN $rows | CASE WHEN row.a = p.uid THEN row.b ELSE row.a END]
  WITH k, o.uid AS other
  DELETE k
  RETURN collect(DISTINCT other) AS dropped
}
CALL (p) {
  UNWIND $rows AS row
  MATCH (a:Person {uid: row.a})
  MATCH (b:Person {uid: row.b})
  MERGE (a)-[k:KNOWS]->(b)
  SET k += row.props
  RETURN count(*) AS written
}
RETURN written, dropped
"""

UPSERT_KNOWS: LiteralString = """
UNWIND $rows AS row
MATCH (a:Person {uid: row.a})
MATCH (b:Person {uid: row.b})
MERGE (a)-[k:KNOWS]->(b)
SET k += row.props
RETURN count(*) AS written
"""

ALL_KNOWS_STRENGTHS: LiteralString = """
MATCH (a:Person)-[k:KNOWS]->(b:Person)
RETURN a.uid AS a, b.uid AS b, k.strength AS strength
"""

ALL_KNOWS_COLD: LiteralString = """
MATCH (a:Person)-[k:KNOWS]->(b:Person)
RETURN a.uid AS a, b.uid AS b, k.going_cold AS going_cold
"""

# The shared interactions of one pair, roles seen from $a (soft-deleted ones left out).
PAIR_TOUCHES: LiteralString = """
MATCH (a:Person {uid: $a})-[ra:PARTICIPATED_IN]->(i:Interaction)<-[rb:PARTICIPATED_IN]-
      (b:Person {uid: $b})
WHERE i.deleted_at IS NULL
RETURN i.kind AS kind, i.occurred_at AS at, ra.role AS role_a, rb.role AS role_b
"""

# Stated connections or relationships between two people, either direction.
PAIR_STATED: LiteralString = """
MATCH (a:Person {uid: $a})-[r:CONNECTED_TO]-(b:Person {uid: $b})
RETURN coalesce(r.since, r.connected_on) AS since, r.kind AS kind, r.source AS source
"""

# One person's strongest KNOWS ties to live people.
PERSON_TIES: LiteralString = """
MATCH (p:Person {uid: $uid})-[k:KNOWS]-(q:Person)
WHERE q.deleted_at IS NULL AND q.merged_into IS NULL
  AND coalesce(k.strength, 0.0) >= $min_strength
  AND (NOT $colleagues_only OR q.is_colleague = true)
RETURN q.uid AS uid, k {.strength, .count, .first_at, .last_at, .trend, .going_cold,
       .reciprocity, .recent_volume, .previous_volume} AS props
ORDER BY k.strength DESC, uid
LIMIT $first
"""

# A stated relationship (a user says how two people know each other): one CONNECTED_TO per
# ordered pair from the API, its kind and date replaced when stated again.
STATE_RELATIONSHIP: LiteralString = """
MATCH (a:Person {uid: $a}) WHERE a.deleted_at IS NULL
MATCH (b:Person {uid: $b}) WHERE b.deleted_at IS NULL
MERGE (a)-[r:CONNECTED_TO {source: 'api', source_id: $a + '>' + $b}]->(b)
  ON CREATE SET r.created_at = datetime()
SET r.kind = $kind, r.since = $since, r.updated_at = datetime()
RETURN count(r) AS written
"""
