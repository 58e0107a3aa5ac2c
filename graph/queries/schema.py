"""Constraints and indexes of the graph model, in the order migrations apply them.

Schema commands cannot take parameters; these are fixed literals with ``IF NOT EXISTS``.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "CONSTRAINTS",
    "FULLTEXT_INDEX",
    "INDEXES",
    "INGEST_SCHEMA",
    "MIGRATION_MARKER",
    "RECORD_MIGRATION",
]

CONSTRAINTS: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT company_uid IF NOT EXISTS FOR (n:Company) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT company_source_key IF NOT EXISTS "
    "FOR (n:Company) REQUIRE (n.source, n.source_id) IS UNIQUE",
    "CREATE CONSTRAINT person_uid IF NOT EXISTS FOR (n:Person) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT person_source_key IF NOT EXISTS "
    "FOR (n:Person) REQUIRE (n.source, n.source_id) IS UNIQUE",
    "CREATE CONSTRAINT person_email IF NOT EXISTS FOR (n:Person) REQUIRE n.email IS UNIQUE",
    "CREATE CONSTRAINT deal_uid IF NOT EXISTS FOR (n:Deal) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT deal_source_key IF NOT EXISTS "
    "FOR (n:Deal) REQUIRE (n.source, n.source_id) IS UNIQUE",
    "CREATE CONSTRAINT interaction_uid IF NOT EXISTS FOR (n:Interaction) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT interaction_source_key IF NOT EXISTS "
    "FOR (n:Interaction) REQUIRE (n.source, n.source_id) IS UNIQUE",
    "CREATE CONSTRAINT domain_name IF NOT EXISTS FOR (n:Domain) REQUIRE n.name IS UNIQUE",
    "CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT phone_number IF NOT EXISTS FOR (n:Phone) REQUIRE n.number IS UNIQUE",
    "CREATE CONSTRAINT works_at_uid IF NOT EXISTS FOR ()-[r:WORKS_AT]-() REQUIRE r.uid IS UNIQUE",
    "CREATE CONSTRAINT reports_to_uid IF NOT EXISTS "
    "FOR ()-[r:REPORTS_TO]-() REQUIRE r.uid IS UNIQUE",
    "CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:RelgraphMigration) REQUIRE n.id IS UNIQUE",
)

INDEXES: tuple[LiteralString, ...] = (
    "CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name)",
    "CREATE INDEX company_home IF NOT EXISTS FOR (n:Company) ON (n.is_home)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.full_name)",
    "CREATE INDEX person_colleague IF NOT EXISTS FOR (n:Person) ON (n.is_colleague)",
    "CREATE INDEX deal_stage IF NOT EXISTS FOR (n:Deal) ON (n.stage)",
    "CREATE INDEX deal_close_date IF NOT EXISTS FOR (n:Deal) ON (n.close_date)",
    "CREATE INDEX interaction_time IF NOT EXISTS FOR (n:Interaction) ON (n.occurred_at)",
    "CREATE INDEX interaction_kind IF NOT EXISTS FOR (n:Interaction) ON (n.kind)",
    "CREATE INDEX works_at_end IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.end)",
)

FULLTEXT_INDEX: LiteralString = (
    "CREATE FULLTEXT INDEX entity_text IF NOT EXISTS "
    "FOR (n:Company|Person|Deal|Interaction) "
    "ON EACH [n.name, n.full_name, n.title, n.subject, n.email, n.domain]"
)

INGEST_SCHEMA: tuple[LiteralString, ...] = (
    # Another source's id for an existing node: (:ExternalId {key})-[:IDENTIFIES]->(node).
    "CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (n:ExternalId) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE",
    # Normalised names: exact-key resolution of companies and blocking for fuzzy dedupe.
    "CREATE INDEX company_name_key IF NOT EXISTS FOR (n:Company) ON (n.name_key)",
    "CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.name_key)",
)

MIGRATION_MARKER: LiteralString = "MATCH (m:RelgraphMigration) RETURN m.id AS id ORDER BY id"

RECORD_MIGRATION: LiteralString = (
    "MERGE (m:RelgraphMigration {id: $id}) "
    "ON CREATE SET m.applied_at = datetime(), m.description = $description"
)
