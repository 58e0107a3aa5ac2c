"""Relationship strength of one pair (with its breakdown, trend and explicit signals), and a
person's strongest ties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from algorithms.relationship_strength import (
    DEFAULT_PARAMETERS,
    Signal,
    StrengthParameters,
    TieStrength,
    Touch,
    direction_of,
    tie_strength,
)
from algorithms.strength_breakdown import StrengthTerm, strength_breakdown
from api.graphql.loaders import RequestLoaders
from graph.driver import GraphClient
from graph.reading.ties import TieReader, TieWriter
from schema.enums import ExplicitSignal
from schema.errors import InvalidInput
from schema.reading.referrals import PersonTie, StatedLink

__all__ = [
    "MAX_TIES",
    "MissingPerson",
    "RelationshipService",
    "StrengthAnswer",
    "signal_of",
]

MAX_TIES = 100
MAX_KIND = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class StrengthAnswer:
    """The strength of a pair as of a moment, every term of it, and the formula's constants."""

    a_uid: str
    b_uid: str
    as_of: datetime
    tie: TieStrength
    terms: tuple[StrengthTerm, ...]
    parameters: StrengthParameters


@dataclass(frozen=True, slots=True, kw_only=True)
class MissingPerson:
    """An id that names no live person; ``field`` is the argument."""

    field: str
    message: str


def signal_of(link: StatedLink) -> Signal:
    """A CONNECTED_TO edge as an explicit signal: with a kind it is a stated relationship,
    without one a stated connection (LinkedIn)."""
    kind = ExplicitSignal.RELATIONSHIP if link.kind else ExplicitSignal.CONNECTION
    return Signal(kind=kind, since=link.since, label=link.kind or link.source)


class RelationshipService:
    """Use cases of relationship strength."""

    def __init__(
        self,
        client: GraphClient,
        loaders: RequestLoaders,
        *,
        parameters: StrengthParameters = DEFAULT_PARAMETERS,
    ) -> None:
        self.reader = TieReader(client)
        self.writer = TieWriter(client)
        self.loaders = loaders
        self.parameters = parameters

    async def strength(
        self, a_uid: str, b_uid: str, *, as_of: datetime | None = None
    ) -> StrengthAnswer | MissingPerson:
        """The strength of the tie between two people as of ``as_of`` (default: now)."""
        if a_uid == b_uid:
            raise InvalidInput("personA and personB must be two different people", field="personB")
        for field, uid in (("personA", a_uid), ("personB", b_uid)):
            if await self.loaders.person.load(uid) is None:
                return MissingPerson(field=field, message=f"no person with the id of {field}")
        moment = _aware(as_of) if as_of is not None else datetime.now(UTC)
        shared = await self.reader.touches(a_uid, b_uid)
        stated = await self.reader.stated(a_uid, b_uid)
        touches = [
            Touch(kind=i.kind, at=i.occurred_at, direction=direction_of(i.kind, i.role_a, i.role_b))
            for i in shared
        ]
        tie = tie_strength(
            touches,
            as_of=moment,
            signals=[signal_of(link) for link in stated],
            parameters=self.parameters,
        )
        return StrengthAnswer(
            a_uid=a_uid,
            b_uid=b_uid,
            as_of=moment,
            tie=tie,
            terms=strength_breakdown(tie, parameters=self.parameters),
            parameters=self.parameters,
        )

    async def state_relationship(
        self, a_uid: str, b_uid: str, *, kind: str, since: date | None = None
    ) -> StrengthAnswer | MissingPerson:
        """Record a stated relationship between two people (a CONNECTED_TO with a kind) and
        return their strength with it."""
        kind = kind.strip()
        if not 0 < len(kind) <= MAX_KIND:
            raise InvalidInput(f"kind must have 1 to {MAX_KIND} characters", field="kind")
        if a_uid == b_uid:
            raise InvalidInput("personA and personB must be two different people", field="personB")
        for field, uid in (("personA", a_uid), ("personB", b_uid)):
            if await self.loaders.person.load(uid) is None:
                return MissingPerson(field=field, message=f"no person with the id of {field}")
        await self.writer.state(a_uid, b_uid, kind=kind, since=since)
        return await self.strength(a_uid, b_uid)

    async def ties_of(
        self,
        uid: str,
        *,
        first: int = 10,
        min_strength: float | None = None,
        colleagues_only: bool = False,
    ) -> list[PersonTie]:
        """A person's strongest KNOWS ties, strongest first."""
        if not 1 <= first <= MAX_TIES:
            raise InvalidInput(f"first must be between 1 and {MAX_TIES}", field="first")
        if min_strength is not None and not 0 <= min_strength <= 1:
            raise InvalidInput("minStrength must be within 0..1", field="minStrength")
        return await self.reader.ties_of(
            uid, first=first, min_strength=min_strength or 0.0, colleagues_only=colleagues_only
        )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
