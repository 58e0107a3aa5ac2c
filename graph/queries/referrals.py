"""Bounded reads for referral paths: neighbourhood rounds, the links among the people found,
their facts, the home team and a company's employees. Deleted and merged-away people and
deleted companies never appear."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_SHORTEST_PATHS",
    "COMPANY_EMPLOYEES",
    "FRONTIER_DEGREES",
    "HOME_TEAM",
    "LINKS_AMONG",
    "NEIGHBOURS",
    "PEOPLE_FACTS",
    "SEED_IDS",
    "SHORTEST_PATH",
]

# Internally the projection names people by element id: filtering neighbours by id needs
# no property read, which is what makes a round over thousands of people cheap.
SEED_IDS: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})
RETURN uid, elementId(p) AS id
"""

# What expanding each of $ids would cost: their KNOWS and CONNECTED_TO degree plus an
# allowance per employer (read from the degree store, no relationship is touched).
FRONTIER_DEGREES: LiteralString = """
UNWIND $ids AS id
MATCH (p:Person) WHERE elementId(p) = id
RETURN id, COUNT { (p)-[:KNOWS|CONNECTED_TO]-() } + 20 * COUNT { (p)-[:WORKS_AT]->() }
       AS degree
"""

# One round of the neighbourhood: every person one hop from the frontier with the strongest
# chain that reaches them: the frontier person's chain ($chains[id]) times the hop's quick
# strength (KNOWS strength, a stated connection's or a shared tenure's weight; tenures
# only at companies with at most $crowd people on record).
NEIGHBOURS: LiteralString = """
UNWIND $ids AS id
MATCH (p:Person) WHERE elementId(p) = id
CALL (p) {
  MATCH (p)-[k:KNOWS]-(q:Person)
  RETURN q, coalesce(k.strength, 0.0) AS s
  UNION ALL
  MATCH (p)-[:CONNECTED_TO]-(q:Person)
  RETURN q, $stated AS s
  UNION ALL
  MATCH (p)-[w1:WORKS_AT]->(c:Company)
  WHERE COUNT { (c)<-[:WORKS_AT]-() } <= $crowd
  MATCH (c)<-[w2:WORKS_AT]-(q:Person)
  WHERE q <> p
    AND (w1.start IS NULL OR w2.end IS NULL OR w1.start <= w2.end)
    AND (w2.start IS NULL OR w1.end IS NULL OR w2.start <= w1.end)
  RETURN q, $tenure AS s
}
WITH q, max($chains[id] * s) AS chain
RETURN elementId(q) AS id, chain
"""

# Every link between two of $ids, one row per person with lists (far fewer records to
# decode): KNOWS and CONNECTED_TO from their start node, shared tenures once per pair (from
# the lower element id), each with what the evidence needs. A shared tenure at a company
# with more than $crowd people on record (current and former) is a link only when the two
# also know each other (KNOWS or CONNECTED_TO): at a big company, having worked there at
# the same time says little, and all its pairs would be a clique.
LINKS_AMONG: LiteralString = """
UNWIND $ids AS id
MATCH (p:Person) WHERE elementId(p) = id
CALL (p) {
  MATCH (p)-[k:KNOWS]->(q:Person) WHERE elementId(q) IN $ids
  RETURN collect([elementId(q), k.strength, k.count, k.last_at]) AS knows
}
CALL (p) {
  MATCH (p)-[r:CONNECTED_TO]->(q:Person) WHERE elementId(q) IN $ids
  RETURN collect([elementId(q), coalesce(r.since, r.connected_on), r.kind, r.source]) AS stated
}
CALL (p, id) {
  MATCH (p)-[w1:WORKS_AT]->(c:Company)
  WHERE c.deleted_at IS NULL
  WITH p, w1, c, COUNT { (c)<-[:WORKS_AT]-() } <= $crowd AS small
  MATCH (c)<-[w2:WORKS_AT]-(q:Person)
  WHERE elementId(q) IN $ids AND id < elementId(q)
  WITH p, q, c, w1, w2, small
  WHERE (w1.start IS NULL OR w2.end IS NULL OR w1.start <= w2.end)
    AND (w2.start IS NULL OR w1.end IS NULL OR w2.start <= w1.end)
    AND (small OR EXISTS { (p)-[:KNOWS|CONNECTED_TO]-(q) })
  RETURN collect([elementId(q), c.uid, w1.start, w1.end, w2.start, w2.end, w1.role,
                  w2.role]) AS tenures
}
WITH id, knows, stated, tenures WHERE size(knows) + size(stated) + size(tenures) > 0
RETURN id, knows, stated, tenures
"""

# The live people among $ids: uid, colleague, customer (employed now at a company with a
# deal in stage $won), current employers, seniority and title.
PEOPLE_FACTS: LiteralString = """
UNWIND $ids AS id
MATCH (p:Person) WHERE elementId(p) = id
  AND p.deleted_at IS NULL AND p.merged_into IS NULL
OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company)
  WHERE w.end IS NULL AND c.deleted_at IS NULL
WITH id, p, collect(DISTINCT c) AS employers
RETURN id, p.uid AS uid, coalesce(p.is_colleague, false) AS colleague,
       [c IN employers | c.uid] AS companies, p.seniority AS seniority, p.title AS title,
       any(c IN employers WHERE EXISTS {
         MATCH (d:Deal)-[:FOR]->(c) WHERE d.stage = $won AND d.deleted_at IS NULL
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
