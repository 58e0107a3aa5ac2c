"""The workspace in the browser and a local GraphiQL: built assets served from one folder.

``make web`` (and so ``make demo`` and ``make test``) bundles ``api/web/src`` with esbuild into
``api/web/dist``: ``index.html`` (the workspace, at ``/``), ``graphiql.html`` (GraphiQL, at
``/graphiql`` and to a browser's ``GET /graphql``) and ``assets/``. Nothing is loaded from the
internet. When the folder has not been built, ``/`` and ``/graphiql`` answer a page saying how
to build it (503), never a server error.

The pages themselves need no key: they only hold code. Every question they ask goes to
``/graphql`` with the key the user signs in with.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.auth import wants_graphiql_page

__all__ = ["DEFAULT_DIST", "GraphiQLPage", "WebAssets", "web_routes"]

DEFAULT_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
"""Where ``make web`` puts the built assets."""

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relgraph: workspace not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 640px; margin: 10vh auto">
<h1>The workspace has not been built</h1>
<p>The browser pages of Relgraph ({page}) are bundled from <code>api/web/src</code> at set-up
time and were not found in <code>{dist}</code>.</p>
<p>Build them with <code>make web</code> (Node.js and npm needed; <code>make demo</code> and
<code>make test</code> do it too), then reload this page.</p>
<p>The GraphQL API itself answers at <code>/graphql</code> all the same.</p>
</body></html>
"""


class WebAssets:
    """The built folder: its pages, or the page that says how to build them."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist

    def page(self, name: str, what: str) -> Response:
        """``name`` (an HTML file of the folder) or, when it is missing, how to build it."""
        path = self.dist / name
        if path.is_file():
            return FileResponse(path, media_type="text/html", headers={"Cache-Control": "no-cache"})
        body = _NOT_BUILT.format(page=what, dist=self.dist)
        return HTMLResponse(body, status_code=503)

    async def workspace(self, request: Request) -> Response:
        """``GET /``: the workspace."""
        return self.page("index.html", "the workspace")

    async def graphiql(self, request: Request) -> Response:
        """``GET /graphiql``: GraphiQL, built locally."""
        return self.page("graphiql.html", "GraphiQL")


class GraphiQLPage:
    """In front of the GraphQL endpoint: a browser asking for its page gets the local
    GraphiQL; every other request goes to the endpoint."""

    def __init__(self, app: ASGIApp, assets: WebAssets) -> None:
        self.app = app
        self.assets = assets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if wants_graphiql_page(scope):
            await self.assets.page("graphiql.html", "GraphiQL")(scope, receive, send)
            return
        await self.app(scope, receive, send)


class _Assets:
    """``StaticFiles`` over a folder that may not be built yet (then: 404, not an error)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.files = StaticFiles(directory=directory, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.directory.is_dir():
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        await self.files(scope, receive, send)


def web_routes(assets: WebAssets, *, graphiql: bool) -> list[BaseRoute]:
    """The routes of the pages and their assets (``/assets`` 404s until built)."""
    routes: list[BaseRoute] = [
        Route("/", assets.workspace, methods=["GET"]),
        Mount("/assets", app=_Assets(assets.dist / "assets")),
    ]
    if graphiql:
        routes.append(Route("/graphiql", assets.graphiql, methods=["GET"]))
    return routes
