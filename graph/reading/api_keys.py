"""API keys, stored hashed: create, authenticate, revoke and list them.

A key reads ``rg_<key_id>_<secret>``. The ``key_id`` is public (it names the key in lists and
logs); the ``secret`` is 32 random bytes from :func:`secrets.token_urlsafe`. Only the SHA-256 of
the secret is stored: for a high-entropy random token a fast hash is the standard practice (a
slow password hash protects guessable passwords, which these are not). Presented keys are
compared with :func:`hmac.compare_digest`, and an unknown key id costs the same comparison.

A store may remember what it read of each key id for ``cache_seconds`` (the API's store does,
for one second): a key presented again within that time costs no query, whether it was good,
wrong, unknown or revoked, and concurrent checks of one key id share one query. A key revoked
by another process (``relgraph keys revoke``, another API worker) is therefore refused at most
``cache_seconds`` later (the time runs from when the query that read the key was sent); one
revoked through the same store is refused at once. The memory holds at most ``max_cached`` key
ids, with the stored hash (never a secret) of each.
"""

from __future__ import annotations

import asyncio
import builtins
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
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


@dataclass(frozen=True, slots=True)
class _Stored:
    """What the database held for a key id when ``read_at`` (None: no such key)."""

    read_at: float
    principal: Principal | None = None
    secret_hash: str = _NO_SUCH_KEY
    revoked: bool = True


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
    """The ``(:ApiKey)`` nodes, through one :class:`GraphClient`.

    Parameters
    ----------
    client : GraphClient
        The database.
    cache_seconds : float
        How long an authentication may answer from what an earlier one read of the same key
        id (default 0: every authentication queries).
    max_cached : int
        How many key ids the cache holds at most; the oldest make room.
    clock : callable
        Monotonic seconds (default :func:`time.monotonic`).
    """

    def __init__(
        self,
        client: GraphClient,
        *,
        cache_seconds: float = 0.0,
        max_cached: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if cache_seconds < 0 or max_cached < 1:
            raise ValueError("cache_seconds must not be negative and max_cached must be positive")
        self.client = client
        self.cache_seconds = cache_seconds
        self.max_cached = max_cached
        self.clock = clock
        self._cache: dict[str, _Stored] = {}
        self._reading: dict[str, asyncio.Future[_Stored]] = {}
        self._changes = 0  # creations and revocations through this store
        self.lookups = 0  # queries sent to check keys

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
        self._forget(key_id)
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
        stored = await self._stored(key_id)
        matches = hmac.compare_digest(hash_secret(secret), stored.secret_hash)
        return stored.principal if matches and not stored.revoked else None

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
        self._forget(key_id)
        return bool(records and int(records[0]["revoked"]) > 0)

    async def list(self) -> builtins.list[ApiKeyRecord]:
        """Every key, oldest first, with its state; never a secret or a hash.

        Returns
        -------
        list of ApiKeyRecord
            One record per key, revoked ones included.
        """
        return [_record(row) for row in await self.client.read(LIST_API_KEYS)]

    async def _stored(self, key_id: str) -> _Stored:
        # What the cache holds of the key id while it is fresh; else one query, shared by
        # every check of the same key id that comes while it runs.
        cached = self._cache.get(key_id)
        if cached is not None and self.clock() - cached.read_at < self.cache_seconds:
            return cached
        reading = self._reading.get(key_id)
        if reading is None:
            reading = asyncio.ensure_future(self._read(key_id))
            self._reading[key_id] = reading
            changes = self._changes
            reading.add_done_callback(lambda done: self._read_done(key_id, changes, done))
        # Shielded: a caller that goes away does not cancel the query the others wait for.
        return await asyncio.shield(reading)

    async def _read(self, key_id: str) -> _Stored:
        read_at = self.clock()
        self.lookups += 1
        records = await self.client.read(FIND_API_KEY, {"key_id": key_id})
        if not records:
            return _Stored(read_at)
        row = records[0]
        principal = Principal(key_id=key_id, name=str(row["name"]), role=Role(row["role"]))
        return _Stored(read_at, principal, str(row["hash"]), bool(row["revoked"]))

    def _read_done(self, key_id: str, changes: int, done: asyncio.Future[_Stored]) -> None:
        if self._reading.get(key_id) is done:
            del self._reading[key_id]
        if done.cancelled() or done.exception() is not None:
            return  # failures are not remembered: the next check asks again
        # A read that ran across a creation or revocation here may predate it: not remembered.
        if self.cache_seconds > 0 and changes == self._changes:
            self._remember(key_id, done.result())

    def _forget(self, key_id: str) -> None:
        self._changes += 1
        self._cache.pop(key_id, None)
        self._reading.pop(key_id, None)

    def _remember(self, key_id: str, stored: _Stored) -> None:
        self._cache.pop(key_id, None)
        if len(self._cache) >= self.max_cached:
            now = self.clock()
            for stale in [
                k for k, v in self._cache.items() if now - v.read_at >= self.cache_seconds
            ]:
                del self._cache[stale]
        while len(self._cache) >= self.max_cached:
            del self._cache[next(iter(self._cache))]
        self._cache[key_id] = stored
