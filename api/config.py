"""API settings, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.config import GraphSettings

__all__ = ["ApiSettings"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    """Where the API listens and which graph it serves."""

    graph: GraphSettings
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_depth: int = 12
    max_aliases: int = 30
    graphiql: bool = True
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be within 1..65535, got {self.port}")
        if self.max_query_depth < 1 or self.max_aliases < 1:
            raise ValueError("query limits must be positive")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ApiSettings:
        """Read ``RELGRAPH_API_HOST``/``_PORT``/``_GRAPHIQL`` and the graph settings."""
        env = os.environ if env is None else env
        return cls(
            graph=GraphSettings.from_env(env),
            host=env.get("RELGRAPH_API_HOST", "127.0.0.1"),
            port=int(env.get("RELGRAPH_API_PORT", "8000")),
            graphiql=env.get("RELGRAPH_API_GRAPHIQL", "1") not in {"0", "false", "no"},
        )
