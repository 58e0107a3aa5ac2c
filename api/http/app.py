"""The ASGI application: ``create_app(settings)``; served by ``uvicorn api.http.app:app``, or by
each worker of ``relgraph serve --workers N`` through the factory ``api.http.app:create_app``.

Composition, outermost first: request ids (every response carries ``X-Request-ID``), API-key
authentication of ``/graphql``, the request body limit, then the routes: the operations
routes, ``/graphql``, and the workspace and GraphiQL pages (:mod:`api.http.web`). The driver
opens in the lifespan and closes on shutdown; each app has its own metrics registry.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from api.config import ApiSettings
from api.graphql.context import Context
from api.graphql.request_context import build_context
from api.graphql.schema import build_schema
from api.http.auth import KEY_CACHE_SECONDS, AuthMiddleware, principal_of
from api.http.body_limit import BodySizeLimit
from api.http.metrics import Metrics, instrument
from api.http.request_ids import RequestIdMiddleware, current_request_id, stamp_request_ids
from api.http.web import DEFAULT_DIST, GraphiQLPage, WebAssets, web_routes
from api.services.result_cache import ResultCache
from api.services.status import StatusService, relgraph_version
from graph.driver import GraphClient
from graph.projection.follower import ProjectionFollower
from graph.reading.api_keys import ApiKeyStore

__all__ = ["create_app"]


class RelgraphGraphQL(GraphQL[Context, None]):
    """The GraphQL endpoint; its context carries the caller and services around the driver."""

    def __init__(self, *args: Any, settings: ApiSettings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.settings = settings

    async def get_context(self, request: Any, response: Any) -> Context:
        client: GraphClient = request.app.state.graph
        return build_context(
            client,
            principal=principal_of(request.scope),
            request_id=current_request_id(),
            max_page_size=self.settings.max_page_size,
            results=request.app.state.results,
            fx_rates=self.settings.fx_rates,
            follower=request.app.state.follower,
        )


async def healthz(request: Request) -> Response:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok", "version": relgraph_version()})


async def readyz(request: Request) -> Response:
    """Readiness: Neo4j answers too. ``projection`` says whether intelligence is answered
    from the resident projection (``ready``, with the feed entry it has applied) or, while
    it builds, from per-request reads (``building``; the API is ready all the same)."""
    reachable = await StatusService(request.app.state.graph).database_reachable()
    body: dict[str, object] = {
        "status": "ready" if reachable else "unavailable",
        "database": reachable,
    }
    follower: ProjectionFollower | None = request.app.state.follower
    if follower is not None:
        body["projection"] = "ready" if follower.ready else "building"
        body["appliedChange"] = follower.applied_seq
    return JSONResponse(body, status_code=200 if reachable else 503)


def create_app(settings: ApiSettings | None = None) -> Starlette:
    """Build the app: routes, middleware, metrics, and a lifespan that owns the driver.

    Parameters
    ----------
    settings : ApiSettings, optional
        Default: read from the environment.

    Returns
    -------
    Starlette
        The ASGI app; nothing is connected until its lifespan starts.
    """
    settings = settings or ApiSettings.from_env()
    metrics = Metrics()
    # Masked errors are logged by strawberry: stamp those records with the request id.
    stamp_request_ids(logging.getLogger("strawberry.execution"))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        client = GraphClient.from_settings(settings.graph, observer=metrics.observe_query)
        app.state.graph = client
        app.state.api_keys = ApiKeyStore(client, cache_seconds=KEY_CACHE_SECONDS)
        app.state.results = ResultCache()
        app.state.follower = None
        following, feed_client = None, None
        if settings.projection:
            # The projection reads through a driver of its own: its bulk reads and feed polls
            # never wait for (nor count as) the requests' connections.
            feed_client = GraphClient.from_settings(settings.graph)
            follower = ProjectionFollower(
                feed_client, poll_interval=settings.projection_poll, freeze_heap=True
            )
            client.on_change = follower.notify
            app.state.follower = follower
            following = asyncio.create_task(follower.run(), name="relgraph-projection")
        try:
            yield
        finally:
            if following is not None:
                # Let a read under way finish (a cancelled read would leave its connection
                # open); a build of a large graph is cut off after a few seconds.
                app.state.follower.stop()
                try:
                    await asyncio.wait_for(asyncio.shield(following), timeout=10.0)
                except TimeoutError:
                    following.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await following
            if feed_client is not None:
                await feed_client.close()
            await client.close()

    schema = instrument(build_schema(settings), metrics)
    # GraphiQL is the locally built one (api.http.web), never strawberry's CDN page.
    graphql = RelgraphGraphQL(schema, graphql_ide=None, settings=settings)
    assets = WebAssets(Path(settings.web_dist) if settings.web_dist else DEFAULT_DIST)
    endpoint = GraphiQLPage(graphql, assets) if settings.graphiql else graphql
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics.endpoint, methods=["GET"]),
        Route("/graphql", endpoint, methods=["GET", "POST"]),
        *web_routes(assets, graphiql=settings.graphiql),
    ]
    return Starlette(routes=routes, middleware=_middleware(settings, metrics), lifespan=lifespan)


def _middleware(settings: ApiSettings, metrics: Metrics) -> list[Middleware]:
    # Outermost first: every response gets its request id, 401s included; the key is checked
    # before the body is read.
    rejected = partial(metrics.count_error, "http")
    return [
        Middleware(RequestIdMiddleware),
        Middleware(AuthMiddleware, rejected=rejected),
        Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, rejected=rejected),
    ]


def __getattr__(name: str) -> Starlette:
    # ``uvicorn api.http.app:app`` builds the app when it asks for it; importing this module (the
    # CLI, the tests) builds none.
    if name == "app":
        return create_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
