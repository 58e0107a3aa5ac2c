"""Import upserts of relationships between nodes found by their references.

Same contract as :mod:`graph.queries.ingest_nodes`: ``$rows`` in, one record per row out
(``i``, ``outcome``, ``uid``, ``missing``, ``conflict``). A row whose endpoints are not all
found, or that would close a reporting or ownership cycle, is not written and comes back as
``missing`` with the reason.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.ingest_refs import RESOLVE_COMPANY, RESOLVE_DEAL, RESOLVE_PERSON

__all__ = [
    "CURRENT_JOBS",
    "DELETE_JOBS",
    "END_IMPLIED_JOBS",
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

# Employments (the second-largest kind) go in two steps, like people and interactions:
# reads resolve the batch's distinct people and companies and return the stored jobs, the
# importer decides, and one transaction applies the changes.
RESOLVE_EMPLOYMENTS: LiteralString = (
    """
CALL () {
  UNWIND $people AS ref
  CALL (ref) {"""
    + RESOLVE_PERSON
    + """}
  RETURN collect([ref.key, found.uid]) AS people
}
CALL () {
  UNWIND $companies AS ref
  CALL (ref) {"""
    + RESOLVE_COMPANY
    + """}
  RETURN collect([ref.key, found.uid]) AS companies
}
CALL () {
  UNWIND $uids AS uid
  MATCH (a:Person)-[r:WORKS_AT {uid: uid}]->(b:Company)
  RETURN collect({uid: uid, person: a.uid, company: b.uid, props: properties(r)}) AS existing
}
RETURN people, companies, existing
"""
)

CURRENT_JOBS: LiteralString = """
UNWIND $pairs AS pair
MATCH (:Person {uid: pair.person})-[r:WORKS_AT]->(:Company {uid: pair.company})
WHERE r.end IS NULL
RETURN pair.person AS person, pair.company AS company,
       collect({uid: r.uid, implied: coalesce(r.implied, false), props: properties(r)}) AS jobs
"""

DELETE_JOBS: LiteralString = """
UNWIND $uids AS uid
MATCH ()-[r:WORKS_AT {uid: uid}]->()
DELETE r
"""

# A person row naming a new employer ends the current jobs it implied elsewhere.
END_IMPLIED_JOBS: LiteralString = """
UNWIND $rows AS row
MATCH (:Person {uid: row.person})-[r:WORKS_AT {implied: true}]->(other:Company)
WHERE r.end IS NULL AND other.uid <> row.company AND r.source = row.source
SET r.end = $today
"""

WRITE_EMPLOYMENTS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {uid: row.person})
MATCH (c:Company {uid: row.company})
MERGE (p)-[r:WORKS_AT {uid: row.uid}]->(c)
  ON CREATE SET r += row.prov, r.created_at = datetime(), r.implied = row.implied
SET r += row.props
FOREACH (_ IN CASE WHEN row.touch THEN [1] ELSE [] END | SET r.updated_at = datetime())
FOREACH (_ IN CASE WHEN row.implied THEN [1] ELSE [] END | SET r.end = null)
"""

# A changed manager ends the previous line (kept, under a dated uid) instead of deleting it.
IMPORT_REPORTING_LINES: LiteralString = (
    "UNWIND $rows AS row\n"
    + _resolve("person", RESOLVE_PERSON, "p", "")
    + _resolve("manager", RESOLVE_PERSON, "m", "p, ")
    + """OPTIONAL MATCH ()-[old:REPORTS_TO {uid: row.uid}]->()
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
RETURN row.i AS i, outcome, row.uid AS uid, missing, null AS conflict
"""
)

IMPORT_SUBSIDIARIES: LiteralString = (
    "UNWIND $rows AS row\n"
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
  WITH row, child, parent, r IS NOT NULL AS existed
  CALL (row, child, parent) {
    // a company has one parent per source: a new parent replaces the old one
    OPTIONAL MATCH (child)-[old:SUBSIDIARY_OF]->(other:Company)
      WHERE other <> parent AND old.source = row.prov.source
    DELETE old
  }
  MERGE (child)-[r:SUBSIDIARY_OF]->(parent)
    ON CREATE SET r += row.prov, r.created_at = datetime()
  RETURN CASE WHEN existed THEN 'unchanged' ELSE 'created' END AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome
}
RETURN row.i AS i, outcome, null AS uid, missing, null AS conflict
"""
)

IMPORT_DEAL_CONTACTS: LiteralString = (
    "UNWIND $rows AS row\n"
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
RETURN row.i AS i, outcome, null AS uid, missing, null AS conflict
"""
)

# A stated connection (a LinkedIn connection of the importing user), not a derived tie.
IMPORT_CONNECTIONS: LiteralString = (
    "UNWIND $rows AS row\n"
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
RETURN row.i AS i, outcome, null AS uid, missing, null AS conflict
"""
)
