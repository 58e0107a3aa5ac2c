"""The change feed: one entry per write transaction that touched something, numbered in
commit order, committed with the write or not at all."""

from __future__ import annotations

import asyncio

import pytest
from neo4j.exceptions import TransientError

from graph.driver import GraphClient, Transaction
from graph.errors import DuplicateEntity
from graph.reading.change_feed import ChangeFeedReader
from graph.writing.maintenance import delete_all_data
from graph.writing.writers import GraphWriter
from schema.changes import Touched, touched
from tests.graph.records import ACME, ANN

pytestmark = pytest.mark.neo4j

_CREATE = "CREATE (p:Person {uid: $uid}) RETURN p.uid AS uid"


async def test_each_write_transaction_appends_one_entry_in_commit_order(
    clean_graph: GraphClient,
) -> None:
    feed = ChangeFeedReader(clean_graph)
    head = await feed.head()

    for uid in ("p-a", "p-b", "p-c"):
        records = await clean_graph.write(_CREATE, {"uid": uid}, touched=touched(people=[uid]))
        assert records == [{"uid": uid}]

    entries = await feed.since(head)
    assert [e.seq for e in entries] == [head + 1, head + 2, head + 3]
    assert [sorted(e.touched.people) for e in entries] == [["p-a"], ["p-b"], ["p-c"]]
    assert all(e.at.tzinfo is not None and not e.touched.reset for e in entries)
    assert await feed.head() == head + 3


async def test_a_write_that_touches_nothing_appends_nothing(clean_graph: GraphClient) -> None:
    feed = ChangeFeedReader(clean_graph)
    head = await feed.head()

    await clean_graph.write(_CREATE, {"uid": "p-a"})
    await clean_graph.write(_CREATE, {"uid": "p-b"}, touched=Touched())
    await clean_graph.write(_CREATE, {"uid": "p-c"}, touched=lambda records: Touched())

    assert await feed.head() == head and await feed.since(head) == []


async def test_a_write_that_fails_leaves_no_entry(clean_graph: GraphClient) -> None:
    feed = ChangeFeedReader(clean_graph)
    await clean_graph.write(_CREATE, {"uid": ANN.uid})
    head = await feed.head()

    with pytest.raises(DuplicateEntity):
        await clean_graph.write(
            "CREATE (p:Person {uid: $uid})", {"uid": ANN.uid}, touched=touched(people=[ANN.uid])
        )

    async def refused(tx: Transaction) -> None:
        await tx.run(_CREATE, {"uid": "p-gone"})
        tx.touch(touched(people=["p-gone"]))
        raise ValueError("refused after writing")

    with pytest.raises(ValueError):
        await clean_graph.transaction(refused)

    assert await feed.head() == head
    assert await clean_graph.read("MATCH (p:Person {uid: 'p-gone'}) RETURN p.uid AS uid") == []


async def test_a_retried_attempt_starts_with_nothing_touched(clean_graph: GraphClient) -> None:
    feed = ChangeFeedReader(clean_graph)
    head = await feed.head()
    attempts: list[int] = []

    async def flaky(tx: Transaction) -> int:
        attempts.append(len(attempts))
        tx.touch(touched(people=[f"p-attempt-{len(attempts)}"]))
        if len(attempts) == 1:
            raise TransientError("try again")
        return len(attempts)

    assert await clean_graph.transaction(flaky) == 2

    [entry] = await feed.since(head)
    assert entry.touched == touched(people=["p-attempt-2"])


async def test_concurrent_writes_get_distinct_consecutive_numbers(
    clean_graph: GraphClient,
) -> None:
    feed = ChangeFeedReader(clean_graph)
    head = await feed.head()
    uids = [f"p-{n:02}" for n in range(20)]

    await asyncio.gather(
        *(clean_graph.write(_CREATE, {"uid": u}, touched=touched(people=[u])) for u in uids)
    )

    entries = await feed.since(head)
    assert [e.seq for e in entries] == list(range(head + 1, head + 21))
    assert sorted(uid for e in entries for uid in e.touched.people) == uids
    assert all(len(e.touched.people) == 1 for e in entries)


async def test_on_change_gets_the_number_of_each_committed_entry(
    clean_graph: GraphClient,
) -> None:
    seen: list[int] = []
    clean_graph.on_change = seen.append
    try:
        await clean_graph.write(_CREATE, {"uid": "p-a"}, touched=touched(people=["p-a"]))
        await clean_graph.write(_CREATE, {"uid": "p-b"})
        await clean_graph.write_all(
            [(_CREATE, {"uid": "p-c"}), (_CREATE, {"uid": "p-d"})],
            touched=touched(people=["p-c", "p-d"]),
        )
    finally:
        clean_graph.on_change = None

    head = await ChangeFeedReader(clean_graph).head()
    assert seen == [head - 1, head]


async def test_since_pages_and_prune_keeps_the_newest_entries(clean_graph: GraphClient) -> None:
    feed = ChangeFeedReader(clean_graph)
    for n in range(5):
        await clean_graph.write(_CREATE, {"uid": f"p-{n}"}, touched=touched(people=[f"p-{n}"]))
    head = await feed.head()

    assert [e.seq for e in await feed.since(head - 5, limit=2)] == [head - 4, head - 3]
    assert await feed.prune(keep=2) >= 3
    assert [e.seq for e in await feed.since(0)] == [head - 1, head]
    assert await feed.head() == head
    with pytest.raises(ValueError):
        await feed.since(0, limit=0)


async def test_deleting_all_data_appends_a_reset_and_the_numbers_go_on(
    clean_graph: GraphClient,
) -> None:
    feed = ChangeFeedReader(clean_graph)
    await GraphWriter(clean_graph).companies([ACME])
    await GraphWriter(clean_graph).people([ANN])
    head = await feed.head()

    await delete_all_data(clean_graph, batch_size=1)

    [entry] = await feed.since(0)
    assert entry.seq > head and entry.touched.reset
    assert await feed.head() == entry.seq
    await clean_graph.write(_CREATE, {"uid": "p-new"}, touched=touched(people=["p-new"]))
    assert [e.seq for e in await feed.since(entry.seq)] == [entry.seq + 1]


async def test_deleting_an_empty_graph_appends_nothing(clean_graph: GraphClient) -> None:
    feed = ChangeFeedReader(clean_graph)
    head = await feed.head()

    await delete_all_data(clean_graph)

    assert await feed.head() == head
