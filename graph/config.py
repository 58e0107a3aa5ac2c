"""Connection and local-server settings, read once from the environment.

``NEO4J_URI`` (with ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) points Relgraph at
an external server (single instance, cluster or Aura, ``bolt://`` or ``neo4j://``). Without it,
Relgraph runs its own managed Neo4j Community server on ``127.0.0.1`` with its data under
``RELGRAPH_HOME`` (default ``./.relgraph``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_NEO4J_VERSION", "GraphSettings", "LocalServerSettings"]

DEFAULT_NEO4J_VERSION = "5.26.30"


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalServerSettings:
    """How the managed local server runs."""

    home: Path
    port: int = 7687
    version: str = DEFAULT_NEO4J_VERSION
    heap: str = "1g"
    page_cache: str = "512m"
    start_timeout: float = 120.0
    stop_timeout: float = 30.0

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be within 1..65535, got {self.port}")
        if self.start_timeout <= 0 or self.stop_timeout <= 0:
            raise ValueError("start_timeout and stop_timeout must be positive")

    @property
    def uri(self) -> str:
        """The Bolt URI of the local server."""
        return f"bolt://127.0.0.1:{self.port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LocalServerSettings:
        """Read ``RELGRAPH_HOME``, ``RELGRAPH_NEO4J_PORT``/``_VERSION``/``_HEAP``/``_PAGECACHE``."""
        env = os.environ if env is None else env
        return cls(
            home=Path(env.get("RELGRAPH_HOME", ".relgraph")).resolve(),
            port=int(env.get("RELGRAPH_NEO4J_PORT", "7687")),
            version=env.get("RELGRAPH_NEO4J_VERSION", DEFAULT_NEO4J_VERSION),
            heap=env.get("RELGRAPH_NEO4J_HEAP", "1g"),
            page_cache=env.get("RELGRAPH_NEO4J_PAGECACHE", "512m"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GraphSettings:
    """Where the graph lives and how to talk to it."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str = "neo4j"
    query_timeout: float = 30.0
    retry_time: float = 15.0
    external: bool = False
    feed_signal_dir: Path | None = None

    def __post_init__(self) -> None:
        scheme = self.uri.split("://", 1)[0]
        if scheme not in {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}:
            raise ValueError(f"unsupported Neo4j URI scheme {scheme!r} in {self.uri!r}")
        if self.query_timeout <= 0 or self.retry_time < 0:
            raise ValueError("query_timeout must be positive and retry_time not negative")

    @property
    def auth(self) -> tuple[str, str] | None:
        """Basic auth for the driver, or None when the server has auth disabled."""
        if self.user is None:
            return None
        return (self.user, self.password or "")

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, local: LocalServerSettings | None = None
    ) -> GraphSettings:
        """Use ``NEO4J_URI`` when set, otherwise the managed local server."""
        env = os.environ if env is None else env
        # The machine-local feed signal's directory (graph.feed_signal): RELGRAPH_FEED_SIGNAL
        # names it, or "off"; by default the home's run/ directory.
        signal = env.get("RELGRAPH_FEED_SIGNAL", "")
        signal_dir: Path | None = None
        if signal.lower() not in {"off", "0", "false", "no"}:
            home = Path(env.get("RELGRAPH_HOME", ".relgraph"))
            signal_dir = (Path(signal) if signal else home / "run").resolve()
        timeout = float(env.get("RELGRAPH_QUERY_TIMEOUT", "30"))
        retry = float(env.get("RELGRAPH_RETRY_TIME", "15"))
        database = env.get("NEO4J_DATABASE", "neo4j")
        if uri := env.get("NEO4J_URI"):
            return cls(
                uri=uri,
                user=env.get("NEO4J_USER", "neo4j"),
                password=env.get("NEO4J_PASSWORD"),
                database=database,
                query_timeout=timeout,
                retry_time=retry,
                external=True,
                feed_signal_dir=signal_dir,
            )
        local = local or LocalServerSettings.from_env(env)
        return cls(
            uri=local.uri,
            database=database,
            query_timeout=timeout,
            retry_time=retry,
            feed_signal_dir=signal_dir,
        )
