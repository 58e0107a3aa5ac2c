"""Derivations an import triggers for what it touched."""

from __future__ import annotations

from typing import LiteralString

__all__ = ["DERIVE_COMPANY_DOMAINS"]

# A company without a domain takes the work-email domain most of its current people share
# (a strict majority of those with a work email); free-mail domains are never linked to
# people, so they never count.
DERIVE_COMPANY_DOMAINS: LiteralString = """
CALL () {
  UNWIND $company_uids AS uid
  MATCH (c:Company {uid: uid})
  RETURN c
UNION
  UNWIND $person_uids AS uid
  MATCH (:Person {uid: uid})-[w:WORKS_AT]->(c:Company) WHERE w.end IS NULL
  RETURN c
}
WITH DISTINCT c WHERE c.domain IS NULL AND c.merged_into IS NULL AND c.deleted_at IS NULL
MATCH (p:Person)-[w:WORKS_AT]->(c) WHERE w.end IS NULL
MATCH (p)-[:HAS_DOMAIN]->(d:Domain)
WITH c, d, count(DISTINCT p) AS people ORDER BY people DESC, d.name
WITH c, collect({domain: d, people: people}) AS votes, sum(people) AS voters
WITH c, votes[0] AS top, voters WHERE top.people * 2 > voters
WITH c, top.domain AS d, top.people AS people
SET c.domain = d.name, c.domain_derived_from = 'work emails of ' + toString(people) + ' people'
MERGE (c)-[r:HAS_DOMAIN]->(d)
  ON CREATE SET r.source = 'derived', r.source_id = c.uid + '|' + d.name
RETURN count(c) AS derived, collect(c.uid) AS companies
"""
