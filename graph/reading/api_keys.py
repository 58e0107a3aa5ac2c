"""API keys, stored hashed: create, authenticate, revoke and list them.

A key reads ``rg_<key_id>_<secret>``. The ``key_id`` is public (it names the key in lists and
logs); the ``secret`` is 32 random bytes from :func:`secrets.token_urlsafe`. Only the SHA-256 of
the secret is stored: for a high-entropy random token a fast hash is the standard practice (a
slow password hash protects guessable passwords, which these are not). Presented keys are
compared with :func:`hmac.compare_digest`, and an unknown key id costs the same comparison.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from graph.driver import GraphClient, Record
from graph.errors import GraphError
from graph.queries.api_keys import CREATE_API_KEY, FIND_API_KEY, LIST_API_KEYS, REVOKE_API_KEY
from schema.auth import Principal, Role

__all__ = [
    "KEY_PREFIX",
    "ApiKeyNotFound",
    "ApiKeyRecord",
    "ApiKeyStore",
    "format_key",
    "hash_secret",
    "parse_key",
]

KEY_PREFIX = "rg"
_KEY = re.compile(r"rg_(?P<key_id>[0-9a-f]{12})_(?P<secret>[A-Za-z0-9_-]{20,128})")
_MAX_NAME = 100
# Compared against when the key id is unknown, so that both paths do the same work.
_NO_SUCH_KEY = hashlib.sha256(b"no such key").hexdigest()


class ApiKeyNotFound(GraphError):
    """No active API key has this id."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKeyRecord:
    """What a listing shows of a key: never its secret nor its hash."""

    key_id: str
    name: str
    role: Role
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def revoked(self) -> bool:
        """True once the key has been revoked."""
        return self.revoked_at is not None


def hash_secret(secret: str) -> str:
    """The stored form of a key's secret: its SHA-256, in hex.

    >>> hash_secret("s3cret")[:16]
    '1ec1c26b50d5d3c5'
    """
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def format_key(key_id: str, secret: str) -> str:
    """The plaintext key handed to its owner once.

    >>> format_key("0123456789ab", "x" * 24)
    'rg_0123456789ab_xxxxxxxxxxxxxxxxxxxxxxxx'
    """
    return f"{KEY_PREFIX}_{key_id}_{secret}"


def parse_key(presented: str) -> tuple[str, str] | None:
    """Split a presented key into ``(key_id, secret)``, or None when it is malformed.

    >>> parse_key("rg_0123456789ab_" + "x" * 24)
    ('0123456789ab', 'xxxxxxxxxxxxxxxxxxxxxxxx')
    >>> parse_key("not a key") is None
    True
    """
    match = _KEY.fullmatch(presented)
    return None if match is None else (match["key_id"], match["secret"])


def _at(millis: object) -> datetime | None:
    return None if millis is None else datetime.fromtimestamp(int(str(millis)) / 1000, tz=UTC)


def _record(row: Record) -> ApiKeyRecord:
    return ApiKeyRecord(
        key_id=str(row["key_id"]),
        name=str(row["name"]),
        role=Role(row["role"]),
        created_at=_at(row["created_ms"]) or datetime.fromtimestamp(0, tz=UTC),
        revoked_at=_at(row["revoked_ms"]),
    )


class ApiKeyStore:
    """The ``(:ApiKey)`` nodes, through one :class:`GraphClient`."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def create(self, name: str, role: Role) -> tuple[Principal, str]:
        """Create a key and return its principal and its plaintext, which is shown only once.

        Parameters
        ----------
        name : str
            What the key is for (1 to 100 characters), shown in lists.
        role : Role
            What the key may do.

        Returns
        -------
        tuple of (Principal, str)
            The key's principal, and the plaintext key ``rg_<key_id>_<secret>``.

        Raises
        ------
        ValueError
            When the name is empty or too long.
        """
        name = name.strip()
        if not 0 < len(name) <= _MAX_NAME:
            raise ValueError(f"a key name has 1 to {_MAX_NAME} characters")
        key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
        parameters = {
            "key_id": key_id,
            "name": name,
            "role": Role(role).value,
            "hash": hash_secret(secret),
            "created_at": datetime.now(UTC),
        }
        await self.client.write(CREATE_API_KEY, parameters)
        return Principal(key_id=key_id, name=name, role=Role(role)), format_key(key_id, secret)

    async def authenticate(self, presented: str) -> Principal | None:
        """The principal of a presented key, or None when it is malformed, unknown or revoked.

        Parameters
        ----------
        presented : str
            The key as the caller sent it.

        Returns
        -------
        Principal or None
            Who is calling, when the key is valid and active.
        """
        parsed = parse_key(presented)
        if parsed is None:
            return None
        key_id, secret = parsed
        records = await self.client.read(FIND_API_KEY, {"key_id": key_id})
        stored = records[0] if records else None
        expected = str(stored["hash"]) if stored is not None else _NO_SUCH_KEY
        matches = hmac.compare_digest(hash_secret(secret), expected)
        if stored is None or not matches or stored["revoked"]:
            return None
        return Principal(key_id=key_id, name=str(stored["name"]), role=Role(stored["role"]))

    async def revoke(self, key_id: str) -> bool:
        """Revoke a key; False when no active key has this id (unknown or already revoked).

        Parameters
        ----------
        key_id : str
            The public id of the key (the part after ``rg_``).

        Returns
        -------
        bool
            True when an active key was revoked now.
        """
        records = await self.client.write(REVOKE_API_KEY, {"key_id": key_id})
        return bool(records and int(records[0]["revoked"]) > 0)

    async def list(self) -> builtins.list[ApiKeyRecord]:
        """Every key, oldest first, with its state; never a secret or a hash.

        Returns
        -------
        list of ApiKeyRecord
            One record per key, revoked ones included.
        """
        return [_record(row) for row in await self.client.read(LIST_API_KEYS)]
