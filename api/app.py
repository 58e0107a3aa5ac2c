"""The ASGI application: ``create_app(settings)``; served by ``uvicorn api.app:app``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from api.config import ApiSettings
from api.context import Context, build_context
from api.schema import build_schema
from api.services.status import StatusService, relgraph_version
from graph.driver import GraphClient

__all__ = ["app", "create_app"]


class RelgraphGraphQL(GraphQL[Context, None]):
    """The GraphQL endpoint; its context carries services around the app's driver."""

    async def get_context(self, request: Any, response: Any) -> Context:
        client: GraphClient = request.app.state.graph
        return build_context(client)


async def healthz(request: Request) -> Response:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok", "version": relgraph_version()})


async def readyz(request: Request) -> Response:
    """Readiness: Neo4j answers too."""
    reachable = await StatusService(request.app.state.graph).database_reachable()
    body = {"status": "ready" if reachable else "unavailable", "database": reachable}
    return JSONResponse(body, status_code=200 if reachable else 503)


def create_app(settings: ApiSettings | None = None) -> Starlette:
    """Build the app; the driver opens in the lifespan and closes on shutdown."""
    settings = settings or ApiSettings.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        client = GraphClient.from_settings(settings.graph)
        app.state.graph = client
        try:
            yield
        finally:
            await client.close()

    graphql = RelgraphGraphQL(
        build_schema(settings), graphql_ide="graphiql" if settings.graphiql else None
    )
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


# For ``uvicorn api.app:app``: building the app reads settings only; the driver opens in the
# lifespan, when the server starts.
app = create_app()
