"""How likely two people, or two companies, are one: fuzzy names plus shared identifiers.

Each piece of evidence is read as a chance that the pair is a duplicate, and the pieces are
combined as independent ones (noisy-OR): ``score = 1 - prod(1 - p)``. So more evidence always
raises the score, no single weak piece decides, and the score stays within 0..1.

============================================  ==========  ==========
evidence                                      people      companies
============================================  ==========  ==========
names identical once normalised (100%)        0.75        0.80
names 60% similar or less                     0           0
same email (main or alternate)                0.95        -
same phone number                             0.60        0.50
same current employer                         0.40        -
same work email domain (not free mail)        0.20        -
same web domain                               -           0.50
same postal address                           -           0.35
============================================  ==========  ==========

Between 60% and 100% the name's chance grows linearly; it is halved when both company names
end with a legal form and the forms differ ("Acme Stores Inc" and "Acme Stores Ltd" are
usually two companies of one family in two countries; see :func:`schema.keys.legal_form`).
Names alone never make a person pair reach the usual 0.8 threshold (many people share a
name; one corroboration is needed), while an identical company name does (company names are
far rarer). Names that are clearly different (similarity below 60%, in one script) rule a
pair out whatever it shares, unless it shares an email: colleagues share a switchboard, an
employer and a domain, and companies of one family or one building share phones, domains and
addresses (those are hidden links, not duplicates). A pair scoring below :data:`MIN_SCORE` is
no candidate (None).

Names are compared on their keys (:func:`schema.keys.person_name_key`,
:func:`schema.keys.company_name_key`) by the scorer the hidden links use too,
:mod:`schema.names`: an Indel (insert/delete) similarity of the sorted words, symmetric,
insensitive to word order and case, and tolerant of typos; people's nicknames and initials
meet their full names first (a Chinese name one homophone off counts as 75% similar), and a
company name of several words is capped by its weakest word ("Acme Systems" and "Acme
Solutions" are 38% similar). The similarity is read to two decimals. A company name that
differs from another only by a few leading Chinese characters (a region: 北京华信科技 and
华信科技) counts as identical here. A name in Chinese characters is not compared with a
romanised one (no evidence either way).

Examples
--------
>>> a = PersonFacts(uid="person:crm:1", full_name="Robert Smith", phones=("+14155550100",))
>>> b = PersonFacts(uid="person:csv:9", full_name="Bob Smith", phones=("+14155550100",))
>>> candidate = score_people(a, b)
>>> candidate.score, candidate.reasons
(0.9, ('names 100% similar', 'same phone +14155550100'))
>>> acme = CompanyFacts(uid="company:crm:1", name="Acme Corp", domains=("acme.com",))
>>> score_companies(acme, CompanyFacts(uid="company:csv:2", name="ACME Corporation"))
Candidate(kind=<MergeKind.COMPANY: 'company'>, a_uid='company:crm:1', b_uid='company:csv:2', \
score=0.8, reasons=('names 100% similar',))
>>> score_companies(acme, CompanyFacts(uid="company:csv:3", name="Zenith Ltd",
...                                    domains=("acme.com",))) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from schema.identifier_keys import normalise_email, work_domain
from schema.keys import company_name_key, legal_form, person_name_key
from schema.names import company_name_similarity, person_name_similarity, same_script
from schema.reading.merges import MergeKind

__all__ = [
    "MIN_SCORE",
    "Candidate",
    "CompanyFacts",
    "Employer",
    "PersonFacts",
    "company_similarity",
    "person_similarity",
    "score_companies",
    "score_people",
]

MIN_SCORE = 0.5
"""Below this score a pair is no candidate: :func:`score_people` and
:func:`score_companies` return None."""

_NAME_FLOOR = 0.6
_PERSON_NAME_TOP, _COMPANY_NAME_TOP = 0.75, 0.80
_SAME_EMAIL, _PERSON_PHONE, _SAME_EMPLOYER, _WORK_DOMAIN = 0.95, 0.60, 0.40, 0.20
_COMPANY_DOMAIN, _COMPANY_PHONE, _COMPANY_ADDRESS = 0.50, 0.50, 0.35
_OTHER_LEGAL_FORM = 0.5
_REGION_PREFIX = 1.0
"""A company name with a few leading Chinese characters (a region) more than the other
counts as identical (the hidden links count it as 0.95)."""


@dataclass(frozen=True, slots=True)
class Employer:
    """A company a person works at now (uid, and its name for the reasons)."""

    uid: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFacts:
    """What identifies a person: name, emails, phones (E.164) and current employers.

    ``name_key`` is :func:`schema.keys.person_name_key` of ``full_name``; it is computed when
    not given.
    """

    uid: str
    full_name: str
    email: str | None = None
    alternate_emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    employers: tuple[Employer, ...] = ()
    name_key: str | None = None

    @property
    def key(self) -> str | None:
        """The name key, given or computed."""
        return self.name_key or person_name_key(self.full_name)

    @property
    def employer_uids(self) -> frozenset[str]:
        """The uids of the current employers."""
        return frozenset(e.uid for e in self.employers)

    @property
    def emails(self) -> frozenset[str]:
        """Every plausible email, normalised: the main one and the alternates."""
        found = (normalise_email(e) for e in (self.email, *self.alternate_emails))
        return frozenset(e for e in found if e is not None)


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyFacts:
    """What identifies a company: name, web domains, phones (E.164), address keys."""

    uid: str
    name: str
    domains: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    address_keys: tuple[str, ...] = ()
    name_key: str | None = None

    @property
    def key(self) -> str | None:
        """The name key, given or computed."""
        return self.name_key or company_name_key(self.name)


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A likely duplicate pair, ``a_uid < b_uid``, with its score (0..1) and the reasons."""

    kind: MergeKind
    a_uid: str
    b_uid: str
    score: float
    reasons: tuple[str, ...]


