"""``relgraph serve``: the GraphQL API under uvicorn."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer
import uvicorn

from api.cli.console import console
from api.config import ApiSettings
from api.http.app import create_app
from api.http.logs import logging_config

__all__ = ["serve", "serve_api"]


def serve_api(settings: ApiSettings) -> None:
    """Serve the API until interrupted (graceful shutdown on SIGINT/SIGTERM).

    Logs go to stderr as JSON lines, each with the id of the request it belongs to.
    """
    console.print(
        f"GraphQL API on http://{settings.host}:{settings.port}/graphql "
        "(open it in a browser for GraphiQL; send an API key); Ctrl+C stops it."
    )
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=logging_config(settings.log_level),
        log_level=settings.log_level,
        timeout_graceful_shutdown=10,
    )


def serve(
    host: Annotated[str | None, typer.Option(help="Listen address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (default 8000).")] = None,
) -> None:
    """Serve the GraphQL API on http://127.0.0.1:8000/graphql."""
    settings = ApiSettings.from_env()
    settings = dataclasses.replace(settings, host=host or settings.host, port=port or settings.port)
    serve_api(settings)
