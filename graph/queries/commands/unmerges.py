"""Undo a merge from its ``MergeRecord``: read what the undo needs, then write it in one query.

Parameter of both: ``$merge_id``. The verdict refuses an unknown merge (``missing``) and, as
``blocked``, one that is undone already, whose survivor has since been merged away or
soft-deleted, whose records no longer exist, or whose merged record is no longer the one this
merge left (``merged_into``, ``merged_at`` and ``deleted_at`` as the merge set them).

:data:`UNMERGE_PLAN` (a read) returns the record's ``kind``, ``moved`` and
``survivor_changes``, the survivor's properties and version, the merged record's version and
``knows_as_of`` (the latest ``computed_at`` of the survivor's KNOWS edges).

:data:`UNMERGE_APPLY` writes the undo if neither version changed since the read (else
``changed``). ``$rows`` describes the merged record's relationships: ``type``, ``direction``
(``out`` when the merged record is the start node), ``action``, the other node's
``other_label`` and ``other_key``, ``identity`` (``source``, ``source_id``, ``uid``) and
``props`` (typed entries). A ``moved`` relationship is found on the survivor by type,
direction, other node and identity, deleted there and created on the merged record with the
properties it has now; a ``loop`` or ``duplicate`` one, dropped by the merge, is created from
``props``. Rows whose other node or survivor copy is gone are skipped. Then ``$restore`` goes
onto the survivor, the merged record loses ``merged_into``, ``merged_at`` and ``deleted_at``,
both versions go up by one and the record gets ``undone_at``.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.properties import DECODED

__all__ = ["UNMERGE_APPLY", "UNMERGE_PLAN"]

_RECORDS: LiteralString = """
OPTIONAL MATCH (rec:MergeRecord {merge_id: $merge_id})
OPTIONAL MATCH (sp:Person {uid: rec.survivor_uid}) WHERE rec.kind = 'person'
OPTIONAL MATCH (sc:Company {uid: rec.survivor_uid}) WHERE rec.kind = 'company'
OPTIONAL MATCH (mp:Person {uid: rec.merged_uid}) WHERE rec.kind = 'person'
OPTIONAL MATCH (mc:Company {uid: rec.merged_uid}) WHERE rec.kind = 'company'
WITH rec, coalesce(sp, sc) AS s, coalesce(mp, mc) AS m
WITH rec, s, m, CASE
  WHEN rec IS NULL THEN ['missing', 'merge_id', 'no_merge']
  WHEN rec.undone_at IS NOT NULL THEN ['blocked', 'merge_id', 'undone']
  WHEN s IS NULL OR m IS NULL THEN ['blocked', 'merge_id', 'record_gone']
  WHEN s.merged_into IS NOT NULL THEN ['blocked', 'merge_id', 'survivor_merged']
  WHEN s.deleted_at IS NOT NULL THEN ['blocked', 'merge_id', 'survivor_deleted']
  WHEN NOT coalesce(m.merged_into = s.uid AND m.merged_at = rec.merged_at
                    AND m.deleted_at IS NOT NULL, false)
    THEN ['blocked', 'merge_id', 'not_merged']
  ELSE ['ok', null, null]
END AS verdict
"""

_OUTCOME: LiteralString = """
RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason,
  coalesce(s.version, 1) AS actual, rec.kind AS kind, properties(s) AS survivor,
  properties(m) AS merged"""

UNMERGE_PLAN: LiteralString = (
    _RECORDS
    + """
CALL (s) {
  OPTIONAL MATCH (s)-[k:KNOWS]-(:Person)
  RETURN max(k.computed_at) AS knows_as_of
}
"""
    + _OUTCOME
    + ", rec.moved AS moved, rec.survivor_changes AS survivor_changes, knows_as_of"
)

# The other node of a row, by label and natural key (an index seek in each branch).
_OTHER: LiteralString = """
    CALL (row) {
      MATCH (o:Company {uid: row.other_key}) WHERE row.other_label = 'Company' RETURN o
      UNION
      MATCH (o:Person {uid: row.other_key}) WHERE row.other_label = 'Person' RETURN o
      UNION
      MATCH (o:Deal {uid: row.other_key}) WHERE row.other_label = 'Deal' RETURN o
      UNION
      MATCH (o:Interaction {uid: row.other_key}) WHERE row.other_label = 'Interaction' RETURN o
      UNION
      MATCH (o:Domain {name: row.other_key}) WHERE row.other_label = 'Domain' RETURN o
      UNION
      MATCH (o:Address {key: row.other_key}) WHERE row.other_label = 'Address' RETURN o
      UNION
      MATCH (o:Phone {number: row.other_key}) WHERE row.other_label = 'Phone' RETURN o
      UNION
      MATCH (o:ExternalId {key: row.other_key}) WHERE row.other_label = 'ExternalId' RETURN o
    }
"""

_COPY: LiteralString = """
    CALL (s, o, row) {
      OPTIONAL MATCH (s)-[c]-(o)
        WHERE row.action = 'moved' AND type(c) = row.type
          AND (startNode(c) = s) = (row.direction = 'out')
          AND coalesce(c.source, '') = coalesce(row.identity.source, '')
          AND coalesce(c.source_id, '') = coalesce(row.identity.source_id, '')
          AND coalesce(c.uid, '') = coalesce(row.identity.uid, '')
      RETURN c AS copy LIMIT 1
    }
    WITH m, row, o, copy WHERE row.action <> 'moved' OR copy IS NOT NULL
    WITH m, row, o, copy, properties(copy) AS kept
    DELETE copy
    WITH m, row, o, kept
"""

_RECREATE: LiteralString = (
    """
    CALL (m, o, row) {
      WITH * WHERE row.direction = 'out'
      CREATE (m)-[n:$(row.type)]->(o)
      RETURN n
      UNION
      WITH * WHERE row.direction = 'in'
      CREATE (o)-[n:$(row.type)]->(m)
      RETURN n
    }
    SET n = coalesce(kept, {})
    FOREACH (e IN CASE WHEN kept IS NULL THEN row.props ELSE [] END |
      SET n[e.key] = """
    + DECODED
    + """
    )
    RETURN count(n) AS restored
"""
)

UNMERGE_APPLY: LiteralString = (
    _RECORDS
    + """
WITH rec, s, m, CASE
  WHEN verdict[0] <> 'ok' THEN verdict
  WHEN coalesce(s.version, 1) <> $seen_versions.survivor
    OR coalesce(m.version, 1) <> $seen_versions.merged
    THEN ['changed', 'merge_id', 'changed']
  ELSE verdict
END AS verdict
CALL (rec, s, m, verdict) {
  WITH rec, s, m, verdict WHERE verdict[0] = 'ok'
  CALL (s, m) {
    UNWIND $rows AS row
"""
    + _OTHER
    + _COPY
    + _RECREATE
    + """
  }
  SET s += $restore, s.version = coalesce(s.version, 1) + 1, s.updated_at = datetime()
  REMOVE m.merged_into, m.merged_at, m.deleted_at
  SET m.version = coalesce(m.version, 1) + 1, m.updated_at = datetime(),
      rec.undone_at = datetime()
  RETURN restored
}
WITH rec, s, m, verdict, restored
"""
    + _OUTCOME
    + ", restored"
)
