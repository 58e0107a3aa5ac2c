"""The change feed's head, shared by the processes of one machine without a database read.

Every write of Relgraph appends a change-feed entry in its transaction (see
:mod:`graph.driver`); after the commit, the writing process also *publishes* the entry's
sequence number here: an 8-byte counter in a small file that only ever goes up. Every API
process (each worker of ``relgraph serve --workers N``) maps the same file and reads the
counter from memory before each answer: when it is no higher than what the process has
applied, nothing changed and no round trip is needed; when it is higher, the process reads
the new entries. So a request sent after a write returned, by any process on the machine
that uses the same ``RELGRAPH_HOME`` (API workers, CLI imports, ``relgraph dedupe``), is
answered with that write. Writes from other machines are found by the follower's poll.

The file is named after the database (its URI and name), so two databases used from one
home never mix their counters.

>>> import tempfile
>>> home = Path(tempfile.mkdtemp())
>>> writer = FeedSignal.for_database(home, "bolt://127.0.0.1:7687", "neo4j")
>>> reader = FeedSignal.for_database(home, "bolt://127.0.0.1:7687", "neo4j")
>>> reader.read()
0
>>> writer.publish(7); writer.publish(5); reader.read()
7
>>> FeedSignal.for_database(home, "bolt://127.0.0.1:7688", "neo4j").read()
0
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import mmap
import os
import struct
from pathlib import Path

__all__ = ["FeedSignal"]

_log = logging.getLogger("relgraph.feed")
_COUNTER = struct.Struct("<q")


class FeedSignal:
    """One machine-local counter file; see the module docstring. Failures to use the file
    (a read-only directory, say) are logged once and leave the signal silent (0): the
    follower then relies on its poll."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map: mmap.mmap | None = None
        self._failed = False

    @classmethod
    def for_database(cls, directory: Path, uri: str, database: str) -> FeedSignal:
        """The signal of database ``database`` at ``uri``, kept in ``directory``."""
        digest = hashlib.sha256(f"{uri}|{database}".encode()).hexdigest()[:16]
        return cls(directory / f"feed-{digest}.seq")

    def _mapped(self) -> mmap.mmap | None:
        if self._map is not None or self._failed:
            return self._map
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if os.fstat(fd).st_size < _COUNTER.size:
                    os.ftruncate(fd, _COUNTER.size)
                self._map = mmap.mmap(fd, _COUNTER.size)
            finally:
                os.close(fd)
        except OSError as e:
            self._failed = True
            _log.warning("the change-feed signal %s is unusable (%s); polling only", self.path, e)
        return self._map

    def read(self) -> int:
        """The highest sequence number any process published (0 when none)."""
        mapped = self._mapped()
        return 0 if mapped is None else int(_COUNTER.unpack_from(mapped, 0)[0])

    def publish(self, seq: int) -> None:
        """Raise the counter to ``seq`` (it never goes down)."""
        mapped = self._mapped()
        if mapped is None:
            return
        try:
            with open(self.path, "rb") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # read-compare-write as one step
                if seq > _COUNTER.unpack_from(mapped, 0)[0]:
                    _COUNTER.pack_into(mapped, 0, seq)
        except OSError as e:  # the write has committed; the poll will find it
            _log.warning("could not publish change %d to %s (%s)", seq, self.path, e)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
