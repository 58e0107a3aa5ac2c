"""The queries of the bulk kinds of an import (people and interactions), in two steps.

Each batch runs in ONE transaction: a read resolves every reference of the batch and returns
what is stored, with each node's ``elementId`` (stable inside the transaction), then
:mod:`graph.writing.import_two_step` decides, then writes apply only what changes:

``CREATE_*``
    Rows whose node the read did not find: the node and its relationships are created
    outright (no ``MERGE`` has anything to match inside the transaction that just read that
    nothing is there; a concurrent creation of the same key fails the batch on the
    uniqueness constraint instead of doubling it, and
    :class:`graph.writing.import_writer.ImportWriter` runs the batch again, whose read then
    finds it). Every property is named in the pattern
    (``PERSON_PROPERTIES``, ``INTERACTION_PROPERTIES``): a write that reads no property
    needs no ``Eager`` barrier, and a node reached by ``elementId`` and label reads none.
``UPDATE_*``
    Rows whose node exists and differs: set what the row carries, ``MERGE`` the links.

Provenance: a created node or relationship records ``source``, ``source_id``,
``source_file``, ``source_line`` and ``source_record`` (``PROVENANCE``).

Every query returns one record (the driver's per-record handling costs more than a batch's
own work), reads return the properties a decision compares (never the timestamps), and an
interaction's times travel as ``[epoch seconds, nanoseconds]`` in UTC both ways: the
driver's own conversion of a datetime costs more than the rest of the row.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.ingest.refs import BATCH, RESOLVE_DEAL, RESOLVE_PERSON

__all__ = [
    "CREATE_INTERACTIONS",
    "CREATE_PEOPLE",
    "INTERACTION_PROPERTIES",
    "INTERACTION_TIMES",
    "PERSON_PROPERTIES",
    "PROVENANCE",
    "RESOLVE_INTERACTIONS",
    "RESOLVE_PEOPLE",
    "UPDATE_INTERACTIONS",
    "UPDATE_PEOPLE",
]

PROVENANCE: tuple[LiteralString, ...] = (
    "source",
    "source_id",
    "source_file",
    "source_line",
    "source_record",
)
"""The provenance keys of a row's ``prov`` map, written on everything it creates."""

PERSON_PROPERTIES: tuple[LiteralString, ...] = (
    "email",
    "full_name",
    "name_key",
    "phone",
    "title",
    "department",
    "department_key",
    "seniority",
    "is_colleague",
    "alternate_emails",
    *PROVENANCE,
)
"""What a created person may hold besides ``uid`` and ``created_at`` (``row.node``)."""

INTERACTION_PROPERTIES: tuple[LiteralString, ...] = ("kind", "subject", "body")
"""What an interaction row may carry in ``row.props`` besides its times."""

INTERACTION_TIMES: tuple[LiteralString, ...] = ("occurred_at", "ended_at")
"""The datetimes an interaction row may carry in ``row.props``, as ``[seconds, nanos]``."""


def _named(keys: tuple[LiteralString, ...], source: LiteralString) -> LiteralString:
    """``key: <source>.key, ...``: a pattern's property map naming every key."""
    return ", ".join(key + ": " + source + "." + key for key in keys)


def _times(keys: tuple[LiteralString, ...], source: LiteralString) -> LiteralString:
    """``key: <the UTC datetime of source.key = [seconds, nanos]>, ...``."""
    return ", ".join(
        key
        + ": CASE WHEN "
        + source
        + "."
        + key
        + " IS NULL THEN null ELSE datetime({epochSeconds: "
        + source
        + "."
        + key
        + "[0], nanosecond: "
        + source
        + "."
        + key
        + "[1], timezone: 'Z'}) END"
        for key in keys
    )


def _read_times(keys: tuple[LiteralString, ...], node: LiteralString) -> LiteralString:
    """``key: [seconds, nanos] of node.key, ...`` (``[null, null]`` when it has none).

    The seconds are the floor of the epoch milliseconds: Neo4j's own ``epochSeconds``
    rounds a time before 1970 towards zero, which would not match the pair it was written
    from (1969-07-20T20:17:40.123456Z is ``[-14182940, 123456000]``).
    """
    return ", ".join(
        key
        + ": [toInteger(floor("
        + node
        + "."
        + key
        + ".epochMillis / 1000.0)), "
        + node
        + "."
        + key
        + ".nanosecond]"
        for key in keys
    )


_PROV: LiteralString = _named(PROVENANCE, "row.prov")

# rows: {i, ref, email}; one record, ``rows``: a map per row.
RESOLVE_PEOPLE: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
CALL (row) {
  WITH row.ref AS ref"""
    + RESOLVE_PERSON
    + """}
OPTIONAL MATCH (holder:Person {email: row.email}) USING INDEX SEEK holder:Person(email)
  WHERE found IS NOT NULL AND holder <> found AND coalesce(holder.merged_into, '') <> found.uid
