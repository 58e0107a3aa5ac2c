"""Collecting the ground truth of a generated data set from the generator's working state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ingest.demo.activity.introductions import Introduction
from ingest.demo.activity.ties import Tie
from ingest.demo.organisations.profiles import CompanyProfile, PersonProfile
from ingest.demo.timeline import Timeline
from ingest.demo.truth.duplicates import Duplicate
from ingest.demo.truth.ground_truth import (
    DuplicatePair,
    GroundTruth,
    HiddenLink,
    PlantedIntroduction,
    TieStrength,
)

__all__ = ["collect_ground_truth"]

_COLD_AFTER_DAYS = 30


def _pairs(duplicates: Sequence[Duplicate], uids: Sequence[str]) -> tuple[DuplicatePair, ...]:
    pairs = (
        DuplicatePair(
            original_uid=uids[d.original], duplicate_uid=uids[d.duplicate], variant=d.variant
        )
        for d in duplicates
    )
    return tuple(sorted(pairs, key=lambda pair: (pair.original_uid, pair.duplicate_uid)))


def _ties(ties: Sequence[Tie], uids: Sequence[str], timeline: Timeline) -> tuple[TieStrength, ...]:
    found = []
    for tie in ties:
        a, b = sorted((uids[tie.a], uids[tie.b]))
        cold = tie.end < timeline.days - _COLD_AFTER_DAYS
        found.append(
            TieStrength(
                person_a=a,
                person_b=b,
                strength=tie.strength,
                context=tie.context.value,
                cold_since=timeline.date_at(tie.end) if cold else None,
            )
        )
    return tuple(sorted(found, key=lambda tie: (tie.person_a, tie.person_b)))


def _hierarchy(
    people: Sequence[PersonProfile], explicit: Mapping[int, bool]
) -> tuple[dict[str, str], dict[str, bool]]:
    lines = sorted(
        (p.record.uid, people[p.manager].record.uid, explicit[i])
        for i, p in enumerate(people)
        if p.manager is not None
    )
    return (
        {person: manager for person, manager, _ in lines},
        {person: shown for person, _, shown in lines},
    )


def collect_ground_truth(
    *,
    seed: int,
    scale: str,
    timeline: Timeline,
    companies: Sequence[CompanyProfile],
    people: Sequence[PersonProfile],
    explicit: Mapping[int, bool],
    company_duplicates: Sequence[Duplicate],
    people_duplicates: Sequence[Duplicate],
    hidden_links: tuple[HiddenLink, ...],
    ties: Sequence[Tie],
    introductions: Sequence[Introduction],
) -> GroundTruth:
    """Return the ground truth, every map sorted by key and every list sorted."""
    company_uids = [company.record.uid for company in companies]
    person_uids = [person.record.uid for person in people]
    reports_to, shown = _hierarchy(people, explicit)
    ranks = sorted((p.record.uid, p.seat.depth) for p in people if p.seat is not None)
    seats = sorted((c.record.uid, c.empty_seats) for c in companies if c.empty_seats)
    intros = (
        PlantedIntroduction(
            source_uid=person_uids[i.source],
            target_uid=person_uids[i.target],
            introducer_uid=person_uids[i.introducer],
            shared_company_uid=company_uids[i.shared_company],
        )
        for i in introductions
    )
    return GroundTruth(
        seed=seed,
        scale=scale,
        anchor=timeline.anchor,
        home_company_uid=company_uids[0],
        true_reports_to=reports_to,
        explicit_reports_to=shown,
        seniority_rank=dict(ranks),
        empty_seats=dict(seats),
        duplicate_companies=_pairs(company_duplicates, company_uids),
        duplicate_people=_pairs(people_duplicates, person_uids),
        hidden_links=hidden_links,
        tie_strengths=_ties(ties, person_uids, timeline),
        planted_introductions=tuple(sorted(intros, key=lambda i: (i.source_uid, i.target_uid))),
    )
