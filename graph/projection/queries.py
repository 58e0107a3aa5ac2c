"""Bulk reads behind the resident projection: every record the intelligence reads, the
whole graph at start-up (``ALL_*``) or only the records a change touched (``TOUCHED_*``,
``$uids`` of people, companies, deals or interactions).

Each query returns plain columns; liveness (deleted or merged away) travels as a flag, since
the projection answers as the per-request reads do, which filter on it.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "ALL_COMPANIES",
    "ALL_DEALS",
    "ALL_INTERACTIONS",
    "ALL_PEOPLE",
    "ALL_PERSON_EDGES",
    "TOUCHED_COMPANIES",
    "TOUCHED_DEALS",
    "TOUCHED_INTERACTIONS",
    "TOUCHED_PEOPLE",
]

# Whole-graph reads come in pages of nodes in uid order (the uniqueness constraint's index
# gives the order): each page is ONE record, ``nodes`` (how many nodes it covers), ``last``
# (the uid to continue after) and ``rows`` (a list per node), since a few large lists decode
# far faster than many records. Times travel as epoch microseconds and dates as ISO text,
# which decode faster than temporal values.
_PEOPLE_PAGE: LiteralString = """
MATCH (p:Person) WHERE p.uid > $after
WITH p ORDER BY p.uid LIMIT $limit
WITH collect(p) AS page
RETURN size(page) AS nodes, page[-1].uid AS last,
"""
_COMPANIES_PAGE: LiteralString = """
MATCH (c:Company) WHERE c.uid > $after
WITH c ORDER BY c.uid LIMIT $limit
WITH collect(c) AS page
RETURN size(page) AS nodes, page[-1].uid AS last,
"""

_PERSON_COLUMNS: LiteralString = """
p.uid, elementId(p), p.full_name, coalesce(p.is_colleague, false), p.title, p.department,
p.seniority, p.deleted_at IS NULL AND p.merged_into IS NULL
"""
ALL_PEOPLE: LiteralString = _PEOPLE_PAGE + "[p IN page | [" + _PERSON_COLUMNS + "]] AS rows"

_COMPANY_COLUMNS: LiteralString = """
c.uid, c.name, coalesce(c.is_home, false), c.deleted_at IS NULL,
c.deleted_at IS NULL AND c.merged_into IS NULL, COUNT { (c)<-[:WORKS_AT]-() }
"""
ALL_COMPANIES: LiteralString = (
    _COMPANIES_PAGE
    + "[c IN page | ["
    + _COMPANY_COLUMNS
    + """, [(c)-[:SUBSIDIARY_OF]->(parent:Company) | parent.uid]]] AS rows"""
)

# A job's properties as the model reads them (the dates as text).
_JOB_COLUMNS: LiteralString = """
[c.uid, w.title, w.department, w.seniority, w.role, w.source, w.source_id,
 toString(w.start), toString(w.end)]
"""
_KNOWS_COLUMNS: LiteralString = """
[q.uid, k.strength, k.count, k.last_at.epochSeconds * 1000000 + k.last_at.microsecond]
"""
_CONNECTION_COLUMNS: LiteralString = """
[q.uid, toString(coalesce(r.since, r.connected_on)), r.kind, r.source]
"""
_LINE_COLUMNS: LiteralString = """
[q.uid, r.kind, toString(r.valid_from), toString(r.valid_to)]
"""

# Each person's outgoing relationships the projection holds: jobs, KNOWS, CONNECTED_TO and
# REPORTS_TO (each relationship read once, from its start node).
ALL_PERSON_EDGES: LiteralString = (
    _PEOPLE_PAGE
    + "[p IN page | [p.uid, [(p)-[w:WORKS_AT]->(c:Company) | "
    + _JOB_COLUMNS
    + "], [(p)-[k:KNOWS]->(q:Person) | "
    + _KNOWS_COLUMNS
    + "], [(p)-[r:CONNECTED_TO]->(q:Person) | "
    + _CONNECTION_COLUMNS
    + "], [(p)-[r:REPORTS_TO]->(q:Person) | "
    + _LINE_COLUMNS
    + "]]] AS rows"
)

_DEAL_COLUMNS: LiteralString = """
d.uid, d.stage, toString(d.close_date), d.deleted_at IS NULL,
[(d)-[:FOR]->(c:Company) | c.uid], [(p:Person)-[r:INVOLVED_IN]->(d) | [p.uid, r.role]]
"""
ALL_DEALS: LiteralString = (
    """
