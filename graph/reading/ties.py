"""One pair's shared interactions and stated links, and one person's strongest KNOWS ties."""

from __future__ import annotations

from datetime import date

from graph.driver import GraphClient
from graph.queries import knows
from graph.reading.crm.records import native
from graph.reading.referrals import date_of, knows_link
from schema.changes import touched
from schema.enums import InteractionKind, ParticipantRole
from schema.reading.activity import SharedInteraction
from schema.reading.referrals import PersonTie, StatedLink

__all__ = ["TieReader", "TieWriter"]


class TieReader:
    """Reads what the strength of one tie, or a person's list of ties, needs."""

    def __init__(self, client: GraphClient, *, timeout: float = 10.0) -> None:
        self.client = client
        self.timeout = timeout

    async def touches(self, a_uid: str, b_uid: str) -> list[SharedInteraction]:
        """Every interaction both took part in, roles seen from ``a_uid`` first."""
        rows = await self.client.read(
            knows.PAIR_TOUCHES, {"a": a_uid, "b": b_uid}, timeout=self.timeout
        )
        return [
            SharedInteraction(
                kind=InteractionKind(r["kind"]),
                occurred_at=native(r["at"]),
                role_a=ParticipantRole(r["role_a"]),
                role_b=ParticipantRole(r["role_b"]),
            )
            for r in rows
        ]

    async def stated(self, a_uid: str, b_uid: str) -> list[StatedLink]:
        """The CONNECTED_TO edges between the two, either direction."""
        rows = await self.client.read(
            knows.PAIR_STATED, {"a": a_uid, "b": b_uid}, timeout=self.timeout
        )
        return [
            StatedLink(since=date_of(r["since"]), kind=r["kind"], source=r["source"]) for r in rows
        ]

    async def ties_of(
        self, uid: str, *, first: int, min_strength: float, colleagues_only: bool
    ) -> list[PersonTie]:
        """The person's ``first`` strongest KNOWS ties, strongest first."""
        rows = await self.client.read(
            knows.PERSON_TIES,
            {
                "uid": uid,
                "first": first,
                "min_strength": min_strength,
                "colleagues_only": colleagues_only,
            },
            timeout=self.timeout,
        )
        return [PersonTie(other_uid=str(r["uid"]), knows=knows_link(r["props"])) for r in rows]


class TieWriter:
    """Writes stated relationships."""

    def __init__(self, client: GraphClient) -> None:
        self.client = client

    async def state(self, a_uid: str, b_uid: str, *, kind: str, since: date | None) -> bool:
        """Record that ``a_uid`` and ``b_uid`` know each other as ``kind``; False when one
        of them is not a live person."""
        rows = await self.client.write(
            knows.STATE_RELATIONSHIP,
            {"a": a_uid, "b": b_uid, "kind": kind, "since": since},
            touched=lambda found: touched(
                people=[a_uid, b_uid] if found and found[0]["written"] else []
            ),
        )
        return bool(rows and rows[0]["written"])
