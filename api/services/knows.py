"""Derive KNOWS edges from interactions with the published tie-strength formula."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from algorithms.relationship_strength import (
    DEFAULT_PARAMETERS,
    StrengthParameters,
    Touch,
    direction_of,
    tie_strength,
)
from graph.driver import GraphClient
from graph.reading.activity import ActivityReader, KnowsWriter, PersonActivityReader
from schema.reading.activity import Knows, PairActivity

__all__ = [
    "KnowsReport",
    "derive_knows",
    "knows_from_activity",
    "refresh_knows_of",
    "refresh_person_knows",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowsReport:
    """How many pairs were derived and written."""

    pairs: int
    written: int


def knows_from_activity(
    pair: PairActivity, *, as_of: datetime, parameters: StrengthParameters = DEFAULT_PARAMETERS
) -> Knows:
    """Compute the KNOWS edge of one pair from its shared interactions."""
    touches = [
        Touch(kind=i.kind, at=i.occurred_at, direction=direction_of(i.kind, i.role_a, i.role_b))
        for i in pair.interactions
    ]
    tie = tie_strength(touches, as_of=as_of, parameters=parameters)
    return Knows(
        a_uid=pair.a_uid,
        b_uid=pair.b_uid,
        strength=tie.strength,
        count=tie.count,
        first_at=tie.first_at,
        last_at=tie.last_at,
        reciprocity=tie.reciprocity,
        computed_at=as_of,
        trend=tie.trend.direction,
        going_cold=tie.going_cold,
        recent_volume=tie.trend.recent_volume,
        previous_volume=tie.trend.previous_volume,
    )


async def derive_knows(
    client: GraphClient,
    *,
    as_of: datetime,
    parameters: StrengthParameters = DEFAULT_PARAMETERS,
    page_size: int = 500,
) -> KnowsReport:
    """Recompute every KNOWS edge as of ``as_of``, a page of people at a time."""
    reader = ActivityReader(client, page_size=page_size)
    writer = KnowsWriter(client)
    pairs = written = 0
    async for page in reader.pages():
        ties = [knows_from_activity(p, as_of=as_of, parameters=parameters) for p in page]
        pairs += len(ties)
        written += (await writer.write(ties)).written
    return KnowsReport(pairs=pairs, written=written)


async def refresh_person_knows(
    client: GraphClient,
    uid: str,
    *,
    as_of: datetime,
    parameters: StrengthParameters = DEFAULT_PARAMETERS,
) -> int:
    """Recompute one person's KNOWS edges as of ``as_of`` (after a merge or an unmerge):
    one edge per person they share an interaction with, none to anyone else. Returns how
    many edges were written."""
    pairs = await PersonActivityReader(client).pairs(uid)
    ties = [knows_from_activity(p, as_of=as_of, parameters=parameters) for p in pairs]
    return await KnowsWriter(client).replace_for(uid, ties)


async def refresh_knows_of(
    client: GraphClient,
    uids: Iterable[str],
    *,
    as_of: datetime,
    parameters: StrengthParameters = DEFAULT_PARAMETERS,
    page_size: int = 500,
) -> KnowsReport:
    """Recompute the KNOWS edges of the pairs ``uids`` belong to (the people an import
    touched), ``page_size`` people at a time; other pairs are left as they are."""
    reader = PersonActivityReader(client)
    writer = KnowsWriter(client)
    pairs = written = 0
    ordered = sorted(set(uids))
    for start in range(0, len(ordered), page_size):
        page = await reader.pairs_of(ordered[start : start + page_size])
        ties = [knows_from_activity(p, as_of=as_of, parameters=parameters) for p in page]
        pairs += len(ties)
        written += (await writer.write(ties)).written
    return KnowsReport(pairs=pairs, written=written)