MATCH (d:Deal) WHERE d.uid > $after
WITH d ORDER BY d.uid LIMIT $limit
WITH collect(d) AS page
RETURN size(page) AS nodes, page[-1].uid AS last, [d IN page | ["""
    + _DEAL_COLUMNS
    + "]] AS rows"
)

_INTERACTION_COLUMNS: LiteralString = """
i.uid, i.occurred_at.epochSeconds * 1000000 + i.occurred_at.microsecond, i.kind,
i.deleted_at IS NULL,
[(p:Person)-[r:PARTICIPATED_IN]->(i) | [p.uid, r.role]]
"""
ALL_INTERACTIONS: LiteralString = (
    """
MATCH (i:Interaction) WHERE i.uid > $after
WITH i ORDER BY i.uid LIMIT $limit
WITH collect(i) AS page
RETURN size(page) AS nodes, page[-1].uid AS last,
       [i IN page | ["""
    + _INTERACTION_COLUMNS
    + "]] AS rows"
)

# The records a change touched, read again in full, in the same columns as the pages. A
# touched person brings back every relationship of theirs the projection holds, from both
# ends (``out`` and ``in``), with the uids of their deals and interactions (re-read through
# the other queries).
TOUCHED_PEOPLE: LiteralString = (
    "UNWIND $uids AS uid MATCH (p:Person {uid: uid}) RETURN ["
    + _PERSON_COLUMNS
    + "] AS row, [(p)-[w:WORKS_AT]->(c:Company) | "
    + _JOB_COLUMNS
    + "] AS jobs, [(p)-[k:KNOWS]->(q:Person) | "
    + _KNOWS_COLUMNS
    + "] AS knows_out, [(p)<-[k:KNOWS]-(q:Person) | "
    + _KNOWS_COLUMNS
    + "] AS knows_in, [(p)-[r:CONNECTED_TO]->(q:Person) | "
    + _CONNECTION_COLUMNS
    + "] AS connections_out, [(p)<-[r:CONNECTED_TO]-(q:Person) | "
    + _CONNECTION_COLUMNS
    + "] AS connections_in, [(p)-[r:REPORTS_TO]->(q:Person) | "
    + _LINE_COLUMNS
    + "] AS lines_out, [(p)<-[r:REPORTS_TO]-(q:Person) | "
    + _LINE_COLUMNS
    + """] AS lines_in,
       [(p)-[:INVOLVED_IN]->(d:Deal) | d.uid] AS deals,
       [(p)-[:PARTICIPATED_IN]->(i:Interaction) | i.uid] AS interactions"""
)

TOUCHED_COMPANIES: LiteralString = (
    "UNWIND $uids AS uid MATCH (c:Company {uid: uid}) RETURN ["
    + _COMPANY_COLUMNS
    + """, [(c)-[:SUBSIDIARY_OF]->(parent:Company) | parent.uid]] AS row,
       [(c)<-[:SUBSIDIARY_OF]-(child:Company) | child.uid] AS children,
       [(c)<-[:FOR]-(d:Deal) | d.uid] AS deals"""
)

TOUCHED_DEALS: LiteralString = (
    "UNWIND $uids AS uid MATCH (d:Deal {uid: uid}) RETURN [" + _DEAL_COLUMNS + "] AS row"
)

TOUCHED_INTERACTIONS: LiteralString = (
    "UNWIND $uids AS uid MATCH (i:Interaction {uid: uid}) RETURN ["
    + _INTERACTION_COLUMNS
    + "] AS row"
)
