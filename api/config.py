"""API settings, read once from the environment (and written back to it for worker processes)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.config import GraphSettings
from schema.money import DEFAULT_FX_RATES, FxRates

__all__ = ["ApiSettings"]

_LOG_LEVELS = frozenset({"CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"})
# The graph variables whose absence means something (see graph.config): cleared, then set.
_UNSET_GRAPH_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")


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
    projection: bool = True  # answer intelligence from the resident projection once built
    projection_poll: float = 0.5  # seconds between looks at the change feed's head
    web_dist: str = ""  # the built workspace (api/web/dist when empty), see api.http.web
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
        (exchange rates, see :mod:`schema.money`) and the graph settings; ``extra`` is not
        read.

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
            max_query_depth=int(env.get("RELGRAPH_API_MAX_DEPTH", "12")),
            max_aliases=int(env.get("RELGRAPH_API_MAX_ALIASES", "30")),
            max_query_cost=int(env.get("RELGRAPH_API_MAX_COST", "5000")),
            max_page_size=int(env.get("RELGRAPH_API_MAX_PAGE_SIZE", "100")),
            max_body_bytes=int(env.get("RELGRAPH_API_MAX_BODY_BYTES", "1048576")),
            graphiql=env.get("RELGRAPH_API_GRAPHIQL", "1") not in {"0", "false", "no"},
            log_level=env.get("RELGRAPH_LOG_LEVEL", "info").lower(),
            fx_rates=FxRates.parse(env.get("RELGRAPH_FX_RATES", "")),
            projection=env.get("RELGRAPH_PROJECTION", "1") not in {"0", "false", "no", "off"},
            projection_poll=float(env.get("RELGRAPH_PROJECTION_POLL", "0.5")),
            web_dist=env.get("RELGRAPH_WEB_DIST", ""),
        )

    def to_env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment ``base`` with these settings written into it, so that
        :meth:`from_env` reads them back: how ``relgraph serve --workers N`` hands the settings
        its options changed to worker processes, which each read them once.

        Parameters
        ----------
        base : Mapping of str to str, optional
            The environment to start from (default ``os.environ``); other variables stay.

        Returns
        -------
        dict of str to str
            A new environment; ``base`` is not changed.

        Raises
        ------
        ValueError
            When the environment cannot carry these settings (``extra``, or graph settings
            that no environment produces, such as an external server without a user).
        """
        env = dict(os.environ if base is None else base)
        for name in _UNSET_GRAPH_VARIABLES:
            env.pop(name, None)
        fx = ",".join(f"{code}={rate!r}" for code, rate in self.fx_rates.rates.items())
        env |= {
            "RELGRAPH_API_HOST": self.host,
            "RELGRAPH_API_PORT": str(self.port),
            "RELGRAPH_API_MAX_DEPTH": str(self.max_query_depth),
            "RELGRAPH_API_MAX_ALIASES": str(self.max_aliases),
            "RELGRAPH_API_MAX_COST": str(self.max_query_cost),
            "RELGRAPH_API_MAX_PAGE_SIZE": str(self.max_page_size),
            "RELGRAPH_API_MAX_BODY_BYTES": str(self.max_body_bytes),
            "RELGRAPH_API_GRAPHIQL": "1" if self.graphiql else "0",
            "RELGRAPH_LOG_LEVEL": self.log_level,
            "RELGRAPH_FX_RATES": fx,
            "RELGRAPH_PROJECTION": "1" if self.projection else "0",
            "RELGRAPH_PROJECTION_POLL": repr(self.projection_poll),
            "RELGRAPH_WEB_DIST": self.web_dist,
            **_graph_env(self.graph),
        }
        if ApiSettings.from_env(env) != self:
            raise ValueError("these API settings cannot be handed on through the environment")
        return env


def _graph_env(graph: GraphSettings) -> dict[str, str]:
    env = {
        "RELGRAPH_FEED_SIGNAL": "off"
        if graph.feed_signal_dir is None
        else str(graph.feed_signal_dir),
        "NEO4J_DATABASE": graph.database,
        "RELGRAPH_QUERY_TIMEOUT": repr(graph.query_timeout),
        "RELGRAPH_RETRY_TIME": repr(graph.retry_time),
    }
    if not graph.external:  # the managed server: its port names it
        return env | {"RELGRAPH_NEO4J_PORT": graph.uri.rpartition(":")[2]}
    env["NEO4J_URI"] = graph.uri
    if graph.user is not None:
        env["NEO4J_USER"] = graph.user
    if graph.password is not None:
        env["NEO4J_PASSWORD"] = graph.password
    return env