RETURN collect({i: row.i, uid: found.uid, node: elementId(found), holder: holder.uid,
  props: CASE WHEN found IS NULL THEN null ELSE found {"""
    + ", ".join("." + key for key in PERSON_PROPERTIES)
    + """} END,
  phones: CASE WHEN found IS NULL THEN [] ELSE [(found)-[:HAS_PHONE]->(ph:Phone) | ph.number] END,
  domains: CASE WHEN found IS NULL THEN [] ELSE [(found)-[:HAS_DOMAIN]->(d:Domain) | d.name] END,
  new_ext: CASE WHEN found IS NULL OR row.ref.ext IS NULL OR found.uid = row.ref.ext THEN false
    ELSE NOT EXISTS { (:ExternalId {key: row.ref.ext})-[:IDENTIFIES]->(found) } END
}) AS rows
"""
)

# rows: {uid, node: {PERSON_PROPERTIES}, prov, phones, domains}
CREATE_PEOPLE: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
CREATE (n:Person {uid: row.uid, """
    + _named(PERSON_PROPERTIES, "row.node")
    + """, created_at: datetime()})
WITH n, row
CALL (n, row) {
  UNWIND row.phones AS number
  MERGE (ph:Phone {number: number})
  CREATE (n)-[:HAS_PHONE {"""
    + _PROV
    + """}]->(ph)
}
CALL (n, row) {
  UNWIND row.domains AS name
  MERGE (d:Domain {name: name})
  CREATE (n)-[:HAS_DOMAIN {"""
    + _PROV
    + """}]->(d)
}
"""
)

# rows: {node (elementId), props, prov, touch, set_email, alternate_emails, external_ids,
# phones, domains}
UPDATE_PEOPLE: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
MATCH (n:Person) WHERE elementId(n) = row.node
SET n += row.props
FOREACH (_ IN CASE WHEN row.touch THEN [1] ELSE [] END |
  SET n.updated_at = datetime(),
      n.import_file = row.prov.source_file, n.import_line = row.prov.source_line)
FOREACH (email IN CASE WHEN row.set_email IS NULL THEN [] ELSE [row.set_email] END |
  SET n.email = email)
FOREACH (emails IN CASE WHEN row.alternate_emails IS NULL THEN [] ELSE [row.alternate_emails] END |
  SET n.alternate_emails = emails)
FOREACH (key IN row.external_ids |
  MERGE (x:ExternalId {key: key})
    ON CREATE SET x += row.prov
  MERGE (x)-[:IDENTIFIES]->(n))
FOREACH (number IN row.phones |
  MERGE (ph:Phone {number: number})
  MERGE (n)-[r:HAS_PHONE]->(ph)
    ON CREATE SET r += row.prov)
FOREACH (name IN row.domains |
  MERGE (d:Domain {name: name})
  MERGE (n)-[r:HAS_DOMAIN]->(d)
    ON CREATE SET r += row.prov)
"""
)

# $batch.people, .deals: references with a ``key`` (an index); .uids: the interactions.
RESOLVE_INTERACTIONS: LiteralString = (
    BATCH
    + """
CALL () {
  UNWIND $batch.people AS ref
  CALL (ref) {"""
    + RESOLVE_PERSON
    + """}
  RETURN collect([ref.key, found.uid, elementId(found)]) AS people
}
CALL () {
  UNWIND $batch.deals AS ref
  CALL (ref) {"""
    + RESOLVE_DEAL
    + """}
  RETURN collect([ref.key, elementId(found)]) AS deals,
    collect(CASE WHEN found IS NOT NULL THEN [elementId(found), found.uid] END) AS deal_uids
}
CALL () {
  UNWIND $batch.uids AS uid
  MATCH (i:Interaction {uid: uid}) USING INDEX SEEK i:Interaction(uid)
  RETURN collect({
    uid: uid,
    node: elementId(i),
    props: i {"""
    + ", ".join("." + key for key in INTERACTION_PROPERTIES)
    + ", "
    + _read_times(INTERACTION_TIMES, "i")
    + """},
    parts: [(p:Person)-[r:PARTICIPATED_IN]->(i) | [elementId(p), r.role, p.uid]],
    deals: [(i)-[:ABOUT]->(d:Deal) | elementId(d)],
    deal_uids: [(i)-[:ABOUT]->(d:Deal) | d.uid]
  }) AS existing
}
RETURN people, deals, deal_uids, existing
"""
)

# rows: {uid, props: {INTERACTION_PROPERTIES, INTERACTION_TIMES}, prov, parts: [{node, role}],
# deal}
CREATE_INTERACTIONS: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
CREATE (i:Interaction {uid: row.uid, """
    + _named(INTERACTION_PROPERTIES, "row.props")
    + ", "
    + _times(INTERACTION_TIMES, "row.props")
    + ", "
    + _PROV
    + """, created_at: datetime()})
WITH i, row
CALL (i, row) {
  UNWIND row.parts AS part
  MATCH (p:Person) WHERE elementId(p) = part.node
  CREATE (p)-[:PARTICIPATED_IN {role: part.role, """
    + _PROV
    + """}]->(i)
}
CALL (i, row) {
  MATCH (d:Deal) WHERE elementId(d) = row.deal
  CREATE (i)-[:ABOUT {"""
    + _PROV
    + """}]->(d)
}
"""
)

# rows: {node (elementId), props, prov, parts: [{node, role}], deal}
UPDATE_INTERACTIONS: LiteralString = (
    BATCH
    + """
UNWIND $batch.rows AS row
MATCH (i:Interaction) WHERE elementId(i) = row.node
SET i += row.props, i.updated_at = datetime(),
    i.import_file = row.prov.source_file, i.import_line = row.prov.source_line
WITH i, row
CALL (i, row) {
  MATCH (d:Deal) WHERE elementId(d) = row.deal
  MERGE (i)-[r:ABOUT]->(d)
    ON CREATE SET r += row.prov
}
CALL (i, row) {
  UNWIND row.parts AS part
  MATCH (p:Person) WHERE elementId(p) = part.node
  MERGE (p)-[r:PARTICIPATED_IN {role: part.role}]->(i)
    ON CREATE SET r += row.prov
}
"""
)
