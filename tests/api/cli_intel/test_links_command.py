"""``relgraph links COMPANY``: the hidden links table, over the demo data."""

from __future__ import annotations

import pytest

from ingest.demo import DemoDataset
from tests.api.cli_intel.conftest import Intel

pytestmark = pytest.mark.neo4j


def _rows(output: str) -> list[list[str]]:
    """The first line of each table row: other company, kind, score, evidence."""
    return [
        [cell.strip() for cell in line.strip("│ ").split("│")]
        for line in output.splitlines()
        if line.startswith("│") and line.split("│")[3].strip()
    ]


def test_an_accounts_links_list_a_planted_board_member_link_with_the_other_company_and_evidence(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    names = {c.uid: c.name for c in demo_dataset.companies}
    people = {p.uid: p.full_name for p in demo_dataset.people}
    planted = next(
        link
        for link in demo_dataset.ground_truth.hidden_links
        if link.kind.value == "shared_board_member"
    )

    result = intel("links", planted.company_a, "--kind", "shared_board_member", "--limit", "100")

    assert result.exit_code == 0, result.output
    [row] = [row for row in _rows(result.output) if row[0] == names[planted.company_b]]
    assert row[1] == "shared board member" and float(row[2]) > 0
    assert people[planted.evidence] in result.output
    assert planted.company_b in result.output


def test_a_kind_filter_keeps_only_links_of_that_kind(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    family = next(
        link
        for link in demo_dataset.ground_truth.hidden_links
        if link.kind.value == "corporate_family"
    )

    output = intel("links", family.company_a, "--kind", "corporate_family").output

    assert {row[1] for row in _rows(output)} == {"corporate family"}


def test_an_account_without_links_that_strong_says_so(intel: Intel) -> None:
    result = intel("links", "Horizon Shipping PLC", "--min-confidence", "1")

    assert result.exit_code == 0, result.output
    assert "Horizon Shipping PLC has no hidden link of confidence 1.00 or more." in result.output
