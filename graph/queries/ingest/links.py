"""Import upserts of relationships between nodes found by their references.

Same contract as :mod:`graph.queries.ingest.nodes`: ``$batch.rows`` in, one record out whose
``outcomes`` hold a map per row (``i``, ``outcome``, ``uid``, ``missing``, ``conflict``,
``touched``);
the employment queries are the two steps of :mod:`graph.writing.import_jobs`. A row whose
endpoints are not all found, or that would close a reporting or ownership cycle, is not
written and comes back as ``missing`` with the reason.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.ingest.refs import BATCH, RESOLVE_COMPANY, RESOLVE_DEAL, RESOLVE_PERSON
from graph.queries.ingest.two_step import PROVENANCE

__all__ = [
    "EMPLOYMENT_PROPERTIES",
    "IMPORT_CONNECTIONS",
    "IMPORT_DEAL_CONTACTS",
    "IMPORT_REPORTING_LINES",
    "IMPORT_SUBSIDIARIES",
    "RESOLVE_EMPLOYMENTS",
    "WRITE_EMPLOYMENTS",
]


def _resolve(
    field: LiteralString, fragment: LiteralString, alias: LiteralString, carried: LiteralString
) -> LiteralString:
    """``CALL`` resolving ``row.<field>`` with ``fragment``; the result is named ``alias``."""
    return (
        "CALL (row) {\n  WITH row." + field + " AS ref" + fragment + "}\n"
        "WITH row, " + carried + "found AS " + alias + "\n"
    )


def _missing(*pairs: tuple[LiteralString, LiteralString]) -> LiteralString:
    """``missing``: the labels of the references (``row.<field>``) whose node (var) is null."""
    parts: LiteralString = "[]"
    for field, var in pairs:
        parts = (
            parts
            + " + CASE WHEN row."
            + field
            + " IS NOT NULL AND "
            + var
            + " IS NULL THEN [row."
            + field
            + ".label] ELSE [] END"
        )
    return parts


_SAME: LiteralString = "all(k IN keys(row.props) WHERE r[k] = row.props[k])"

EMPLOYMENT_PROPERTIES: tuple[LiteralString, ...] = (
    "role",
    "start",
    "end",
    "title",
    "department",
    "department_key",
    "seniority",
)
"""What an employment row may carry in ``props``."""

_JOB: LiteralString = "r {" + ", ".join("." + key for key in EMPLOYMENT_PROPERTIES) + "}"

# Employments (the second-largest kind) go in two steps in one transaction, like people
# and interactions: one read resolves the batch's distinct people (with their current jobs)
# and companies and returns the stored jobs of the batch's uids, the importer decides, and
# one write applies the changes to the relationships the read returned (by elementId).
RESOLVE_EMPLOYMENTS: LiteralString = (
    BATCH
    + """
CALL () {
  UNWIND $batch.people AS ref
  CALL (ref) {"""
    + RESOLVE_PERSON
    + """}
  RETURN collect([ref.key, found.uid, elementId(found),
    CASE WHEN found IS NULL THEN [] ELSE
      [(found)-[r:WORKS_AT]->(c:Company) WHERE r.end IS NULL | {
        uid: r.uid, rel: elementId(r), company: c.uid, implied: coalesce(r.implied, false),
        source: r.source, props: """
    + _JOB
    + """}]
    END]) AS people
}
CALL () {
  UNWIND $batch.companies AS ref
  CALL (ref) {"""
    + RESOLVE_COMPANY
    + """}
  RETURN collect([ref.key, found.uid, elementId(found)]) AS companies
}
CALL () {
  UNWIND $batch.uids AS uid
  MATCH (a:Person)-[r:WORKS_AT {uid: uid}]->(b:Company) USING INDEX SEEK r:WORKS_AT(uid)
  RETURN collect({uid: uid, rel: elementId(r), person: a.uid, company: b.uid,
    props: """
    + _JOB
    + """}) AS existing
}
RETURN people, companies, existing
"""
)

_PROV: LiteralString = ", ".join(key + ": row.prov." + key for key in PROVENANCE)

# $batch.deletes, .ends: elementIds of jobs; .updates: {rel, props, touch, implied};
# .creates: {uid, person, company (elementIds), props, prov, implied}. In this order: a
# moved job's uid is free again before it is created, an ended implied job can be revived.
WRITE_EMPLOYMENTS: LiteralString = (
    BATCH
    + """
