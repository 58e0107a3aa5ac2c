"""Which record a command-line argument names: a uid, a GraphQL global id, or a name.

A uid (``company:demo:c-00012``) or a global id (the API's ``id``) is looked up as it is.
Anything else is searched with the typo-tolerant full-text search the GraphQL ``search``
field uses (:meth:`api.services.analytics.AnalyticsService.search`), and settled so:

1. the hits whose name is the text (ignoring case and spacing): exactly one is the answer,
   several are ambiguous;
2. otherwise the hits scoring near the best (:data:`NEAR_THE_BEST` of its score): one is the
   answer (a typo, a prefix, a name without its legal form), several are ambiguous;
3. no hit at all: unknown.

An argument naming no record, or several, raises :class:`Unresolved` with the candidates, for
the command to print (:func:`api.cli.intel.session.answer` does, with exit status 2).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from strawberry import relay
from strawberry.relay import GlobalIDValueError

from api.graphql.context import Context
from schema.enums import Label
from schema.errors import InvalidInput
from schema.reading.analytics import SearchHit

__all__ = ["NEAR_THE_BEST", "Candidate", "Resolved", "Unresolved", "resolve"]

NEAR_THE_BEST = 0.75
"""Hits scoring at least this share of the best hit's score compete with it."""
SEARCHED = 10
_UID = re.compile(r"^(person|company):\S+:\S+$")
_WORD = re.compile(r"\w+")
_NOUN = {Label.PERSON: "person", Label.COMPANY: "company"}
_NOUNS = {Label.PERSON: "people", Label.COMPANY: "companies"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    """A live person or company: its label, uid and name."""

    label: Label
    uid: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A record an ambiguous argument may mean, with what tells it apart."""

    record: Resolved
    detail: str


class Unresolved(InvalidInput):
    """The argument names no live record (``candidates`` empty) or several: the user's input
    is what is wrong, as with any :class:`InvalidInput`."""

    def __init__(
        self,
        message: str,
        candidates: Sequence[Candidate] = (),
        more: bool = False,
        *,
        field: str = "argument",
    ) -> None:
        super().__init__(message, field=field)
        self.message = message
        self.candidates = tuple(candidates)
        self.more = more


def _what(labels: Collection[Label], nouns: dict[Label, str] = _NOUN) -> str:
    return " or ".join(nouns[label] for label in sorted(labels, key=list(_NOUN).index))


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


async def _record(context: Context, label: Label, uid: str) -> Resolved | None:
    if label is Label.COMPANY:
        company = await context.loaders.company.load(uid)
        return Resolved(label=label, uid=uid, name=company.name) if company else None
    person = await context.loaders.person.load(uid)
    return Resolved(label=label, uid=uid, name=person.full_name) if person else None


def _global_id(text: str) -> tuple[Label, str] | None:
    """The label and uid of a GraphQL global id of a person or a company, else None."""
    try:
        found = relay.GlobalID.from_id(text)
    except (GlobalIDValueError, ValueError):
        return None
    labels = {"Person": Label.PERSON, "Company": Label.COMPANY}
    if found.type_name not in labels or not _UID.match(found.node_id):
        return None
    return labels[found.type_name], found.node_id


def _uid(text: str) -> tuple[Label, str] | None:
    """The label and uid of a Relgraph uid, else None."""
    if not _UID.match(text):
        return None
    return (Label.PERSON if text.startswith("person:") else Label.COMPANY), text


async def _by_id(
    context: Context, text: str, labels: Collection[Label], argument: str
) -> Resolved | None:
    named = _uid(text) or _global_id(text)
    if named is None:
        return None
    label, uid = named
    if label not in labels:
        raise Unresolved(f"{argument} takes a {_what(labels)}; {text!r} is a {_NOUN[label]} id.")
    found = await _record(context, label, uid)
    if found is None:
        raise Unresolved(f"No {_NOUN[label]} has the id {text!r}.")
    return found


async def _detail(context: Context, record: Resolved) -> str:
    """What tells a candidate apart: a person's title and employers, a company's domain."""
    if record.label is Label.COMPANY:
        company = await context.loaders.company.load(record.uid)
        parts = [company.domain, company.industry] if company else []
        return ", ".join(p for p in parts if p)
    person = await context.loaders.person.load(record.uid)
    jobs = await context.loaders.employments_of_person.load(record.uid)
    current = [j.company_uid for j in jobs if j.end is None] or [j.company_uid for j in jobs]
    employers = [c.name for uid in current[:2] if (c := await context.loaders.company.load(uid))]
    title = person.title if person else None
    return " at ".join(p for p in (title, ", ".join(employers)) if p)


async def _search(context: Context, text: str, labels: Collection[Label]) -> list[SearchHit]:
    """The search field's hits for ``text``; when there are none, for its words of two
    letters or more (the index keeps ``S.A.`` or ``A/S`` as one token, while the search
    looks for each letter alone)."""
    for words in (text, " ".join(w for w in _WORD.findall(text) if len(w) > 1)):
        if not words.strip():
            continue
        try:
            hits = await context.analytics.search(words, labels=list(labels), first=SEARCHED)
        except InvalidInput:
            continue
        if hits:
            return hits
    return []


async def resolve(
    context: Context, text: str, labels: Collection[Label], *, argument: str
) -> Resolved:
    """The one live record of ``labels`` that ``text`` names; raises :class:`Unresolved`."""
    text = text.strip()
    if not text:
        raise Unresolved(f"{argument} is empty: give a name or an id.")
    found = await _by_id(context, text, labels, argument)
    if found is not None:
        return found
    hits = await _search(context, text, labels)
    records = [r for h in hits if (r := await _record(context, h.label, h.uid)) is not None]
    scores = {h.uid: h.score for h in hits}
    exact = [r for r in records if _normal(r.name) == _normal(text)]
    near = exact or [r for r in records if scores[r.uid] >= NEAR_THE_BEST * scores[records[0].uid]]
    if len(near) == 1:
        return near[0]
    if not near:
        raise Unresolved(f"No {_what(labels)} matches {text!r}.")
    candidates = [Candidate(record=r, detail=await _detail(context, r)) for r in near]
    raise Unresolved(
        f"{text!r} could be any of {len(near)}{'+' if len(hits) == SEARCHED and not exact else ''} "
        f"{_what(labels, _NOUNS)}; give one of these ids (or a fuller name):",
        candidates,
        more=len(hits) == SEARCHED and not exact,
    )
