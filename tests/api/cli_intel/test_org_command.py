"""``relgraph org COMPANY``: an account's org chart as a tree, over the demo data."""

from __future__ import annotations

import asyncio
import re

import pytest

from api.services.org import OrgService
from graph.driver import GraphClient
from ingest.demo import DemoDataset
from schema.enums import LineSource
from tests.api.cli_intel.conftest import Intel

pytestmark = pytest.mark.neo4j

ACCOUNT = "Prairie Mobility LLC"  # 36 people today, three subsidiaries, inferred lines
ACCOUNT_UID = "company:demo:c-00152"
PERSON_LINE = re.compile(r" · L\d")


async def test_the_tree_has_one_line_per_person_and_its_summary_counts_them(
    intel: Intel, demo_client: GraphClient
) -> None:
    chart = await OrgService(demo_client).org_chart(ACCOUNT_UID)
    assert chart is not None

    result = await asyncio.to_thread(intel, "org", ACCOUNT)

    assert result.exit_code == 0, result.output
    people = len(chart.chart.positions)
    assert len([line for line in result.output.splitlines() if PERSON_LINE.search(line)]) == people
    assert f"{people} people on {chart.chart.levels} levels" in result.output
    assert result.output.splitlines()[0].startswith(ACCOUNT)


async def test_an_inferred_line_is_marked_with_confidence_and_reason_an_explicit_one_is_plain(
    intel: Intel, demo_client: GraphClient
) -> None:
    found = await OrgService(demo_client).org_chart(ACCOUNT_UID)
    assert found is not None
    names = found.projection.people_by_uid()
    lines = {
        kind: next(
            (uid, p.line)
            for uid, p in sorted(found.chart.positions.items())
            if p.line is not None and p.line.kind is kind
        )
        for kind in LineSource
    }

    output = (await asyncio.to_thread(intel, "org", ACCOUNT)).output

    inferred_uid, inferred = lines[LineSource.INFERRED]
    [row] = [line for line in output.splitlines() if f" {names[inferred_uid].name} " in line]
    assert f"~ {names[inferred_uid].name}" in row
    assert f"inferred {inferred.confidence:.2f}: {inferred.reason.split(', ')[0]}" in row
    explicit_uid, _ = lines[LineSource.EXPLICIT]
    [row] = [line for line in output.splitlines() if f" {names[explicit_uid].name} " in line]
    assert "~" not in row and "inferred" not in row


def test_with_subsidiaries_one_chart_spans_the_family_each_head_under_the_parents_top(
    intel: Intel,
) -> None:
    result = intel("org", ACCOUNT, "--subsidiaries")

    assert result.exit_code == 0, result.output
    assert "4 companies" in result.output
    heads = [line for line in result.output.splitlines() if "@ Prairie Mobility S.A." in line]
    assert heads and "inferred" in heads[0]


def test_a_depth_limit_folds_the_levels_below_it_and_says_how_many_are_hidden(
    intel: Intel,
) -> None:
    output = intel("org", ACCOUNT, "--depth", "1").output

    assert re.search(r"… \d+ more below \(--depth\)", output)
    assert not re.search(r" · L2", output)


def test_a_chart_as_of_a_day_before_anyone_joined_is_empty(intel: Intel) -> None:
    result = intel("org", ACCOUNT, "--as-of", "1990-01-01")

    assert result.exit_code == 0, result.output
    assert "org chart on 1990-01-01" in result.output
    assert "0 people" in result.output


def test_an_inferred_line_below_the_minimum_confidence_is_left_out(intel: Intel) -> None:
    every = intel("org", ACCOUNT).output
    confident = intel("org", ACCOUNT, "--min-confidence", "0.9").output

    count = re.compile(r"(\d+) inferred")
    assert int(count.findall(confident)[0]) < int(count.findall(every)[0])
    assert "inferred (at least 0.90)" in confident


def test_the_seats_nobody_holds_hang_under_the_top_as_empty_boxes(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    planted = demo_dataset.ground_truth.empty_seats["company:demo:c-00015"]  # Prairie Capital

    output = intel("org", "Prairie Capital S.A.").output

    for seat in planted:
        assert f"□ empty seat: {seat}" in output
    assert f"{len(planted)} empty seats" in output
