"""The importer against the real Neo4j: every rejected row reported with its reasons, and
what a dry run and a reader's problems do."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.driver import GraphClient
from ingest.source_rows import Origin, SourceItem, SourceProblem
from schema.import_rows import ImportKind
from tests.ingest.graph_content import label_counts
from tests.ingest.importing import import_items, row
from tests.ingest.small_crm import IX, C, D, E, P, small_crm

pytestmark = pytest.mark.neo4j


async def test_rows_with_bad_values_are_rejected_with_every_reason(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="p1", full_name="Ana", email="ana(at)acme.com", is_colleague="maybe"),
        row(
            D,
            3,
            deal_id="d1",
            name="X",
            amount="-5",
            currency="euro",
            stage="won-ish",
            probability="140%",
            close_date="31/12/2026",
        ),
        row(E, 4, person_id="p1", company_id="c1", start_date="2024-05-01", end_date="2023-01-01"),
        row(IX, 5, interaction_id="i1", kind="fax", occurred_at="yesterday", from_email="a@b.co"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"]) for r in rejects] == [
        ("2", "email"),
        ("2", "is_colleague"),
        ("3", "amount"),
        ("3", "currency"),
        ("3", "stage"),
        ("3", "probability"),
        ("3", "close_date"),
        ("4", "end_date"),
        ("5", "kind"),
        ("5", "occurred_at"),
    ]
    assert rejects[0]["reason"] == "not a valid email address"
    assert rejects[6]["reason"] == "not an ISO 8601 date (YYYY-MM-DD)"
    assert report.rejected == 4
    assert await label_counts(clean_graph) == {}


async def test_an_unreadable_phone_is_reported_and_the_row_kept(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [row(P, 2, person_id="p1", full_name="Ana", phone="call me maybe")]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["column"], r["value"], r["outcome"]) for r in rejects] == [
        ("phone", "call me maybe", "value ignored")
    ]
    assert report.rejected == 0 and report.values_ignored == 1
    assert report.kind(ImportKind.PERSON).created == 1


async def test_one_new_email_twice_in_one_batch_makes_one_person(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="a", full_name="Ana", email="ana@x.org"),
        row(P, 3, person_id="b", full_name="Ana L.", email="Ana@X.org"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv", batch_size=50)
    assert rejects == []
    counts = report.kind(ImportKind.PERSON)
    assert (counts.created, counts.updated) == (1, 1)
    assert (await label_counts(clean_graph))["Person"] == 1


async def test_a_reporting_cycle_inside_one_batch_is_refused_for_the_row_closing_it(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items = [
        row(P, 2, person_id="a", full_name="A", manager_person_id="b"),
        row(P, 3, person_id="b", full_name="B", manager_person_id="c"),
        row(P, 4, person_id="c", full_name="C", manager_person_id="a"),
    ]
    report, rejects = await import_items(clean_graph, items, tmp_path / "r.csv")
    assert [(r["line"], r["column"], r["reason"]) for r in rejects] == [
        ("4", "manager_person_id", "manager_person_id 'a' would close a reporting cycle"),
    ]
    assert report.kind(ImportKind.REPORTING_LINE).created == 2


async def test_a_dry_run_validates_and_writes_nothing(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    items: list[SourceItem] = [*small_crm(), row(C, 9, company_id="c1", name="Again")]
    report, rejects = await import_items(None, items, tmp_path / "r.csv")
    assert report.dry_run
    assert [r["line"] for r in rejects] == ["9"]
    assert report.kind(ImportKind.COMPANY).valid == 2
    assert report.kind(ImportKind.INTERACTION).valid == 2
    assert await label_counts(clean_graph) == {}


async def test_a_problem_from_a_reader_is_reported_as_it_came(
    clean_graph: GraphClient, tmp_path: Path
) -> None:
    problem = SourceProblem(Origin("x.csv", 4), "9 values for 7 columns", None, "a,b")
    report, rejects = await import_items(clean_graph, [problem], tmp_path / "r.csv")
    assert report.rejected == 1
    assert rejects[0]["reason"] == "9 values for 7 columns"
