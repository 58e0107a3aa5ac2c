"""Session fixtures: one real Neo4j for the whole run (the managed local server, or NEO4J_URI).

Under ``CI=true`` a database that cannot be had fails the run; elsewhere the tests that need
it are skipped with the reason.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from api.cli.demo import load_demo
from graph.config import GraphSettings, LocalServerSettings
from graph.driver import GraphClient
from graph.local_server import LocalServer
from graph.migrations import migrate
from graph.writing.maintenance import delete_all_data
from ingest.demo import SMALL, DemoDataset, generate
from schema.errors import CrmGraphError


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and no Neo4j: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j: {reason}")


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphSettings]:
    """Settings of the session's database: NEO4J_URI, or a managed server on a free port."""
    if os.environ.get("NEO4J_URI"):
        yield GraphSettings.from_env()
        return
    local = LocalServerSettings(
        home=tmp_path_factory.mktemp("neo4j-session"),
        port=free_port(),
        heap="1g",
        page_cache="512m",
    )
    server = LocalServer(local)
    try:
        server.start()
    except CrmGraphError as e:
        _unavailable(str(e))
    try:
        yield GraphSettings(uri=local.uri, query_timeout=60.0)
    finally:
        server.stop()


@pytest.fixture(scope="session")
async def graph_client(neo4j_settings: GraphSettings) -> AsyncIterator[GraphClient]:
    """One migrated client for the session."""
    client = GraphClient.from_settings(neo4j_settings)
    try:
        await client.verify()
    except CrmGraphError as e:
        await client.close()
        _unavailable(str(e))
    await migrate(client)
    yield client
    await client.close()


@pytest.fixture
async def clean_graph(graph_client: GraphClient) -> GraphClient:
    """The session client over an empty graph: each test starts from no data."""
    await delete_all_data(graph_client)
    return graph_client


ServerFactory = Callable[..., LocalServer]


@pytest.fixture
def unused_port() -> int:
    """A free TCP port on 127.0.0.1."""
    return free_port()


@pytest.fixture
def local_server_factory(tmp_path: Path) -> Iterator[ServerFactory]:
    """Build extra managed servers in a test's own folder; all are stopped afterwards."""
    servers: list[LocalServer] = []

    def build(home: Path | None = None, port: int | None = None) -> LocalServer:
        settings = LocalServerSettings(
            home=home or tmp_path / "server",
            port=port or free_port(),
            heap="512m",
            page_cache="128m",
        )
        server = LocalServer(settings)
        servers.append(server)
        return server

    yield build
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def demo_dataset() -> DemoDataset:
    """The small demo data set (seed 7), with its ground truth."""
    return generate(seed=7, scale=SMALL)


@pytest.fixture(scope="session")
def demo_settings(
    tmp_path_factory: pytest.TempPathFactory, demo_dataset: DemoDataset
) -> Iterator[GraphSettings]:
    """A second database holding the small demo data set, loaded once per session exactly as
    ``relgraph demo`` loads it. Tests that use it only read (API keys aside), so they share
    it; tests that write use ``clean_graph``."""
    if os.environ.get("NEO4J_URI"):
        _unavailable("the demo database needs a managed server of its own (NEO4J_URI is set)")
    local = LocalServerSettings(
        home=tmp_path_factory.mktemp("neo4j-demo"),
        port=free_port(),
        heap="1g",
        page_cache="256m",
    )
    server = LocalServer(local)
    try:
        server.start()
    except CrmGraphError as e:
        _unavailable(str(e))
    settings = GraphSettings(uri=local.uri, query_timeout=60.0)
    try:
        asyncio.run(_load_demo(settings, demo_dataset))
        yield settings
    finally:
        server.stop()


async def _load_demo(settings: GraphSettings, dataset: DemoDataset) -> None:
    client = GraphClient.from_settings(settings)
    try:
        await migrate(client)
    finally:
        await client.close()
    await load_demo(settings, dataset)


@pytest.fixture(scope="session")
async def demo_client(demo_settings: GraphSettings) -> AsyncIterator[GraphClient]:
    """A client of the demo database (read only, please)."""
    client = GraphClient.from_settings(demo_settings)
    yield client
    await client.close()