CALL () {
  UNWIND $batch.deletes AS rel
  MATCH ()-[r:WORKS_AT]->() WHERE elementId(r) = rel
  DELETE r
}
CALL () {
  UNWIND $batch.ends AS rel
  MATCH ()-[r:WORKS_AT]->() WHERE elementId(r) = rel
  SET r.end = $batch.today
}
CALL () {
  UNWIND $batch.updates AS row
  MATCH ()-[r:WORKS_AT]->() WHERE elementId(r) = row.rel
  SET r += row.props
  FOREACH (_ IN CASE WHEN row.touch THEN [1] ELSE [] END | SET r.updated_at = datetime())
  FOREACH (_ IN CASE WHEN row.implied THEN [1] ELSE [] END | SET r.end = null)
}
CALL () {
  UNWIND $batch.creates AS row
  MATCH (p:Person) WHERE elementId(p) = row.person
  MATCH (c:Company) WHERE elementId(c) = row.company
  CREATE (p)-[:WORKS_AT {uid: row.uid, implied: row.implied, """
    + ", ".join(key + ": row.props." + key for key in EMPLOYMENT_PROPERTIES)
    + ", "
    + _PROV
    + """, created_at: datetime()}]->(c)
}
"""
)

# A changed manager ends the previous line (kept, under a dated uid) instead of deleting it.
IMPORT_REPORTING_LINES: LiteralString = (
    BATCH
    + "UNWIND $batch.rows AS row\n"
    + _resolve("person", RESOLVE_PERSON, "p", "")
    + _resolve("manager", RESOLVE_PERSON, "m", "p, ")
    + """OPTIONAL MATCH ()-[old:REPORTS_TO {uid: row.uid}]->() USING INDEX SEEK old:REPORTS_TO(uid)
WITH row, p, m, old,
     old IS NOT NULL AND startNode(old) = p AND endNode(old) = m AS in_place
WITH row, p, m, old, in_place, """
    + _missing(("person", "p"), ("manager", "m"))
    + """
       + CASE WHEN p IS NOT NULL AND p = m THEN [row.manager.label + ' is the person itself']
         WHEN p IS NOT NULL AND m IS NOT NULL AND NOT in_place
           AND EXISTS {
             MATCH chain = (m)-[:REPORTS_TO*1..25]->(p)
             WHERE all(line IN relationships(chain) WHERE line.valid_to IS NULL)
           }
         THEN [row.manager.label + ' would close a reporting cycle'] ELSE [] END AS missing
CALL (row, p, m, missing, old, in_place) {
  WITH row, p, m, old, in_place WHERE size(missing) = 0
  WITH row, p, m, old, in_place,
       CASE WHEN in_place THEN all(k IN keys(row.props) WHERE old[k] = row.props[k])
       ELSE false END AS same
  CALL (old, in_place, row) {
    WITH old, row WHERE old IS NOT NULL AND NOT in_place
    SET old.valid_to = coalesce(old.valid_to, row.today),
        old.uid = old.uid + ':until:' + toString(datetime())
  }
  MERGE (p)-[r:REPORTS_TO {uid: row.uid}]->(m)
    ON CREATE SET r += row.prov, r.created_at = datetime(),
                  r.valid_from = CASE WHEN old IS NULL THEN null ELSE row.today END
  SET r += row.props
  RETURN CASE WHEN old IS NULL THEN 'created' WHEN same THEN 'unchanged' ELSE 'updated' END
    AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome
}
RETURN collect({i: row.i, outcome: outcome, uid: row.uid, missing: missing, conflict: null,
  touched: CASE WHEN outcome IN ['created', 'updated'] THEN {people: [p.uid, m.uid]
    + CASE WHEN old IS NOT NULL AND NOT in_place
      THEN [startNode(old).uid, endNode(old).uid] ELSE [] END} END}) AS outcomes
