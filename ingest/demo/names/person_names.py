"""Personal names (English, Chinese in Hanzi, Chinese in pinyin) and the emails built from them.

Examples
--------
>>> import random
>>> name = draw_name(random.Random(3), chinese_company=True)
>>> name.script, name.full
(<NameScript.HANZI: 'hanzi'>, '宋浩博')
>>> email_local(name, "{g}.{f}")
'haobo.song'
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from enum import Enum

from ingest.demo.names.chinese_names import CHINESE_GIVEN, CHINESE_SURNAMES
from ingest.demo.names.english_names import ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES
from ingest.demo.registry import Registry

__all__ = [
    "EMAIL_PATTERNS",
    "NameScript",
    "PersonName",
    "ascii_slug",
    "claim_email",
    "draw_name",
    "email_local",
]

EMAIL_PATTERNS: tuple[str, ...] = ("{g}.{f}", "{g}.{f}", "{g0}{f}", "{g}{f0}", "{g}_{f}", "{f}{g}")
"""Local-part patterns of company email addresses (``g``: given, ``f``: family name)."""


class NameScript(Enum):
    """How a name is written."""

    LATIN = "latin"
    HANZI = "hanzi"
    PINYIN = "pinyin"


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name with its romanised parts (for emails and spelling variants)."""

    given: str
    family: str
    latin_given: str
    latin_family: str
    script: NameScript

    @property
    def full(self) -> str:
        """The full name as written in the CRM."""
        if self.script is NameScript.HANZI:
            return f"{self.family}{self.given}"
        return f"{self.given} {self.family}"


def ascii_slug(text: str) -> str:
    """Return ``text`` lower-cased, without accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _chinese_name(rng: random.Random, script: NameScript) -> PersonName:
    family, latin_family = rng.choice(CHINESE_SURNAMES)
    chars = [rng.choice(CHINESE_GIVEN) for _ in range(1 if rng.random() < 0.4 else 2)]
    given = "".join(hanzi for hanzi, _ in chars)
    latin_given = "".join(pinyin for _, pinyin in chars).capitalize()
    if script is NameScript.PINYIN:
        return PersonName(latin_given, latin_family, latin_given, latin_family, script)
    return PersonName(given, family, latin_given, latin_family, script)


def draw_name(rng: random.Random, *, chinese_company: bool) -> PersonName:
    """Return a random name typical of the staff of a Chinese or a Western company."""
    roll = rng.random()
    if chinese_company and roll < 0.92:
        script = NameScript.PINYIN if rng.random() < 0.12 else NameScript.HANZI
        return _chinese_name(rng, script)
    if not chinese_company and roll < 0.07:
        return _chinese_name(rng, NameScript.PINYIN)
    given, family = rng.choice(ENGLISH_FIRST_NAMES), rng.choice(ENGLISH_LAST_NAMES)
    return PersonName(given, family, given, family, NameScript.LATIN)


def email_local(name: PersonName, pattern: str) -> str:
    """Return the local part of an email for ``name`` following ``pattern``."""
    given, family = ascii_slug(name.latin_given), ascii_slug(name.latin_family)
    return pattern.format(g=given, f=family, g0=given[:1], f0=family[:1])


def claim_email(
    rng: random.Random, taken: Registry, name: PersonName, domain: str, pattern: str
) -> str:
    """Claim and return a unique email for ``name`` at ``domain`` following ``pattern``.

    On a clash a number is appended to the local part (``ann.lee2@...``).
    """
    local = email_local(name, pattern)
    email = f"{local}@{domain}"
    number = 1
    while not taken.claim(email):
        number += rng.randint(1, 3)
        email = f"{local}{number}@{domain}"
    return email
