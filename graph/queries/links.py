"""Projections for hidden account links: one company's bounded neighbourhood, or the
company-level evidence of the whole graph (aggregated per company pair, never every person).

Soft-deleted and merged-away nodes never take part. A tenure is current on ``$as_of`` when
it has started by then and not ended before.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_COMPANIES",
    "ALL_DUPLICATE_CANDIDATES",
    "ALL_FAMILY_EDGES",
    "ALL_IDENTIFIER_GROUPS",
    "ALL_PEOPLE_PAIRS",
    "ALL_TIES",
    "COMPANY",
    "DUPLICATE_CANDIDATES_OF",
    "FAMILY_OF",
    "IDENTIFIER_GROUPS_OF",
    "NAME_MATCHES",
    "NEIGHBOURS_OF",
    "PEOPLE_OF",
]

_COMPANY_FIELDS: LiteralString = (
    "c.uid AS uid, c.name AS name, c.name_key AS name_key, coalesce(c.is_home, false) AS is_home"
)

COMPANY: LiteralString = (
    "MATCH (c:Company {uid: $uid}) WHERE c.deleted_at IS NULL AND c.merged_into IS NULL "
    "RETURN " + _COMPANY_FIELDS
)

ALL_COMPANIES: LiteralString = (
    "MATCH (c:Company) WHERE c.deleted_at IS NULL AND c.merged_into IS NULL "
    "RETURN " + _COMPANY_FIELDS
)

# People who connect companies, aggregated per company pair: how many, and a sample of
# them with their tenures at both. People at more than $max_places companies are left out.
ALL_PEOPLE_PAIRS: LiteralString = """
MATCH (p:Person)-[w:WORKS_AT]->(c:Company)
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
  AND c.deleted_at IS NULL AND c.merged_into IS NULL
WITH p, c, collect(w {.role, .title, .start, .end, .source, .source_id}) AS jobs
WITH p, collect({company: c.uid, jobs: jobs}) AS places
WHERE size(places) > 1 AND size(places) <= $max_places
UNWIND places AS first
UNWIND places AS second
WITH p, first, second WHERE first.company < second.company
WITH first.company AS a, second.company AS b, count(*) AS people,
     collect({uid: p.uid, name: p.full_name, at_a: first.jobs, at_b: second.jobs})
       [..$max_pair_people] AS sample
RETURN a, b, people, sample
"""

_IDENTIFIER_FIELDS: LiteralString = """
RETURN CASE WHEN i:Domain THEN 'Domain' WHEN i:Address THEN 'Address' ELSE 'Phone' END
         AS label,
       coalesce(i.name, i.key, i.number) AS key,
       coalesce(i.name, i.text, i.number) AS value,
       size(holders) AS shared_by, holders[..$max_holders] AS holders
"""

ALL_IDENTIFIER_GROUPS: LiteralString = (
    """
MATCH (c:Company)-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]->(i)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND (i:Domain OR i:Address OR i:Phone)
WITH i, collect(DISTINCT c.uid) AS uids
WHERE size(uids) > 1
WITH i, [uid IN uids | {uid: uid}] AS holders
"""
    + _IDENTIFIER_FIELDS
)

ALL_FAMILY_EDGES: LiteralString = """
MATCH (c:Company)-[:SUBSIDIARY_OF]->(p:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
  AND p.deleted_at IS NULL AND p.merged_into IS NULL
RETURN c.uid AS child, p.uid AS parent
"""

_CANDIDATE_FIELDS: LiteralString = """
any(d IN found WHERE d.status = 'dismissed') AS dismissed,
reduce(s = 0.0, d IN found | CASE WHEN coalesce(d.score, 0.0) > s THEN d.score ELSE s END)
  AS score,
head([d IN found WHERE d.status <> 'dismissed' | d.reasons]) AS reasons
"""

ALL_DUPLICATE_CANDIDATES: LiteralString = (
    """
MATCH (a:Company)-[d:POSSIBLE_DUPLICATE]-(b:Company)
WHERE a.uid < b.uid AND a.deleted_at IS NULL AND a.merged_into IS NULL
  AND b.deleted_at IS NULL AND b.merged_into IS NULL
WITH a, b, collect(d) AS found
RETURN a.uid AS a, b.uid AS b,
"""
    + _CANDIDATE_FIELDS
)

_TIE_FILTER: LiteralString = """
  AND NOT coalesce(z.is_home, false)
  AND p.deleted_at IS NULL AND p.merged_into IS NULL
  AND q.deleted_at IS NULL AND q.merged_into IS NULL
  AND z.deleted_at IS NULL AND z.merged_into IS NULL
  AND (wx.start IS NULL OR wx.start <= $as_of) AND (wx.end IS NULL OR wx.end >= $as_of)
  AND (wz.start IS NULL OR wz.start <= $as_of) AND (wz.end IS NULL OR wz.end >= $as_of)
"""

# KNOWS ties between the current people of two companies (ours left out), per pair.
ALL_TIES: LiteralString = (
    """
MATCH (x:Company)<-[wx:WORKS_AT]-(p:Person)-[k:KNOWS]-(q:Person)-[wz:WORKS_AT]->(z:Company)
WHERE x.uid < z.uid AND NOT coalesce(x.is_home, false)
  AND x.deleted_at IS NULL AND x.merged_into IS NULL
"""
    + _TIE_FILTER
    + """
WITH x, z, collect(DISTINCT k) AS ties
RETURN x.uid AS a, z.uid AS b, size(ties) AS ties,
       reduce(s = 0.0, t IN ties | s + coalesce(t.strength, 0.0)) AS strength
"""
)

# The interaction neighbours of some companies, strongest first: how many in all, and the
# first $max_neighbours of them. Each pair's strengths are summed weakest first, so the sum
# is the same float whatever order the ties are found in (the resident projection agrees).
NEIGHBOURS_OF: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (x:Company {uid: uid})<-[wx:WORKS_AT]-(p:Person)-[k:KNOWS]-(q:Person)
      -[wz:WORKS_AT]->(z:Company)
WHERE z <> x
"""
    + _TIE_FILTER
    + """
WITH x, z, k ORDER BY k.strength
WITH x, z, collect(DISTINCT k) AS ties
WITH x, z, size(ties) AS count,
     reduce(s = 0.0, t IN ties | s + coalesce(t.strength, 0.0)) AS strength
ORDER BY strength DESC, z.uid
WITH x, collect({uid: z.uid, name: z.name, name_key: z.name_key, ties: count,
                 strength: strength}) AS around
RETURN x.uid AS uid, size(around) AS degree, around[..$max_neighbours] AS neighbours
"""
)

