"""Bounded reads behind org charts, decision-makers and buying committees.

Everything starts from one company (and, when asked, its subsidiaries) and the people
employed there on a date; lists of uids come as ``$parameters`` and every query carries a
``LIMIT`` or works on a list the caller has already capped.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "COMPANY_FAMILY",
    "COMPANY_UIDS",
    "DEAL_COMMITTEE",
    "DEAL_ROLES_OF_PEOPLE",
    "INTERACTIONS_AMONG",
    "KNOWS_AMONG",
    "KNOWS_TO_COLLEAGUES",
    "LINES_OF_PEOPLE",
    "PEOPLE_AT",
]

_LIVE_SUB: LiteralString = "sub.deleted_at IS NULL AND sub.merged_into IS NULL"

# The company and its subsidiaries down the SUBSIDIARY_OF tree ($depth <= 4 hops), nearest
# first, each with its name and its parent (the next company on its shortest path to the
# root); no row when the company does not exist (or is deleted or merged away).
COMPANY_FAMILY: LiteralString = (
    """
MATCH (root:Company {uid: $uid})
WHERE root.deleted_at IS NULL AND root.merged_into IS NULL
OPTIONAL MATCH path = (sub:Company)-[:SUBSIDIARY_OF*1..4]->(root)
WHERE $subsidiaries AND length(path) <= $depth AND sub <> root AND """
    + _LIVE_SUB
    + """
WITH root, sub, path ORDER BY length(path), nodes(path)[1].uid
WITH root, sub, min(length(path)) AS hops, head(collect(nodes(path)[1].uid)) AS parent
ORDER BY hops, sub.name, sub.uid
RETURN root.uid AS uid, root.name AS name,
       collect(CASE WHEN sub IS NOT NULL
                    THEN {uid: sub.uid, name: sub.name, parent: parent} END)[..$cap]
         AS subsidiaries
"""
)

# Live companies, by uid, a page at a time.
COMPANY_UIDS: LiteralString = """
MATCH (c:Company) WHERE c.uid > $after AND c.deleted_at IS NULL AND c.merged_into IS NULL
RETURN c.uid AS uid ORDER BY uid LIMIT $limit
"""

# The people working at the companies on $as_of, in any role, most senior first (so a cap
# keeps the top of the organisation). A person may come back once per tenure.
PEOPLE_AT: LiteralString = """
UNWIND $companies AS company_uid
MATCH (c:Company {uid: company_uid})<-[w:WORKS_AT]-(p:Person)
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
  AND (w.start IS NULL OR w.start <= $as_of) AND (w.end IS NULL OR w.end >= $as_of)
WITH c, w, p,
     CASE coalesce(w.seniority, p.seniority)
       WHEN 'board' THEN 0 WHEN 'c_level' THEN 1 WHEN 'vp' THEN 2 WHEN 'director' THEN 3
       WHEN 'manager' THEN 4 WHEN 'individual_contributor' THEN 5 ELSE 6 END AS rank
ORDER BY rank, p.uid
LIMIT $limit
RETURN c.uid AS company, p.uid AS uid, p.full_name AS name, p.is_colleague AS colleague,
       p.title AS person_title, p.department AS person_department, properties(w) AS job
"""

# Reports-to lines of the people valid on $as_of; the caller keeps those whose manager is
# projected too.
LINES_OF_PEOPLE: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[r:REPORTS_TO]->(m:Person)
WHERE m.deleted_at IS NULL AND m.merged_into IS NULL
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of)
  AND (r.valid_to IS NULL OR r.valid_to >= $as_of)
RETURN p.uid AS person, m.uid AS manager, r.kind AS kind,
       r.valid_from AS valid_from, r.valid_to AS valid_to
"""

# Who took part in the same interactions, among the people, in [$since, $until): one row
# per ordered pair, channel and pair of roles.
INTERACTIONS_AMONG: LiteralString = """
UNWIND $uids AS uid
MATCH (a:Person {uid: uid})-[ra:PARTICIPATED_IN]->(i:Interaction)
WHERE i.occurred_at >= $since AND i.occurred_at < $until AND i.deleted_at IS NULL
MATCH (i)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE b <> a AND b.uid IN $uids
RETURN a.uid AS a, b.uid AS b, i.kind AS kind, ra.role AS role_a, rb.role AS role_b,
       count(*) AS n
"""

# KNOWS edges among the people (each pair once).
KNOWS_AMONG: LiteralString = """
UNWIND $uids AS uid
MATCH (a:Person {uid: uid})-[k:KNOWS]->(b:Person)
WHERE b.uid IN $uids
RETURN a.uid AS a, b.uid AS b, k.strength AS strength
"""

# The people's roles in deals with the companies (live deals only).
DEAL_ROLES_OF_PEOPLE: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[r:INVOLVED_IN]->(d:Deal)-[:FOR]->(c:Company)
WHERE d.deleted_at IS NULL AND c.uid IN $companies
RETURN p.uid AS person, r.role AS role, d.uid AS deal, d.stage AS stage,
       d.close_date AS close_date
"""

# A deal, its company and its buying committee; no row when the deal does not exist.
DEAL_COMMITTEE: LiteralString = """
MATCH (d:Deal {uid: $uid}) WHERE d.deleted_at IS NULL
OPTIONAL MATCH (d)-[:FOR]->(c:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
OPTIONAL MATCH (p:Person)-[r:INVOLVED_IN]->(d)
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
RETURN d.uid AS uid, d.name AS name, d.stage AS stage, d.amount AS amount,
       d.currency AS currency,
       head(collect(DISTINCT c.uid)) AS company,
       [m IN collect(DISTINCT {person: p.uid, role: r.role}) WHERE m.person IS NOT NULL]
         AS members
"""

# KNOWS ties that reach each target from a colleague in one or two hops: (colleague, target)
# directly, and (colleague, x, target) through anyone; the $per_target strongest of each
# (equal strengths by colleague, then via, so the cut and the order never depend on the
# database's row order).
KNOWS_TO_COLLEAGUES: LiteralString = """
UNWIND $targets AS target_uid
MATCH (t:Person {uid: target_uid})
CALL (t) {
  MATCH (t)-[k:KNOWS]-(c:Person {is_colleague: true})
  WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c <> t
  RETURN c.uid AS colleague, null AS via, k.strength AS s1, null AS s2, k.strength AS s
  UNION
  MATCH (t)-[k1:KNOWS]-(x:Person)-[k2:KNOWS]-(c:Person {is_colleague: true})
  WHERE x.deleted_at IS NULL AND x.merged_into IS NULL AND c.deleted_at IS NULL
    AND c.merged_into IS NULL AND c <> t AND x <> c AND x <> t
  RETURN c.uid AS colleague, x.uid AS via, k2.strength AS s1, k1.strength AS s2,
         k1.strength * k2.strength AS s
}
WITH t, colleague, via, s1, s2, s ORDER BY s DESC, colleague, via, s1
WITH t, collect({colleague: colleague, via: via, s1: s1, s2: s2})[..$per_target] AS ties
RETURN t.uid AS target, ties
"""
