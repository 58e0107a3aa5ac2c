"""What an import derives afterwards, only for what it touched, on a real graph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from graph.driver import GraphClient
from ingest.derivations import DerivationReport, derive_after_import
from ingest.source_rows import Entity
from tests.ingest.importing import import_items, row

pytestmark = pytest.mark.neo4j
AS_OF = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class _Refreshed:
    pairs: int


class _RecordingRefresh:
    """Stands in for ``api.services.knows.refresh_knows_of``; records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], datetime]] = []

    async def __call__(
        self, client: GraphClient, uids: Iterable[str], *, as_of: datetime
    ) -> _Refreshed:
        self.calls.append((sorted(uids), as_of))
        return _Refreshed(pairs=7)


async def test_derivations_run_for_the_people_and_companies_the_import_touched(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(Entity.COMPANY, 2, company_id="c1", name="Globex"),
        row(Entity.PERSON, 2, person_id="p1", full_name="Ana Lima", email="ana@globex.io",
            company_id="c1"),
        row(Entity.PERSON, 3, person_id="p2", full_name="Bo Chen", email="bo@globex.io",
            company_id="c1"),
    ]  # fmt: skip
    report, _ = await import_items(clean_graph, items, tmp_path / "rejects.csv")
    refresh = _RecordingRefresh()

    derived = await derive_after_import(clean_graph, report, refresh_knows=refresh, as_of=AS_OF)

    assert refresh.calls == [(["person:csv:p1", "person:csv:p2"], AS_OF)]
    assert derived == DerivationReport(knows_pairs=7, company_domains=1, duplicate_candidates=0)
    [company] = await clean_graph.read("MATCH (c:Company {uid: 'company:csv:c1'}) RETURN c.domain")
    assert company["c.domain"] == "globex.io"


def test_the_summary_line_names_each_derivation() -> None:
    derived = DerivationReport(knows_pairs=1200, company_domains=3, duplicate_candidates=0)

    assert derived.describe() == (
        "Derived: 1,200 KNOWS ties recomputed, 3 company domains from work emails, "
        "0 likely duplicates to review (relgraph dedupe)."
    )
