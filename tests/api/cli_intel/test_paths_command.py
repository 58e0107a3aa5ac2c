"""``relgraph paths FROM TO``: warm-introduction paths, over the demo data, whose ground truth
plants introductions (a colleague, a target nobody of ours knows, the best introducer)."""

from __future__ import annotations

import pytest

from ingest.demo import DemoDataset
from ingest.demo.truth.ground_truth import PlantedIntroduction
from tests.api.cli_intel.conftest import Intel

pytestmark = pytest.mark.neo4j


def _planted(dataset: DemoDataset) -> tuple[PlantedIntroduction, dict[str, str]]:
    names = {p.uid: p.full_name for p in dataset.people}
    return dataset.ground_truth.planted_introductions[0], names


def test_from_the_team_the_planted_introducers_path_is_drawn_hop_by_hop_with_evidence(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    planted, names = _planted(demo_dataset)
    source, introducer, target = (
        names[planted.source_uid],
        names[planted.introducer_uid],
        names[planted.target_uid],
    )

    result = intel("paths", "team", planted.target_uid)

    assert result.exit_code == 0, result.output
    assert f"Ways in from the team to {target}" in result.output
    assert f"{source} → {introducer} → {target}" in result.output
    hops = [line for line in result.output.splitlines() if "─▶" in line]
    assert any(f"{introducer}" in h and f"▶ {target}" in h for h in hops)
    company = next(c.name for c in demo_dataset.companies if c.uid == planted.shared_company_uid)
    assert f"({company})" in result.output  # where introducer and target worked together


def test_from_the_planted_colleague_by_name_the_first_path_goes_through_the_introducer(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    planted, names = _planted(demo_dataset)

    result = intel("paths", names[planted.source_uid], planted.target_uid, "-k", "1")

    assert result.exit_code == 0, result.output
    assert "1. score" in result.output
    assert f"→ {names[planted.introducer_uid]} →" in result.output
    assert "1 path of at most 4 hops" in result.output


def test_excluding_the_introducer_takes_every_path_around_them(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    planted, names = _planted(demo_dataset)

    result = intel("paths", "me", planted.target_uid, "--exclude", planted.introducer_uid)

    assert result.exit_code == 0, result.output
    assert f" {names[planted.introducer_uid]} " not in result.output


def test_when_nobody_of_ours_knows_the_target_there_is_no_path_within_one_hop(
    intel: Intel, demo_dataset: DemoDataset
) -> None:
    planted, names = _planted(demo_dataset)

    result = intel("paths", "team", planted.target_uid, "--max-hops", "1")

    assert result.exit_code == 0, result.output
    assert f"No path within 1 hop from the team to {names[planted.target_uid]}" in result.output
    assert "Try --max-hops 2" in result.output


def test_to_a_company_the_paths_reach_its_current_people_weighted_by_seniority(
    intel: Intel,
) -> None:
    result = intel("paths", "team", "Prairie Mobility LLC", "-k", "2")

    assert result.exit_code == 0, result.output
    assert "Ways in from the team to Prairie Mobility LLC (its current people)" in result.output
    assert "target weight" in result.output


def test_a_company_other_than_ours_cannot_be_where_paths_start(intel: Intel) -> None:
    result = intel("paths", "Horizon Shipping PLC", "Prairie Mobility LLC")

    assert result.exit_code == 1
    assert "error: from must be a Person or the home Company" in result.output
