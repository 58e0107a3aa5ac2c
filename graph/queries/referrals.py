"""Bounded reads for referral paths: neighbourhood rounds, the links among the people found,
their facts, the home team and a company's employees. Deleted and merged-away people and
deleted companies never appear."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_SHORTEST_PATHS",
    "COMPANY_EMPLOYEES",
    "CONTACT_UIDS",
    "HOME_TEAM",
    "LINKS_AMONG",
    "NEIGHBOURS",
    "PEOPLE_FACTS",
    "SHORTEST_PATH",
]

_LIVE_Q: LiteralString = "q.deleted_at IS NULL AND q.merged_into IS NULL"

# One round of the neighbourhood: every live person one hop from the frontier with the
# strongest chain that reaches them: the frontier person's chain ($chains[uid]) times the
# hop's quick strength (KNOWS strength, a stated connection's or a shared tenure's weight).
NEIGHBOURS: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})
CALL (p) {
  MATCH (p)-[k:KNOWS]-(q:Person)
  RETURN q, coalesce(k.strength, 0.0) AS s
  UNION ALL
  MATCH (p)-[:CONNECTED_TO]-(q:Person)
  RETURN q, $stated AS s
  UNION ALL
  MATCH (p)-[w1:WORKS_AT]->(c:Company)<-[w2:WORKS_AT]-(q:Person)
  WHERE q <> p AND c.deleted_at IS NULL
    AND (w1.start IS NULL OR w2.end IS NULL OR w1.start <= w2.end)
    AND (w2.start IS NULL OR w1.end IS NULL OR w2.start <= w1.end)
  RETURN q, $tenure AS s
}
WITH q, max($chains[uid] * s) AS chain
WHERE """
    + _LIVE_Q
    + """
RETURN q.uid AS uid, chain
"""
)

# Every link that starts at one of $uids (KNOWS and CONNECTED_TO by their direction, shared
# tenures once per pair by the lower uid); the caller keeps those whose other end is in
# the set too.
LINKS_AMONG: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})
CALL (p) {
  MATCH (p)-[k:KNOWS]->(q:Person)
  RETURN q, 'knows' AS kind, k {.strength, .count, .first_at, .last_at, .trend,
         .going_cold} AS props
  UNION ALL
  MATCH (p)-[r:CONNECTED_TO]->(q:Person)
  RETURN q, 'stated' AS kind, {since: coalesce(r.since, r.connected_on), kind: r.kind,
         source: r.source} AS props
  UNION ALL
  MATCH (p)-[w1:WORKS_AT]->(c:Company)<-[w2:WORKS_AT]-(q:Person)
  WHERE p.uid < q.uid AND c.deleted_at IS NULL
    AND (w1.start IS NULL OR w2.end IS NULL OR w1.start <= w2.end)
    AND (w2.start IS NULL OR w1.end IS NULL OR w2.start <= w1.end)
  RETURN q, 'tenure' AS kind, {company: c.uid, start1: w1.start, end1: w1.end,
         start2: w2.start, end2: w2.end, role1: w1.role, role2: w2.role} AS props
}
WITH p, q, kind, props WHERE """
    + _LIVE_Q
    + """
RETURN p.uid AS a, q.uid AS b, kind, props
"""
)

PEOPLE_FACTS: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company)
  WHERE w.end IS NULL AND c.deleted_at IS NULL
WITH p, collect(DISTINCT c) AS employers
RETURN p.uid AS uid, coalesce(p.is_colleague, false) AS colleague,
       [c IN employers | c.uid] AS companies, p.seniority AS seniority, p.title AS title,
       any(c IN employers WHERE EXISTS {
         MATCH (d:Deal)-[:FOR]->(c) WHERE d.stage = 'closed_won' AND d.deleted_at IS NULL
       }) AS customer
"""

HOME_TEAM: LiteralString = """
MATCH (h:Company {is_home: true})<-[w:WORKS_AT]-(q:Person)
WHERE h.deleted_at IS NULL AND w.end IS NULL AND q.deleted_at IS NULL
  AND q.merged_into IS NULL
RETURN DISTINCT q.uid AS uid, h.uid AS company ORDER BY uid
"""

# A company's current employees (employee role) with their job's seniority and title.
COMPANY_EMPLOYEES: LiteralString = """
MATCH (c:Company {uid: $uid})<-[w:WORKS_AT]-(q:Person)
WHERE c.deleted_at IS NULL AND w.end IS NULL AND coalesce(w.role, 'employee') = 'employee'
  AND q.deleted_at IS NULL AND q.merged_into IS NULL
RETURN q.uid AS uid,
       CASE WHEN w.seniority IS NULL OR w.seniority = 'unknown' THEN q.seniority
            ELSE w.seniority END AS seniority,
       coalesce(w.title, q.title) AS title
ORDER BY uid
"""

# The benchmark's baseline: Neo4j's own shortest paths over KNOWS, hop limit as a literal.
_SHORTEST_HEAD: LiteralString = """
MATCH (a:Person {uid: $a}), (b:Person {uid: $b})
OPTIONAL MATCH p = shortestPath((a)-[:KNOWS*.."""
_ALL_SHORTEST_HEAD: LiteralString = """
MATCH (a:Person {uid: $a}), (b:Person {uid: $b})
OPTIONAL MATCH p = allShortestPaths((a)-[:KNOWS*.."""
_TAIL: LiteralString = """]-(b))
RETURN count(p) AS paths, min(length(p)) AS hops
"""
SHORTEST_PATH: dict[int, LiteralString] = {
    1: _SHORTEST_HEAD + "1" + _TAIL,
    2: _SHORTEST_HEAD + "2" + _TAIL,
    3: _SHORTEST_HEAD + "3" + _TAIL,
    4: _SHORTEST_HEAD + "4" + _TAIL,
    5: _SHORTEST_HEAD + "5" + _TAIL,
    6: _SHORTEST_HEAD + "6" + _TAIL,
}
ALL_SHORTEST_PATHS: dict[int, LiteralString] = {
    1: _ALL_SHORTEST_HEAD + "1" + _TAIL,
    2: _ALL_SHORTEST_HEAD + "2" + _TAIL,
    3: _ALL_SHORTEST_HEAD + "3" + _TAIL,
    4: _ALL_SHORTEST_HEAD + "4" + _TAIL,
    5: _ALL_SHORTEST_HEAD + "5" + _TAIL,
    6: _ALL_SHORTEST_HEAD + "6" + _TAIL,
}

CONTACT_UIDS: LiteralString = """
MATCH (p:Person)-[:KNOWS]-()
WHERE coalesce(p.is_colleague, false) = false AND p.deleted_at IS NULL
RETURN DISTINCT p.uid AS uid ORDER BY uid
"""
