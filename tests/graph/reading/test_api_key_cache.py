"""The key store's memory: repeated checks cost no query while fresh, and never outlive it."""

from __future__ import annotations

import asyncio

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.errors import GraphUnavailable
from graph.reading.api_keys import ApiKeyStore
from schema.auth import Role

pytestmark = pytest.mark.neo4j


class FakeClock:
    """Monotonic seconds that move only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clean_graph: GraphClient, clock: FakeClock) -> ApiKeyStore:
    return ApiKeyStore(clean_graph, cache_seconds=1.0, clock=clock)


async def _cost(store: ApiKeyStore, presented: str) -> int:
    """How many queries checking ``presented`` costs."""
    before = store.client.queries_sent
    await store.authenticate(presented)
    return store.client.queries_sent - before


async def test_a_key_checked_again_within_the_cache_time_costs_no_query(
    store: ApiKeyStore, clean_graph: GraphClient, clock: FakeClock
) -> None:
    principal, key = await store.create("busy client", Role.VIEWER)

    first = await _cost(store, key)
    clock.now += 0.99
    again = await _cost(store, key)
    clock.now += 0.01
    expired = await _cost(store, key)

    assert (first, again, expired) == (1, 0, 1)
    assert await store.authenticate(key) == principal


async def test_a_wrong_secret_for_a_remembered_key_id_is_still_refused(
    store: ApiKeyStore, clean_graph: GraphClient
) -> None:
    _, key = await store.create("real", Role.ADMIN)
    assert await store.authenticate(key) is not None
    tampered = key[:-1] + ("A" if key[-1] != "A" else "B")

    assert await _cost(store, tampered) == 0
    assert await store.authenticate(tampered) is None


async def test_unknown_and_revoked_keys_are_remembered_too(
    store: ApiKeyStore, clean_graph: GraphClient
) -> None:
    unknown = "rg_0123456789ab_" + "x" * 43
    principal, revoked = await store.create("gone", Role.VIEWER)
    await ApiKeyStore(clean_graph).revoke(principal.key_id)

    costs = [
        await _cost(store, presented)
        for presented in (unknown, revoked, unknown, revoked, unknown, revoked)
    ]

    assert costs == [1, 1, 0, 0, 0, 0]
    assert await store.authenticate(unknown) is None and await store.authenticate(revoked) is None


async def test_a_revocation_elsewhere_shows_once_the_cache_time_has_passed(
    store: ApiKeyStore, clean_graph: GraphClient, clock: FakeClock
) -> None:
    principal, key = await store.create("laptop", Role.ADMIN)
    assert await store.authenticate(key) == principal

    # Another process (the CLI, another API worker) revokes it.
    assert await ApiKeyStore(clean_graph).revoke(principal.key_id)
    clock.now += 1.0

    assert await store.authenticate(key) is None


async def test_a_revocation_through_the_same_store_shows_at_once(
    store: ApiKeyStore,
) -> None:
    principal, key = await store.create("laptop", Role.ADMIN)
    assert await store.authenticate(key) == principal

    assert await store.revoke(principal.key_id)

    assert await store.authenticate(key) is None


async def test_concurrent_checks_of_one_key_share_one_query(
    store: ApiKeyStore, clean_graph: GraphClient
) -> None:
    principal, key = await store.create("burst", Role.EDITOR)

    async def burst() -> list[object]:
        return list(await asyncio.gather(*(store.authenticate(key) for _ in range(20))))

    before = clean_graph.queries_sent
    answers = await burst()

    assert clean_graph.queries_sent - before == 1
    assert answers == [principal] * 20


async def test_without_a_cache_time_every_check_queries(clean_graph: GraphClient) -> None:
    store = ApiKeyStore(clean_graph)
    _, key = await store.create("plain", Role.VIEWER)

    costs = [await _cost(store, key) for _ in range(3)]

    assert costs == [1, 1, 1]


async def test_the_cache_holds_at_most_max_cached_key_ids(
    clean_graph: GraphClient, clock: FakeClock
) -> None:
    store = ApiKeyStore(clean_graph, cache_seconds=1.0, max_cached=2, clock=clock)
    keys = [(await store.create(f"key {i}", Role.VIEWER))[1] for i in range(3)]
    for key in keys:
        await store.authenticate(key)

    newest = await _cost(store, keys[2])
    oldest = await _cost(store, keys[0])

    assert (newest, oldest) == (0, 1)


async def test_a_failed_check_is_not_remembered(unused_port: int) -> None:
    settings = GraphSettings(uri=f"bolt://127.0.0.1:{unused_port}", retry_time=0)
    client = GraphClient.from_settings(settings)
    store = ApiKeyStore(client, cache_seconds=60.0)
    try:
        for _ in range(2):
            with pytest.raises(GraphUnavailable):
                await store.authenticate("rg_0123456789ab_" + "x" * 43)
        assert client.queries_sent == 2
    finally:
        await client.close()


@pytest.mark.parametrize(("seconds", "size"), [(-1.0, 10), (1.0, 0)])
def test_the_cache_settings_are_checked(
    graph_client: GraphClient, seconds: float, size: int
) -> None:
    with pytest.raises(ValueError, match="cache_seconds"):
        ApiKeyStore(graph_client, cache_seconds=seconds, max_cached=size)
