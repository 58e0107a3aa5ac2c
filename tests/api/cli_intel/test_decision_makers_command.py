"""``relgraph decision-makers COMPANY``: the ranked table, over the demo data."""

from __future__ import annotations

import asyncio

import pytest

from api.services.org import OrgService
from graph.driver import GraphClient
from tests.api.cli_intel.conftest import Intel

pytestmark = pytest.mark.neo4j

ACCOUNT = "Prairie Mobility LLC"
ACCOUNT_UID = "company:demo:c-00152"


def _rows(output: str) -> list[list[str]]:
    """The first line of each table row: its cells, stripped."""
    return [
        [cell.strip() for cell in line.strip("│ ").split("│")]
        for line in output.splitlines()
        if line.startswith("│") and line.split("│")[1].strip().isdigit()
    ]


async def test_the_table_ranks_the_accounts_people_with_score_title_and_the_largest_term_first(
    intel: Intel, demo_client: GraphClient
) -> None:
    ranking = await OrgService(demo_client).decision_makers(ACCOUNT_UID, limit=5)
    assert ranking is not None

    result = await asyncio.to_thread(intel, "decision-makers", ACCOUNT, "--limit", "5")

    assert result.exit_code == 0, result.output
    assert f"Decision-makers at {ACCOUNT}" in result.output
    expected = []
    for d in ranking.ranked:
        person = ranking.people[d.person]
        top = max(d.terms, key=lambda t: t.contribution)
        expected.append(
            [
                str(d.rank),
                f"{d.score:.2f}",
                person.name,
                person.title or "-",
                f"+{top.contribution:.2f} {top.name}: {top.explanation.split(': ')[0]}",
            ]
        )
    assert _rows(result.output) == expected


def test_verbose_shows_every_term_even_those_adding_nothing(intel: Intel) -> None:
    short = intel("decision-makers", ACCOUNT, "--limit", "3").output
    full = intel("decision-makers", ACCOUNT, "--limit", "3", "--verbose").output

    assert full.count("+0.00 ") > short.count("+0.00 ")
    assert "how often the account's people reach each other" in full


def test_a_limit_beyond_the_maximum_is_refused_before_anything_is_read(intel: Intel) -> None:
    result = intel("decision-makers", ACCOUNT, "--limit", "101")

    assert result.exit_code == 2
    assert "Traceback" not in result.output
