"""Import upserts of people, companies, deals and interactions, resolved on natural keys.

Every query takes ``$batch.rows`` (see :mod:`graph.writing.import_writer` for their shape) and
returns one record, ``outcomes``, with a map per row (one record per row would cost the
driver more than the batch's own work): ``i`` (the row's index in the batch), ``outcome``
(``created``, ``updated``, ``unchanged`` or ``missing``), ``uid`` of the node written,
``missing`` (the references that were not found; nothing is written for such a row) and
``conflict`` (the uid of another node that already holds a key this row claims; that key is
left alone) and ``touched`` (null, or a map of the uids of the ``people``, ``companies`` and
``deals`` whose facts the row changed: the change feed names them).

An update only ever sets the values a row carries (an empty cell never erases what another
source said), and a row whose values, links and ids are all present already writes nothing,
so re-importing a file changes nothing. Provenance: a created node records the source, the
source's id, the file and the line (or message id); an existing node met through another
source's id gets an ``(:ExternalId)-[:IDENTIFIES]->`` node with the same provenance.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.ingest.refs import BATCH, RESOLVE_COMPANY, RESOLVE_DEAL, RESOLVE_PERSON

__all__ = ["IMPORT_COMPANIES", "IMPORT_DEALS"]

# Record another source's id for an existing node ``n`` (once).
_EXTERNAL_ID: LiteralString = """
CALL (n, row) {
  WITH n, row WHERE row.ref.ext IS NOT NULL AND n.uid <> row.ref.ext
  MERGE (x:ExternalId {key: row.ref.ext})
    ON CREATE SET x += row.prov
  MERGE (x)-[:IDENTIFIES]->(n)
}
"""

_NEW_EXTERNAL_ID: LiteralString = """
  row.ref.ext IS NULL OR n.uid = row.ref.ext
  OR EXISTS { (:ExternalId {key: row.ref.ext})-[:IDENTIFIES]->(n) }
"""

# Links of ``n`` to shared Phone and Domain nodes (and an Address for companies).
_IDENTIFIER_LINKS: LiteralString = """
CALL (n, row) {
  UNWIND row.phones AS number
  MERGE (ph:Phone {number: number})
  MERGE (n)-[r:HAS_PHONE]->(ph)
    ON CREATE SET r += row.prov
}
CALL (n, row) {
  UNWIND row.domains AS name
  MERGE (d:Domain {name: name})
  MERGE (n)-[r:HAS_DOMAIN]->(d)
    ON CREATE SET r += row.prov
}
"""

_LINKS_PRESENT: LiteralString = """
  all(number IN row.phones WHERE EXISTS { (n)-[:HAS_PHONE]->(:Phone {number: number}) })
  AND all(name IN row.domains WHERE EXISTS { (n)-[:HAS_DOMAIN]->(:Domain {name: name}) })
"""

_SAME_PROPS: LiteralString = "all(k IN keys(row.props) WHERE n[k] = row.props[k])"

IMPORT_COMPANIES: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
WITH row, row.ref AS ref
CALL (ref) {"""
    + RESOLVE_COMPANY
    + """}
WITH row, found
CALL (row, found) {
  WITH row WHERE found IS NULL
  CREATE (n:Company {uid: row.uid})
  SET n += row.defaults, n += row.props, n += row.prov, n.created_at = datetime()
  RETURN n, 'created' AS outcome
UNION
  WITH row, found AS n WHERE found IS NOT NULL
  WITH row, n,
    """
    + _SAME_PROPS
    + """ AS same_props,
    """
    + _NEW_EXTERNAL_ID
    + """ AS same_ext,
    """
    + _LINKS_PRESENT
    + """
    AND (row.address_key IS NULL OR EXISTS { (n)-[:LOCATED_AT]->(:Address {key: row.address_key}) })
      AS same_links
  CALL (n, row, same_props) {
    WITH n, row WHERE NOT same_props
    SET n += row.props, n.updated_at = datetime(),
        n.import_file = row.prov.source_file, n.import_line = row.prov.source_line
  }
  RETURN n, CASE WHEN same_props AND same_ext AND same_links
    THEN 'unchanged' ELSE 'updated' END AS outcome
}
"""
    + _EXTERNAL_ID
    + _IDENTIFIER_LINKS
    + """
CALL (n, row) {
  WITH n, row WHERE row.address_key IS NOT NULL
  MERGE (a:Address {key: row.address_key})
    ON CREATE SET a.text = row.address_text
  MERGE (n)-[r:LOCATED_AT]->(a)
    ON CREATE SET r += row.prov
}
RETURN collect({i: row.i, outcome: outcome, uid: n.uid, missing: [], conflict: null,
  touched: CASE WHEN outcome <> 'unchanged' THEN {companies: [n.uid]} END}) AS outcomes
"""
)

