"""JSON logs: one object per line, each record stamped with its request id.

Logging is configured by the commands that serve (``relgraph serve``, ``relgraph demo``)
through :func:`logging_config`, never at import time. Request ids come from
:mod:`api.http.request_ids`.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from api.http.request_ids import RequestIdFilter

__all__ = ["JsonFormatter", "logging_config"]


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
