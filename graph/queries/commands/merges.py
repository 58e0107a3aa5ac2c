"""Merge two people or two companies: read what a merge needs, then write it in one query.

Parameters of both: ``$survivor_uid``, ``$merged_uid``, ``$expected_survivor`` and
``$expected_merged`` (the caller's expected versions, or null). The verdict refuses a missing
record (``missing``), the same record twice, a record merged away or soft-deleted
(``invalid``) and a version that differs from the caller's (``stale``, naming
``expected_versions.survivor`` or ``.merged`` and returning ``expected`` and ``actual``).

:func:`merge_plan` (a read) returns both records' properties, the survivor's as typed entries
(:mod:`graph.queries.commands.properties`), every relationship of both records (``links``:
owner, element id, type, ``out`` when the record is its start node, the other node's label,
natural key and name, and its properties as entries) and ``knows_as_of``, the latest
``computed_at`` of their KNOWS edges.

:func:`merge_apply` writes the plan if nothing changed since it was read (same versions, same
relationship element ids in ``$seen_ids``; else ``changed``): each relationship of the merged
record is deleted, and the ones whose ``$actions[elementId]`` is ``'moved'`` are created again
on the survivor, same type and direction, with all their properties (the type comes from the
relationship itself, and the plan has checked it against :class:`schema.enums.RelType`).
Then ``$props`` goes onto the survivor, the merged record gets ``merged_into``, ``merged_at``
and ``deleted_at``, both versions go up by one, and a ``MergeRecord`` is created from
``$record``.
"""

from __future__ import annotations

from typing import LiteralString

from graph.queries.commands.properties import encoded

__all__ = ["MERGE_CONSTRAINT", "merge_apply", "merge_plan"]

MERGE_CONSTRAINT: LiteralString = (
    "CREATE CONSTRAINT merge_record_id IF NOT EXISTS "
    "FOR (n:MergeRecord) REQUIRE n.merge_id IS UNIQUE"
)

_VERDICT: LiteralString = """
WITH s, m, CASE
  WHEN s IS NULL THEN ['missing', 'survivor_id', 'no_record']
  WHEN m IS NULL THEN ['missing', 'merged_id', 'no_record']
  WHEN s = m THEN ['invalid', 'merged_id', 'same_record']
  WHEN s.merged_into IS NOT NULL THEN ['invalid', 'survivor_id', 'merged_away']
  WHEN m.merged_into IS NOT NULL THEN ['invalid', 'merged_id', 'merged_away']
  WHEN s.deleted_at IS NOT NULL THEN ['invalid', 'survivor_id', 'deleted_record']
  WHEN m.deleted_at IS NOT NULL THEN ['invalid', 'merged_id', 'deleted_record']
  WHEN $expected_survivor IS NOT NULL AND coalesce(s.version, 1) <> $expected_survivor
    THEN ['stale', 'expected_versions.survivor', 'stale']
  WHEN $expected_merged IS NOT NULL AND coalesce(m.version, 1) <> $expected_merged
    THEN ['stale', 'expected_versions.merged', 'stale']
  ELSE ['ok', null, null]
END AS verdict
"""

_OUTCOME: LiteralString = """
RETURN verdict[0] AS status, verdict[1] AS field, verdict[2] AS reason,
  CASE verdict[1] WHEN 'expected_versions.merged' THEN coalesce(m.version, 1)
    ELSE coalesce(s.version, 1) END AS actual,
  CASE verdict[1] WHEN 'expected_versions.merged' THEN $expected_merged
    ELSE $expected_survivor END AS expected,
  properties(s) AS survivor, properties(m) AS merged"""

_LINK: LiteralString = (
    """{owner: owner, id: elementId(r), type: type(r), out: startNode(r) = n,
  other_label: head([l IN labels(o)
    WHERE l IN ['Company', 'Person', 'Deal', 'Interaction', 'Domain', 'Address', 'Phone',
                'ExternalId']]),
  other_key: CASE WHEN o:Domain THEN o.name WHEN o:Address OR o:ExternalId THEN o.key
    WHEN o:Phone THEN o.number ELSE o.uid END,
  other_name: coalesce(o.name, o.full_name, o.subject, o.text, o.number, o.key),
  entries: """
    + encoded("r")
    + "}"
)

