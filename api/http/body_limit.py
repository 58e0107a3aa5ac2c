"""The request body limit: an ASGI middleware that answers 413 to bodies over ``max_bytes``.

It checks the declared ``Content-Length`` and then the body itself, before anything parses it.
Errors raised outside GraphQL execution get a GraphQL-shaped body (:func:`error_body`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodySizeLimit", "error_body"]


def error_body(message: str, code: str, *, retryable: bool = False) -> dict[str, Any]:
    """A GraphQL-shaped error response body, for errors raised outside GraphQL execution;
    ``retryable`` adds ``extensions.retryable``, as on GraphQL errors worth retrying.

    >>> error_body("no", "FORBIDDEN")
    {'errors': [{'message': 'no', 'extensions': {'code': 'FORBIDDEN'}}]}
    >>> error_body("later", "SERVICE_UNAVAILABLE", retryable=True)["errors"][0]["extensions"]
    {'code': 'SERVICE_UNAVAILABLE', 'retryable': True}
    """
    extensions: dict[str, Any] = {"code": code, **({"retryable": True} if retryable else {})}
    return {"errors": [{"message": message, "extensions": extensions}]}


class BodySizeLimit:
    """Answer 413 to HTTP requests whose body is larger than ``max_bytes``.

    The declared ``Content-Length`` is checked first; the body is then read (up to the limit)
    and replayed to the app, so a chunked body cannot slip past either.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        rejected: Callable[[str], None] | None = None,
    ) -> None:
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        self.app = app
        self.max_bytes = max_bytes
        self.rejected = rejected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(scope, receive, send)
            return
        messages = await self._read_body(receive)
        if messages is None:
            await self._reject(scope, receive, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _read_body(self, receive: Receive) -> list[Message] | None:
        """The request's body messages, or None once they exceed the limit."""
        messages: list[Message] = []
        size, more = 0, True
        while more:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return None
            more = bool(message.get("more_body", False))
        return messages

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.rejected is not None:
            self.rejected("PAYLOAD_TOO_LARGE")
        message = f"The request body is larger than the limit of {self.max_bytes} bytes."
        response = JSONResponse(error_body(message, "PAYLOAD_TOO_LARGE"), status_code=413)
        await response(scope, receive, send)
