"""Batched upserts of relationships between existing nodes.

Rows whose endpoints do not exist are skipped by ``MATCH``; ``written`` counts the others.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "UPSERT_DEAL_CONTACTS",
    "UPSERT_EMPLOYMENTS",
    "UPSERT_OWNERSHIPS",
    "UPSERT_REPORTING_LINES",
    "UPSERT_SUBSIDIARIES",
]

# A source record that now links other endpoints moves its relationship (the uid is its
# identity), instead of clashing with the uniqueness constraint.
UPSERT_EMPLOYMENTS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person_uid})
MATCH (c:Company {uid: row.company_uid})
CALL (row, p, c) {
  MATCH (x)-[old:WORKS_AT {uid: row.uid}]->(y) WHERE x <> p OR y <> c
  DELETE old
}
MERGE (p)-[w:WORKS_AT {uid: row.uid}]->(c)
SET w += row.props
RETURN count(*) AS written
"""

UPSERT_REPORTING_LINES: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person_uid})
MATCH (m:Person {uid: row.manager_uid})
CALL (row, p, m) {
  MATCH (x)-[old:REPORTS_TO {uid: row.uid}]->(y) WHERE x <> p OR y <> m
  DELETE old
}
MERGE (p)-[r:REPORTS_TO {uid: row.uid}]->(m)
SET r += row.props
RETURN count(*) AS written
"""

UPSERT_SUBSIDIARIES: LiteralString = """
UNWIND $rows AS row
MATCH (child:Company {uid: row.child_uid})
MATCH (parent:Company {uid: row.parent_uid})
MERGE (child)-[r:SUBSIDIARY_OF]->(parent)
SET r += row.props
RETURN count(*) AS written
"""

UPSERT_OWNERSHIPS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person_uid})
MATCH (c:Company {uid: row.company_uid})
MERGE (p)-[r:OWNS]->(c)
SET r += row.props
RETURN count(*) AS written
"""

UPSERT_DEAL_CONTACTS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person_uid})
MATCH (d:Deal {uid: row.deal_uid})
MERGE (p)-[r:INVOLVED_IN {role: row.role}]->(d)
SET r += row.props
RETURN count(*) AS written
"""
