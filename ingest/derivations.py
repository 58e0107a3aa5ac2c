"""What an import triggers afterwards, only for the people and companies it touched:
KNOWS ties recomputed through the published formula, company domains derived from work
emails, and fuzzy duplicate candidates for review with ``relgraph dedupe``.

The published tie-strength formula is applied by ``api.services.knows``, which ingest/ may
not import (nor algorithms/): the caller passes it in as ``refresh_knows`` (the composition
root, the CLI, passes ``api.services.knows.refresh_knows_of``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from graph.driver import GraphClient
from graph.writing.derivations import derive_company_domains
from ingest.pipeline.report import ImportReport
from ingest.resolution.candidates import find_candidates

__all__ = [
    "CANDIDATE_FLOOR",
    "DerivationReport",
    "KnowsRefresh",
    "RefreshedTies",
    "derive_after_import",
]

CANDIDATE_FLOOR = 0.6
"""Likely duplicates scoring at least this are stored for review (``relgraph dedupe``)."""


class RefreshedTies(Protocol):
    """What a KNOWS refresh reports: how many pairs it recomputed."""

    @property
    def pairs(self) -> int: ...


class KnowsRefresh(Protocol):
    """Recomputes the KNOWS ties of the pairs ``uids`` belong to, as of ``as_of``."""

    async def __call__(
        self, client: GraphClient, uids: Iterable[str], *, as_of: datetime
    ) -> RefreshedTies: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivationReport:
    """How much each derivation changed."""

    knows_pairs: int
    company_domains: int
    duplicate_candidates: int

    def describe(self) -> str:
        """One line for a command's summary."""
        return (
            f"Derived: {self.knows_pairs:,} KNOWS ties recomputed, "
            f"{self.company_domains:,} company domains from work emails, "
            f"{self.duplicate_candidates:,} likely duplicates to review (relgraph dedupe)."
        )


async def derive_after_import(
    client: GraphClient,
    report: ImportReport,
    *,
    refresh_knows: KnowsRefresh,
    as_of: datetime | None = None,
) -> DerivationReport:
    """Run every derivation, in order, for what ``report`` says the import touched."""
    knows = await refresh_knows(client, report.touched_people, as_of=as_of or datetime.now(UTC))
    domains = await derive_company_domains(
        client, company_uids=report.touched_companies, person_uids=report.touched_people
    )
    touched = sorted(report.touched_people | report.touched_companies)
    candidates = await find_candidates(client, uids=touched, min_score=CANDIDATE_FLOOR)
    return DerivationReport(
        knows_pairs=knows.pairs,
        company_domains=domains,
        duplicate_candidates=len(candidates.candidates),
    )
