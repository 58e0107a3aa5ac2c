"""The hand-tuned baseline of ``relgraph bench ingest``: one plain ``UNWIND $rows`` query
per entity type, ``MERGE`` on the constrained key, ``SET n += row.props``, and relationships
by ``MATCH`` of both endpoints on their uid plus ``MERGE``.

No resolution, no outcome per row, no provenance beyond ``source``/``source_id``: what a
competent engineer writes in an afternoon to load well-formed templates, and the reference
the importer (:mod:`graph.queries.ingest.nodes`, :mod:`graph.queries.ingest.links`,
:mod:`graph.queries.ingest.two_step`) is measured against. Relationship writes sit in
``CALL`` subqueries so that a row with a missing endpoint still writes the rest.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "BASELINE_COMPANIES",
    "BASELINE_DEALS",
    "BASELINE_DEAL_CONTACTS",
    "BASELINE_EMPLOYMENTS",
    "BASELINE_INTERACTIONS",
    "BASELINE_PEOPLE",
    "BASELINE_REPORTING_LINES",
    "BASELINE_SUBSIDIARIES",
    "DELETE_INTERACTIONS",
    "JVM_HEAP_MAX",
    "MEMORY_SETTINGS",
]

# rows: {uid, props}
BASELINE_COMPANIES: LiteralString = """
UNWIND $rows AS row
MERGE (n:Company {uid: row.uid})
SET n += row.props
"""

# rows: {uid, props}
BASELINE_PEOPLE: LiteralString = """
UNWIND $rows AS row
MERGE (n:Person {uid: row.uid})
SET n += row.props
"""

# rows: {uid, person, company, props}; WORKS_AT is keyed by its own uid.
BASELINE_EMPLOYMENTS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person})
MATCH (c:Company {uid: row.company})
MERGE (p)-[r:WORKS_AT {uid: row.uid}]->(c)
SET r += row.props
"""

# rows: {uid, company, owner, props}
BASELINE_DEALS: LiteralString = """
UNWIND $rows AS row
MERGE (d:Deal {uid: row.uid})
SET d += row.props
WITH d, row
CALL (d, row) {
  MATCH (c:Company {uid: row.company})
  MERGE (d)-[:FOR]->(c)
}
CALL (d, row) {
  MATCH (o:Person {uid: row.owner})
  MERGE (o)-[:OWNS]->(d)
}
"""

# rows: {deal, person, role}
BASELINE_DEAL_CONTACTS: LiteralString = """
UNWIND $rows AS row
MATCH (d:Deal {uid: row.deal})
MATCH (p:Person {uid: row.person})
MERGE (p)-[:INVOLVED_IN {role: row.role}]->(d)
"""

# rows: {uid, props, deal, parts: [{uid, role}]}
BASELINE_INTERACTIONS: LiteralString = """
UNWIND $rows AS row
MERGE (i:Interaction {uid: row.uid})
SET i += row.props
WITH i, row
CALL (i, row) {
  MATCH (d:Deal {uid: row.deal})
  MERGE (i)-[:ABOUT]->(d)
}
CALL (i, row) {
  UNWIND row.parts AS part
  MATCH (p:Person {uid: part.uid})
  MERGE (p)-[:PARTICIPATED_IN {role: part.role}]->(i)
}
"""

# rows: {child, parent}
BASELINE_SUBSIDIARIES: LiteralString = """
UNWIND $rows AS row
MATCH (child:Company {uid: row.child})
MATCH (parent:Company {uid: row.parent})
MERGE (child)-[:SUBSIDIARY_OF]->(parent)
"""

# rows: {uid, person, manager, props}; REPORTS_TO is keyed by its own uid.
BASELINE_REPORTING_LINES: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person})
MATCH (m:Person {uid: row.manager})
MERGE (p)-[r:REPORTS_TO {uid: row.uid}]->(m)
SET r += row.props
"""

# Removes a sample of interactions again, so the same rows can be written once more.
DELETE_INTERACTIONS: LiteralString = """
UNWIND $uids AS uid
MATCH (i:Interaction {uid: uid})
DETACH DELETE i
"""

MEMORY_SETTINGS: LiteralString = """
SHOW SETTINGS YIELD name, value
WHERE name IN ['server.memory.heap.max_size', 'server.memory.pagecache.size']
RETURN name, value
"""

# The JVM's real maximum heap (the managed server sets it with -Xmx, not in neo4j.conf).
JVM_HEAP_MAX: LiteralString = """
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.max AS max
"""