def person_similarity(a: str, b: str) -> float | None:
    """How similar two person name keys are (0..1, two decimals); None across scripts.

    See :func:`schema.names.person_name_similarity`.

    >>> person_similarity("robert smith", "bob smith"), person_similarity("j smith", "john smith")
    (1.0, 1.0)
    >>> person_similarity("a john smith", "john smith"), person_similarity("王伟", "王玮")
    (1.0, 0.75)
    >>> person_similarity("john smith", "jon smiht"), person_similarity("王伟", "wang wei")
    (0.84, None)
    """
    if not same_script(a, b):
        return None
    return round(person_name_similarity(a, b), 2)


def company_similarity(a: str, b: str) -> float | None:
    """How similar two company name keys are (0..1, two decimals); None across scripts.

    See :func:`schema.names.company_name_similarity`: word order ignored, no cap by the
    weakest word (a typo in one word keeps a pair close), a leading region counts as identical.

    >>> company_similarity("acme systems", "acme sytems")
    0.96
    >>> company_similarity("acme", "acme logistics")
    0.44
    >>> company_similarity("北京华信科技", "华信科技"), company_similarity("北京银行", "上海银行")
    (1.0, 0.5)
    """
    if not same_script(a, b):
        return None
    return round(
        company_name_similarity(a, b, prefix_similarity=_REGION_PREFIX, weakest_word_cap=False), 2
    )


def _name_chance(similarity: float, top: float) -> float:
    return top * min(max((similarity - _NAME_FLOOR) / (1 - _NAME_FLOOR), 0.0), 1.0)


def _combine(chances: Iterable[float]) -> float:
    miss = 1.0
    for chance in chances:
        miss *= 1 - chance
    return round(1 - miss, 3)


def _name_evidence(similarity: float | None, top: float) -> tuple[list[tuple[float, str]], bool]:
    """The name's evidence and whether the names rule the pair out."""
    if similarity is None:
        return [(0.0, "names in different scripts (not compared)")], False
    evidence = [(_name_chance(similarity, top), f"names {round(similarity * 100)}% similar")]
    return evidence, similarity < _NAME_FLOOR


def _first(shared: Iterable[str]) -> str | None:
    return min(shared, default=None)


def _candidate(
    kind: MergeKind, uids: tuple[str, str], evidence: list[tuple[float, str]]
) -> Candidate | None:
    score = _combine(chance for chance, _ in evidence)
    if score < MIN_SCORE:
        return None
    name, rest = evidence[0], sorted(evidence[1:], key=lambda e: -e[0])
    low, high = sorted(uids)
    return Candidate(
        kind=kind, a_uid=low, b_uid=high, score=score, reasons=tuple(r for _, r in (name, *rest))
    )


