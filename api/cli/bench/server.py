"""Where the benchmarks run the API: under uvicorn in a child process on a free 127.0.0.1
port, for those that call it over real HTTP (the child runs what ``relgraph serve
--workers N`` runs: the same app, logging, workers and graceful shutdown), or in this
process (:func:`in_process_api`), for those that reach into the app's result cache.
Either way a benchmark starts once the API says it is ready (:func:`wait_until_ready`).

:class:`ApiServer` starts the child, waits until ``/readyz`` answers (the app and Neo4j),
and stops it (SIGTERM; SIGKILL after a grace period, and for any worker it left behind in
its own process group). It listens on the loopback interface only; its logs go to a file.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO

import httpx2
import typer
from starlette.testclient import TestClient

from api.cli.bench.machine import ProcessTree
from api.cli.bench.report import report_console
from api.cli.console import errors
from api.cli.serve import serve_api
from api.config import ApiSettings
from api.http.app import create_app

__all__ = ["ApiServer", "free_port", "in_process_api", "serve", "wait_until_ready"]

_GRACE = 20.0
READY_TIMEOUT = 600.0
"""Seconds the API may take to be ready (building a resident projection of a large graph)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(*, port: int, workers: int) -> None:
    """Serve the API on 127.0.0.1:``port`` with ``workers`` processes until SIGTERM: what
    ``relgraph serve --host 127.0.0.1 --port PORT --workers N`` runs (the child process of
    :class:`ApiServer`)."""
    settings = dataclasses.replace(ApiSettings.from_env(), host="127.0.0.1", port=port)
    serve_api(settings, workers=workers)


def wait_until_ready(
    http: httpx2.Client,
    url: str,
    *,
    timeout: float,
    alive: Callable[[], bool] = lambda: True,
) -> Mapping[str, object] | None:
    """Poll the API's ``/readyz`` at ``url`` until it says everything is ready: status 200
    and, when it reports a resident projection, that projection built (the benchmarks
    measure the app in its steady state). Its last answer; None after ``timeout`` seconds
    or once ``alive`` says the server is gone."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        try:
            response = http.get(url)
            body = response.json() if response.status_code == 200 else None
        except (httpx2.TransportError, ValueError):
            body = None  # not listening yet
        if isinstance(body, dict) and body.get("projection", "ready") == "ready":
            return body
        time.sleep(0.2)
    return None


@contextmanager
def in_process_api(
    settings: ApiSettings, key: str, *, timeout: float = READY_TIMEOUT
) -> Iterator[TestClient]:
    """The app in this process (starlette's TestClient, lifespan and all) calling with
    ``key``, once ready (see :func:`wait_until_ready`); exits the command when it is not."""
    with TestClient(create_app(settings)) as api:
        api.headers["Authorization"] = f"Bearer {key}"
        ready = wait_until_ready(api, "/readyz", timeout=timeout)
        if ready is None:
            errors.print(f"[bold red]error:[/] the API was not ready within {timeout:.0f} s")
            raise typer.Exit(code=1)
        report_console().print(f"API in this process: {ready}")
        yield api


def _kill_leftovers(pids: list[int], *, group: int) -> None:
    """SIGKILL those of ``pids`` still alive in the child's own process group (workers the
    stopped server left behind)."""
    for pid in pids:
        try:
            if pid != group and os.getpgid(pid) == group:
                os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class ApiServer:
    """A child process serving the API; a context manager that always stops it."""

    def __init__(
        self, *, log: Path, workers: int = 1, startup_timeout: float = READY_TIMEOUT
    ) -> None:
        if workers < 1 or startup_timeout <= 0:
            raise ValueError("workers must be at least 1 and startup_timeout positive")
        self.log, self.workers, self.startup_timeout = log, workers, startup_timeout
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError("the server has not started")
        return self._process.pid

    def __enter__(self) -> ApiServer:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Start the child and wait until it is ready; exit the command when it is not."""
        self.port = free_port()
        code = (
            "from api.cli.bench.server import serve; "
            f"serve(port={self.port}, workers={self.workers})"
        )
        self._log = self.log.open("wb")
        self._process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the workers stop with it
        )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        with httpx2.Client(timeout=5.0) as client:
            ready = wait_until_ready(
                client,
                f"{self.url}/readyz",
                timeout=self.startup_timeout,
                alive=lambda: self._process is not None and self._process.poll() is None,
            )
        if ready is None:
            self._fail(f"the API server was not ready within {self.startup_timeout:.0f} s")
        report_console().print(f"API server pid {self.pid} at {self.url}: {ready}")

    def _fail(self, message: str) -> None:
        if self._log is not None:
            self._log.flush()
        tail = self.log.read_text(errors="replace").splitlines()[-15:]
        errors.print(f"[bold red]error:[/] {message}; its log ends with:")
        errors.print("\n".join(tail) or "(nothing)", markup=False)
        raise typer.Exit(code=1)

    def stop(self) -> None:
        """Stop the child (graceful first) and close its log; idempotent."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            started = ProcessTree(process.pid).pids()
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=_GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            _kill_leftovers(started, group=process.pid)
        if self._log is not None:
            self._log.close()
            self._log = None
