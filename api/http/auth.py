"""API-key authentication: a pure ASGI middleware in front of ``/graphql``.

A request to a protected path must present an active key, as ``Authorization: Bearer <key>``
or ``X-API-Key: <key>``; otherwise it gets a 401 with a GraphQL-shaped JSON body (code
``UNAUTHENTICATED``) and ``WWW-Authenticate: Bearer``. When the key cannot be checked (the
database is unavailable or slow) the answer is a 503 ``SERVICE_UNAVAILABLE`` with
``retryable: true`` and ``Retry-After: 1``. The caller's :class:`schema.auth.Principal` is put
in the ASGI scope under ``"auth"``, where :func:`principal_of` finds it for the GraphQL context.

The app's :class:`graph.reading.api_keys.ApiKeyStore` remembers each key it read for
:data:`KEY_CACHE_SECONDS`: a key presented again within that time costs no query, so a busy
client costs one key lookup a second per process, and a key revoked elsewhere (the CLI,
another worker) is refused at most that long after.

The one exception is the GraphiQL page itself: a browser's ``GET`` asking for ``text/html``
without a ``query`` parameter executes nothing, so it is served without a key; the queries
GraphiQL then sends need the header like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.body_limit import error_body
from graph.errors import GraphUnavailable, QueryTimeout
from graph.reading.api_keys import ApiKeyStore
from schema.auth import Principal

__all__ = [
    "KEY_CACHE_SECONDS",
    "AuthMiddleware",
    "presented_key",
    "principal_of",
    "wants_graphiql_page",
]

KEY_CACHE_SECONDS = 1.0
"""How long a key check may answer from an earlier lookup: the most a revocation waits."""

_MISSING = "An API key is required: send 'Authorization: Bearer <key>' (or 'X-API-Key: <key>')."
_INVALID = "The API key is invalid or has been revoked."
_UNAVAILABLE = "The API key cannot be checked: the database is unavailable."


def presented_key(headers: Headers) -> str | None:
    """The key a request presents: the Bearer token, else the ``X-API-Key`` header.

    >>> presented_key(Headers({"authorization": "Bearer rg_abc"}))
    'rg_abc'
    >>> presented_key(Headers({"x-api-key": " rg_abc "})), presented_key(Headers({}))
    ('rg_abc', None)
    """
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    key = headers.get("x-api-key", "").strip()
    return key or None


def wants_graphiql_page(scope: Scope) -> bool:
    """True for a browser's request of the GraphiQL page, which executes no operation."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    query_string = scope.get("query_string", b"").decode("latin-1")
    if any(name == "query" for name, _ in parse_qsl(query_string, keep_blank_values=True)):
        return False
    return "text/html" in Headers(scope=scope).get("accept", "")


def principal_of(scope: Scope) -> Principal | None:
    """The principal :class:`AuthMiddleware` authenticated for this request, if any."""
    principal = scope.get("auth")
    return principal if isinstance(principal, Principal) else None


class AuthMiddleware:
    """Require an active API key on the ``protected`` paths.

    Parameters
    ----------
    app : ASGIApp
        The application behind.
    protected : frozenset of str
        Paths that need a key (default ``{"/graphql"}``); every other path stays open.
    rejected : callable, optional
        Called with the error code of every refused request (for metrics).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        protected: frozenset[str] = frozenset({"/graphql"}),
        rejected: Callable[[str], None] | None = None,
    ) -> None:
        self.app = app
        self.protected = protected
        self.rejected = rejected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"] not in self.protected:
            await self.app(scope, receive, send)
            return
        if wants_graphiql_page(scope):
            await self.app(scope, receive, send)
            return
        key = presented_key(Headers(scope=scope))
        if key is None:
            await self._refuse(scope, receive, send, 401, "UNAUTHENTICATED", _MISSING)
            return
        try:
            principal = await _store_of(scope).authenticate(key)
        except (GraphUnavailable, QueryTimeout):
            await self._refuse(scope, receive, send, 503, "SERVICE_UNAVAILABLE", _UNAVAILABLE)
            return
        if principal is None:
            await self._refuse(scope, receive, send, 401, "UNAUTHENTICATED", _INVALID)
            return
        scope["auth"] = principal
        await self.app(scope, receive, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, code: str, message: str
    ) -> None:
        if self.rejected is not None:
            self.rejected(code)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4000 + status, "reason": message})
            return
        retryable = status == 503
        headers = {"Retry-After": "1"} if retryable else {"WWW-Authenticate": "Bearer"}
        body = error_body(message, code, retryable=retryable)
        await JSONResponse(body, status_code=status, headers=headers)(scope, receive, send)


def _store_of(scope: Scope) -> ApiKeyStore:
    # The app's key store, built in the lifespan around the app's GraphClient.
    store: ApiKeyStore = scope["app"].state.api_keys
    return store
