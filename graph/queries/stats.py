"""Read-only queries about the database itself: counts, version, schema."""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "COUNT_LABELS",
    "COUNT_RELATIONSHIPS",
    "SERVER_VERSION",
    "SHOW_CONSTRAINT_NAMES",
    "SHOW_INDEX_STATES",
]

# One literal arm per label so that every count comes from the count store (O(1)).
COUNT_LABELS: LiteralString = """
CALL () {
  MATCH (n:Company) RETURN 'Company' AS label, count(n) AS count
  UNION ALL MATCH (n:Person) RETURN 'Person' AS label, count(n) AS count
  UNION ALL MATCH (n:Deal) RETURN 'Deal' AS label, count(n) AS count
  UNION ALL MATCH (n:Interaction) RETURN 'Interaction' AS label, count(n) AS count
  UNION ALL MATCH (n:Domain) RETURN 'Domain' AS label, count(n) AS count
  UNION ALL MATCH (n:Address) RETURN 'Address' AS label, count(n) AS count
  UNION ALL MATCH (n:Phone) RETURN 'Phone' AS label, count(n) AS count
}
RETURN label, count
"""

COUNT_RELATIONSHIPS: LiteralString = """
CALL () {
  MATCH ()-[r:WORKS_AT]->() RETURN 'WORKS_AT' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:REPORTS_TO]->() RETURN 'REPORTS_TO' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:SUBSIDIARY_OF]->() RETURN 'SUBSIDIARY_OF' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:PARTICIPATED_IN]->() RETURN 'PARTICIPATED_IN' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:INVOLVED_IN]->() RETURN 'INVOLVED_IN' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:OWNS]->() RETURN 'OWNS' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:FOR]->() RETURN 'FOR' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:ABOUT]->() RETURN 'ABOUT' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:KNOWS]->() RETURN 'KNOWS' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:HAS_DOMAIN]->() RETURN 'HAS_DOMAIN' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:LOCATED_AT]->() RETURN 'LOCATED_AT' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:HAS_PHONE]->() RETURN 'HAS_PHONE' AS type, count(r) AS count
}
RETURN type, count
"""

SERVER_VERSION: LiteralString = (
    "CALL dbms.components() YIELD name, versions, edition "
    "RETURN name, versions[0] AS version, edition"
)

SHOW_CONSTRAINT_NAMES: LiteralString = "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"

SHOW_INDEX_STATES: LiteralString = (
    "SHOW INDEXES YIELD name, state, type RETURN name, state, type ORDER BY name"
)
