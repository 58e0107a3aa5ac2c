"""Company identities: a unique brand, the legal name around it and a web domain.

English names look like "Apex Systems Inc" (domain ``apexsystems.com``), Chinese ones like
"北京华信科技有限公司" (domain ``huaxintech.com.cn``). Subsidiaries often reuse the parent's
brand and domain ("Apex Systems GmbH" at ``apexsystems.de``, "华信科技（上海）有限公司").

Examples
--------
>>> import random
>>> from ingest.demo.organisations.places import COUNTRIES
>>> from ingest.demo.organisations.profiles import Registries
>>> identity = company_identity(random.Random(4), COUNTRIES[0], "Software", Registries())
>>> identity.name, identity.domain
('Sterling Labs Inc', 'sterlinglabs.com')
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ingest.demo.names.company_words import (
    CHINESE_BRAND_FIRST,
    CHINESE_BRAND_SECOND,
    CHINESE_INDUSTRY_WORDS,
    ENGLISH_BRAND_WORDS,
    ENGLISH_INDUSTRY_WORDS,
    ENGLISH_MIDDLE_WORDS,
)
from ingest.demo.names.person_names import ascii_slug
from ingest.demo.organisations.places import City, Country
from ingest.demo.organisations.profiles import CompanyProfile, Registries
from ingest.demo.registry import Registry

__all__ = ["Identity", "claim_domain", "company_identity", "subsidiary_identity"]

_CHINESE_SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司")
_DIVISIONS = ("Services", "Solutions", "International", "Digital", "Technologies")
_CHINESE_DIVISIONS = ("服务", "软件", "数据", "国际")


@dataclass(frozen=True, slots=True)
class Identity:
    """A company's brand (name without legal form), legal suffix, full name and domain."""

    brand: str
    suffix: str
    name: str
    domain: str | None


def claim_domain(taken: Registry, label: str, tld: str) -> str:
    """Claim and return an unused domain ``label.tld`` (or a numbered variant of it)."""
    domain, number = f"{label}.{tld}", 1
    while not taken.claim(domain):
        number += 1
        domain = f"{label}{number}.{tld}"
    return domain


def _english_brand(rng: random.Random, industry: str, taken: Registry) -> str:
    words = ENGLISH_INDUSTRY_WORDS[industry]
    for attempt in range(60):
        head, tail = rng.choice(ENGLISH_BRAND_WORDS), rng.choice(words)
        middle = f" {rng.choice(ENGLISH_MIDDLE_WORDS)}" if attempt >= 10 else ""
        brand = f"{head}{middle} {tail}"
        if taken.claim(brand):
            return brand
    number = 2
    while not taken.claim(brand := f"{head} {tail} {number}"):
        number += 1
    return brand


def _chinese_brand(
    rng: random.Random, country: Country, industry: str, taken: Registry
) -> tuple[str, str]:
    for attempt in range(200):
        first, second = rng.choice(CHINESE_BRAND_FIRST), rng.choice(CHINESE_BRAND_SECOND)
        word = rng.choice(CHINESE_INDUSTRY_WORDS[industry])
        city = rng.choice(country.cities).name if attempt >= 20 or rng.random() < 0.2 else ""
        brand = f"{city}{first[0]}{second[0]}{word[0]}"
        if first[0] != second[0] and taken.claim(brand):
            return brand, f"{first[1]}{second[1]}{word[1]}"
    raise RuntimeError("ran out of Chinese company names")


def company_identity(
    rng: random.Random, country: Country, industry: str, taken: Registries
) -> Identity:
    """Return a new unique identity for an independent company in ``country``."""
    if country.chinese:
        brand, label = _chinese_brand(rng, country, industry, taken.names)
        suffix = rng.choice(_CHINESE_SUFFIXES)
        tld = rng.choice(("com.cn", "com.cn", "cn", "com"))
        return Identity(brand, suffix, f"{brand}{suffix}", claim_domain(taken.domains, label, tld))
    brand = _english_brand(rng, industry, taken.names)
    suffix = rng.choice(country.legal_suffixes)
    domain = claim_domain(taken.domains, ascii_slug(brand), country.tld)
    return Identity(brand, suffix, f"{brand} {suffix}", domain)


def _sub_domain(
    rng: random.Random, parent: CompanyProfile, country: Country, label: str, taken: Registry
) -> str | None:
    domain = parent.record.domain
    if domain is None:
        return None
    roll = rng.random()
    if roll < 0.25:
        return domain
    if roll < 0.6 and country.tld != parent.country.tld:
        return claim_domain(taken, domain.split(".")[0], country.tld)
    return claim_domain(taken, label, domain)


def subsidiary_identity(
    rng: random.Random, parent: CompanyProfile, country: Country, city: City, taken: Registries
) -> Identity | None:
    """Return an identity derived from ``parent``'s brand, or None for an acquired brand.

    The child shares the parent's domain, uses it with its own country TLD, or gets a
    subdomain of it.
    """
    if rng.random() < 0.35:
        return None
    if parent.chinese:
        part = f"（{city.name}）" if city != parent.city else rng.choice(_CHINESE_DIVISIONS)
        brand, suffix, label = f"{parent.brand}{part}", "有限公司", city.slug
        name = f"{brand}{suffix}"
    else:
        same = country == parent.country
        brand = f"{parent.brand} {rng.choice(_DIVISIONS)}" if same else parent.brand
        suffix = rng.choice(country.legal_suffixes)
        name, label = f"{brand} {suffix}", ascii_slug(brand.split()[-1] if same else country.code)
    if not taken.names.claim(name):
        return None
    return Identity(brand, suffix, name, _sub_domain(rng, parent, country, label, taken.domains))
