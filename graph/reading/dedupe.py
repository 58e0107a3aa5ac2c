"""The graph side of duplicate detection: blocks of records that share an identifier, the
facts that score them, and the ``POSSIBLE_DUPLICATE`` relationships that keep the verdicts.

Blocking keeps the comparisons few: a record is only compared with the live records of its
label that share something with it (see :mod:`graph.queries.dedupe` for the rules). A block
larger than ``max_block`` (50 by default) is skipped and reported as a :class:`SkippedBlock`:
a phone number shared by 500 people is a switchboard, a name key shared by 200 people is a
common name, and comparing every pair of them would cost much and find little. Every read
goes by pages of uids (``UNWIND $uids``), so no query returns an unbounded result.

A candidate runs from the lower uid to the higher, carries ``score``, ``reasons``,
``found_at`` and ``status`` (``open``, or ``dismissed`` once a user said the two are
different: then it is never proposed again), and has provenance ``source: 'dedupe'``.

Change feed: storing or dismissing candidates touches both records of each pair; setting
name keys touches the records that got one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, LiteralString, Protocol

from graph.driver import GraphClient, Record
from graph.queries import dedupe as queries
from graph.reading.crm.records import native
from schema.changes import Touched, touched
from schema.errors import InvalidInput
from schema.identifier_keys import work_domain
from schema.keys import company_name_key, person_name_key
from schema.reading.merges import MergeKind

__all__ = [
    "DEFAULT_MAX_BLOCK",
    "Block",
    "CompanyIdentity",
    "DedupeGraph",
    "OpenCandidate",
    "PersonIdentity",
    "ScoredPair",
    "SkippedBlock",
    "StoreResult",
]

DEFAULT_MAX_BLOCK = 50
_LABELS: dict[MergeKind, LiteralString] = {
    MergeKind.PERSON: "Person",
    MergeKind.COMPANY: "Company",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonIdentity:
    """What the graph knows that identifies a live person."""

    uid: str
    full_name: str
    name_key: str | None
    email: str | None
    alternate_emails: tuple[str, ...]
    phones: tuple[str, ...]
    employers: tuple[tuple[str, str], ...]  # (uid, name) of each current employer

    @property
    def work_domains(self) -> tuple[str, ...]:
        """The domains of its emails that are not free-mail providers'."""
        found = (work_domain(e) for e in (self.email, *self.alternate_emails))
        return tuple(sorted({d for d in found if d is not None}))

    @property
    def name_words(self) -> tuple[str, ...]:
        """The words of its name key that can block it with colleagues: words of two letters
        or more, and the surname (first character) of a name in Chinese characters."""
        key = self.name_key or ""
        words = {w for w in key.split() if len(w) > 1}
        if key and " " not in key and _is_han(key[0]):
            words.add(key[0])
        return tuple(sorted(words))


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyIdentity:
    """What the graph knows that identifies a live company."""

    uid: str
    name: str
    name_key: str | None
    domains: tuple[str, ...]
    phones: tuple[str, ...]
    address_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A record and the live records of its label sharing ``key`` (``via`` says what)."""

    uid: str
    via: str
    key: str
    size: int
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedBlock:
    """A block larger than the limit: its records were not compared through it."""

    kind: MergeKind
    via: str
    key: str
    size: int


class ScoredPair(Protocol):
    """A candidate to store: ``a_uid < b_uid``, a score in 0..1 and the reasons."""

    @property
    def a_uid(self) -> str: ...
    @property
    def b_uid(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def reasons(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreResult:
    """Stored candidates: new pairs, open pairs refreshed, dismissed pairs left alone."""

    created: int = 0
    updated: int = 0
    dismissed: int = 0

    def __add__(self, other: StoreResult) -> StoreResult:
        return StoreResult(
            created=self.created + other.created,
            updated=self.updated + other.updated,
            dismissed=self.dismissed + other.dismissed,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenCandidate:
    """An open candidate pair as a reviewer sees it."""

    kind: MergeKind
    a_uid: str
    a_name: str
    b_uid: str
    b_name: str
    score: float
    reasons: tuple[str, ...]
    found_at: datetime | None


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _pages(uids: Sequence[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(uids), size):
        yield list(uids[start : start + size])


def _person(row: Record) -> PersonIdentity:
    return PersonIdentity(
        uid=row["uid"],
        full_name=row["name"] or "",
        name_key=row["name_key"],
        email=row["email"],
        alternate_emails=tuple(row["alternate_emails"]),
        phones=tuple(row["phones"]),
        employers=tuple((str(uid), str(name or "")) for uid, name in row["employers"]),
    )


def _company(row: Record) -> CompanyIdentity:
    return CompanyIdentity(
        uid=row["uid"],
        name=row["name"] or "",
        name_key=row["name_key"],
        domains=tuple(row["domains"]),
        phones=tuple(row["phones"]),
        address_keys=tuple(row["address_keys"]),
    )


class DedupeGraph:
    """Reads blocks and facts, stores, lists and dismisses duplicate candidates."""

    def __init__(self, client: GraphClient, *, page_size: int = 500) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.client = client
        self.page_size = page_size

    async def uid_pages(self, kind: MergeKind) -> AsyncIterator[list[str]]:
        """Every live uid of ``kind``, ``page_size`` at a time, in uid order."""
        after = ""
        while True:
            rows = await self.client.read(
                queries.uid_page(_LABELS[kind]), {"after": after, "limit": self.page_size}
            )
            if not rows:
                return
            page = [str(r["uid"]) for r in rows]
            yield page
            after = page[-1]

    async def sync_name_keys(self, kind: MergeKind, uids: Sequence[str]) -> int:
        """Set ``name_key`` where it is missing or stale (the name changed since it was
        computed) on the records of ``kind`` among ``uids``; returns how many changed."""
        label, key_of = _LABELS[kind], _key_function(kind)
        changed = 0
        for page in _pages(uids, self.page_size):
            rows = await self.client.read(queries.name_keys(label), {"uids": page})
            stale = [
                {"uid": r["uid"], "name_key": key_of(r["name"])}
                for r in rows
                if key_of(r["name"]) != r["name_key"]
            ]
            if stale:
                written = await self.client.write(
                    queries.write_name_keys(label),
                    {"rows": stale},
                    touched=_records(kind, [row["uid"] for row in stale]),
                )
                changed += int(written[0]["written"])
        return changed

    async def people(self, uids: Sequence[str]) -> list[PersonIdentity]:
        """The live people among ``uids``."""
        return [_person(r) for r in await self._facts(MergeKind.PERSON, uids)]

    async def companies(self, uids: Sequence[str]) -> list[CompanyIdentity]:
        """The live companies among ``uids``."""
        return [_company(r) for r in await self._facts(MergeKind.COMPANY, uids)]

    async def _facts(self, kind: MergeKind, uids: Sequence[str]) -> list[Record]:
        found: list[Record] = []
        for page in _pages(uids, self.page_size):
            found += await self.client.read(queries.facts(_LABELS[kind]), {"uids": page})
        return found

    async def person_blocks(
        self, people: Sequence[PersonIdentity], *, max_block: int = DEFAULT_MAX_BLOCK
    ) -> list[Block]:
        """The blocks of each of ``people`` (live ones, read by :meth:`people`)."""
        rows = [
            {"uid": p.uid, "work_domains": list(p.work_domains), "name_words": list(p.name_words)}
            for p in people
        ]
        return await self._blocks(MergeKind.PERSON, rows, max_block)

    async def company_blocks(
        self, uids: Sequence[str], *, max_block: int = DEFAULT_MAX_BLOCK
    ) -> list[Block]:
        """The blocks of each live company among ``uids``."""
        return await self._blocks(MergeKind.COMPANY, [{"uid": u} for u in uids], max_block)

    async def _blocks(
        self, kind: MergeKind, rows: Sequence[dict[str, Any]], max_block: int
    ) -> list[Block]:
        if max_block < 2:
            raise ValueError("max_block must be at least 2")
        found: list[Block] = []
        for start in range(0, len(rows), self.page_size):
            page = list(rows[start : start + self.page_size])
            records = await self.client.read(
                queries.blocks(_LABELS[kind]), {"rows": page, "max_block": max_block}
            )
            found += [
                Block(
                    uid=r["uid"],
                    via=r["via"],
                    key=str(r["key"]),
                    size=int(r["size"]),
                    members=tuple(r["members"]),
                )
                for r in records
            ]
        return found

    async def store(self, kind: MergeKind, candidates: Iterable[ScoredPair]) -> StoreResult:
        """Store candidates of ``kind`` (see the module docstring), a batch per page."""
        pairs = list(candidates)
        for pair in pairs:
            if not pair.a_uid < pair.b_uid:
                raise ValueError(f"a candidate runs from the lower uid: {pair.a_uid!r}")
        rows = [
            {"a": c.a_uid, "b": c.b_uid, "score": c.score, "reasons": list(c.reasons)}
            for c in pairs
        ]
        result = StoreResult()
        for start in range(0, len(rows), self.page_size):
            page = rows[start : start + self.page_size]
            records = await self.client.write(
                queries.store_candidates(_LABELS[kind]),
                {"rows": page},
                touched=_records(kind, [str(row[end]) for row in page for end in ("a", "b")]),
            )
            counts = {str(r["outcome"]): int(r["n"]) for r in records}
            result += StoreResult(**counts)
        return result

    async def open_candidates(
        self, kind: MergeKind, *, min_score: float = 0.0, limit: int = 100
    ) -> list[OpenCandidate]:
        """The open candidates of ``kind`` between live records, best first."""
        if limit < 1:
            raise InvalidInput("must be at least 1", field="limit")
        rows = await self.client.read(
            queries.open_candidates(_LABELS[kind]), {"min_score": min_score, "limit": limit}
        )
        return [
            OpenCandidate(
                kind=kind,
                a_uid=r["a_uid"],
                a_name=r["a_name"] or "",
                b_uid=r["b_uid"],
                b_name=r["b_name"] or "",
                score=float(r["score"]),
                reasons=tuple(r["reasons"] or ()),
                found_at=native(r["found_at"]),
            )
            for r in rows
        ]

    async def dismiss(self, uid_a: str, uid_b: str) -> MergeKind:
        """Mark the pair as not duplicates, so that it is never proposed again; returns its
        kind.

        Raises
        ------
        schema.errors.InvalidInput
            When a uid names no person or company, both name the same record, or one names a
            person and the other a company.
        """
        low, high = sorted((uid_a, uid_b))
        [row] = await self.client.write(
            queries.DISMISS,
            {"a": low, "b": high},
            touched=lambda found: _dismissed(found, low, high),
        )
        status = row["status"]
        if status in ("missing_a", "missing_b"):
            missing = low if status == "missing_a" else high
            field = "uid_a" if missing == uid_a else "uid_b"
            raise InvalidInput(f"No person or company has the uid {missing!r}.", field=field)
        if status == "same":
            raise InvalidInput("Name two different records.", field="uid_b")
        if status == "mixed":
            raise InvalidInput("A person and a company cannot be duplicates.", field="uid_b")
        return MergeKind(row["kind"])

    async def kinds(self, uids: Sequence[str]) -> dict[str, MergeKind | None]:
        """Whether each uid names a person, a company or nothing (None)."""
        rows = await self.client.read(queries.RECORD_KINDS, {"uids": list(uids)})
        return {r["uid"]: MergeKind(r["kind"]) if r["kind"] else None for r in rows}


def _records(kind: MergeKind, uids: Iterable[str]) -> Touched:
    """``uids`` as people or companies, by ``kind``."""
    if kind is MergeKind.PERSON:
        return touched(people=uids)
    return touched(companies=uids)


def _dismissed(found: list[Record], low: str, high: str) -> Touched:
    """Both records of a dismissal that wrote."""
    if not found or found[0]["status"] != "ok":
        return Touched()
    return _records(MergeKind(found[0]["kind"]), (low, high))


def _key_function(kind: MergeKind) -> Callable[[str | None], str | None]:
    return person_name_key if kind is MergeKind.PERSON else company_name_key
