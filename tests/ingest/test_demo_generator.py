"""The seeded demo data generator as a whole: the same seed gives the same bytes, sizes
follow the scale, and the template files keep their public contract."""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ingest.demo import (
    BENCHMARK,
    SMALL,
    TEMPLATE_COLUMNS,
    DemoDataset,
    Scale,
    generate,
    read_ground_truth,
    write_templates,
)
from tests.ingest.demo_data import TEST_SCALE, seeded_dataset

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data() -> DemoDataset:
    return seeded_dataset()


def _digest(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }


# --- determinism -------------------------------------------------------------------------


def test_same_seed_gives_identical_datasets() -> None:
    assert generate(seed=3, scale=TEST_SCALE) == generate(seed=3, scale=TEST_SCALE)


def test_same_seed_gives_identical_templates(tmp_path: Path) -> None:
    first = write_templates(generate(seed=5, scale=TEST_SCALE), tmp_path / "a")
    second = write_templates(generate(seed=5, scale=TEST_SCALE), tmp_path / "b")
    assert list(first) == list(second)
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_different_seeds_give_different_data(data: DemoDataset) -> None:
    other = generate(seed=12, scale=TEST_SCALE)
    assert [c.name for c in other.companies] != [c.name for c in data.companies]
    assert [p.full_name for p in other.people] != [p.full_name for p in data.people]
    assert other.ground_truth.tie_strengths != data.ground_truth.tie_strengths


def test_output_does_not_depend_on_hash_randomisation(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from ingest.demo import Scale, generate, "
        "write_templates; write_templates(generate(seed=4, scale=Scale(name='t', "
        "companies=30, people=400, interactions=2000, deals=20, colleagues=10)), "
        "Path(sys.argv[1]))"
    )
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO_ROOT)}
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / hash_seed)],
            check=True,
            env=env,
            cwd=REPO_ROOT,
        )
    assert _digest(tmp_path / "1") == _digest(tmp_path / "2")


def test_generation_leaves_the_global_random_state_alone() -> None:
    random.seed(99)
    before = random.getstate()
    generate(seed=1, scale=TEST_SCALE)
    assert random.getstate() == before


# --- scale ---------------------------------------------------------------------------------


def test_counts_match_the_scale_exactly(data: DemoDataset) -> None:
    counts = data.counts()
    assert counts["companies"] == TEST_SCALE.companies
    assert counts["people"] == TEST_SCALE.people
    assert counts["interactions"] == TEST_SCALE.interactions
    assert counts["deals"] == TEST_SCALE.deals


def test_presets_have_the_documented_sizes() -> None:
    assert (SMALL.companies, SMALL.people, SMALL.interactions) == (300, 3_500, 35_000)
    assert (BENCHMARK.companies, BENCHMARK.people, BENCHMARK.interactions) == (
        5_000,
        100_000,
        1_000_000,
    )


@pytest.mark.parametrize(
    "sizes",
    [
        {"companies": 2, "people": 100, "interactions": 10, "deals": 1, "colleagues": 5},
        {"companies": 10, "people": 30, "interactions": 10, "deals": 1, "colleagues": 5},
        {"companies": 10, "people": 200, "interactions": 0, "deals": 1, "colleagues": 5},
    ],
)
def test_scale_rejects_impossible_sizes(sizes: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        Scale(name="bad", **sizes)


# --- templates -----------------------------------------------------------------------------


def test_template_headers_match_the_public_contract(tmp_path: Path, data: DemoDataset) -> None:
    contract = {
        "companies.csv": "company_id,name,domain,industry,parent_company_id,address,phone",
        "people.csv": "person_id,full_name,email,phone,company_id,title,department,"
        "manager_person_id,is_colleague",
        "employments.csv": "person_id,company_id,title,department,start_date,end_date,role",
        "interactions.csv": "interaction_id,kind,occurred_at,from_person_id,to_person_ids,"
        "subject,deal_id",
        "deals.csv": "deal_id,name,company_id,amount,currency,stage,probability,close_date,"
        "owner_person_id",
        "deal_contacts.csv": "deal_id,person_id,role",
    }
    written = write_templates(data, tmp_path)
    assert set(written) == set(contract) | {"ground_truth.json"}
    for name, header in contract.items():
        with written[name].open(encoding="utf-8", newline="") as stream:
            assert next(csv.reader(stream)) == header.split(",")
        assert ",".join(TEMPLATE_COLUMNS[name]) == header


def test_templates_hold_every_record_with_iso_dates_and_explicit_managers_only(
    tmp_path: Path, data: DemoDataset
) -> None:
    written = write_templates(data, tmp_path)

    def rows(name: str) -> list[dict[str, str]]:
        with written[name].open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))

    people, interactions = rows("people.csv"), rows("interactions.csv")
    assert len(people) == len(data.people) and len(interactions) == len(data.interactions)
    assert len(rows("employments.csv")) == len(data.employments)
    assert len(rows("deal_contacts.csv")) == len(data.deal_contacts)
    managers = sum(1 for row in people if row["manager_person_id"])
    assert managers == len(data.reporting_lines)
    assert all(
        datetime.fromisoformat(row["occurred_at"]).tzinfo is not None for row in interactions
    )
    multi = [row["to_person_ids"] for row in interactions if ";" in row["to_person_ids"]]
    assert multi and all(re.fullmatch(r"p-\d{6}(;p-\d{6})+", cell) for cell in multi)
    assert {row["is_colleague"] for row in people} == {"true", "false"}


def test_ground_truth_file_round_trips(tmp_path: Path, data: DemoDataset) -> None:
    written = write_templates(data, tmp_path)
    assert read_ground_truth(written["ground_truth.json"]) == data.ground_truth