# The people of one company who also hold (or held) a place at another, with all their
# places and tenures.
PEOPLE_OF: LiteralString = """
MATCH (x:Company {uid: $uid})<-[:WORKS_AT]-(p:Person)-[:WORKS_AT]->(o:Company)
WHERE o <> x AND p.deleted_at IS NULL AND p.merged_into IS NULL
  AND o.deleted_at IS NULL AND o.merged_into IS NULL
WITH DISTINCT p ORDER BY p.uid LIMIT $max_people
MATCH (p)-[w:WORKS_AT]->(c:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
WITH p, c, collect(w {.role, .title, .start, .end, .source, .source_id}) AS jobs
WITH p, collect({uid: c.uid, name: c.name, name_key: c.name_key,
                 is_home: coalesce(c.is_home, false), jobs: jobs}) AS places
RETURN p.uid AS uid, p.full_name AS name, places
"""

# One company's corporate family: the top company up to 4 steps above it, and everything
# up to 4 steps below that top (nearest first, then by uid, $max_family at most), with
# their parents.
FAMILY_OF: LiteralString = """
MATCH (x:Company {uid: $uid})
MATCH up = (x)-[:SUBSIDIARY_OF*0..4]->(top:Company)
WHERE all(n IN nodes(up) WHERE n.deleted_at IS NULL AND n.merged_into IS NULL)
WITH top, length(up) AS steps ORDER BY steps DESC LIMIT 1
MATCH down = (top)<-[:SUBSIDIARY_OF*0..4]-(c:Company)
WHERE all(n IN nodes(down) WHERE n.deleted_at IS NULL AND n.merged_into IS NULL)
WITH c, min(length(down)) AS depth ORDER BY depth, c.uid LIMIT $max_family
OPTIONAL MATCH (c)-[:SUBSIDIARY_OF]->(parent:Company)
WHERE parent.deleted_at IS NULL AND parent.merged_into IS NULL
RETURN c.uid AS uid, c.name AS name, c.name_key AS name_key,
       coalesce(c.is_home, false) AS is_home, collect(parent.uid) AS parents
"""

IDENTIFIER_GROUPS_OF: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (:Company {uid: uid})-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]->(i)
WHERE i:Domain OR i:Address OR i:Phone
WITH DISTINCT i
MATCH (i)<-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]-(c:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
WITH i, c ORDER BY c.uid
WITH i, collect(DISTINCT {uid: c.uid, name: c.name, name_key: c.name_key,
                          is_home: coalesce(c.is_home, false)}) AS holders
WHERE size(holders) > 1
"""
    + _IDENTIFIER_FIELDS
)

# Companies that may be the same as one company: the same name key, or a stored candidate.
DUPLICATE_CANDIDATES_OF: LiteralString = (
    """
MATCH (x:Company {uid: $uid})
CALL (x) {
  MATCH (c:Company) WHERE c.name_key = x.name_key AND c <> x
  RETURN c
  UNION
  MATCH (x)-[:POSSIBLE_DUPLICATE]-(c:Company)
  RETURN c
}
WITH x, c WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
WITH x, c ORDER BY c.uid LIMIT $max_candidates
OPTIONAL MATCH (x)-[d:POSSIBLE_DUPLICATE]-(c)
WITH x, c, collect(d) AS found
RETURN """
    + _COMPANY_FIELDS
    + ","
    + _CANDIDATE_FIELDS
)

# Companies whose name matches a full-text query (typo-tolerant), best first.
NAME_MATCHES: LiteralString = (
    """
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $scan})
YIELD node, score
WITH node AS c, score
WHERE c:Company AND c.uid <> $uid AND c.deleted_at IS NULL AND c.merged_into IS NULL
WITH c ORDER BY score DESC, c.uid LIMIT $max_candidates
RETURN """
    + _COMPANY_FIELDS
)