def _check(a_uid: str, b_uid: str) -> None:
    if a_uid == b_uid:
        raise ValueError(f"cannot compare {a_uid!r} with itself")


def score_people(a: PersonFacts, b: PersonFacts) -> Candidate | None:
    """Score two people as duplicates; None below :data:`MIN_SCORE` or for clearly different
    names (see the module docstring for the evidence and its weights).

    Raises
    ------
    ValueError
        When ``a`` and ``b`` have the same uid.

    Examples
    --------
    >>> acme = Employer("company:crm:1", "Acme")
    >>> ann = PersonFacts(uid="person:crm:1", full_name="Ann Lee", email="ann@acme.com",
    ...                   employers=(acme,))
    >>> score_people(ann, PersonFacts(uid="person:csv:7", full_name="Lee, Ann",
    ...                               email="a.lee@acme.com", employers=(acme,))).reasons
    ('names 100% similar', 'same employer Acme', 'same work email domain acme.com')
    >>> score_people(ann, PersonFacts(uid="person:csv:8", full_name="Bo Chen",
    ...                               email="bo@acme.com", employers=(acme,))) is None
    True
    """
    _check(a.uid, b.uid)
    keys = (a.key, b.key)
    similarity = None if None in keys else person_similarity(str(keys[0]), str(keys[1]))
    evidence, ruled_out = _name_evidence(similarity, _PERSON_NAME_TOP)
    email = _first(a.emails & b.emails)
    if email is not None:
        evidence.append((_SAME_EMAIL, f"same email {email}"))
    elif ruled_out:
        return None
    phone = _first(set(a.phones) & set(b.phones))
    if phone is not None:
        evidence.append((_PERSON_PHONE, f"same phone {phone}"))
    names = {e.uid: e.name for e in (*a.employers, *b.employers)}
    employer = _first(a.employer_uids & b.employer_uids)
    if employer is not None:
        evidence.append((_SAME_EMPLOYER, f"same employer {names[employer] or employer}"))
    domains = [{d for d in map(work_domain, p.emails) if d} for p in (a, b)]
    domain = _first(domains[0] & domains[1])
    if domain is not None:
        evidence.append((_WORK_DOMAIN, f"same work email domain {domain}"))
    return _candidate(MergeKind.PERSON, (a.uid, b.uid), evidence)


def score_companies(a: CompanyFacts, b: CompanyFacts) -> Candidate | None:
    """Score two companies as duplicates; None below :data:`MIN_SCORE` or for clearly
    different names (see the module docstring for the evidence and its weights).

    Raises
    ------
    ValueError
        When ``a`` and ``b`` have the same uid.

    Examples
    --------
    >>> a = CompanyFacts(uid="company:crm:1", name="华信科技有限公司", phones=("+862161234567",))
    >>> b = CompanyFacts(uid="company:csv:2", name="北京华信科技", phones=("+862161234567",))
    >>> score_companies(a, b).reasons
    ('names 100% similar', 'same phone +862161234567')
    """
    _check(a.uid, b.uid)
    keys = (a.key, b.key)
    similarity = None if None in keys else company_similarity(str(keys[0]), str(keys[1]))
    evidence, ruled_out = _name_evidence(similarity, _COMPANY_NAME_TOP)
    if ruled_out:
        return None
    forms = (legal_form(a.name), legal_form(b.name))
    if None not in forms and forms[0] != forms[1]:
        chance, reason = evidence[0]
        shown = ", ".join(sorted(str(f) for f in forms))
        evidence[0] = (chance * _OTHER_LEGAL_FORM, f"{reason}, but other legal forms ({shown})")
    for chance, what, mine, theirs in (
        (_COMPANY_DOMAIN, "domain", a.domains, b.domains),
        (_COMPANY_PHONE, "phone", a.phones, b.phones),
        (_COMPANY_ADDRESS, "address", a.address_keys, b.address_keys),
    ):
        shared = _first(set(mine) & set(theirs))
        if shared is not None:
            evidence.append((chance, f"same {what} {shared}"))
    return _candidate(MergeKind.COMPANY, (a.uid, b.uid), evidence)
