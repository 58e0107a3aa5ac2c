"""The intelligence benchmark's reads in plain Cypher: the closest a team would get to
``orgChart``, ``hiddenLinks`` and ``buyingCommittee`` with one query each and no algorithm
(nothing inferred, scored or explained), and the deal the benchmark asks about.

Live means neither soft-deleted nor merged away.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["COMMITTEE_DEAL", "COMMITTEE_TIES", "ORG_LINES", "SHARED_WITH"]

# orgChart: the account's current people, each with the managers their open REPORTS_TO
# lines name (only the lines the data holds; none inferred).
ORG_LINES: LiteralString = """
MATCH (:Company {uid: $uid})<-[w:WORKS_AT]-(p:Person)
WHERE w.end IS NULL AND p.deleted_at IS NULL AND p.merged_into IS NULL
OPTIONAL MATCH (p)-[r:REPORTS_TO]->(m:Person)
WHERE r.valid_to IS NULL AND m.deleted_at IS NULL AND m.merged_into IS NULL
RETURN p.uid AS uid, p.full_name AS name, w.title AS title,
       coalesce(w.seniority, p.seniority) AS seniority, collect(m.uid) AS managers
"""

# hiddenLinks: the companies that share a person (a job at both, any time) or an identifier
# (domain, address, phone) with the account, the most shared first.
SHARED_WITH: LiteralString = """
MATCH (c:Company {uid: $uid}) WHERE c.deleted_at IS NULL
CALL (c) {
  MATCH (c)<-[:WORKS_AT]-(p:Person)-[:WORKS_AT]->(o:Company)
  WHERE o <> c AND p.deleted_at IS NULL AND p.merged_into IS NULL
    AND o.deleted_at IS NULL AND o.merged_into IS NULL
  RETURN o, count(DISTINCT p) AS shared
  UNION ALL
  MATCH (c)-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]->(i)<-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]-(o:Company)
  WHERE o <> c AND o.deleted_at IS NULL AND o.merged_into IS NULL
  RETURN o, count(DISTINCT i) AS shared
}
WITH o, sum(shared) AS shared
RETURN o.uid AS uid, o.name AS name, shared
ORDER BY shared DESC, uid
LIMIT $limit
"""

# buyingCommittee: the deal's contacts with their roles, each with the $ties strongest KNOWS
# to our colleagues.
COMMITTEE_TIES: LiteralString = """
MATCH (d:Deal {uid: $uid})<-[r:INVOLVED_IN]-(p:Person)
WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL AND p.merged_into IS NULL
WITH p, collect(DISTINCT r.role) AS roles
OPTIONAL MATCH (p)-[k:KNOWS]-(c:Person {is_colleague: true})
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
WITH p, roles, c, k ORDER BY k.strength DESC
WITH p, roles, collect({colleague: c.uid, strength: k.strength}) AS found
RETURN p.uid AS uid, roles, [t IN found WHERE t.colleague IS NOT NULL][..$ties] AS ties
"""

# The live deal with the most live contacts, one of $company's first (ties by uid).
COMMITTEE_DEAL: LiteralString = """
MATCH (d:Deal)<-[:INVOLVED_IN]-(p:Person)
WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL AND p.merged_into IS NULL
WITH d, count(DISTINCT p) AS contacts
OPTIONAL MATCH (d)-[:FOR]->(c:Company)
WITH d, contacts, count(CASE WHEN c.uid = $company THEN 1 END) > 0 AS at_account
RETURN d.uid AS uid, d.name AS name, contacts
ORDER BY at_account DESC, contacts DESC, uid
LIMIT 1
"""
