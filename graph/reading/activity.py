"""Read people's shared interactions (everyone's page by page, or one person's), and write
derived KNOWS edges (in batches, or one person's at once).

Change feed: a KNOWS write touches both people of every edge it writes, and one person's
replacement also the people whose edge to them it deleted.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any

from graph.driver import GraphClient
from graph.queries import knows
from graph.reading.crm.records import native
from graph.writing.rows import Row
from graph.writing.writers import GraphWriter, WriteResult
from schema.changes import Touched, touched
from schema.enums import InteractionKind, ParticipantRole
from schema.reading.activity import Knows, PairActivity, SharedInteraction

__all__ = ["ActivityReader", "KnowsStrengthReader", "KnowsWriter", "PersonActivityReader"]


class ActivityReader:
    """Streams :class:`PairActivity` for every pair of people who interacted."""

    def __init__(self, client: GraphClient, *, page_size: int = 500) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.client = client
        self.page_size = page_size

    async def pages(self) -> AsyncIterator[list[PairActivity]]:
        """Yield the pairs of ``page_size`` people at a time, in uid order."""
        after = ""
        while True:
            page = await self.client.read(
                knows.PERSON_UID_PAGE, {"after": after, "limit": self.page_size}
            )
            if not page:
                return
            uids = [str(r["uid"]) for r in page]
            records = await self.client.read(knows.PAIR_ACTIVITY, {"uids": uids})
            yield [_pair(record) for record in records]
            after = uids[-1]


class PersonActivityReader:
    """Reads the :class:`PairActivity` of every pair one person belongs to."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def pairs_of(self, uids: list[str]) -> list[PairActivity]:
        """The pairs any of ``uids`` belongs to, each once and oriented ``a_uid < b_uid``."""
        records = await self.client.read(knows.PAIRS_OF_PEOPLE, {"uids": uids})
        return [
            _oriented(str(r["person"]), {"other": r["other"], "touches": r["touches"]})
            for r in records
        ]

    async def pairs(self, uid: str) -> list[PairActivity]:
        """The pairs of ``uid`` with everyone they shared an interaction with, each oriented
        as :class:`ActivityReader` reports it (``a_uid < b_uid``)."""
        records = await self.client.read(knows.PERSON_PAIR_ACTIVITY, {"uid": uid})
        return [_oriented(uid, record) for record in records]


def _oriented(uid: str, record: Row) -> PairActivity:
    other = str(record["other"])
    if uid < other:
        return _pair({"a": uid, "b": other, "touches": record["touches"]})
    swapped = [{**t, "role_a": t["role_b"], "role_b": t["role_a"]} for t in record["touches"]]
    return _pair({"a": other, "b": uid, "touches": swapped})


def _pair(record: Row) -> PairActivity:
    touches = tuple(
        SharedInteraction(
            kind=InteractionKind(t["kind"]),
            occurred_at=_native(t["at"]),
            role_a=ParticipantRole(t["role_a"]),
            role_b=ParticipantRole(t["role_b"]),
        )
        for t in record["touches"]
    )
    return PairActivity(a_uid=str(record["a"]), b_uid=str(record["b"]), interactions=touches)


def _native(value: Any) -> datetime:
    converted = native(value)
    if not isinstance(converted, datetime):
        raise TypeError(f"expected a DateTime, got {type(value).__name__}")
    return converted


class KnowsStrengthReader:
    """Reads the strength of every derived KNOWS edge."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def strengths(self) -> dict[tuple[str, str], float]:
        """``{(a_uid, b_uid): strength}`` with ``a_uid < b_uid``, one entry per pair."""
        records = await self.client.read(knows.ALL_KNOWS_STRENGTHS)
        return {
            (min(str(r["a"]), str(r["b"])), max(str(r["a"]), str(r["b"]))): float(r["strength"])
            for r in records
            if r["strength"] is not None
        }

    async def going_cold(self) -> dict[tuple[str, str], bool]:
        """``{(a_uid, b_uid): going_cold}`` for every KNOWS edge that carries the flag."""
        records = await self.client.read(knows.ALL_KNOWS_COLD)
        return {
            (min(str(r["a"]), str(r["b"])), max(str(r["a"]), str(r["b"]))): bool(r["going_cold"])
            for r in records
            if r["going_cold"] is not None
        }


class KnowsWriter:
    """Writes derived KNOWS edges in ``UNWIND`` batches."""

    def __init__(self, client: GraphClient, *, batch_size: int = 2000) -> None:
        self.client = client
        self._writer = GraphWriter(client, batch_size=batch_size)

    async def write(self, ties: Iterable[Knows]) -> WriteResult:
        """Upsert one KNOWS edge per pair, replacing its derived properties."""
        return await self._writer.write_rows(
            knows.UPSERT_KNOWS, ties, _knows_row, touches=_pair_people
        )

    async def replace_for(self, uid: str, ties: Iterable[Knows]) -> int:
        """Make ``ties`` the KNOWS edges of ``uid``: edges to anyone else are deleted, in the
        same transaction. Returns how many edges were written."""
        rows = [_knows_row(tie) for tie in ties]

        def replaced(records: list[Row]) -> Touched:
            dropped = records[0]["dropped"] if records else []
            return _pair_people(rows) | touched(people=[uid, *dropped])

        records = await self.client.write(
            knows.REPLACE_PERSON_KNOWS, {"uid": uid, "rows": rows}, touched=replaced
        )
        return int(records[0]["written"]) if records else 0


def _pair_people(rows: list[Row]) -> Touched:
    """Both people of every KNOWS row."""
    return touched(people=[uid for row in rows for uid in (row["a"], row["b"])])


def _knows_row(tie: Knows) -> Row:
    props = {
        "strength": tie.strength,
        "count": tie.count,
        "first_at": tie.first_at,
        "last_at": tie.last_at,
        "reciprocity": tie.reciprocity,
        "computed_at": tie.computed_at,
        "trend": tie.trend.value,
        "going_cold": tie.going_cold,
        "recent_volume": tie.recent_volume,
        "previous_volume": tie.previous_volume,
        "source": "derived",
        "source_id": f"{tie.a_uid}|{tie.b_uid}",
    }
    return {"a": tie.a_uid, "b": tie.b_uid, "props": props}
