"""API keys: ``(:ApiKey {key_id, name, role, hash, created_at, revoked_at})``.

Only the SHA-256 of a key's secret is ever stored; no query returns it except the one that
checks a presented key.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = [
    "API_KEY_CONSTRAINT",
    "CREATE_API_KEY",
    "FIND_API_KEY",
    "LIST_API_KEYS",
    "REVOKE_API_KEY",
]

API_KEY_CONSTRAINT: LiteralString = (
    "CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.key_id IS UNIQUE"
)

# CREATE, not MERGE: a clash on key_id is a DuplicateEntity, never a silent overwrite.
CREATE_API_KEY: LiteralString = """
CREATE (k:ApiKey {key_id: $key_id, name: $name, role: $role, hash: $hash,
                  created_at: $created_at})
RETURN k.key_id AS key_id
"""

FIND_API_KEY: LiteralString = """
MATCH (k:ApiKey {key_id: $key_id})
RETURN k.name AS name, k.role AS role, k.hash AS hash, k.revoked_at IS NOT NULL AS revoked
"""

# Revoking an already revoked key matches nothing: the first revocation time stays.
REVOKE_API_KEY: LiteralString = """
MATCH (k:ApiKey {key_id: $key_id}) WHERE k.revoked_at IS NULL
SET k.revoked_at = datetime()
RETURN count(k) AS revoked
"""

LIST_API_KEYS: LiteralString = """
MATCH (k:ApiKey)
RETURN k.key_id AS key_id, k.name AS name, k.role AS role,
       k.created_at.epochMillis AS created_ms, k.revoked_at.epochMillis AS revoked_ms
ORDER BY k.created_at, k.key_id
"""