"""
)

IMPORT_SUBSIDIARIES: LiteralString = (
    BATCH
    + "UNWIND $batch.rows AS row\n"
    + _resolve("child", RESOLVE_COMPANY, "child", "")
    + _resolve("parent", RESOLVE_COMPANY, "parent", "child, ")
    + "WITH row, child, parent, "
    + _missing(("child", "child"), ("parent", "parent"))
    + """
       + CASE WHEN child IS NOT NULL AND child = parent
           THEN [row.parent.label + ' is the company itself']
         WHEN child IS NOT NULL AND parent IS NOT NULL
           AND EXISTS { (parent)-[:SUBSIDIARY_OF*1..25]->(child) }
         THEN [row.parent.label + ' would close an ownership cycle'] ELSE [] END AS missing
CALL (row, child, parent, missing) {
  WITH row, child, parent WHERE size(missing) = 0
  OPTIONAL MATCH (child)-[r:SUBSIDIARY_OF]->(parent)
  WITH row, child, parent, r IS NOT NULL AS existed,
    [(child)-[o:SUBSIDIARY_OF]->(x:Company) WHERE x <> parent AND o.source = row.prov.source
      | x.uid] AS replaced
  CALL (row, child, parent) {
    // a company has one parent per source: a new parent replaces the old one
    OPTIONAL MATCH (child)-[old:SUBSIDIARY_OF]->(other:Company)
      WHERE other <> parent AND old.source = row.prov.source
    DELETE old
  }
  MERGE (child)-[r:SUBSIDIARY_OF]->(parent)
    ON CREATE SET r += row.prov, r.created_at = datetime()
  RETURN CASE WHEN existed THEN 'unchanged' ELSE 'created' END AS outcome, replaced
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome, [] AS replaced
}
RETURN collect({i: row.i, outcome: outcome, uid: null, missing: missing, conflict: null,
  touched: CASE WHEN outcome = 'created' OR size(replaced) > 0
    THEN {companies: [child.uid, parent.uid] + replaced} END}) AS outcomes
"""
)

IMPORT_DEAL_CONTACTS: LiteralString = (
    BATCH
    + "UNWIND $batch.rows AS row\n"
    + _resolve("deal", RESOLVE_DEAL, "d", "")
    + _resolve("person", RESOLVE_PERSON, "p", "d, ")
    + "WITH row, d, p, "
    + _missing(("deal", "d"), ("person", "p"))
    + """ AS missing
CALL (row, d, p, missing) {
  WITH row, d, p WHERE size(missing) = 0
  OPTIONAL MATCH (p)-[r:INVOLVED_IN {role: row.role}]->(d)
  WITH row, d, p, r IS NOT NULL AS existed
  MERGE (p)-[r:INVOLVED_IN {role: row.role}]->(d)
    ON CREATE SET r += row.prov, r.created_at = datetime()
  RETURN CASE WHEN existed THEN 'unchanged' ELSE 'created' END AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome
}
RETURN collect({i: row.i, outcome: outcome, uid: null, missing: missing, conflict: null,
  touched: CASE WHEN outcome = 'created' THEN {people: [p.uid], deals: [d.uid]} END})
  AS outcomes
"""
)

# A stated connection (a LinkedIn connection of the importing user), not a derived tie.
IMPORT_CONNECTIONS: LiteralString = (
    BATCH
    + "UNWIND $batch.rows AS row\n"
    + _resolve("owner", RESOLVE_PERSON, "o", "")
    + _resolve("person", RESOLVE_PERSON, "p", "o, ")
    + "WITH row, o, p, "
    + _missing(("owner", "o"), ("person", "p"))
    + """
       + CASE WHEN o IS NOT NULL AND o = p THEN ['the connection is the owner'] ELSE [] END
       AS missing
CALL (row, o, p, missing) {
  WITH row, o, p WHERE size(missing) = 0
  OPTIONAL MATCH (o)-[r:CONNECTED_TO]->(p)
  WITH row, o, p, r, r IS NOT NULL AS existed
  WITH row, o, p, existed, existed AND """
    + _SAME
    + """ AS same
  MERGE (o)-[r:CONNECTED_TO]->(p)
    ON CREATE SET r += row.prov, r.created_at = datetime()
  SET r += row.props
  RETURN CASE WHEN NOT existed THEN 'created' WHEN same THEN 'unchanged' ELSE 'updated' END
    AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome
}
RETURN collect({i: row.i, outcome: outcome, uid: null, missing: missing, conflict: null,
  touched: CASE WHEN outcome IN ['created', 'updated'] THEN {people: [o.uid, p.uid]} END})
  AS outcomes
"""
)
