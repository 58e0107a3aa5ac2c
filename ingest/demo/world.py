"""Building the demo world: companies, people, careers, accounts, deals, ties, duplicates.

The steps run in a fixed order on one random source, so a seed always gives the same
world. :func:`build_world` returns the generator's working state; turning it into model
records and interactions is the job of :mod:`ingest.demo.generator`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ingest.demo.activity.deals import DealPlan, plan_deals
from ingest.demo.activity.introductions import Introduction, plant_introductions
from ingest.demo.activity.relationships import (
    add_account_ties,
    add_career_ties,
    add_deal_ties,
    add_family_ties,
    add_loose_ties,
    add_org_ties,
    cool_down,
)
from ingest.demo.activity.ties import TieBook
from ingest.demo.ids import ShuffledNumbers
from ingest.demo.organisations.accounts import assign_accounts, owners_by_company
from ingest.demo.organisations.careers import plan_careers
from ingest.demo.organisations.companies import MIN_STAFF, build_companies
from ingest.demo.organisations.people import staff_companies
from ingest.demo.organisations.profiles import (
    Affiliation,
    CompanyProfile,
    PersonProfile,
    Registries,
    rosters,
)
from ingest.demo.scale import Scale
from ingest.demo.timeline import Timeline
from ingest.demo.truth.duplicates import Duplicate, duplicate_companies, duplicate_people
from ingest.demo.truth.shared_identifiers import plant_shared_identifiers

__all__ = ["World", "build_world"]


@dataclass(frozen=True, slots=True)
class World:
    """The generator's working state (indices refer to ``companies`` and ``people``)."""

    companies: list[CompanyProfile]
    people: list[PersonProfile]
    affiliations: list[Affiliation]
    ownership: list[tuple[int, int]]
    deals: list[DealPlan]
    ties: TieBook
    introductions: list[Introduction]
    company_duplicates: list[Duplicate]
    people_duplicates: list[Duplicate]


@dataclass(frozen=True, slots=True)
class _Counts:
    distinct_companies: int
    company_duplicates: int
    people_duplicates: int
    contacts: int
    introductions: int


def _counts(scale: Scale) -> _Counts:
    company_duplicates = max(1, round(0.03 * scale.companies))
    distinct = scale.companies - company_duplicates
    slack = scale.people - scale.colleagues - MIN_STAFF * (distinct - 1)
    people_duplicates = min(max(1, round(0.02 * scale.people)), slack)
    contacts = scale.people - scale.colleagues - people_duplicates
    introductions = min(40, max(3, round(distinct / 40)))
    return _Counts(distinct, company_duplicates, people_duplicates, contacts, introductions)


def _colleagues_in(people: list[PersonProfile], department: str) -> list[int]:
    return [
        i
        for i, p in enumerate(people)
        if p.record.is_colleague
        and p.seat is not None
        and p.manager is not None
        and p.seat.department.key == department
    ]


def _ties(
    rng: random.Random, world: World, owners: list[list[int]], count: int, timeline: Timeline
) -> None:
    companies, people, book = world.companies, world.people, world.ties
    staff = rosters(people, len(companies))
    add_org_ties(rng, book, people)
    add_account_ties(
        rng,
        book,
        companies=companies,
        people=people,
        staff=staff,
        ownership=world.ownership,
        days=timeline.days,
    )
    add_career_ties(
        rng, book, people=people, staff=staff, affiliations=world.affiliations, owners=owners
    )
    add_family_ties(rng, book, companies, staff)
    add_deal_ties(rng, book, deals=world.deals, engineers=_colleagues_in(people, "Engineering"))
    sellers = _colleagues_in(people, "Sales") or [
        i for i, p in enumerate(people) if p.record.is_colleague
    ]
    add_loose_ties(rng, book, people, sellers)
    cool_down(rng, book, timeline.days)
    dealt = [False] * len(companies)
    for plan in world.deals:
        dealt[plan.company] = True
    world.introductions.extend(
        plant_introductions(
            rng,
            book,
            count=count,
            people=people,
            staff=staff,
            affiliations=world.affiliations,
            owners=owners,
            dealt=dealt,
        )
    )


def build_world(rng: random.Random, scale: Scale, timeline: Timeline) -> World:
    """Build the whole demo world for ``scale`` from ``rng``."""
    counts = _counts(scale)
    taken = Registries()
    company_numbers = ShuffledNumbers(rng, scale.companies)
    person_numbers = ShuffledNumbers(rng, scale.people)
    companies = build_companies(
        rng,
        count=counts.distinct_companies,
        staff=counts.contacts,
        colleagues=scale.colleagues,
        numbers=company_numbers,
        taken=taken,
    )
    plant_shared_identifiers(rng, companies)
    people = staff_companies(rng, companies, numbers=person_numbers, taken=taken, timeline=timeline)
    ownership = assign_accounts(rng, companies, people)
    owners = owners_by_company(ownership, len(companies))
    owned = [index for index, found in enumerate(owners) if found]
    affiliations = plan_careers(rng, companies, people, owned, timeline)
    deals = plan_deals(
        rng,
        scale.deals,
        companies=companies,
        people=people,
        staff=rosters(people, len(companies)),
        owners=owners,
        timeline=timeline,
    )
    book = TieBook(colleague=[p.record.is_colleague for p in people], days=timeline.days)
    world = World(companies, people, affiliations, ownership, deals, book, [], [], [])
    _ties(rng, world, owners, counts.introductions, timeline)
    world.company_duplicates.extend(
        duplicate_companies(rng, companies, counts.company_duplicates, numbers=company_numbers)
    )
    world.people_duplicates.extend(
        duplicate_people(
            rng,
            people,
            counts.people_duplicates,
            companies=companies,
            company_pairs=world.company_duplicates,
            numbers=person_numbers,
            taken=taken,
        )
    )
    return world
