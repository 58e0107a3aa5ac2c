"""The companies of the demo world: our home company, accounts, corporate families, VCs.

Headcounts are heavily skewed (a Pareto draw: a few large companies, many small ones).
About one company in six is a subsidiary of a parent with 1-4 children; a few are venture
capital firms whose partners invest in other companies.

Examples
--------
>>> import random
>>> from ingest.demo.ids import ShuffledNumbers
>>> from ingest.demo.organisations.profiles import Registries
>>> rng = random.Random(1)
>>> found = build_companies(rng, count=30, staff=600, colleagues=12,
...                         numbers=ShuffledNumbers(rng, 30), taken=Registries())
>>> len(found), found[0].record.name, found[0].size, sum(c.size for c in found[1:])
(30, 'Relgraph Ltd', 12, 600)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ingest.demo.allocation import apportion
from ingest.demo.ids import IdKind, ShuffledNumbers, demo_provenance
from ingest.demo.names.company_names import Identity, company_identity, subsidiary_identity
from ingest.demo.names.company_words import INDUSTRIES, VENTURE_CAPITAL
from ingest.demo.names.person_names import EMAIL_PATTERNS
from ingest.demo.organisations.places import COUNTRIES, City, Country, draw_address, draw_phone
from ingest.demo.organisations.profiles import CompanyProfile, Registries
from ingest.demo.registry import Registry
from schema.enums import Label
from schema.model import Company, make_uid

__all__ = ["HOME_NAME", "MIN_STAFF", "build_companies", "claim_unique"]

HOME_NAME = "Relgraph Ltd"
MIN_STAFF = 4
"""The smallest headcount of a generated company."""

_HOME_COUNTRY = COUNTRIES[1]
_PARETO_ALPHA = 1.2
_PARETO_CAP = 400.0
_CHINESE_PATTERNS = ("{g}.{f}", "{f}{g}", "{f}.{g}", "{g0}{f}")


@dataclass(frozen=True, slots=True)
class _Slot:
    kind: str  # "top", "sub" or "vc"
    parent: int | None


def claim_unique(taken: Registry, draw: Callable[[], str]) -> str:
    """Call ``draw`` until it returns a value not yet in ``taken``; claim and return it."""
    while not taken.claim(value := draw()):
        pass
    return value


def _plan_slots(rng: random.Random, n: int) -> list[_Slot]:
    vcs = round(0.03 * n) if n >= 12 else 0
    subs = round(0.17 * n) if n >= 6 else 0
    tops = ["vc"] * vcs + ["top"] * (n - subs - vcs)
    rng.shuffle(tops)
    parent_chance = min(1.0, 1.3 * subs / 2.5 / max(1, len(tops)))
    slots: list[_Slot] = []
    for kind in tops:
        index = len(slots)
        slots.append(_Slot(kind, None))
        if kind == "top" and subs > 0 and rng.random() < parent_chance:
            children = min(rng.randint(1, 4), subs)
            subs -= children
            slots.extend(_Slot("sub", index) for _ in range(children))
    slots.extend(_Slot("top", None) for _ in range(subs))
    return slots


def _weight(rng: random.Random, slot: _Slot) -> float:
    draw = min(rng.paretovariate(_PARETO_ALPHA), _PARETO_CAP)
    return {"top": draw, "sub": 0.4 * draw, "vc": 0.1}[slot.kind]


def _place(rng: random.Random, parent: CompanyProfile | None) -> tuple[Country, City]:
    if parent is not None and (parent.chinese or rng.random() < 0.5):
        country = parent.country
        return country, parent.city if rng.random() < 0.5 else rng.choice(country.cities)
    country = rng.choices(COUNTRIES, weights=[c.weight for c in COUNTRIES])[0]
    if parent is not None and parent.chinese != country.chinese:
        country = parent.country
    return country, rng.choice(country.cities)


def _contact_points(
    rng: random.Random,
    parent: CompanyProfile | None,
    country: Country,
    city: City,
    taken: Registries,
) -> tuple[str | None, str | None]:
    if parent is not None and parent.city == city and rng.random() < 0.4:
        address = parent.record.address
    else:
        address = claim_unique(taken.addresses, lambda: draw_address(rng, country, city))
    if parent is not None and parent.country == country and rng.random() < 0.2:
        phone = parent.record.phone
    else:
        phone = claim_unique(taken.phones, lambda: draw_phone(rng, country, city))
    return (address if rng.random() > 0.08 else None), (phone if rng.random() > 0.12 else None)


def _company(
    rng: random.Random,
    slot: _Slot,
    size: int,
    parent: CompanyProfile | None,
    number: int,
    taken: Registries,
) -> CompanyProfile:
    country, city = _place(rng, parent)
    identity = None if parent is None else subsidiary_identity(rng, parent, country, city, taken)
    if slot.kind == "vc":
        industry = VENTURE_CAPITAL
    elif parent is not None and (identity is not None or rng.random() < 0.5):
        industry = parent.record.industry or rng.choice(INDUSTRIES)
    else:
        industry = rng.choice(INDUSTRIES)
    identity = identity or company_identity(rng, country, industry, taken)
    address, phone = _contact_points(rng, parent, country, city, taken)
    provenance = demo_provenance(IdKind.COMPANY, number)
    record = Company(
        uid=make_uid(Label.COMPANY, provenance),
        name=identity.name,
        provenance=provenance,
        domain=identity.domain if rng.random() > 0.03 else None,
        industry=industry if rng.random() > 0.05 else None,
        address=address,
        phone=phone,
    )
    pattern = rng.choice(_CHINESE_PATTERNS if country.chinese else EMAIL_PATTERNS)
    return CompanyProfile(
        record,
        country,
        city,
        identity.brand,
        identity.suffix,
        size,
        venture=slot.kind == "vc",
        email_pattern=pattern,
    )


def _home(rng: random.Random, colleagues: int, number: int, taken: Registries) -> CompanyProfile:
    city = _HOME_COUNTRY.cities[0]
    identity = Identity("Relgraph", "Ltd", HOME_NAME, "relgraph.com")
    taken.names.reserve(identity.brand)
    taken.domains.reserve("relgraph.com")
    provenance = demo_provenance(IdKind.COMPANY, number)
    record = Company(
        uid=make_uid(Label.COMPANY, provenance),
        name=identity.name,
        provenance=provenance,
        domain=identity.domain,
        industry="Software",
        is_home=True,
        address=claim_unique(taken.addresses, lambda: draw_address(rng, _HOME_COUNTRY, city)),
        phone=claim_unique(taken.phones, lambda: draw_phone(rng, _HOME_COUNTRY, city)),
    )
    return CompanyProfile(
        record,
        _HOME_COUNTRY,
        city,
        identity.brand,
        identity.suffix,
        colleagues,
        email_pattern="{g}.{f}",
    )


def build_companies(
    rng: random.Random,
    *,
    count: int,
    staff: int,
    colleagues: int,
    numbers: ShuffledNumbers,
    taken: Registries,
) -> list[CompanyProfile]:
    """Return ``count`` companies: the home company first, then the others.

    Parameters
    ----------
    rng : random.Random
        The generator's random source.
    count : int
        Number of distinct companies, the home company included.
    staff : int
        Headcount shared by all companies but the home company (at least
        ``MIN_STAFF`` each).
    colleagues : int
        Headcount of the home company.
    numbers : ShuffledNumbers
        Source of company id numbers.
    taken : Registries
        Names, domains, addresses and phones already in use.

    Returns
    -------
    list of CompanyProfile
        Subsidiaries come right after their parent.
    """
    slots = _plan_slots(rng, count - 1)
    sizes = apportion(staff, [_weight(rng, slot) for slot in slots], minimum=MIN_STAFF)
    profiles = [_home(rng, colleagues, numbers.take(), taken)]
    for slot, size in zip(slots, sizes, strict=True):
        parent = None if slot.parent is None else profiles[slot.parent + 1]
        profile = _company(rng, slot, size, parent, numbers.take(), taken)
        if slot.parent is not None:
            profile = _with_parent(profile, slot.parent + 1)
        profiles.append(profile)
    return profiles


def _with_parent(profile: CompanyProfile, parent: int) -> CompanyProfile:
    return CompanyProfile(
        profile.record,
        profile.country,
        profile.city,
        profile.brand,
        profile.suffix,
        profile.size,
        parent,
        profile.venture,
        profile.email_pattern,
    )
