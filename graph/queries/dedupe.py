"""Duplicate detection: read the pairs that share an identifier, the facts that score them,
and keep the likely duplicates as ``POSSIBLE_DUPLICATE`` relationships.

A record is *live* when it has neither ``deleted_at`` nor ``merged_into``; every query here
ignores the others. Each query comes in a Person and a Company flavour (``label`` is one of
those two literals, never user input).

Blocks (:func:`blocks`): for each ``$rows`` entry (``uid``, plus for people ``work_domains``
and ``name_words`` computed in Python), one row per block the record belongs to: ``via``
(what they share), ``key`` (the shared value), ``size`` (live members, the record included)
and ``members`` (their uids; empty when ``size`` exceeds ``$max_block``). People share a
Phone node, a ``name_key``, a current employer (employee role, no end) together with a work
email domain, or a current employer together with a word of the name key; companies share a
Domain, Address or Phone node or a ``name_key``.

Stored candidates run from the lower uid to the higher. :func:`store_candidates` creates the
relationship of a new pair (``status: 'open'``, ``found_at``), refreshes ``score`` and
``reasons`` of an open one and leaves a pair alone when any relationship between the two is
dismissed, so a dismissed pair is never proposed again. It returns ``outcome`` (``created``,
``updated``, ``dismissed``) and ``n``.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "DISMISS",
    "RECORD_KINDS",
    "blocks",
    "facts",
    "name_keys",
    "open_candidates",
    "store_candidates",
    "uid_page",
    "write_name_keys",
]

_LIVE_O: LiteralString = "o.deleted_at IS NULL AND o.merged_into IS NULL"
_CURRENT_JOB: LiteralString = "w.end IS NULL AND coalesce(w.role, 'employee') = 'employee'"
_CURRENT_O_JOB: LiteralString = "wo.end IS NULL AND coalesce(wo.role, 'employee') = 'employee'"


def _name(label: LiteralString) -> LiteralString:
    return "full_name" if label == "Person" else "name"


def uid_page(label: LiteralString) -> LiteralString:
    """The next ``$limit`` live uids after ``$after``, in uid order (an index-backed page)."""
    return (
        "MATCH (n:" + label + ") WHERE n.uid > $after "
        "AND n.deleted_at IS NULL AND n.merged_into IS NULL "
        "RETURN n.uid AS uid ORDER BY uid LIMIT $limit"
    )


def name_keys(label: LiteralString) -> LiteralString:
    """The name and the stored ``name_key`` of each record of ``label`` among ``$uids``."""
    return (
        "UNWIND $uids AS uid MATCH (n:" + label + " {uid: uid}) "
        "RETURN n.uid AS uid, n." + _name(label) + " AS name, n.name_key AS name_key"
    )


def write_name_keys(label: LiteralString) -> LiteralString:
    """Set ``name_key`` from ``$rows`` (``uid``, ``name_key``); returns ``written``."""
    return (
        "UNWIND $rows AS row MATCH (n:" + label + " {uid: row.uid}) "
        "SET n.name_key = row.name_key RETURN count(n) AS written"
    )


_PERSON_FACTS: LiteralString = (
    """
UNWIND $uids AS uid
MATCH (n:Person {uid: uid})
WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
RETURN n.uid AS uid, n.full_name AS name, n.name_key AS name_key, n.email AS email,
  coalesce(n.alternate_emails, []) AS alternate_emails,
  COLLECT { MATCH (n)-[:HAS_PHONE]->(ph:Phone) RETURN ph.number ORDER BY ph.number } AS phones,
  COLLECT {
    MATCH (n)-[w:WORKS_AT]->(c:Company)
    WHERE """
    + _CURRENT_JOB
    + """ AND c.deleted_at IS NULL AND c.merged_into IS NULL
    RETURN DISTINCT [c.uid, c.name]
  } AS employers
"""
)

_COMPANY_FACTS: LiteralString = """
UNWIND $uids AS uid
MATCH (n:Company {uid: uid})
WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
RETURN n.uid AS uid, n.name AS name, n.name_key AS name_key,
  COLLECT { MATCH (n)-[:HAS_DOMAIN]->(d:Domain) RETURN d.name ORDER BY d.name } AS domains,
  COLLECT { MATCH (n)-[:HAS_PHONE]->(ph:Phone) RETURN ph.number ORDER BY ph.number } AS phones,
  COLLECT { MATCH (n)-[:LOCATED_AT]->(a:Address) RETURN a.key ORDER BY a.key } AS address_keys
