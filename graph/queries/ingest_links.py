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
    "IMPORT_CONNECTIONS",
    "IMPORT_DEAL_CONTACTS",
    "IMPORT_EMPLOYMENTS",
    "IMPORT_REPORTING_LINES",
    "IMPORT_SUBSIDIARIES",
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

IMPORT_EMPLOYMENTS: LiteralString = (
    "UNWIND $rows AS row\n"
    + _resolve("person", RESOLVE_PERSON, "p", "")
    + _resolve("company", RESOLVE_COMPANY, "c", "p, ")
    + "WITH row, p, c, "
    + _missing(("person", "p"), ("company", "c"))
    + """ AS missing
OPTIONAL MATCH ()-[old:WORKS_AT {uid: row.uid}]->()
WITH row, p, c, missing, old,
     old IS NOT NULL AND startNode(old) = p AND endNode(old) = c AS in_place
CALL (row, p, c, missing, old, in_place) {
  // An employment row of the source: its uid is its identity.
  WITH row, p, c, missing, old, in_place WHERE size(missing) = 0 AND NOT row.implied
  WITH row, p, c, old, in_place,
       CASE WHEN in_place THEN all(k IN keys(row.props) WHERE old[k] = row.props[k])
       ELSE false END AS same
  CALL (old, in_place) {
    WITH old WHERE old IS NOT NULL AND NOT in_place
    DELETE old
  }
  CALL (p, c, row) {
    // an explicit current job replaces the one a person row implied
    WITH p, c, row WHERE row.props.end IS NULL
    OPTIONAL MATCH (p)-[implied:WORKS_AT {implied: true}]->(c)
      WHERE implied.end IS NULL AND implied.uid <> row.uid
    DELETE implied
  }
  MERGE (p)-[r:WORKS_AT {uid: row.uid}]->(c)
    ON CREATE SET r += row.prov, r.created_at = datetime()
  SET r += row.props
  RETURN CASE WHEN old IS NULL THEN 'created' WHEN same THEN 'unchanged' ELSE 'updated' END
    AS outcome
UNION
  // The employer named on a person row: a current job, unless one is known already.
  WITH row, p, c, missing WHERE size(missing) = 0 AND row.implied
  OPTIONAL MATCH (p)-[cur:WORKS_AT]->(c) WHERE cur.end IS NULL
  WITH row, p, c, collect(cur) AS current
  WITH row, p, c, current,
       [x IN current WHERE x.uid = row.uid] AS mine
  CALL (row, p, c, current) {
    WITH row, p, c WHERE size(current) = 0
    OPTIONAL MATCH (p)-[prev:WORKS_AT {implied: true}]->(other:Company)
      WHERE prev.end IS NULL AND other <> c AND prev.source = row.prov.source
    SET prev.end = row.today
  }
  CALL (row, p, c, current, mine) {
    WITH row, p, c WHERE size(current) = 0 OR size(mine) > 0
    MERGE (p)-[r:WORKS_AT {uid: row.uid}]->(c)
      ON CREATE SET r += row.prov, r.created_at = datetime(), r.implied = true
    SET r += row.props, r.end = null
  }
  RETURN CASE
    WHEN size(current) = 0 THEN 'created'
    WHEN size(mine) > 0 AND NOT all(k IN keys(row.props) WHERE mine[0][k] = row.props[k])
      THEN 'updated'
    ELSE 'unchanged' END AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN 'missing' AS outcome
}
RETURN row.i AS i, outcome, row.uid AS uid, missing, null AS conflict
"""
)

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
