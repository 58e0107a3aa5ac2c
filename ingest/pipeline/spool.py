"""Disk-backed bookkeeping of an import, so memory stays bounded whatever the file size.

It remembers the first line of every row id per file (to reject a duplicate id inside one
file) and holds the writes that must wait for the whole import (parent companies and
managers may come later in the file than the rows that name them).

Examples
--------
>>> with Spool() as spool:
...     spool.first_line("people.csv", "person_id", "p1", 2), spool.first_line(
...         "people.csv", "person_id", "p1", 9)
(None, 2)
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["Spool"]

_SCHEMA = (
    "CREATE TABLE seen (file TEXT, kind TEXT, id TEXT, line INTEGER,"
    " PRIMARY KEY (file, kind, id)) WITHOUT ROWID",
    "CREATE TABLE deferred (seq INTEGER PRIMARY KEY, kind TEXT, payload TEXT)",
)


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot spool {type(value).__name__}")


class Spool:
    """A temporary SQLite file; deleted when closed."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="relgraph-import-", dir=folder)
        self._db = sqlite3.connect(Path(self._folder.name) / "spool.sqlite3")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        for statement in _SCHEMA:
            self._db.execute(statement)
        self._pending = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Forget everything and delete the file."""
        self._db.close()
        self._folder.cleanup()

    def first_line(self, file: str, kind: str, row_id: str, line: int) -> int | None:
        """Record ``row_id`` at ``line``; return the line it was first seen at when it is a
        repeat inside ``file``, else None."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO seen VALUES (?, ?, ?, ?)", (file, kind, row_id, line)
        )
        self._tick()
        if cursor.rowcount == 1:
            return None
        found = self._db.execute(
            "SELECT line FROM seen WHERE file = ? AND kind = ? AND id = ?", (file, kind, row_id)
        ).fetchone()
        return int(found[0])

    def defer(self, kind: str, payload: dict[str, Any]) -> None:
        """Keep ``payload`` for :meth:`deferred`."""
        self._db.execute(
            "INSERT INTO deferred (kind, payload) VALUES (?, ?)",
            (kind, json.dumps(payload, default=_json_default)),
        )
        self._tick()

    def deferred(self, kind: str) -> Iterator[dict[str, Any]]:
        """The payloads deferred under ``kind``, in the order they came."""
        self._db.commit()
        last = 0
        while True:
            page = self._db.execute(
                "SELECT seq, payload FROM deferred WHERE kind = ? AND seq > ? ORDER BY seq"
                " LIMIT 1000",
                (kind, last),
            ).fetchall()
            if not page:
                return
            for seq, payload in page:
                last = seq
                yield json.loads(payload)

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= 10_000:
            self._db.commit()
            self._pending = 0
