"""Bulk reads behind the resident projection: every record the intelligence reads, the
whole graph at start-up (``ALL_*``) or only the records a change touched (``TOUCHED_*``,
``$uids`` of people, companies, deals or interactions).

Each query returns plain columns; liveness (deleted or merged away) travels as a flag, since
the projection answers as the per-request reads do, which filter on it.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_COMPANIES",
    "ALL_CONNECTIONS",
    "ALL_DEALS",
    "ALL_INTERACTIONS",
    "ALL_JOBS",
    "ALL_KNOWS",
    "ALL_LINES",
    "ALL_PEOPLE",
    "ALL_SUBSIDIARIES",
    "TOUCHED_COMPANIES",
    "TOUCHED_DEALS",
    "TOUCHED_INTERACTIONS",
    "TOUCHED_PEOPLE",
]

_PERSON_COLUMNS: LiteralString = """
RETURN p.uid AS uid, elementId(p) AS id, p.full_name AS name,
       coalesce(p.is_colleague, false) AS colleague, p.title AS title,
       p.department AS department, p.seniority AS seniority,
       p.deleted_at IS NULL AND p.merged_into IS NULL AS live
"""
ALL_PEOPLE: LiteralString = "MATCH (p:Person)" + _PERSON_COLUMNS

_COMPANY_COLUMNS: LiteralString = """
RETURN c.uid AS uid, c.name AS name, coalesce(c.is_home, false) AS home,
       c.deleted_at IS NULL AS undeleted,
       c.deleted_at IS NULL AND c.merged_into IS NULL AS live,
       COUNT { (c)<-[:WORKS_AT]-() } AS on_record
"""
ALL_COMPANIES: LiteralString = "MATCH (c:Company)" + _COMPANY_COLUMNS

ALL_JOBS: LiteralString = """
MATCH (p:Person)-[w:WORKS_AT]->(c:Company)
RETURN p.uid AS person, c.uid AS company, properties(w) AS job
"""

ALL_KNOWS: LiteralString = """
MATCH (a:Person)-[k:KNOWS]->(b:Person)
RETURN a.uid AS a, b.uid AS b, k.strength AS strength, k.count AS count, k.last_at AS last_at
"""

ALL_CONNECTIONS: LiteralString = """
MATCH (a:Person)-[r:CONNECTED_TO]->(b:Person)
RETURN a.uid AS a, b.uid AS b, coalesce(r.since, r.connected_on) AS since, r.kind AS kind,
       r.source AS source
"""

ALL_LINES: LiteralString = """
MATCH (p:Person)-[r:REPORTS_TO]->(m:Person)
RETURN p.uid AS person, m.uid AS manager, r.kind AS kind, r.valid_from AS valid_from,
       r.valid_to AS valid_to
"""

ALL_SUBSIDIARIES: LiteralString = """
MATCH (s:Company)-[:SUBSIDIARY_OF]->(p:Company)
RETURN s.uid AS sub, p.uid AS parent
"""

_DEAL_COLUMNS: LiteralString = """
OPTIONAL MATCH (d)-[:FOR]->(c:Company)
WITH d, collect(c.uid) AS companies
OPTIONAL MATCH (p:Person)-[r:INVOLVED_IN]->(d)
RETURN d.uid AS uid, d.stage AS stage, d.close_date AS close_date,
       d.deleted_at IS NULL AS live, companies, collect([p.uid, r.role]) AS roles
"""
ALL_DEALS: LiteralString = "MATCH (d:Deal)" + _DEAL_COLUMNS

_INTERACTION_COLUMNS: LiteralString = """
OPTIONAL MATCH (p:Person)-[r:PARTICIPATED_IN]->(i)
WITH i, collect([p.uid, r.role]) AS participants
RETURN i.uid AS uid, i.occurred_at AS at, i.kind AS kind, i.deleted_at IS NULL AS live,
       participants ORDER BY uid
"""
# A page of interactions in uid order (the uniqueness constraint's index gives the order).
ALL_INTERACTIONS: LiteralString = (
    """
MATCH (i:Interaction) WHERE i.uid > $after
WITH i ORDER BY i.uid LIMIT $limit
"""
    + _INTERACTION_COLUMNS
)

# The records a change touched, read again in full. A touched person brings back every
# relationship of theirs the projection holds (both ends of ties and lines, their deals and
# interactions are re-read by uid through the other queries).
TOUCHED_PEOPLE: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company)
  RETURN collect([c.uid, properties(w)]) AS jobs
}
CALL (p) {
  OPTIONAL MATCH (p)-[k:KNOWS]-(q:Person)
  RETURN collect([startNode(k) = p, q.uid, k.strength, k.count, k.last_at]) AS knows
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:CONNECTED_TO]-(q:Person)
  RETURN collect([startNode(r) = p, q.uid, coalesce(r.since, r.connected_on), r.kind,
                  r.source]) AS connections
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:REPORTS_TO]-(q:Person)
  RETURN collect([startNode(r) = p, q.uid, r.kind, r.valid_from, r.valid_to]) AS lines
}
CALL (p) {
  OPTIONAL MATCH (p)-[:INVOLVED_IN]->(d:Deal)
  RETURN collect(d.uid) AS deals
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(i:Interaction)
  RETURN collect(i.uid) AS interactions
}
RETURN p.uid AS uid, elementId(p) AS id, p.full_name AS name,
       coalesce(p.is_colleague, false) AS colleague, p.title AS title,
       p.department AS department, p.seniority AS seniority,
       p.deleted_at IS NULL AND p.merged_into IS NULL AS live,
       jobs, knows, connections, lines, deals, interactions
"""

TOUCHED_COMPANIES: LiteralString = """
UNWIND $uids AS uid
MATCH (c:Company {uid: uid})
CALL (c) {
  OPTIONAL MATCH (c)-[s:SUBSIDIARY_OF]-(o:Company)
  RETURN collect([startNode(s) = c, o.uid]) AS family
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:WORKS_AT]-(p:Person)
  RETURN collect(DISTINCT p.uid) AS people
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:FOR]-(d:Deal)
  RETURN collect(d.uid) AS deals
}
RETURN c.uid AS uid, c.name AS name, coalesce(c.is_home, false) AS home,
       c.deleted_at IS NULL AS undeleted,
       c.deleted_at IS NULL AND c.merged_into IS NULL AS live,
       COUNT { (c)<-[:WORKS_AT]-() } AS on_record, family, people, deals
"""

TOUCHED_DEALS: LiteralString = "UNWIND $uids AS uid MATCH (d:Deal {uid: uid})" + _DEAL_COLUMNS

TOUCHED_INTERACTIONS: LiteralString = (
    "UNWIND $uids AS uid MATCH (i:Interaction {uid: uid})" + _INTERACTION_COLUMNS
)
