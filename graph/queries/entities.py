"""Batched upserts of the model's nodes: ``UNWIND $rows`` plus ``MERGE`` on ``uid``.

Each query returns ``written``: how many rows found every node they reference.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["UPSERT_COMPANIES", "UPSERT_DEALS", "UPSERT_INTERACTIONS", "UPSERT_PEOPLE"]

UPSERT_COMPANIES: LiteralString = """
UNWIND $rows AS row
MERGE (c:Company {uid: row.uid})
  ON CREATE SET c.created_at = datetime()
SET c += row.props
WITH c, row
CALL (c, row) {
  WITH c, row WHERE row.domain IS NOT NULL
  MERGE (d:Domain {name: row.domain})
  MERGE (c)-[r:HAS_DOMAIN]->(d)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
CALL (c, row) {
  WITH c, row WHERE row.address_key IS NOT NULL
  MERGE (a:Address {key: row.address_key})
    ON CREATE SET a.text = row.props.address
  MERGE (c)-[r:LOCATED_AT]->(a)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
CALL (c, row) {
  WITH c, row WHERE row.phone IS NOT NULL
  MERGE (p:Phone {number: row.phone})
  MERGE (c)-[r:HAS_PHONE]->(p)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
RETURN count(*) AS written
"""

UPSERT_PEOPLE: LiteralString = """
UNWIND $rows AS row
MERGE (p:Person {uid: row.uid})
  ON CREATE SET p.created_at = datetime()
SET p += row.props
WITH p, row
CALL (p, row) {
  WITH p, row WHERE row.phone IS NOT NULL
  MERGE (ph:Phone {number: row.phone})
  MERGE (p)-[r:HAS_PHONE]->(ph)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
RETURN count(*) AS written
"""

UPSERT_DEALS: LiteralString = """
UNWIND $rows AS row
MERGE (d:Deal {uid: row.uid})
  ON CREATE SET d.created_at = datetime()
SET d += row.props
WITH d, row
CALL (d, row) {
  WITH d, row WHERE row.company_uid IS NOT NULL
  MATCH (c:Company {uid: row.company_uid})
  MERGE (d)-[r:FOR]->(c)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
CALL (d, row) {
  WITH d, row WHERE row.owner_uid IS NOT NULL
  MATCH (o:Person {uid: row.owner_uid})
  MERGE (o)-[r:OWNS]->(d)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
RETURN count(*) AS written
"""

UPSERT_INTERACTIONS: LiteralString = """
UNWIND $rows AS row
MERGE (i:Interaction {uid: row.uid})
  ON CREATE SET i.created_at = datetime()
SET i += row.props
WITH i, row
CALL (i, row) {
  WITH i, row WHERE row.deal_uid IS NOT NULL
  MATCH (d:Deal {uid: row.deal_uid})
  MERGE (i)-[r:ABOUT]->(d)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
CALL (i, row) {
  UNWIND row.participants AS part
  MATCH (p:Person {uid: part.person_uid})
  MERGE (p)-[r:PARTICIPATED_IN {role: part.role}]->(i)
  SET r.source = row.props.source, r.source_id = row.props.source_id
}
RETURN count(*) AS written
"""
