"""Interactions generated from the latent ties.

Each tie gets a number of interactions roughly proportional to its strength (with some
noise), spread over the tie's active period, so ties that went cold stop months before
the anchor date. Strong ties are reciprocal (either side writes, more meetings and
calls); weak ones are mostly one-way mail from the initiator. Some mail copies a
manager, some meetings bring in colleagues or other members of a deal's buying
committee, and interactions during a deal are often about it (``deal_uid``). Contacts
with a duplicate record sometimes appear under the duplicate. Records are numbered in
chronological order.
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from ingest.demo.activity.subjects import SUBJECTS
from ingest.demo.activity.ties import Tie
from ingest.demo.ids import IdKind, demo_provenance
from ingest.demo.timeline import MINUTES_PER_DAY, Timeline
from schema.enums import InteractionKind, Label, ParticipantRole
from schema.model import Interaction, Participation, make_uid

__all__ = ["Audience", "DealThread", "build_interactions"]

_KINDS = (
    InteractionKind.EMAIL,
    InteractionKind.MEETING,
    InteractionKind.CALL,
    InteractionKind.MESSAGE,
    InteractionKind.NOTE,
    InteractionKind.SUPPORT,
)
_ROLE_CODES = {role: code for code, role in enumerate(ParticipantRole)}
_ALIAS_CHANCE = 0.15
_FIRST_MINUTE, _WORKING_MINUTES = 7 * 60, 12 * 60
_Spec = tuple[int, InteractionKind, tuple[Participation, ...], str | None, str]


@dataclass(frozen=True, slots=True)
class Audience:
    """Per person index: uid, colleague flag, Chinese flag, true manager, protection.

    ``aliases`` maps a person to their duplicate record; ``protected`` people (targets of
    planted introductions) are never added as extra participants.
    """

    uids: Sequence[str]
    colleague: Sequence[bool]
    chinese: Sequence[bool]
    manager: Sequence[int | None]
    aliases: Mapping[int, int]
    protected: Sequence[bool]


@dataclass(frozen=True, slots=True)
class DealThread:
    """What interactions about a deal need: its uid, open period, contacts and subjects."""

    uid: str
    start: int
    end: int
    contacts: tuple[int, ...]
    subjects: tuple[str, ...]


def _allocate(rng: random.Random, ties: Sequence[Tie], total: int) -> list[int]:
    weights = [tie.strength * rng.lognormvariate(0.0, 0.35) for tie in ties]
    scale = total / math.fsum(weights)
    exact = [weight * scale for weight in weights]
    counts = [math.floor(value) for value in exact]
    spare = total - sum(counts)
    fractions = [value - count + 1e-9 for value, count in zip(exact, counts, strict=True)]
    for index in rng.choices(range(len(ties)), weights=fractions, k=spare):
        counts[index] += 1
    return counts


def _kind_table(strength: float, mixed: bool) -> list[float]:
    if mixed:
        weights = (
            0.5 - 0.25 * strength,
            0.1 + 0.2 * strength,
            0.08 + 0.12 * strength,
            0.04 + 0.1 * strength,
            0.08,
            0.05,
        )
    else:
        weights = (
            0.45 - 0.2 * strength,
            0.15 + 0.15 * strength,
            0.1 + 0.1 * strength,
            0.15 + 0.1 * strength,
            0.0,
            0.0,
        )
    return list(accumulate(weights))


class _Writer:
    """Turns ties into interaction specs, sharing Participation objects between them."""

    def __init__(
        self,
        rng: random.Random,
        audience: Audience,
        deals: Sequence[DealThread],
        timeline: Timeline,
    ) -> None:
        self.rng, self.audience, self.deals = rng, audience, deals
        self.first_weekday = timeline.start.weekday()
        self._cache: dict[int, Participation] = {}
        self.specs: list[_Spec] = []

    def part(self, person: int, role: ParticipantRole) -> Participation:
        if person in self.audience.aliases and self.rng.random() < _ALIAS_CHANCE:
            person = self.audience.aliases[person]
        key = person * 8 + _ROLE_CODES[role]
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = Participation(
                person_uid=self.audience.uids[person], role=role
            )
        return found

    def minute(self, tie: Tie) -> tuple[int, int]:
        draw = self.rng.random
        day = tie.start + int(draw() * (tie.end - tie.start + 1))
        weekday = (self.first_weekday + day) % 7
        if weekday >= 5 and draw() < 0.85:
            day = max(0, day - (weekday - 4))
        return day, day * MINUTES_PER_DAY + _FIRST_MINUTE + int(draw() * _WORKING_MINUTES)

    def extra(self, person: int | None, tie: Tie) -> int | None:
        if person is None or person in (tie.a, tie.b) or self.audience.protected[person]:
            return None
        return person

    def tie(self, tie: Tie, count: int) -> None:
        rng, audience = self.rng, self.audience
        mixed = audience.colleague[tie.a] != audience.colleague[tie.b]
        table = _kind_table(tie.strength, mixed)
        from_a = 1.0 - 0.55 * tie.strength
        language = 1 if audience.chinese[tie.a] and audience.chinese[tie.b] else 0
        thread = self.deals[tie.deal] if tie.deal is not None else None
        total = table[-1]
        for _ in range(count):
            kind = _KINDS[bisect(table, rng.random() * total)]
            day, minute = self.minute(tie)
            about = (
                thread
                if thread and thread.start <= day <= thread.end and (rng.random() < 0.7)
                else None
            )
            sender, receiver = (tie.a, tie.b) if rng.random() < from_a else (tie.b, tie.a)
            parts = self.participants(kind, tie, sender, receiver, about)
            subject = rng.choice(about.subjects if about else SUBJECTS[kind][language])
            self.specs.append((minute, kind, parts, about.uid if about else None, subject))

    def participants(
        self, kind: InteractionKind, tie: Tie, sender: int, receiver: int, about: DealThread | None
    ) -> tuple[Participation, ...]:
        rng, manager = self.rng, self.audience.manager
        if kind is InteractionKind.NOTE:
            return (self.part(tie.a, ParticipantRole.FROM), self.part(tie.b, ParticipantRole.TO))
        if kind is InteractionKind.SUPPORT:
            return (self.part(tie.b, ParticipantRole.FROM), self.part(tie.a, ParticipantRole.TO))
        if kind is not InteractionKind.MEETING:
            parts = [
                self.part(sender, ParticipantRole.FROM),
                self.part(receiver, ParticipantRole.TO),
            ]
            if kind is InteractionKind.EMAIL and rng.random() < 0.15:
                boss = manager[receiver]
                cc = self.extra(manager[sender] if boss is None else boss, tie)
                if cc is not None:
                    parts.append(self.part(cc, ParticipantRole.CC))
            return tuple(parts)
        parts = [
            self.part(sender, ParticipantRole.ORGANIZER),
            self.part(receiver, ParticipantRole.ATTENDEE),
        ]
        guests: list[int | None] = list(about.contacts) if about else []
        if about is None and rng.random() < 0.25:
            guests.append(manager[receiver])
        for guest in rng.sample(guests, min(len(guests), 2)):
            if (extra := self.extra(guest, tie)) is not None:
                parts.append(self.part(extra, ParticipantRole.ATTENDEE))
        return tuple(parts)


def build_interactions(
    rng: random.Random,
    ties: Sequence[Tie],
    *,
    total: int,
    audience: Audience,
    deals: Sequence[DealThread],
    timeline: Timeline,
) -> list[Interaction]:
    """Return exactly ``total`` interactions generated from ``ties``, oldest first.

    Parameters
    ----------
    rng : random.Random
        The generator's random source.
    ties : sequence of Tie
        The latent ties; each gets interactions in proportion to its strength.
    total : int
        The number of interactions to generate.
    audience : Audience
        Who the people are (uids, flags, managers, duplicate aliases).
    deals : sequence of DealThread
        The deals, by the index that ``Tie.deal`` refers to.
    timeline : Timeline
        The demo calendar.

    Returns
    -------
    list of Interaction
        Numbered ``i-0000001`` onwards in chronological order.
    """
    writer = _Writer(rng, audience, deals, timeline)
    for tie, count in zip(ties, _allocate(rng, ties, total), strict=True):
        if count:
            writer.tie(tie, count)
    specs = writer.specs
    specs.sort(key=itemgetter(0))
    specs.reverse()  # pop from the end, oldest first, freeing each spec once it is used
    records = []
    for number in range(1, len(specs) + 1):
        minute, kind, parts, deal_uid, subject = specs.pop()
        provenance = demo_provenance(IdKind.INTERACTION, number)
        records.append(
            Interaction(
                uid=make_uid(Label.INTERACTION, provenance),
                kind=kind,
                occurred_at=timeline.moment(minute),
                provenance=provenance,
                subject=subject,
                deal_uid=deal_uid,
                participants=parts,
            )
        )
    return records