# Deals reference their company and owner; a row naming one that does not exist is not
# written and comes back as ``missing``.
IMPORT_DEALS: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
CALL (row) {
  WITH row.ref AS ref"""
    + RESOLVE_DEAL
    + """}
WITH row, found AS deal
CALL (row) {
  WITH row.company AS ref"""
    + RESOLVE_COMPANY
    + """}
WITH row, deal, found AS company
CALL (row) {
  WITH row.owner AS ref"""
    + RESOLVE_PERSON
    + """}
WITH row, deal, company, found AS owner
WITH row, deal, company, owner,
     CASE WHEN row.company IS NOT NULL AND company IS NULL THEN [row.company.label] ELSE [] END
       + CASE WHEN row.owner IS NOT NULL AND owner IS NULL THEN [row.owner.label] ELSE [] END
       AS missing
CALL (row, deal, company, owner, missing) {
  WITH row WHERE size(missing) = 0 AND deal IS NULL
  CREATE (n:Deal {uid: row.uid})
  SET n += row.defaults, n += row.props, n += row.prov, n.created_at = datetime()
  RETURN n, 'created' AS outcome
UNION
  WITH row, deal AS n, company, owner, missing WHERE size(missing) = 0 AND deal IS NOT NULL
  WITH row, n,
    """
    + _SAME_PROPS
    + """ AS same_props,
    """
    + _NEW_EXTERNAL_ID
    + """ AS same_ext,
    (company IS NULL OR EXISTS { (n)-[:FOR]->(company) })
      AND (owner IS NULL OR EXISTS { (owner)-[:OWNS]->(n) }) AS same_links
  CALL (n, row, same_props) {
    WITH n, row WHERE NOT same_props
    SET n += row.props, n.updated_at = datetime(),
        n.import_file = row.prov.source_file, n.import_line = row.prov.source_line
  }
  RETURN n, CASE WHEN same_props AND same_ext AND same_links
    THEN 'unchanged' ELSE 'updated' END AS outcome
UNION
  WITH missing WHERE size(missing) > 0
  RETURN null AS n, 'missing' AS outcome
}
WITH *, CASE WHEN n IS NOT NULL AND outcome <> 'unchanged' THEN {deals: [n.uid],
  companies: CASE WHEN company IS NOT NULL AND NOT EXISTS { (n)-[:FOR]->(company) }
    THEN [company.uid] + [(n)-[:FOR]->(x:Company) | x.uid] ELSE [] END,
  people: CASE WHEN owner IS NOT NULL AND NOT EXISTS { (owner)-[:OWNS]->(n) }
    THEN [owner.uid] + [(x:Person)-[:OWNS]->(n) | x.uid] ELSE [] END} END AS touched
CALL (n, row, company) {
  WITH n, row, company
    WHERE n IS NOT NULL AND company IS NOT NULL AND NOT EXISTS { (n)-[:FOR]->(company) }
  OPTIONAL MATCH (n)-[old:FOR]->(:Company)
  DELETE old
  CREATE (n)-[r:FOR]->(company)
  SET r += row.prov
}
CALL (n, row, owner) {
  WITH n, row, owner
    WHERE n IS NOT NULL AND owner IS NOT NULL AND NOT EXISTS { (owner)-[:OWNS]->(n) }
  OPTIONAL MATCH (:Person)-[old:OWNS]->(n)
  DELETE old
  CREATE (owner)-[r:OWNS]->(n)
  SET r += row.prov
}
CALL (n, row) {
  WITH n, row WHERE n IS NOT NULL AND row.ref.ext IS NOT NULL AND n.uid <> row.ref.ext
  MERGE (x:ExternalId {key: row.ref.ext})
    ON CREATE SET x += row.prov
  MERGE (x)-[:IDENTIFIES]->(n)
}
RETURN collect({i: row.i, outcome: outcome, uid: n.uid, missing: missing, conflict: null,
  touched: touched}) AS outcomes
"""
)
