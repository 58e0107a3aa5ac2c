"""What an import triggers afterwards, only for the people and companies it touched:
KNOWS ties recomputed through the published formula, company domains derived from work
emails, and fuzzy duplicate candidates for review with ``relgraph dedupe``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from api.services.knows import refresh_knows_of
from graph.driver import GraphClient
from graph.writing.derivations import derive_company_domains
from ingest.pipeline.report import ImportReport
from ingest.resolution.candidates import find_candidates

CANDIDATE_FLOOR = 0.6
"""Likely duplicates scoring at least this are stored for review (``relgraph dedupe``)."""

__all__ = ["DerivationReport", "derive_after_import"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivationReport:
    """How much each derivation changed."""

    knows_pairs: int
    company_domains: int
    duplicate_candidates: int

    def describe(self) -> str:
        """One line for the command's summary."""
        return (
            f"Derived: {self.knows_pairs:,} KNOWS ties recomputed, "
            f"{self.company_domains:,} company domains from work emails, "
            f"{self.duplicate_candidates:,} likely duplicates to review (relgraph dedupe)."
        )


async def derive_after_import(
    client: GraphClient, report: ImportReport, *, as_of: datetime | None = None
) -> DerivationReport:
    """Run every derivation for what ``report`` says the import touched."""
    knows = await refresh_knows_of(client, report.touched_people, as_of=as_of or datetime.now(UTC))
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
