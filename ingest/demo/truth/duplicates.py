"""Near-duplicate records, as CRMs accumulate them, with their originals for the ground truth.

A duplicate company has a variant name ("ACME SYSTEMS CORPORATION", "华信科技") and keeps
some of the original's domain, address and phone. A duplicate person has a variant name
("Bob Smith", "Wang Wei"), often the same phone, and never the original's email (emails
are unique): a personal address, another corporate spelling, or none. Some duplicate
people hang off the duplicate of their company.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from ingest.demo.ids import IdKind, ShuffledNumbers, demo_provenance
from ingest.demo.names.name_variants import NameVariant, company_variant, person_variant
from ingest.demo.names.person_names import EMAIL_PATTERNS, PersonName, ascii_slug
from ingest.demo.organisations.profiles import CompanyProfile, PersonProfile, Registries
from schema.enums import Label, Seniority
from schema.model import Company, Person, make_uid

__all__ = ["Duplicate", "duplicate_companies", "duplicate_people"]

_PERSONAL = ("gmail.com", "outlook.com", "yahoo.com")
_CHINESE_PERSONAL = ("qq.com", "163.com", "126.com")


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A duplicate record's index, its original's index and how the two differ."""

    original: int
    duplicate: int
    variant: str


def _keep(rng: random.Random, value: str | None, chance: float) -> str | None:
    return value if rng.random() < chance else None


def _weighted_distinct(
    rng: random.Random, pool: Sequence[int], weights: Sequence[float], count: int
) -> list[int]:
    cumulative = list(accumulate(weights))
    chosen: list[int] = []
    seen: set[int] = set()
    while len(chosen) < min(count, len(pool)):
        pick = rng.choices(pool, cum_weights=cumulative)[0]
        if pick not in seen:
            seen.add(pick)
            chosen.append(pick)
    return chosen


def duplicate_companies(
    rng: random.Random, companies: list[CompanyProfile], count: int, *, numbers: ShuffledNumbers
) -> list[Duplicate]:
    """Append ``count`` duplicate companies to ``companies`` and return the pairs."""
    pool = [i for i, c in enumerate(companies) if not c.record.is_home]
    originals = _weighted_distinct(rng, pool, [companies[i].size ** 0.5 for i in pool], count)
    pairs: list[Duplicate] = []
    for original in originals:
        source = companies[original]
        name, kind = company_variant(rng, source.brand, source.suffix, chinese=source.chinese)
        provenance = demo_provenance(IdKind.COMPANY, numbers.take())
        record = Company(
            uid=make_uid(Label.COMPANY, provenance),
            name=name,
            provenance=provenance,
            domain=_keep(rng, source.record.domain, 0.65),
            industry=_keep(rng, source.record.industry, 0.7),
            address=_keep(rng, source.record.address, 0.4),
            phone=_keep(rng, source.record.phone, 0.4),
        )
        pairs.append(Duplicate(original, len(companies), kind))
        companies.append(
            dataclasses.replace(
                source, record=record, size=0, parent=None, venture=False, empty_seats=()
            )
        )
    return pairs


def _email(
    rng: random.Random, variant: NameVariant, original: Person, chinese: bool, taken: Registries
) -> str | None:
    roll = rng.random()
    given, family = ascii_slug(variant.latin_given), ascii_slug(variant.latin_family)
    if roll < 0.35:
        domain = rng.choice(_CHINESE_PERSONAL if chinese else _PERSONAL)
        local = f"{given}.{family}" if rng.random() < 0.5 else f"{family}{given}"
    elif roll < 0.65 and original.email is not None:
        domain = original.email.split("@")[1]
        local = rng.choice(EMAIL_PATTERNS).format(g=given, f=family, g0=given[:1], f0=family[:1])
    else:
        return None
    email = f"{local}@{domain}"
    while not taken.emails.claim(email):
        email = f"{local}{rng.randint(1, 99)}@{domain}"
    return email


def _person_copy(
    rng: random.Random,
    source: PersonProfile,
    company: int,
    chinese: bool,
    number: int,
    taken: Registries,
) -> tuple[PersonProfile, str]:
    variant = person_variant(rng, source.name)
    original = source.record
    title = _keep(rng, original.title, 0.6)
    provenance = demo_provenance(IdKind.PERSON, number)
    record = Person(
        uid=make_uid(Label.PERSON, provenance),
        full_name=variant.full,
        provenance=provenance,
        email=_email(rng, variant, original, chinese, taken),
        phone=_keep(rng, original.phone, 0.55),
        title=title,
        department=_keep(rng, original.department, 0.5),
        seniority=original.seniority if title is not None else Seniority.UNKNOWN,
    )
    name = PersonName(
        variant.full, "", variant.latin_given, variant.latin_family, source.name.script
    )
    return PersonProfile(record, name, company, None, None, source.start_day), variant.kind


def duplicate_people(
    rng: random.Random,
    people: list[PersonProfile],
    count: int,
    *,
    companies: Sequence[CompanyProfile],
    company_pairs: Sequence[Duplicate],
    numbers: ShuffledNumbers,
    taken: Registries,
) -> list[Duplicate]:
    """Append ``count`` duplicates of contacts to ``people`` and return the pairs.

    Senior people are duplicated more often (several reps enter them). A duplicate works
    at the original's company or, if that company has a duplicate, sometimes there.
    """
    pool = [i for i, p in enumerate(people) if not p.record.is_colleague and p.seat is not None]
    weights = [3.0 if people[i].depth <= 1 else 2.0 if people[i].depth == 2 else 1.0 for i in pool]
    twin_of = {pair.original: pair.duplicate for pair in company_pairs}
    pairs: list[Duplicate] = []
    for original in _weighted_distinct(rng, pool, weights, count):
        source = people[original]
        company = source.company
        if company in twin_of and rng.random() < 0.35:
            company = twin_of[company]
        chinese = companies[source.company].chinese
        copy, kind = _person_copy(rng, source, company, chinese, numbers.take(), taken)
        pairs.append(Duplicate(original, len(people), kind))
        people.append(copy)
    return pairs
