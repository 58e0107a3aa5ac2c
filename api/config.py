"""API settings, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.config import GraphSettings
from schema.money import DEFAULT_FX_RATES, FxRates

__all__ = ["ApiSettings"]

_LOG_LEVELS = frozenset({"CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    """Where the API listens, which graph it serves, and its limits."""

    graph: GraphSettings
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_depth: int = 12
    max_aliases: int = 30
    max_query_cost: int = 5000
    max_page_size: int = 100
    max_body_bytes: int = 1_048_576
    graphiql: bool = True
    log_level: str = "info"
    fx_rates: FxRates = DEFAULT_FX_RATES
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be within 1..65535, got {self.port}")
        limits = (
            self.max_query_depth,
            self.max_aliases,
            self.max_query_cost,
            self.max_page_size,
            self.max_body_bytes,
        )
        if min(limits) < 1:
            raise ValueError("query, page and body limits must be positive")
        if self.log_level.upper() not in _LOG_LEVELS:
            raise ValueError(f"log_level must be one of {sorted(_LOG_LEVELS)}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ApiSettings:
        """Read the ``RELGRAPH_API_*`` variables, ``RELGRAPH_LOG_LEVEL``, ``RELGRAPH_FX_RATES``
        (exchange rates, see :mod:`schema.money`) and the graph settings.

        Parameters
        ----------
        env : Mapping of str to str, optional
            The environment (default ``os.environ``).

        Returns
        -------
        ApiSettings
            The settings; unset variables keep their defaults.
        """
        env = os.environ if env is None else env
        return cls(
            graph=GraphSettings.from_env(env),
            host=env.get("RELGRAPH_API_HOST", "127.0.0.1"),
            port=int(env.get("RELGRAPH_API_PORT", "8000")),
            max_query_cost=int(env.get("RELGRAPH_API_MAX_COST", "5000")),
            max_page_size=int(env.get("RELGRAPH_API_MAX_PAGE_SIZE", "100")),
            max_body_bytes=int(env.get("RELGRAPH_API_MAX_BODY_BYTES", "1048576")),
            graphiql=env.get("RELGRAPH_API_GRAPHIQL", "1") not in {"0", "false", "no"},
            log_level=env.get("RELGRAPH_LOG_LEVEL", "info").lower(),
            fx_rates=FxRates.parse(env.get("RELGRAPH_FX_RATES", "")),
        )
