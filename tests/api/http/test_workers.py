"""``relgraph serve --workers N``: N processes, each its own app and driver, all with the
settings the command line gave, which reach them through the environment."""

from __future__ import annotations

import dataclasses
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from api.config import ApiSettings
from graph.config import GraphSettings
from schema.money import FxRates

ROOT = Path(__file__).resolve().parents[3]
STARTED = re.compile(r"Started server process \[(\d+)\]")


@pytest.mark.parametrize(
    "graph",
    [
        GraphSettings(uri="bolt://127.0.0.1:7999", query_timeout=2.5, retry_time=0.0),
        GraphSettings(uri="bolt://127.0.0.1:7999", feed_signal_dir=Path("/srv/relgraph/run")),
        GraphSettings(
            uri="neo4j+s://db.example:7687",
            user="reader",
            password="pw",
            database="crm",
            external=True,
        ),
    ],
)
def test_every_setting_survives_the_trip_through_the_environment(graph: GraphSettings) -> None:
    settings = ApiSettings(
        graph=graph,
        host="0.0.0.0",
        port=9100,
        max_query_depth=7,
        max_aliases=4,
        max_query_cost=900,
        max_page_size=25,
        max_body_bytes=4096,
        graphiql=False,
        log_level="warning",
        fx_rates=FxRates.parse("EUR=1.5,SEK=0.1"),
        projection=False,
        projection_poll=2.5,
        web_dist="/srv/relgraph/web",
    )
    # Every setting but the graph's (checked through its variants) and ``extra`` (never read)
    # differs from its default here: a new setting must be added above, and to ``to_env``.
    defaults = ApiSettings(graph=graph)
    assert not [
        f.name
        for f in dataclasses.fields(ApiSettings)
        if f.name not in {"graph", "extra"}
        and getattr(settings, f.name) == getattr(defaults, f.name)
    ]
    base = {"UNRELATED": "kept", "NEO4J_URI": "bolt://elsewhere:1", "NEO4J_USER": "someone"}

    env = settings.to_env(base)

    assert ApiSettings.from_env(env) == settings
    assert env["UNRELATED"] == "kept" and base["NEO4J_USER"] == "someone"


def test_settings_no_environment_can_carry_are_refused() -> None:
    settings = ApiSettings(graph=GraphSettings(uri="bolt://127.0.0.1:7687"), extra={"a": "b"})
    external_without_user = dataclasses.replace(
        settings, extra={}, graph=GraphSettings(uri="bolt://db:7687", external=True)
    )

    for unfit in (settings, external_without_user):
        with pytest.raises(ValueError, match="through the environment"):
            unfit.to_env({})


class _Server:
    """A ``relgraph serve`` subprocess whose stderr lines are read as they come."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        relgraph = Path(sys.executable).parent / "relgraph"
        self.process = subprocess.Popen(
            [str(relgraph), "serve", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its workers share its process group
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def worker_pids(self, count: int, *, within: float) -> set[int]:
        """The pids of the first ``count`` workers that started, waiting at most ``within``."""
        deadline, pids = time.monotonic() + within, set[int]()
        while len(pids) < count and (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.log.append(line)
            pids |= {int(pid) for pid in STARTED.findall(line)}
        return pids

    def stop(self) -> int | None:
        """SIGTERM, as a service manager stops it; SIGKILL to the group after 30 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status: int | None = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
            status = None
        self.reader.join(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()
        return status


@pytest.fixture
def two_workers(
    neo4j_settings: GraphSettings, unused_port: int, tmp_path: Path
) -> Iterator[tuple[_Server, str]]:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user or "",
        "NEO4J_PASSWORD": neo4j_settings.password or "",
        "RELGRAPH_HOME": str(tmp_path),
        "RELGRAPH_API_PORT": "1",  # the command line's --port wins
    }
    args = ["--workers", "2", "--port", str(unused_port), "--no-graphiql", "--log-level", "info"]
    server = _Server(args, env)
    try:
        yield server, f"http://127.0.0.1:{unused_port}"
    finally:
        server.stop()


@pytest.mark.neo4j
def test_serve_with_two_workers_runs_two_processes_with_the_command_lines_settings(
    two_workers: tuple[_Server, str], admin_key: str
) -> None:
    server, url = two_workers

    pids = server.worker_pids(2, within=120)

    assert len(pids) == 2, "".join(server.log)
    assert server.process.pid not in pids
    with httpx.Client(base_url=url, timeout=30) as client:
        health = client.post(
            "/graphql",
            json={"query": "{ health { ok } }"},
            headers={"Authorization": f"Bearer {admin_key}"},
        )
        graphiql = client.get("/graphql", headers={"Accept": "text/html"})
    assert health.status_code == 200 and health.json() == {"data": {"health": {"ok": True}}}
    assert graphiql.status_code == 404  # --no-graphiql reached the workers
    assert server.stop() == 0
