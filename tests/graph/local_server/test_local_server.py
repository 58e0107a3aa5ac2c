"""The managed local Neo4j: start, status, stop, restart with data, stale pid, conflicts."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.errors import AlreadyRunning, ServerStartFailed
from graph.local_server import LocalServer

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ServerFactory = Callable[..., LocalServer]


def _run(uri: str, query: str) -> list[dict[str, object]]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query(query, database_="neo4j")
        return [r.data() for r in records]


def _wait_until_dead(pid: int) -> None:
    stat = Path(f"/proc/{pid}/stat")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return
        except (OSError, IndexError):
            return
        time.sleep(0.1)
    raise AssertionError(f"process {pid} did not die")


def test_start_status_and_stop_report_pid_port_version_and_data_dir(
    local_server_factory: ServerFactory, tmp_path: Path
) -> None:
    server = local_server_factory(home=tmp_path / "home")

    started = server.start()
    assert started.running and started.pid is not None
    assert started.version == "5.26.30"
    assert started.data_dir == tmp_path / "home" / "neo4j" / "data"
    assert server.status() == started
    assert _run(started.uri, "RETURN 1 AS x") == [{"x": 1}]

    stopped = server.stop()
    assert not stopped.running and stopped.pid is None
    assert not server.pid_file.exists()
    with pytest.raises(OSError):
        os.kill(started.pid, 0)


def test_refuses_to_start_twice_on_the_same_data_directory(
    local_server_factory: ServerFactory, tmp_path: Path
) -> None:
    first = local_server_factory(home=tmp_path / "shared")
    second = local_server_factory(home=tmp_path / "shared")  # another port, same folder
    first.start()

    with pytest.raises(AlreadyRunning, match="already runs on"):
        second.start()
    assert first.status().running


def test_data_survives_a_restart(local_server_factory: ServerFactory) -> None:
    server = local_server_factory()
    uri = server.start().uri
    _run(uri, "CREATE (:Marker {name: 'kept'})")
    server.stop()

    server.start()
    assert _run(uri, "MATCH (m:Marker) RETURN m.name AS name") == [{"name": "kept"}]


def test_a_crash_leaves_a_stale_pid_file_that_is_detected_and_cleaned(
    local_server_factory: ServerFactory,
) -> None:
    server = local_server_factory()
    crashed = server.start()
    _run(crashed.uri, "CREATE (:Marker {name: 'before crash'})")
    assert crashed.pid is not None
    os.kill(crashed.pid, signal.SIGKILL)
    _wait_until_dead(crashed.pid)
    assert server.pid_file.exists()  # the crash left it behind

    after = server.status()

    assert not after.running and after.stale_pid_removed
    assert not server.pid_file.exists()

    restarted = server.start()
    assert restarted.running and restarted.pid != crashed.pid
    assert _run(restarted.uri, "MATCH (m:Marker) RETURN m.name AS name") == [
        {"name": "before crash"}
    ]


def test_a_pid_file_naming_an_unrelated_live_process_is_treated_as_stale(
    local_server_factory: ServerFactory,
) -> None:
    server = local_server_factory()
    server.pid_file.parent.mkdir(parents=True)
    server.pid_file.write_text(json.dumps({"pid": os.getpid(), "port": 1, "version": "x"}))

    status = server.status()

    assert not status.running and status.stale_pid_removed
    assert not server.pid_file.exists()


def test_start_fails_clearly_when_the_port_is_taken(
    local_server_factory: ServerFactory, unused_port: int
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", unused_port))
        squatter.listen()
        server = local_server_factory(port=unused_port)
        with pytest.raises(ServerStartFailed, match=f"port {unused_port}"):
            server.start()
    assert not server.status().running


def test_stop_is_harmless_when_nothing_runs(local_server_factory: ServerFactory) -> None:
    server = local_server_factory()
    assert not server.stop().running
