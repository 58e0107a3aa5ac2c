"""Start, stop and inspect the managed local Neo4j server.

The server's folder (``<RELGRAPH_HOME>/neo4j``) holds ``conf/``, ``data/``, ``logs/`` and a pid
file. One server per folder: a live pid file refuses a second start, and a pid file whose
process is gone (a crash, a reboot) is detected and removed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

from graph.config import LocalServerSettings
from graph.errors import AlreadyRunning, ServerStartFailed
from graph.local_server.conf import java_command, render_conf
from graph.local_server.distribution import ensure_distribution
from graph.local_server.java import find_java

__all__ = ["LocalServer", "ServerStatus"]

_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
_PORT_RELEASE_WAIT = 10.0  # seconds a crashed server's exiting JVM may still hold the port


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerStatus:
    """What ``relgraph db status`` reports."""

    running: bool
    pid: int | None
    port: int
    version: str
    data_dir: Path
    log_file: Path
    stale_pid_removed: bool = False

    @property
    def uri(self) -> str:
        """The Bolt URI of the server."""
        return f"bolt://127.0.0.1:{self.port}"


class LocalServer:
    """A Neo4j Community server process bound to one folder and one port."""

    _children: ClassVar[dict[int, subprocess.Popen[bytes]]] = {}

    def __init__(self, settings: LocalServerSettings) -> None:
        self.settings = settings
        self.neo4j_home = settings.home / "neo4j"
        self.pid_file = self.neo4j_home / "run" / "neo4j.pid"
        self.log_file = self.neo4j_home / "logs" / "console.log"

    @property
    def data_dir(self) -> Path:
        """Where the databases live."""
        return self.neo4j_home / "data"

    def status(self) -> ServerStatus:
        """Report the server, removing a stale pid file if its process is gone."""
        record = self._read_pid_file()
        if record is None:
            return self._status(running=False)
        pid, port, version = record
        if _is_our_server(pid, self.neo4j_home):
            return self._status(running=True, pid=pid, port=port, version=version)
        self.pid_file.unlink(missing_ok=True)
        return self._status(running=False, stale_pid_removed=True)

    def start(self) -> ServerStatus:
        """Start the server and wait until Bolt answers.

        Raises
        ------
        AlreadyRunning
            If a server already runs on this folder.
        ServerStartFailed
            If the port is taken, the process exits, or Bolt does not answer in time.
        """
        current = self.status()
        if current.running:
            raise AlreadyRunning(
                f"Neo4j already runs on {self.data_dir} (pid {current.pid}, port {current.port});"
                " run `relgraph db stop` first or use another RELGRAPH_HOME."
            )
        _ensure_port_free(self.settings.port)
        lib = ensure_distribution(self.settings.version)
        java = find_java()
        self._prepare_home()
        command = java_command(java, lib, self.neo4j_home, self.settings.heap)
        with self.log_file.open("ab") as log:
            process = subprocess.Popen(
                command,
                cwd=self.neo4j_home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        LocalServer._children[process.pid] = process
        self._write_pid_file(process.pid, self.settings.version, str(java))
        version = self._wait_until_ready(process)
        self._write_pid_file(process.pid, version, str(java))
        return self.status()

    def stop(self) -> ServerStatus:
        """Stop the server: SIGTERM, then SIGKILL after the grace period. Idempotent."""
        current = self.status()
        if current.running and current.pid is not None:
            _terminate(current.pid, self.settings.stop_timeout)
        self.pid_file.unlink(missing_ok=True)
        return self._status(running=False, stale_pid_removed=current.stale_pid_removed)

    def _prepare_home(self) -> None:
        for folder in ("conf", "data", "logs", "plugins", "run"):
            (self.neo4j_home / folder).mkdir(parents=True, exist_ok=True)
        (self.neo4j_home / "conf" / "neo4j.conf").write_text(
            render_conf(self.settings), encoding="utf-8"
        )

    def _wait_until_ready(self, process: subprocess.Popen[bytes]) -> str:
        deadline = time.monotonic() + self.settings.start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise ServerStartFailed(
                    f"Neo4j exited with status {process.returncode} during start-up; "
                    f"last lines of {self.log_file}:\n{self._log_tail()}"
                )
            version = _bolt_version(self.settings.uri)
            if version is not None:
                return version
            time.sleep(0.5)
        _terminate(process.pid, self.settings.stop_timeout)
        self.pid_file.unlink(missing_ok=True)
        raise ServerStartFailed(
            f"Neo4j did not answer on {self.settings.uri} within "
            f"{self.settings.start_timeout:.0f}s; last lines of {self.log_file}:\n"
            f"{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def _read_pid_file(self) -> tuple[int, int, str] | None:
        """``(pid, port, version)`` from the pid file; an unreadable file is removed."""
        try:
            record = json.loads(self.pid_file.read_text(encoding="utf-8"))
            return int(record["pid"]), int(record["port"]), str(record["version"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            self.pid_file.unlink(missing_ok=True)
            return None

    def _write_pid_file(self, pid: int, version: str, java: str) -> None:
        record = {
            "pid": pid,
            "port": self.settings.port,
            "version": version,
            "java": java,
            "started_at": datetime.now(UTC).isoformat(),
        }
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.pid_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        temporary.replace(self.pid_file)

    def _status(
        self,
        *,
        running: bool,
        pid: int | None = None,
        port: int | None = None,
        version: str | None = None,
        stale_pid_removed: bool = False,
    ) -> ServerStatus:
        return ServerStatus(
            running=running,
            pid=pid,
            port=port or self.settings.port,
            version=version or self.settings.version,
            data_dir=self.data_dir,
            log_file=self.log_file,
            stale_pid_removed=stale_pid_removed,
        )


def _bolt_version(uri: str) -> str | None:
    try:
        with GraphDatabase.driver(
            uri, auth=None, connection_timeout=1, connection_acquisition_timeout=2
        ) as driver:
            driver.verify_connectivity()
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
                database_="system",
            )
            return str(records[0]["version"])
    except (DriverError, Neo4jError, OSError):
        return None


def _is_our_server(pid: int, neo4j_home: Path) -> bool:
    if _reap(pid):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return True  # no procfs: trust the live pid
    arguments = cmdline.read_bytes().split(b"\0")
    home_argument = f"--home-dir={neo4j_home}".encode()
    return _ENTRY_POINT.encode() in arguments and home_argument in arguments


def _reap(pid: int) -> bool:
    """Collect our own exited child so that its pid reads as gone; True if it has exited."""
    child = LocalServer._children.get(pid)
    if child is not None:
        if child.poll() is None:
            return False
        del LocalServer._children[pid]
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _terminate(pid: int, grace: float) -> None:
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if _reap(pid) or not _alive(pid):
                LocalServer._children.pop(pid, None)
                return
            time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _ensure_port_free(port: int, *, wait: float = _PORT_RELEASE_WAIT) -> None:
    """Fail unless ``port`` can be listened on, allowing a dying server time to release it."""
    deadline = time.monotonic() + wait
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            # Like the JVM, ignore connections in TIME_WAIT left by a previous server.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
                return
            except OSError as e:
                if time.monotonic() >= deadline:
                    raise ServerStartFailed(
                        f"port {port} on 127.0.0.1 is already in use by another process; "
                        "stop it or choose another with RELGRAPH_NEO4J_PORT"
                    ) from e
        time.sleep(0.25)