"""


def facts(label: LiteralString) -> LiteralString:
    """The facts of the live records among ``$uids``: name, name key and identifiers (and,
    for people, emails and current employers as ``[uid, name]`` pairs)."""
    return _PERSON_FACTS if label == "Person" else _COMPANY_FACTS


def _shared(
    label: LiteralString,
    via: LiteralString,
    rel: LiteralString,
    node: LiteralString,
    key: LiteralString,
) -> LiteralString:
    """The block of records of ``label`` linked to the same identifier node as ``n``."""
    return (
        "  MATCH (n)-[:" + rel + "]->(x:" + node + ")\n"
        "  MATCH (x)<-[:" + rel + "]-(o:" + label + ") WHERE " + _LIVE_O + "\n"
        "  RETURN '" + via + "' AS via, x." + key + " AS key, count(DISTINCT o) AS size,\n"
        "    collect(DISTINCT o.uid) AS members\n"
    )


def _same_name(label: LiteralString) -> LiteralString:
    return (
        "  WITH n WHERE n.name_key IS NOT NULL\n"
        "  MATCH (o:" + label + " {name_key: n.name_key}) WHERE " + _LIVE_O + "\n"
        "  RETURN 'name' AS via, n.name_key AS key, count(DISTINCT o) AS size,\n"
        "    collect(DISTINCT o.uid) AS members\n"
    )


def _colleagues(unwind: LiteralString, condition: LiteralString) -> LiteralString:
    """Current colleagues ``o`` of ``n`` (same employer, employee role, no end) meeting
    ``condition``, for each value of ``unwind``."""
    return (
        "  " + unwind + "\n"
        "  MATCH (n)-[w:WORKS_AT]->(c:Company)\n"
        "  WHERE " + _CURRENT_JOB + " AND c.deleted_at IS NULL\n"
        "  MATCH (c)<-[wo:WORKS_AT]-(o:Person)\n"
        "  WHERE " + _CURRENT_O_JOB + " AND " + _LIVE_O + "\n"
        "    AND " + condition + "\n"
    )


_SAME_EMPLOYER: LiteralString = (
    _colleagues(
        "UNWIND row.work_domains AS domain",
        "(o.email ENDS WITH '@' + domain"
        " OR any(e IN coalesce(o.alternate_emails, []) WHERE e ENDS WITH '@' + domain))",
    )
    + "  RETURN 'employer_domain' AS via, c.uid + ' ' + domain AS key,\n"
    "    count(DISTINCT o) AS size, collect(DISTINCT o.uid) AS members\n"
    "  UNION\n"
    + _colleagues(
        "UNWIND row.name_words AS word",
        "(word IN split(o.name_key, ' ') OR (size(word) = 1 AND left(o.name_key, 1) = word))",
    )
    + "  RETURN 'employer_name' AS via, c.uid + ' ' + word AS key,\n"
    "    count(DISTINCT o) AS size, collect(DISTINCT o.uid) AS members\n"
)

_BLOCK_ROWS: LiteralString = """}
RETURN row.uid AS uid, via, key, size,
  CASE WHEN size <= $max_block THEN members ELSE [] END AS members
"""

_PERSON_BLOCKS: LiteralString = (
    """UNWIND $rows AS row