_LINKS: LiteralString = (
    """
CALL (s, m) {
  UNWIND [pair IN [['survivor', s], ['merged', m]] WHERE pair[1] IS NOT NULL] AS side
  WITH side[0] AS owner, side[1] AS n
  MATCH (n)-[r]-(o)
  RETURN collect("""
    + _LINK
    + """) AS links
}
CALL (s, m) {
  UNWIND [x IN [s, m] WHERE x IS NOT NULL] AS n
  OPTIONAL MATCH (n)-[k:KNOWS]-(:Person)
  RETURN max(k.computed_at) AS knows_as_of
}
"""
)

_FRESH: LiteralString = """
CALL (s, m) {
  UNWIND [x IN [s, m] WHERE x IS NOT NULL] AS n
  OPTIONAL MATCH (n)-[r]-()
  RETURN collect(DISTINCT elementId(r)) AS seen
}
WITH s, m, CASE
  WHEN verdict[0] <> 'ok' THEN verdict
  WHEN coalesce(s.version, 1) <> $seen_versions.survivor
    OR coalesce(m.version, 1) <> $seen_versions.merged
    OR size(seen) <> size($seen_ids) OR any(id IN seen WHERE NOT id IN $seen_ids)
    THEN ['changed', 'merged_id', 'changed']
  ELSE verdict
END AS verdict
"""

_WRITE: LiteralString = """
CALL (s, m, verdict) {
  WITH s, m, verdict WHERE verdict[0] = 'ok'
  CALL (s, m) {
    MATCH (m)-[r]-()
    WITH DISTINCT s, m, r
    WITH s, m, r, $actions[elementId(r)] AS action WHERE action IS NOT NULL
    WITH s, r, action, type(r) AS t, properties(r) AS props, startNode(r) = m AS out,
         CASE WHEN startNode(r) = m THEN endNode(r) ELSE startNode(r) END AS o
    DELETE r
    WITH s, action, t, props, out, o WHERE action = 'moved'
    CALL (s, t, out, o) {
      WITH * WHERE out
      CREATE (s)-[n:$(t)]->(o)
      RETURN n
      UNION
      WITH * WHERE NOT out
      CREATE (o)-[n:$(t)]->(s)
      RETURN n
    }
    SET n = props
    RETURN count(n) AS moved
  }
  SET s += $props, s.version = coalesce(s.version, 1) + 1, s.updated_at = datetime()
  SET m.merged_into = s.uid, m.merged_at = datetime(), m.deleted_at = datetime(),
      m.version = coalesce(m.version, 1) + 1, m.updated_at = datetime()
  CREATE (:MergeRecord {
    merge_id: $record.merge_id, kind: $record.kind, survivor_uid: s.uid, merged_uid: m.uid,
    merged_at: datetime(), survivor_before: $record.survivor_before,
    survivor_changes: $record.survivor_changes, moved: $record.moved,
    source: 'api', source_id: $record.merge_id
  })
}
WITH s, m, verdict
"""


def _records(label: LiteralString) -> LiteralString:
    return (
        "OPTIONAL MATCH (s:" + label + " {uid: $survivor_uid})\n"
        "OPTIONAL MATCH (m:" + label + " {uid: $merged_uid})\n"
    )


def merge_plan(label: LiteralString) -> LiteralString:
    """The read of a merge of two ``label`` records (``Person`` or ``Company``)."""
    return (
        _records(label)
        + _VERDICT
        + _LINKS
        + _OUTCOME
        + ", "
        + encoded("s")
        + " AS survivor_entries, links, knows_as_of"
    )


def merge_apply(label: LiteralString) -> LiteralString:
    """The write of a planned merge of two ``label`` records; ``$seen_versions`` holds
    ``survivor`` and ``merged``, ``$props`` the survivor's changed properties (null
    removes one) and ``$record`` the merge record's ``merge_id``, ``kind``,
    ``survivor_before``, ``survivor_changes`` and ``moved``."""
    return _records(label) + _VERDICT + _FRESH + _WRITE + _OUTCOME
