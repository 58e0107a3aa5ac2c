"""Spelling variants of company and person names, as near-duplicate records carry them.

Examples
--------
>>> import random
>>> from ingest.demo.names.person_names import NameScript, PersonName
>>> bob = PersonName("Robert", "Smith", "Robert", "Smith", NameScript.LATIN)
>>> variant = person_variant(random.Random(1), bob)
>>> variant.full, variant.kind
('Bob Smith', 'nickname')
>>> company_variant(random.Random(2), "Acme Systems", "Corp", chinese=False)
('Acme Systems Corporation', 'expanded')
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ingest.demo.names.chinese_names import CHINESE_HOMOPHONES
from ingest.demo.names.english_names import NICKNAMES
from ingest.demo.names.person_names import NameScript, PersonName

__all__ = ["NameVariant", "company_variant", "person_variant"]

_LONG_SUFFIXES = {
    "Inc": "Incorporated",
    "Corp": "Corporation",
    "Ltd": "Limited",
    "LLC": "L.L.C.",
    "PLC": "plc",
    "GmbH": "G.m.b.H.",
    "AG": "Aktiengesellschaft",
    "S.A.": "SA",
    "SAS": "S.A.S.",
    "S.L.": "SL",
}
_CHINESE_CITIES = ("北京", "上海", "深圳", "杭州")


@dataclass(frozen=True, slots=True)
class NameVariant:
    """A variant spelling of a person's name, its romanised parts and how it differs."""

    full: str
    latin_given: str
    latin_family: str
    kind: str


def _typo(word: str, rng: random.Random) -> str:
    spots = [
        i
        for i in range(1, len(word) - 1)
        if word[i].islower() and word[i + 1].islower() and word[i] != word[i + 1]
    ]
    if not spots:
        return word + word[-1]
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _latin_variant(rng: random.Random, name: PersonName) -> NameVariant:
    given, family = name.given, name.family
    nicknames = NICKNAMES.get(given)
    if nicknames and rng.random() < 0.6:
        nick = rng.choice(nicknames)
        return NameVariant(f"{nick} {family}", nick, family, "nickname")
    kind = rng.choice(("typo", "initial", "middle_initial", "upper_case", "reversed"))
    full = {
        "typo": f"{given} {_typo(family, rng)}",
        "initial": f"{given[0]}. {family}",
        "middle_initial": f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {family}",
        "upper_case": f"{given} {family.upper()}",
        "reversed": f"{family}, {given}",
    }[kind]
    typo_family = full.split()[-1] if kind == "typo" else family
    return NameVariant(full, name.latin_given, typo_family, kind)


def _hanzi_variant(rng: random.Random, name: PersonName) -> NameVariant:
    latin_given, latin_family = name.latin_given, name.latin_family
    roll = rng.random()
    if roll < 0.5:
        full = (
            f"{latin_given} {latin_family}"
            if rng.random() < 0.5
            else f"{latin_family} {latin_given}"
        )
        return NameVariant(full, latin_given, latin_family, "romanised")
    swapped = "".join(CHINESE_HOMOPHONES.get(ch, ch) for ch in name.given)
    if roll < 0.8 and swapped != name.given:
        return NameVariant(f"{name.family}{swapped}", latin_given, latin_family, "homophone")
    return NameVariant(f"{name.family} {name.given}", latin_given, latin_family, "spacing")


def person_variant(rng: random.Random, name: PersonName) -> NameVariant:
    """Return a different spelling of ``name`` that a person would still be recognised by."""
    if name.script is NameScript.HANZI:
        return _hanzi_variant(rng, name)
    if name.script is NameScript.PINYIN:
        if rng.random() < 0.5:
            full = f"{name.given} {name.family.upper()}"
            return NameVariant(full, name.given, name.family, "upper_case")
        return NameVariant(f"{name.family} {name.given}", name.given, name.family, "name_order")
    return _latin_variant(rng, name)


def _chinese_company(rng: random.Random, brand: str, suffix: str) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.45:
        return brand, "no_suffix"
    city = next((c for c in _CHINESE_CITIES if brand.startswith(c)), None)
    if roll < 0.75:
        bare = brand[len(city) :] if city else f"{rng.choice(_CHINESE_CITIES)}{brand}"
        return f"{bare}{suffix}", "city_prefix"
    other = "股份有限公司" if suffix == "有限公司" else "有限公司"
    return f"{brand}{other}", "legal_form"


def company_variant(
    rng: random.Random, brand: str, suffix: str, *, chinese: bool
) -> tuple[str, str]:
    """Return a variant of the company name ``brand`` + ``suffix`` and how it differs."""
    if chinese:
        return _chinese_company(rng, brand, suffix)
    long = _LONG_SUFFIXES.get(suffix, suffix)
    kind = rng.choice(("expanded", "upper_case", "punctuation", "no_suffix", "typo"))
    name = {
        "expanded": f"{brand} {long}",
        "upper_case": f"{brand.upper()} {long.upper()}",
        "punctuation": f"{brand}, {suffix}" if suffix.endswith(".") else f"{brand} {suffix}.",
        "no_suffix": brand,
        "typo": f"{_typo(brand, rng)} {suffix}",
    }[kind]
    return name, kind
