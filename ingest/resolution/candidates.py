"""Find likely duplicates in the graph: blocks -> facts -> scores -> stored candidates.

:func:`find_candidates` is what an import calls with the uids it touched (each is compared
with every live record of its label it shares an identifier with), and what ``relgraph
dedupe --scan`` calls for everything. Each page of records is blocked, scored and stored
before the next is read, and a pair is scored once per run however many blocks it shares.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from graph.driver import GraphClient
from graph.reading.dedupe import (
    DEFAULT_MAX_BLOCK,
    Block,
    CompanyIdentity,
    DedupeGraph,
    PersonIdentity,
    SkippedBlock,
    StoreResult,
)
from ingest.resolution.similarity import (
    Candidate,
    CompanyFacts,
    Employer,
    PersonFacts,
    score_companies,
    score_people,
)
from schema.errors import InvalidInput
from schema.reading.merges import MergeKind

__all__ = ["CandidateReport", "find_candidates"]

Identity = PersonIdentity | CompanyIdentity
Facts = PersonFacts | CompanyFacts


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateReport:
    """What a search for duplicates did.

    ``records`` counts the live records searched from, ``pairs`` the pairs scored,
    ``candidates`` the pairs at or above the minimum score (stored: ``stored``), and
    ``skipped_blocks`` the blocks too large to compare (once each, largest first).
    ``name_keys_updated`` counts records whose missing or stale name key was set.
    """

    records: int = 0
    pairs: int = 0
    candidates: tuple[Candidate, ...] = ()
    stored: StoreResult = field(default_factory=StoreResult)
    skipped_blocks: tuple[SkippedBlock, ...] = ()
    name_keys_updated: int = 0


def _facts(identity: Identity) -> Facts:
    if isinstance(identity, PersonIdentity):
        return PersonFacts(
            uid=identity.uid,
            full_name=identity.full_name,
            email=identity.email,
            alternate_emails=identity.alternate_emails,
            phones=identity.phones,
            employers=tuple(Employer(uid, name) for uid, name in identity.employers),
            name_key=identity.name_key,
        )
    return CompanyFacts(
        uid=identity.uid,
        name=identity.name,
        domains=identity.domains,
        phones=identity.phones,
        address_keys=identity.address_keys,
        name_key=identity.name_key,
    )


def _score(a: Facts, b: Facts) -> Candidate | None:
    if isinstance(a, PersonFacts) and isinstance(b, PersonFacts):
        return score_people(a, b)
    if isinstance(a, CompanyFacts) and isinstance(b, CompanyFacts):
        return score_companies(a, b)
    raise TypeError("a pair must be two people or two companies")


class _Search:
    """One kind's search: the pairs seen so far and what was found."""

    def __init__(
        self,
        graph: DedupeGraph,
        kind: MergeKind,
        *,
        min_score: float,
        max_block: int,
        store: bool = True,
    ):
        self.graph, self.kind, self.store = graph, kind, store
        self.min_score, self.max_block = min_score, max_block
        self.seen: set[tuple[str, str]] = set()
        self.skipped: dict[tuple[str, str], SkippedBlock] = {}
        self.records = self.pairs = 0
        self.found: list[Candidate] = []
        self.stored = StoreResult()

    async def _identities(self, uids: Sequence[str]) -> list[Identity]:
        if self.kind is MergeKind.PERSON:
            return list(await self.graph.people(uids))
        return list(await self.graph.companies(uids))

    async def _blocks(self, identities: list[Identity]) -> list[Block]:
        if self.kind is MergeKind.PERSON:
            people = [i for i in identities if isinstance(i, PersonIdentity)]
            return await self.graph.person_blocks(people, max_block=self.max_block)
        uids = [i.uid for i in identities]
        return await self.graph.company_blocks(uids, max_block=self.max_block)

    def _new_pairs(self, blocks: list[Block]) -> list[tuple[str, str]]:
        new: list[tuple[str, str]] = []
        for block in blocks:
            if block.size > self.max_block:
                self.skipped.setdefault(
                    (block.via, block.key),
                    SkippedBlock(kind=self.kind, via=block.via, key=block.key, size=block.size),
                )
                continue
            for member in block.members:
                if member == block.uid:
                    continue
                low, high = sorted((block.uid, member))
                if (low, high) not in self.seen:
                    self.seen.add((low, high))
                    new.append((low, high))
        return new

    async def page(self, uids: Sequence[str]) -> None:
        """Block, score and store the candidates of one page of records."""
        identities = await self._identities(uids)
        self.records += len(identities)
        pairs = self._new_pairs(await self._blocks(identities))
        facts = {i.uid: _facts(i) for i in identities}
        others = sorted({uid for pair in pairs for uid in pair} - facts.keys())
        facts |= {i.uid: _facts(i) for i in await self._identities(others)}
        found = []
        for low, high in pairs:
            if low in facts and high in facts:
                self.pairs += 1
                candidate = _score(facts[low], facts[high])
                if candidate is not None and candidate.score >= self.min_score:
                    found.append(candidate)
        if self.store:
            self.stored += await self.graph.store(self.kind, found)
        self.found += found


