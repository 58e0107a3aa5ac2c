"""API keys in the graph: hashed at rest, authenticated, revoked and listed."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from graph.driver import GraphClient
from graph.errors import DuplicateEntity
from graph.queries.api_keys import CREATE_API_KEY
from graph.reading.api_keys import ApiKeyStore, parse_key
from schema.auth import Principal, Role

pytestmark = pytest.mark.neo4j


@pytest.fixture
def store(clean_graph: GraphClient) -> ApiKeyStore:
    return ApiKeyStore(clean_graph)


async def test_a_new_key_authenticates_as_its_principal(store: ApiKeyStore) -> None:
    principal, key = await store.create("ci pipeline", Role.EDITOR)

    assert key.startswith(f"rg_{principal.key_id}_")
    assert principal == Principal(key_id=principal.key_id, name="ci pipeline", role=Role.EDITOR)
    assert await store.authenticate(key) == principal


async def test_only_the_hash_of_the_secret_is_stored(
    store: ApiKeyStore, clean_graph: GraphClient
) -> None:
    principal, key = await store.create("reporting", Role.VIEWER)
    parsed = parse_key(key)
    assert parsed is not None
    _, secret = parsed

    records = await clean_graph.read("MATCH (k:ApiKey) RETURN properties(k) AS p")

    assert len(records) == 1
    stored = records[0]["p"]
    assert stored["hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert stored["key_id"] == principal.key_id and stored["role"] == "viewer"
    assert not any(secret in str(value) for value in stored.values())
    assert not any(key in str(value) for value in stored.values())


async def test_a_revoked_key_no_longer_authenticates(store: ApiKeyStore) -> None:
    principal, key = await store.create("laptop", Role.ADMIN)

    assert await store.revoke(principal.key_id) is True
    assert await store.authenticate(key) is None
    assert await store.revoke(principal.key_id) is False


async def test_revoking_an_unknown_key_changes_nothing(store: ApiKeyStore) -> None:
    principal, key = await store.create("kept", Role.VIEWER)

    assert await store.revoke("0123456789ab") is False
    assert await store.authenticate(key) == principal


async def test_malformed_unknown_and_tampered_keys_do_not_authenticate(
    store: ApiKeyStore,
) -> None:
    principal, key = await store.create("real", Role.ADMIN)
    tampered = key[:-1] + ("A" if key[-1] != "A" else "B")
    other_id = "0" * 12 if principal.key_id != "0" * 12 else "1" * 12
    unknown = key.replace(principal.key_id, other_id, 1)

    for presented in ["", "Bearer", "rg_short_x", f"{key} ", tampered, unknown]:
        assert await store.authenticate(presented) is None, presented
    assert await store.authenticate(key) == principal


async def test_the_list_shows_every_key_and_its_state_but_no_hash(store: ApiKeyStore) -> None:
    started = datetime.now(UTC).replace(microsecond=0)
    first, _ = await store.create("first", Role.VIEWER)
    second, _ = await store.create("second", Role.ADMIN)
    await store.revoke(first.key_id)

    records = await store.list()

    assert [(r.key_id, r.name, r.role, r.revoked) for r in records] == [
        (first.key_id, "first", Role.VIEWER, True),
        (second.key_id, "second", Role.ADMIN, False),
    ]
    assert all(r.created_at >= started for r in records)
    assert records[0].revoked_at is not None and records[0].revoked_at >= started
    assert not any(hasattr(r, "hash") for r in records)


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
async def test_a_key_needs_a_name_of_1_to_100_characters(store: ApiKeyStore, name: str) -> None:
    with pytest.raises(ValueError, match="1 to 100 characters"):
        await store.create(name, Role.VIEWER)


async def test_the_key_id_is_unique_in_the_database(
    store: ApiKeyStore, clean_graph: GraphClient
) -> None:
    principal, _ = await store.create("original", Role.VIEWER)
    clash = {
        "key_id": principal.key_id,
        "name": "clash",
        "role": "admin",
        "hash": "0" * 64,
        "created_at": datetime.now(UTC),
    }

    with pytest.raises(DuplicateEntity):
        await clean_graph.write(CREATE_API_KEY, clash)
