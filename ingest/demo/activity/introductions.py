"""Planted warm introductions: a colleague, a target they cannot reach, and the best introducer.

The target works at an unowned account with no deals, and none of our colleagues has a tie
with them. The introducer is a contact at one of the colleague's accounts who used to work
with the target (their tenures overlapped at the target's company). Both ties of the path
are stronger (0.9-0.97) than any ordinary tie (at most ``GENERAL_CAP``), so the introducer
is the best two-hop path from the colleague to the target.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.demo.activity.ties import TieBook, TieContext
from ingest.demo.organisations.profiles import Affiliation, PersonProfile
from schema.enums import EmploymentRole

__all__ = ["Introduction", "plant_introductions"]

_PLANTED_LOW, _PLANTED_HIGH = 0.9, 0.97


@dataclass(frozen=True, slots=True)
class Introduction:
    """Indices of the colleague, the target, the introducer and their shared past employer."""

    source: int
    target: int
    introducer: int
    shared_company: int


def _candidates(
    affiliations: Sequence[Affiliation],
    people: Sequence[PersonProfile],
    owners: Sequence[Sequence[int]],
    dealt: Sequence[bool],
) -> list[Affiliation]:
    return [
        job
        for job in affiliations
        if job.role is EmploymentRole.EMPLOYEE
        and job.end_day is not None
        and job.company != 0
        and not owners[job.company]
        and not dealt[job.company]
        and not people[job.person].record.is_colleague
        and owners[people[job.person].company]
    ]


def _target(
    rng: random.Random,
    left: int,
    roster: Sequence[int],
    people: Sequence[PersonProfile],
    taken: Sequence[int],
) -> int | None:
    fits = [
        i
        for i in roster
        if people[i].start_day < left - 60 and people[i].depth <= 2 and i not in taken
    ]
    return rng.choice(fits) if fits else None


def _isolate(book: TieBook, target: int, colleague: Sequence[bool]) -> None:
    for other in list(book.neighbours(target)):
        if colleague[other]:
            book.remove(target, other)


def plant_introductions(
    rng: random.Random,
    book: TieBook,
    *,
    count: int,
    people: Sequence[PersonProfile],
    staff: Sequence[Sequence[int]],
    affiliations: Sequence[Affiliation],
    owners: Sequence[Sequence[int]],
    dealt: Sequence[bool],
) -> list[Introduction]:
    """Plant up to ``count`` warm-introduction paths into ``book`` and return them.

    ``dealt`` tells, per company index, whether the company has a deal. Fewer paths are
    planted when the data set has too few suitable movers.
    """
    colleague = [person.record.is_colleague for person in people]
    jobs = _candidates(affiliations, people, owners, dealt)
    rng.shuffle(jobs)
    planted: list[Introduction] = []
    for job in jobs:
        if len(planted) >= count:
            break
        taken = [intro.target for intro in planted] + [i.introducer for i in planted]
        left = job.end_day if job.end_day is not None else 0
        target = _target(rng, left, staff[job.company], people, taken)
        if target is None or job.person in taken:
            continue
        source = rng.choice(owners[people[job.person].company])
        _isolate(book, target, colleague)
        strength = rng.uniform(_PLANTED_LOW, _PLANTED_HIGH)
        book.add(source, job.person, strength, TieContext.INTRODUCTION, cap=_PLANTED_HIGH)
        strength = rng.uniform(_PLANTED_LOW, _PLANTED_HIGH)
        book.add(job.person, target, strength, TieContext.INTRODUCTION, cap=_PLANTED_HIGH)
        planted.append(Introduction(source, target, job.person, job.company))
    return planted
