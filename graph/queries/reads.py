"""Batched lookups by uid and along relationships: ``UNWIND $uids`` then one row per hit.

Soft-deleted entities (``deleted_at`` set) are invisible to lookups by uid; relationship
reads still return their edges, and the types resolve the deleted end to nothing.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "RECENT_INTERACTIONS_BY_COMPANY",
    "COMPANIES_BY_UID",
    "CONTACTS_BY_DEAL",
    "CONTACTS_BY_PERSON",
    "DEALS_BY_COMPANY",
    "DEALS_BY_UID",
    "DEAL_PROJECTION",
    "EMPLOYMENTS_BY_COMPANY",
    "EMPLOYMENTS_BY_PERSON",
    "INTERACTIONS_BY_UID",
    "INTERACTION_PROJECTION",
    "MANAGERS_BY_PERSON",
    "OWNERS_BY_COMPANY",
    "PARENTS_BY_COMPANY",
    "PARTICIPANTS_BY_INTERACTION",
    "PEOPLE_BY_UID",
    "REPORTS_BY_MANAGER",
    "SUBSIDIARIES_BY_COMPANY",
]

DEAL_PROJECTION: LiteralString = """
OPTIONAL MATCH (n)-[:FOR]->(c:Company)
OPTIONAL MATCH (o:Person)-[:OWNS]->(n)
WITH n, head(collect(DISTINCT c.uid)) AS company_uid, head(collect(DISTINCT o.uid)) AS owner_uid
RETURN properties(n) AS props, company_uid, owner_uid
"""

INTERACTION_PROJECTION: LiteralString = """
OPTIONAL MATCH (n)-[:ABOUT]->(d:Deal)
WITH n, head(collect(d.uid)) AS deal_uid
RETURN properties(n) AS props, deal_uid
"""

COMPANIES_BY_UID: LiteralString = """
UNWIND $uids AS uid MATCH (n:Company {uid: uid}) WHERE n.deleted_at IS NULL
RETURN properties(n) AS props
"""

PEOPLE_BY_UID: LiteralString = """
UNWIND $uids AS uid MATCH (n:Person {uid: uid}) WHERE n.deleted_at IS NULL
RETURN properties(n) AS props
"""

DEALS_BY_UID: LiteralString = (
    "UNWIND $uids AS uid MATCH (n:Deal {uid: uid}) WHERE n.deleted_at IS NULL" + DEAL_PROJECTION
)

INTERACTIONS_BY_UID: LiteralString = (
    "UNWIND $uids AS uid MATCH (n:Interaction {uid: uid}) WHERE n.deleted_at IS NULL"
    + INTERACTION_PROJECTION
)

EMPLOYMENTS_BY_PERSON: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[w:WORKS_AT]->(c:Company)
RETURN p.uid AS person_uid, c.uid AS company_uid, properties(w) AS props
ORDER BY person_uid, w.end IS NULL DESC, w.start DESC
"""

EMPLOYMENTS_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person)-[w:WORKS_AT]->(c:Company {uid: uid})
RETURN p.uid AS person_uid, c.uid AS company_uid, properties(w) AS props
ORDER BY company_uid, w.end IS NULL DESC, w.start DESC, p.full_name
"""

MANAGERS_BY_PERSON: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[r:REPORTS_TO]->(m:Person)
RETURN p.uid AS person_uid, m.uid AS manager_uid, properties(r) AS props
ORDER BY person_uid, r.valid_to IS NULL DESC, r.valid_from DESC
"""

REPORTS_BY_MANAGER: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person)-[r:REPORTS_TO]->(m:Person {uid: uid})
RETURN p.uid AS person_uid, m.uid AS manager_uid, properties(r) AS props
ORDER BY manager_uid, p.full_name
"""

PARENTS_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (c:Company {uid: uid})-[:SUBSIDIARY_OF]->(p:Company)
RETURN c.uid AS key, p.uid AS value
"""

SUBSIDIARIES_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (s:Company)-[:SUBSIDIARY_OF]->(c:Company {uid: uid})
RETURN c.uid AS key, s.uid AS value ORDER BY key, s.name
"""

OWNERS_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (o:Person)-[:OWNS]->(c:Company {uid: uid})
RETURN c.uid AS key, o.uid AS value ORDER BY key, o.full_name
"""

DEALS_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (d:Deal)-[:FOR]->(c:Company {uid: uid})
RETURN c.uid AS key, d.uid AS value ORDER BY key, d.close_date DESC, d.name
"""

CONTACTS_BY_DEAL: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person)-[r:INVOLVED_IN]->(d:Deal {uid: uid})
RETURN d.uid AS deal_uid, p.uid AS person_uid, properties(r) AS props
ORDER BY deal_uid, r.role, p.full_name
"""

CONTACTS_BY_PERSON: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person {uid: uid})-[r:INVOLVED_IN]->(d:Deal)
RETURN d.uid AS deal_uid, p.uid AS person_uid, properties(r) AS props
ORDER BY person_uid, d.close_date DESC, r.role
"""

PARTICIPANTS_BY_INTERACTION: LiteralString = """
UNWIND $uids AS uid
MATCH (p:Person)-[r:PARTICIPATED_IN]->(i:Interaction {uid: uid})
RETURN i.uid AS key, p.uid AS person_uid, properties(r) AS props
ORDER BY key, r.role, p.full_name
"""

# The newest interactions of anyone who works or worked at each company; $cap bounds the work
# per company (the largest limit any caller asked for).
RECENT_INTERACTIONS_BY_COMPANY: LiteralString = """
UNWIND $uids AS uid
MATCH (c:Company {uid: uid})
CALL (c) {
  MATCH (c)<-[:WORKS_AT]-(:Person)-[:PARTICIPATED_IN]->(i:Interaction)
  WHERE i.deleted_at IS NULL
  WITH DISTINCT i ORDER BY i.occurred_at DESC, i.uid LIMIT $cap
  RETURN collect(i.uid) AS recent
}
RETURN c.uid AS key, recent
"""
