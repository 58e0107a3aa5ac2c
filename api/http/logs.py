"""Request ids and JSON logs.

Every HTTP request gets an id: the caller's ``X-Request-ID`` when it is safe (at most 64
characters of ``[A-Za-z0-9._-]``), a new uuid4 hex otherwise. The id is echoed in the
``X-Request-ID`` response header and held in a context variable while the request runs, so
:class:`RequestIdFilter` can stamp it on every log record, strawberry's
``strawberry.execution`` records included (masked errors are logged there).

Logging is configured by the commands that serve (``relgraph serve``, ``relgraph demo``)
through :func:`logging_config`, never at import time.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "REQUEST_ID_HEADER",
    "JsonFormatter",
    "RequestIdFilter",
    "RequestIdMiddleware",
    "current_request_id",
    "logging_config",
    "stamp_request_ids",
]

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_request_id: ContextVar[str | None] = ContextVar("relgraph_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served in this context, if any."""
    return _request_id.get()


def _request_id_of(scope: Scope) -> str:
    incoming = Headers(scope=scope).get(REQUEST_ID_HEADER)
    if incoming is not None and _SAFE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Give each request an id, echo it in the response, and expose it to log records."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = _request_id_of(scope)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        token = _request_id.set(request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Set ``record.request_id`` from the current request (None outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id()
        return True


def stamp_request_ids(logger: logging.Logger) -> None:
    """Attach a :class:`RequestIdFilter` to ``logger`` itself (once), so that its records
    carry the request id wherever they are handled, test capture included."""
    if not any(isinstance(f, RequestIdFilter) for f in logger.filters):
        logger.addFilter(RequestIdFilter())


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, and exc_info."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc_info"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(level: str = "info") -> dict[str, Any]:
    """A :func:`logging.config.dictConfig` configuration: JSON lines on stderr for the root
    logger and uvicorn's loggers, every record stamped with its request id.

    Parameters
    ----------
    level : str
        The level of Relgraph's and uvicorn's loggers (``debug`` .. ``critical``).

    Returns
    -------
    dict
        Pass it to ``uvicorn.run(log_config=...)`` or ``logging.config.dictConfig``.
    """
    upper = level.upper()
    handler = {"handlers": ["json"], "level": upper, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["json"], "level": upper},
        "loggers": {
            "uvicorn": handler,
            "uvicorn.error": {"level": upper},
            "uvicorn.access": handler,
            "strawberry.execution": handler,
        },
    }
