"""The CRM benchmark's reads in plain Cypher: the data ``relgraph bench crm`` asks the API
for, fetched the way a team would write it without Relgraph (one query per read), and the
subjects the read benchmarks ask about (accounts, contacts).

Live means not soft-deleted (``deleted_at`` unset), as the API's lists and lookups read it.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["ACCOUNTS", "COMPANY_PAGE", "CONTACTS", "PERSON_PROFILE", "SEARCH"]

# A page of companies by name (then uid), each with its current people (the job and the
# person) and its open deals.
COMPANY_PAGE: LiteralString = """
MATCH (c:Company) WHERE c.deleted_at IS NULL
WITH c ORDER BY c.name, c.uid SKIP $skip LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (c)<-[w:WORKS_AT]-(p:Person)
  WHERE w.end IS NULL AND p.deleted_at IS NULL
  RETURN collect(p {.uid, .full_name, .email, title: w.title,
                    seniority: coalesce(w.seniority, p.seniority)}) AS people
}
CALL (c) {
  OPTIONAL MATCH (d:Deal)-[:FOR]->(c)
  WHERE d.deleted_at IS NULL AND NOT d.stage IN ['closed_won', 'closed_lost']
  RETURN collect(d {.uid, .name, .stage, .amount, .currency, .close_date}) AS deals
}
RETURN c.uid AS uid, c.name AS name, c.domain AS domain, c.industry AS industry,
       people, deals
"""

# A person with every job (and its company) and every deal role (the deal and its company).
PERSON_PROFILE: LiteralString = """
MATCH (p:Person {uid: $uid}) WHERE p.deleted_at IS NULL
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company) WHERE c.deleted_at IS NULL
  RETURN collect(w {.title, .start, .end, company_uid: c.uid, company: c.name}) AS jobs
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:INVOLVED_IN]->(d:Deal) WHERE d.deleted_at IS NULL
  OPTIONAL MATCH (d)-[:FOR]->(dc:Company)
  RETURN collect(d {.uid, .name, .stage, .amount, role: r.role, company_uid: dc.uid,
                    company: dc.name}) AS roles
}
RETURN p.uid AS uid, p.full_name AS name, p.email AS email, p.title AS title,
       p.seniority AS seniority, jobs, roles
"""

# The full-text index over names, titles, emails and domains: the best $limit live
# companies, people and deals for a Lucene query ($scan hits read, as interactions share
# the index).
SEARCH: LiteralString = """
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $scan})
YIELD node, score
WHERE (node:Company OR node:Person OR node:Deal) AND node.deleted_at IS NULL
RETURN node.uid AS uid, coalesce(node.name, node.full_name) AS name, score
ORDER BY score DESC, uid
LIMIT $limit
"""

# Live accounts (never our own company), by uid.
ACCOUNTS: LiteralString = """
MATCH (c:Company)
WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND NOT coalesce(c.is_home, false)
RETURN c.uid AS uid, c.name AS name
ORDER BY uid
LIMIT $cap
"""

# Live people who are not our colleagues and hold a job now, by uid.
CONTACTS: LiteralString = """
MATCH (p:Person)
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND NOT coalesce(p.is_colleague, false)
  AND EXISTS { (p)-[w:WORKS_AT]->() WHERE w.end IS NULL }
RETURN p.uid AS uid, p.full_name AS name
ORDER BY uid
LIMIT $cap
"""