async def find_candidates(
    client: GraphClient,
    *,
    uids: Sequence[str] | None,
    min_score: float,
    kinds: Collection[MergeKind] = (MergeKind.PERSON, MergeKind.COMPANY),
    max_block: int = DEFAULT_MAX_BLOCK,
    page_size: int = 500,
    store: bool = True,
) -> CandidateReport:
    """Find, score and store the likely duplicates of ``uids`` (or of every live record).

    Parameters
    ----------
    client : GraphClient
        The graph.
    uids : sequence of str or None
        The records to search from (people and companies; others are ignored), such as the
        ones an import touched; None searches from every live person and company.
    min_score : float
        Candidates scoring below it (0..1) are not stored; the scorer's own floor is
        :data:`ingest.resolution.similarity.MIN_SCORE`.
    kinds : collection of MergeKind
        Which kinds of record to search.
    max_block : int
        Blocks with more records than this are skipped (and reported).
    page_size : int
        Records read, blocked and scored per round trip.
    store : bool
        False only reads: candidates are returned but not stored, and name keys are used
        as they are (the quality command scores the scan this way).

    Returns
    -------
    CandidateReport
        What was searched, scored, stored and skipped.

    Raises
    ------
    schema.errors.InvalidInput
        When ``min_score`` is not within 0..1.
    """
    if not 0.0 <= min_score <= 1.0:
        raise InvalidInput("must be between 0 and 1", field="min_score")
    graph = DedupeGraph(client, page_size=page_size)
    searches, keys_updated = [], 0
    for kind in (k for k in (MergeKind.PERSON, MergeKind.COMPANY) if k in kinds):
        search = _Search(graph, kind, min_score=min_score, max_block=max_block, store=store)
        if uids is None:
            async for page in graph.uid_pages(kind):
                keys_updated += await graph.sync_name_keys(kind, page) if store else 0
            async for page in graph.uid_pages(kind):
                await search.page(page)
        else:
            wanted = list(dict.fromkeys(uids))
            keys_updated += await graph.sync_name_keys(kind, wanted) if store else 0
            for start in range(0, len(wanted), page_size):
                await search.page(wanted[start : start + page_size])
        searches.append(search)
    skipped = sorted(
        (block for s in searches for block in s.skipped.values()), key=lambda b: -b.size
    )
    return CandidateReport(
        records=sum(s.records for s in searches),
        pairs=sum(s.pairs for s in searches),
        candidates=tuple(c for s in searches for c in s.found),
        stored=sum((s.stored for s in searches), StoreResult()),
        skipped_blocks=tuple(skipped),
        name_keys_updated=keys_updated,
    )