MATCH (n:Person {uid: row.uid})
WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
CALL (n, row) {
"""
    + _shared("Person", "phone", "HAS_PHONE", "Phone", "number")
    + "  UNION\n"
    + _same_name("Person")
    + "  UNION\n"
    + _SAME_EMPLOYER
    + _BLOCK_ROWS
)

_COMPANY_BLOCKS: LiteralString = (
    """UNWIND $rows AS row
MATCH (n:Company {uid: row.uid})
WHERE n.deleted_at IS NULL AND n.merged_into IS NULL
CALL (n) {
"""
    + _shared("Company", "domain", "HAS_DOMAIN", "Domain", "name")
    + "  UNION\n"
    + _shared("Company", "address", "LOCATED_AT", "Address", "key")
    + "  UNION\n"
    + _shared("Company", "phone", "HAS_PHONE", "Phone", "number")
    + "  UNION\n"
    + _same_name("Company")
    + _BLOCK_ROWS
)


def blocks(label: LiteralString) -> LiteralString:
    """The blocks of each record of ``$rows`` (see the module docstring)."""
    return _PERSON_BLOCKS if label == "Person" else _COMPANY_BLOCKS


def store_candidates(label: LiteralString) -> LiteralString:
    """Store ``$rows`` (``a``, ``b``, ``score``, ``reasons``; ``a < b``) as candidates."""
    return (
        "UNWIND $rows AS row\n"
        "MATCH (a:" + label + " {uid: row.a})\n"
        "MATCH (b:"
        + label
        + " {uid: row.b})\n"
        + """CALL (a, b, row) {
  OPTIONAL MATCH (a)-[r:POSSIBLE_DUPLICATE]-(b)
  WITH a, b, row, collect(DISTINCT r) AS existing
  CALL (a, b, row, existing) {
    WITH * WHERE size(existing) = 0
    CREATE (a)-[r:POSSIBLE_DUPLICATE]->(b)
    SET r.status = 'open', r.found_at = datetime(), r.score = row.score,
        r.reasons = row.reasons, r.source = 'dedupe', r.source_id = row.a + '|' + row.b
    RETURN 'created' AS outcome
    UNION
    WITH * WHERE any(x IN existing WHERE x.status = 'dismissed')
    RETURN 'dismissed' AS outcome
    UNION
    WITH * WHERE size(existing) > 0 AND none(x IN existing WHERE x.status = 'dismissed')
    UNWIND existing AS x
    SET x.score = row.score, x.reasons = row.reasons
    RETURN DISTINCT 'updated' AS outcome
  }
  RETURN outcome
}
RETURN outcome, count(*) AS n
"""
    )


def open_candidates(label: LiteralString) -> LiteralString:
    """The open candidates between live records scoring at least ``$min_score``, best first,
    at most ``$limit``: one row per pair (its best open relationship), none for a pair with a
    dismissed relationship."""
    name = _name(label)
    return (
        "MATCH (a:"
        + label
        + ")-[r:POSSIBLE_DUPLICATE]-(b:"
        + label
        + ")\n"
        + """WHERE a.uid < b.uid AND a.deleted_at IS NULL AND a.merged_into IS NULL
  AND b.deleted_at IS NULL AND b.merged_into IS NULL
WITH a, b, collect(r) AS links
WHERE none(x IN links WHERE x.status = 'dismissed')
WITH a, b, [x IN links WHERE x.status = 'open' AND x.score >= $min_score] AS open
WHERE size(open) > 0
WITH a, b, reduce(best = head(open), x IN tail(open) |
  CASE WHEN x.score > best.score THEN x ELSE best END) AS r
RETURN a.uid AS a_uid, a."""
        + name
        + " AS a_name, b.uid AS b_uid, b."
        + name
        + """ AS b_name,
  r.score AS score, r.reasons AS reasons, r.found_at AS found_at
ORDER BY score DESC, a_uid, b_uid
LIMIT $limit
"""
    )


RECORD_KINDS: LiteralString = """
UNWIND $uids AS uid
OPTIONAL MATCH (p:Person {uid: uid})
OPTIONAL MATCH (c:Company {uid: uid})
RETURN uid, CASE WHEN p IS NOT NULL THEN 'person' WHEN c IS NOT NULL THEN 'company' END AS kind
"""
"""The kind (``person``, ``company`` or null) of each of ``$uids``."""

DISMISS: LiteralString = """
OPTIONAL MATCH (pa:Person {uid: $a})
OPTIONAL MATCH (ca:Company {uid: $a})
OPTIONAL MATCH (pb:Person {uid: $b})
OPTIONAL MATCH (cb:Company {uid: $b})
WITH coalesce(pa, ca) AS a, coalesce(pb, cb) AS b,
  CASE WHEN pa IS NOT NULL AND pb IS NOT NULL THEN 'person'
       WHEN ca IS NOT NULL AND cb IS NOT NULL THEN 'company' END AS kind
WITH a, b, kind, CASE
  WHEN a IS NULL THEN 'missing_a'
  WHEN b IS NULL THEN 'missing_b'
  WHEN a = b THEN 'same'
  WHEN kind IS NULL THEN 'mixed'
  ELSE 'ok' END AS status
OPTIONAL CALL (a, b, status) {
  WITH * WHERE status = 'ok'
  OPTIONAL MATCH (a)-[r:POSSIBLE_DUPLICATE]-(b)
  WITH a, b, collect(DISTINCT r) AS existing
  FOREACH (x IN existing | SET x.status = 'dismissed', x.dismissed_at = datetime())
  FOREACH (ignored IN CASE WHEN size(existing) = 0 THEN [1] ELSE [] END |
    CREATE (a)-[:POSSIBLE_DUPLICATE {status: 'dismissed', found_at: datetime(),
      dismissed_at: datetime(), reasons: [], source: 'dedupe',
      source_id: a.uid + '|' + b.uid}]->(b))
  RETURN size(existing) AS dismissed
}
RETURN status, kind, dismissed
"""
"""Dismiss the pair ``$a`` < ``$b``: every relationship between them becomes ``dismissed``,
or one is created so; ``status`` is ``ok``, ``missing_a``, ``missing_b``, ``same`` or
``mixed`` (a person and a company), ``dismissed`` how many existed."""
