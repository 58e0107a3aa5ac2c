"""Bulk reads of :mod:`graph.projection.link_records`: the whole graph at start-up
(``ALL_*``), or the touched companies and deals again (``TOUCHED_*``, ``$uids``)."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_CANDIDATES",
    "ALL_DEAL_FACTS",
    "ALL_IDENTIFIERS",
    "ALL_NAME_KEYS",
    "TOUCHED_COMPANY_LINKS",
    "TOUCHED_DEAL_FACTS",
]

ALL_NAME_KEYS: LiteralString = "MATCH (c:Company) RETURN c.uid AS uid, c.name_key AS name_key"

_IDENTIFIER: LiteralString = """
[elementId(i),
 CASE WHEN i:Domain THEN 'Domain' WHEN i:Address THEN 'Address' ELSE 'Phone' END,
 coalesce(i.name, i.key, i.number), coalesce(i.name, i.text, i.number)]
"""

ALL_IDENTIFIERS: LiteralString = (
    """
MATCH (c:Company)-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]->(i)
WHERE i:Domain OR i:Address OR i:Phone
RETURN c.uid AS company, """
    + _IDENTIFIER
    + " AS identifier"
)

_CANDIDATE: LiteralString = (
    "[elementId(d), startNode(d).uid, endNode(d).uid, d.status, d.score, d.reasons]"
)

ALL_CANDIDATES: LiteralString = (
    "MATCH (a:Company)-[d:POSSIBLE_DUPLICATE]->(b:Company) RETURN " + _CANDIDATE + " AS edge"
)

_DEAL_FACTS: LiteralString = (
    " RETURN d.uid AS uid, d.name AS name, d.amount AS amount, d.currency AS currency"
)
ALL_DEAL_FACTS: LiteralString = "MATCH (d:Deal)" + _DEAL_FACTS
TOUCHED_DEAL_FACTS: LiteralString = "UNWIND $uids AS uid MATCH (d:Deal {uid: uid})" + _DEAL_FACTS

TOUCHED_COMPANY_LINKS: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (c:Company {uid: uid})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_DOMAIN|LOCATED_AT|HAS_PHONE]->(i)
  WHERE i:Domain OR i:Address OR i:Phone
  RETURN collect(CASE WHEN i IS NULL THEN null ELSE """
    + _IDENTIFIER
    + """ END) AS identifiers
}
CALL (c) {
  OPTIONAL MATCH (c)-[d:POSSIBLE_DUPLICATE]-(:Company)
  RETURN collect(CASE WHEN d IS NULL THEN null ELSE """
    + _CANDIDATE
    + """ END) AS candidates
}
RETURN c.uid AS uid, c.name_key AS name_key, identifiers, candidates
"""
)
