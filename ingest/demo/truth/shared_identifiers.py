"""Hidden links between unrelated companies: a shared address, phone number or domain.

Real data has these (a shared office building, a registered agent's switchboard, a domain
of a common holding) and link detection should find them. They are planted between
companies of different corporate families; the ground truth later lists every pair of
companies that share an identifier, planted or not.
"""

from __future__ import annotations

import dataclasses
import random

from ingest.demo.organisations.profiles import CompanyProfile, family_root

__all__ = ["plant_shared_identifiers"]

_ATTEMPTS = 50


def _pair(
    rng: random.Random, companies: list[CompanyProfile], field: str, standalone: list[bool]
) -> tuple[int, int] | None:
    for _ in range(_ATTEMPTS):
        a, b = rng.randrange(1, len(companies)), rng.randrange(1, len(companies))
        first, second = companies[a], companies[b]
        if not standalone[b] or family_root(companies, a) == family_root(companies, b):
            continue
        if getattr(first.record, field) is None:
            continue
        if field == "address" and first.country != second.country:
            continue
        return a, b
    return None


def plant_shared_identifiers(rng: random.Random, companies: list[CompanyProfile]) -> int:
    """Give pairs of unrelated companies the same address, phone or domain, in place.

    About 1.5% of the companies get each kind; the receiving company is never part of a
    corporate family. Returns the number of planted pairs.
    """
    standalone = [company.parent is None for company in companies]
    for company in companies:
        if company.parent is not None:
            standalone[company.parent] = False
    planted = 0
    per_kind = max(1, round(0.015 * len(companies)))
    for field in ("address", "phone", "domain"):
        for _ in range(per_kind):
            pair = _pair(rng, companies, field, standalone)
            if pair is None:
                continue
            a, b = pair
            value = getattr(companies[a].record, field)
            record = dataclasses.replace(companies[b].record, **{field: value})
            city = companies[a].city if field == "address" else companies[b].city
            companies[b] = dataclasses.replace(companies[b], record=record, city=city)
            planted += 1
    return planted
