"""``relgraph serve``: the GraphQL API under uvicorn, in one process or several workers."""

from __future__ import annotations

import dataclasses
import os
from enum import StrEnum
from typing import Annotated, Any

import typer
import uvicorn

from api.cli.console import console
from api.config import ApiSettings
from api.http.app import create_app
from api.http.logs import logging_config

__all__ = ["APP_FACTORY", "LogLevel", "serve", "serve_api"]

APP_FACTORY = "api.http.app:create_app"
"""What each worker process imports and calls to build its own app (and driver)."""

# Seconds a worker may take to answer the supervisor's health check before it is replaced: a
# new worker imports the whole CLI before it can answer (uvicorn's default, 5 s, is about
# what that takes on a busy machine, which then kills and restarts workers as they start).
_WORKER_HEALTHCHECK = 30


class LogLevel(StrEnum):
    """Levels of the server's logs."""

    CRITICAL = "critical"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    DEBUG = "debug"


def serve_api(settings: ApiSettings, *, workers: int = 1) -> None:
    """Serve the API until interrupted (graceful shutdown on SIGINT/SIGTERM).

    Logs go to stderr as JSON lines, each with the id of the request it belongs to.

    Parameters
    ----------
    settings : ApiSettings
        What to serve, and how.
    workers : int
        Worker processes (default 1: this process serves). More than one: uvicorn starts that
        many processes sharing the listening socket, each building its own app, driver and
        key cache from ``settings``, which reach them through the environment.

    Raises
    ------
    ValueError
        When ``workers`` is not positive, or the settings cannot travel in the environment.
    """
    if workers < 1:
        raise ValueError(f"workers must be positive, got {workers}")
    processes = "" if workers == 1 else f" ({workers} worker processes)"
    console.print(
        f"Workspace on http://{settings.host}:{settings.port}/ and GraphQL API on "
        f"http://{settings.host}:{settings.port}/graphql{processes} (send an API key); "
        "Ctrl+C stops it."
    )
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_config": logging_config(settings.log_level),
        "log_level": settings.log_level,
        "timeout_graceful_shutdown": 10,
    }
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    _export(settings.to_env())
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        workers=workers,
        timeout_worker_healthcheck=_WORKER_HEALTHCHECK,
        **options,
    )


def _export(env: dict[str, str]) -> None:
    # The workers are spawned with this process's environment, and read their settings from it.
    for name in os.environ.keys() - env.keys():
        del os.environ[name]
    os.environ.update(env)


def serve(
    host: Annotated[str | None, typer.Option(help="Listen address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (default 8000).")] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes, each with its own driver.")
    ] = 1,
    graphiql: Annotated[
        bool | None,
        typer.Option("--graphiql/--no-graphiql", help="Serve GraphiQL to browsers (default on)."),
    ] = None,
    log_level: Annotated[
        LogLevel | None, typer.Option(help="Level of the JSON logs (default info).")
    ] = None,
) -> None:
    """Serve the GraphQL API on http://127.0.0.1:8000/graphql.

    Options override the environment (RELGRAPH_API_*, RELGRAPH_LOG_LEVEL).
    """
    settings = ApiSettings.from_env()
    settings = dataclasses.replace(
        settings,
        host=host or settings.host,
        port=port or settings.port,
        graphiql=settings.graphiql if graphiql is None else graphiql,
        log_level=settings.log_level if log_level is None else log_level.value,
    )
    serve_api(settings, workers=workers)
