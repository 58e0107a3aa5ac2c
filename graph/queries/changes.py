"""The change marker's probe, and the change feed: its append, its reads, its schema.

The feed is ``(:Change {seq, at, people, companies, deals, interactions, reset})`` nodes (the
lists hold uids), numbered 1, 2, 3 ... in commit order by one ``(:ChangeCounter {name:
'feed'})``. :data:`APPEND_CHANGE` is the last statement of a write transaction: it takes the
counter's write lock before it reads the counter, and holds it until the commit, so two
writers that both touched something append one after the other, in the order they commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import LiteralString

__all__ = [
    "APPEND_CHANGE",
    "CHANGES_SINCE",
    "CHANGE_FEED_SCHEMA",
    "FEED_HEAD",
    "MARKER_PROBE",
    "NEIGHBOURS",
    "PRUNE_CHANGES",
    "REPORTS_TO_ENDS",
    "WORKS_AT_ENDS",
]

# A read that touches no data: only its transaction's bookmark is wanted.
MARKER_PROBE: LiteralString = "RETURN 1 AS probe"

CHANGE_FEED_SCHEMA: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE",
    "CREATE CONSTRAINT change_counter_name IF NOT EXISTS "
    "FOR (n:ChangeCounter) REQUIRE n.name IS UNIQUE",
)

# $people, $companies, $deals, $interactions (lists of uids), $reset. The dummy write comes
# first so that the counter is locked before its value is read (read committed isolation
# would otherwise let two writers read the same value).
APPEND_CHANGE: LiteralString = """
MERGE (k:ChangeCounter {name: 'feed'})
SET k.locked = true
WITH k
SET k.seq = coalesce(k.seq, 0) + 1
REMOVE k.locked
CREATE (c:Change {seq: k.seq, at: datetime(), people: $people, companies: $companies,
                  deals: $deals, interactions: $interactions, reset: $reset})
RETURN c.seq AS seq
"""

FEED_HEAD: LiteralString = """
OPTIONAL MATCH (k:ChangeCounter {name: 'feed'})
RETURN coalesce(k.seq, 0) AS seq
"""

CHANGES_SINCE: LiteralString = """
MATCH (c:Change) WHERE c.seq > $seq
RETURN c.seq AS seq, c.at AS at, c.people AS people, c.companies AS companies,
       c.deals AS deals, c.interactions AS interactions, c.reset AS reset
ORDER BY c.seq
LIMIT $limit
"""

# Entries older than the newest $keep, at most $limit of them per transaction.
PRUNE_CHANGES: LiteralString = """
MATCH (k:ChangeCounter {name: 'feed'})
MATCH (c:Change) WHERE c.seq <= k.seq - $keep
WITH c LIMIT $limit
DELETE c
RETURN count(*) AS deleted
"""

# The current endpoints of the relationships with the uids in $uids (what an upsert that
# moves a relationship takes them from).
WORKS_AT_ENDS: LiteralString = """
UNWIND $uids AS uid
OPTIONAL MATCH (p:Person)-[:WORKS_AT {uid: uid}]->(c:Company)
RETURN collect(DISTINCT p.uid) AS people, collect(DISTINCT c.uid) AS companies
"""

REPORTS_TO_ENDS: LiteralString = """
UNWIND $uids AS uid
OPTIONAL MATCH (p:Person)-[:REPORTS_TO {uid: uid}]->(m:Person)
RETURN collect(DISTINCT p.uid) + collect(DISTINCT m.uid) AS people
"""


def _neighbours(label: LiteralString) -> LiteralString:
    return (
        "OPTIONAL MATCH (n:" + label + " {uid: $uid})\n"
        """OPTIONAL MATCH (n)--(m) WHERE m:Person OR m:Company OR m:Deal OR m:Interaction
RETURN collect(DISTINCT CASE WHEN m:Person THEN m.uid END) AS people,
       collect(DISTINCT CASE WHEN m:Company THEN m.uid END) AS companies,
       collect(DISTINCT CASE WHEN m:Deal THEN m.uid END) AS deals,
       collect(DISTINCT CASE WHEN m:Interaction THEN m.uid END) AS interactions
"""
    )


NEIGHBOURS: Mapping[str, LiteralString] = {
    "Person": _neighbours("Person"),
    "Company": _neighbours("Company"),
    "Deal": _neighbours("Deal"),
    "Interaction": _neighbours("Interaction"),
}
"""By label: the records linked to the record ``$uid`` by any relationship, by kind."""
