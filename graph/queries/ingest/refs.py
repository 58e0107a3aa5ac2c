"""Cypher fragments that resolve an import row's reference to an existing node.

A reference is a map with any of ``ext`` (the uid the source's own id would give, e.g.
``person:hubspot:123``), ``email`` and ``email_key`` (people), ``domain`` and ``name_key``
(companies). Resolution order, strongest first: the node whose uid is ``ext``; the node an
``ExternalId {key: ext}`` identifies (another source's id recorded for it); for people the
node with that email, then one that lists it among its alternate emails; for companies the
company holding that domain (the one with the same normalised name when several do; for a
reference with its own id, never a company its source already knows by another id), then,
only for a reference with neither id nor domain, the single company with that normalised
name. A merged-away node resolves to its survivor.

The fragments are ``CALL`` subqueries over a variable ``ref`` that return one variable.
Every lookup is hinted to an index seek: batch queries keep the plan they got first
(:data:`BATCH`), often on a graph whose statistics make a scan look free.
"""

from __future__ import annotations

from typing import Any, LiteralString

__all__ = ["BATCH", "RESOLVE_COMPANY", "RESOLVE_DEAL", "RESOLVE_PERSON", "batch_parameters"]

BATCH: LiteralString = "CYPHER replan=skip\n"
"""The prefix of every import batch query: keep the cached plan however much the graph grew
since it was made. An import grows the graph from nothing, so the planner would otherwise
plan each batch query again and again as its statistics drift, at a cost that rivals the
batch's own work. It is safe only for plans that do not depend on statistics: every node a
batch query starts from is found by a unique key, an index or an ``elementId``, never by a
scan (``tests/graph/writing/test_ingest_plans.py`` checks the plans on an empty and a loaded graph).
Their parameters travel in one map, ``$batch`` (:func:`batch_parameters`).
"""


def batch_parameters(**values: Any) -> dict[str, Any]:
    """The parameters of a batch query, as the one map ``$batch`` its text reads them from
    (``UNWIND $batch.rows AS row``).

    Neo4j keys its plan cache on the parameters' types and, for a list parameter, on a
    bucket of its size (1, up to 10, up to 100, more): every batch query was planned again
    for a short last batch, a batch with fewer distinct references, an empty list of
    updates, each combination once, at 0.2 to 1 s a plan, more than a batch's own work. A
    map has one type whatever its lists hold, so each query is planned once.
    """
    return {"batch": values}


RESOLVE_PERSON: LiteralString = """
  OPTIONAL MATCH (byUid:Person {uid: ref.ext}) USING INDEX SEEK byUid:Person(uid)
  OPTIONAL MATCH (x:ExternalId {key: ref.ext})-[:IDENTIFIES]->(byExt:Person)
    USING INDEX SEEK x:ExternalId(key)
  OPTIONAL MATCH (byEmail:Person {email: ref.email}) USING INDEX SEEK byEmail:Person(email)
  OPTIONAL MATCH (y:ExternalId {key: ref.email_key})-[:IDENTIFIES]->(byAlt:Person)
    USING INDEX SEEK y:ExternalId(key)
  WITH coalesce(byUid, byExt, byEmail, byAlt) AS hit
  OPTIONAL MATCH (survivor:Person {uid: hit.merged_into}) USING INDEX SEEK survivor:Person(uid)
  RETURN coalesce(survivor, hit) AS found
"""

RESOLVE_COMPANY: LiteralString = """
  OPTIONAL MATCH (byUid:Company {uid: ref.ext}) USING INDEX SEEK byUid:Company(uid)
  OPTIONAL MATCH (x:ExternalId {key: ref.ext})-[:IDENTIFIES]->(byExt:Company)
    USING INDEX SEEK x:ExternalId(key)
  CALL (ref) {
    // a source's own record never takes over another record of the same source: families
    // and unrelated firms share domains
    OPTIONAL MATCH (d:Domain {name: ref.domain})<-[:HAS_DOMAIN]-(c:Company)
      USING INDEX SEEK d:Domain(name)
      WHERE c.merged_into IS NULL
        AND (ref.ext IS NULL OR (c.source <> ref.source
             AND NOT EXISTS { (:ExternalId {source: ref.source})-[:IDENTIFIES]->(c) }))
    WITH c ORDER BY c.uid
    WITH collect(c) AS holders
    // a family's entities share the domain and the name key (Redwood Medical AG, LLC and
    // PLC): the legal name tells them apart, and a legal name none of them bears is a new
    // entity, never one of them
    WITH holders, [h IN holders WHERE h.name_key = ref.name_key] AS namesakes
    WITH holders, namesakes, [h IN namesakes WHERE toLower(h.name) = ref.name_lower] AS exact
    RETURN CASE
      WHEN size(namesakes) = 1 THEN namesakes[0]
      WHEN size(namesakes) > 1 AND size(exact) = 1 THEN exact[0]
      WHEN size(namesakes) > 1 AND NOT coalesce(ref.legal, false) THEN namesakes[0]
      WHEN size(namesakes) = 0 AND size(holders) = 1 THEN holders[0]
    END AS byDomain
  }
  CALL (ref) {
    OPTIONAL MATCH (c:Company {name_key: ref.name_key}) USING INDEX SEEK c:Company(name_key)
      WHERE ref.ext IS NULL AND ref.domain IS NULL AND c.merged_into IS NULL
    WITH collect(c) AS namesakes
    RETURN CASE WHEN size(namesakes) = 1 THEN namesakes[0] END AS byName
  }
  WITH coalesce(byUid, byExt, byDomain, byName) AS hit
  OPTIONAL MATCH (survivor:Company {uid: hit.merged_into}) USING INDEX SEEK survivor:Company(uid)
  RETURN coalesce(survivor, hit) AS found
"""

RESOLVE_DEAL: LiteralString = """
  OPTIONAL MATCH (byUid:Deal {uid: ref.ext}) USING INDEX SEEK byUid:Deal(uid)
  OPTIONAL MATCH (x:ExternalId {key: ref.ext})-[:IDENTIFIES]->(byExt:Deal)
    USING INDEX SEEK x:ExternalId(key)
  RETURN coalesce(byUid, byExt) AS found
"""
