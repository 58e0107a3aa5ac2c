"""Processes of one machine learn of each other's writes through the feed signal, without a
database read when nothing changed; a signal the database cannot explain costs one read."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.feed_signal import FeedSignal
from graph.projection.follower import ProjectionFollower
from graph.writing.writers import GraphWriter
from tests.graph.records import person


def test_two_signals_of_one_database_share_a_counter_that_never_goes_down(
    tmp_path: Path,
) -> None:
    a = FeedSignal.for_database(tmp_path, "bolt://db:7687", "neo4j")
    b = FeedSignal.for_database(tmp_path, "bolt://db:7687", "neo4j")
    a.publish(3)
    b.publish(2)
    assert (a.read(), b.read()) == (3, 3)
    b.publish(4)
    assert a.read() == 4


def test_signals_of_two_databases_are_kept_apart(tmp_path: Path) -> None:
    FeedSignal.for_database(tmp_path, "bolt://db:7687", "neo4j").publish(9)
    assert FeedSignal.for_database(tmp_path, "bolt://db:7687", "crm").read() == 0
    assert FeedSignal.for_database(tmp_path, "bolt://other:7687", "neo4j").read() == 0


def test_an_unusable_signal_stays_silent_instead_of_failing(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the signal's directory should be")
    signal = FeedSignal.for_database(blocked, "bolt://db:7687", "neo4j")
    signal.publish(5)
    assert signal.read() == 0


@pytest.fixture
async def machine(
    neo4j_settings: GraphSettings, clean_graph: GraphClient, tmp_path: Path
) -> AsyncIterator[tuple[GraphClient, GraphClient]]:
    """Two clients of the clean database sharing one signal directory, as two processes of
    one machine: the writer, and the one a follower reads through."""
    settings = dataclasses.replace(neo4j_settings, feed_signal_dir=tmp_path / "run")
    writer, reader = GraphClient.from_settings(settings), GraphClient.from_settings(settings)
    yield writer, reader
    await writer.close()
    await reader.close()


@pytest.mark.neo4j
async def test_a_follower_reads_nothing_while_nothing_changed_and_sees_another_process_write(
    machine: tuple[GraphClient, GraphClient],
) -> None:
    writer, reader = machine
    follower = ProjectionFollower(reader, poll_interval=3600)
    await follower.build()
    before = reader.queries_sent
    for _ in range(5):
        assert await follower.current() is not None
    assert reader.queries_sent == before

    ann = person("p1", "Ann Lee", title="CFO")
    await GraphWriter(writer).people([ann])
    store = await follower.current()

    assert store is not None and store.people[ann.uid].title == "CFO"
    assert reader.queries_sent == before + 1  # the entries and their records, in one read


@pytest.mark.neo4j
async def test_a_signal_the_database_cannot_explain_costs_one_read_then_none(
    machine: tuple[GraphClient, GraphClient],
) -> None:
    _, reader = machine
    follower = ProjectionFollower(reader, poll_interval=3600)
    await follower.build()
    assert reader.feed_signal is not None
    reader.feed_signal.publish(10**9)  # left by a database since replaced at this address
    before = reader.queries_sent
    await follower.current()
    await follower.current()
    assert reader.queries_sent == before + 1
