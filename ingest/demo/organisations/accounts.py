"""Account ownership: which colleagues own which customer accounts.

Account executives (Sales colleagues below the top) own about three quarters of the
companies; a parent's owner usually also owns its subsidiaries, and large accounts often
get a Customer Success co-owner. The rest are unowned prospects.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ingest.demo.organisations.profiles import CompanyProfile, PersonProfile

__all__ = ["assign_accounts", "owners_by_company"]

_OWNED_SHARE = 0.75
_LARGE_ACCOUNT = 100


def _colleagues_in(people: Sequence[PersonProfile], department: str) -> list[int]:
    return [
        index
        for index, person in enumerate(people)
        if person.record.is_colleague
        and person.seat is not None
        and person.seat.depth > 0
        and person.seat.department.key == department
    ]


def assign_accounts(
    rng: random.Random, companies: Sequence[CompanyProfile], people: Sequence[PersonProfile]
) -> list[tuple[int, int]]:
    """Return (colleague index, company index) ownership pairs, in company order."""
    sales = _colleagues_in(people, "Sales") or [
        i for i, p in enumerate(people) if p.record.is_colleague and p.manager is not None
    ]
    success = _colleagues_in(people, "Customer Success") or sales
    owner_of: dict[int, int] = {}
    pairs: list[tuple[int, int]] = []
    for index, company in enumerate(companies):
        if company.record.is_home:
            continue
        inherited = owner_of.get(company.parent) if company.parent is not None else None
        if inherited is not None and rng.random() < 0.8:
            owner: int | None = inherited
        else:
            owner = rng.choice(sales) if rng.random() < _OWNED_SHARE else None
        if owner is None:
            continue
        owner_of[index] = owner
        pairs.append((owner, index))
        if company.size >= _LARGE_ACCOUNT and rng.random() < 0.5:
            partner = rng.choice(success)
            if partner != owner:
                pairs.append((partner, index))
    return pairs


def owners_by_company(pairs: Sequence[tuple[int, int]], company_count: int) -> list[list[int]]:
    """Return, per company index, the indices of the colleagues who own it."""
    owners: list[list[int]] = [[] for _ in range(company_count)]
    for person, company in pairs:
        if person not in owners[company]:
            owners[company].append(person)
    return owners
