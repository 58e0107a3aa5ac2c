"""Behaviour of the seeded demo data generator and its ground truth."""

from __future__ import annotations

import csv
import hashlib
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.demo import (
    ANCHOR,
    BENCHMARK,
    SMALL,
    TEMPLATE_COLUMNS,
    DemoDataset,
    HiddenLinkKind,
    Scale,
    generate,
    read_ground_truth,
    write_templates,
)
from schema.enums import (
    DealContactRole,
    DealStage,
    EmploymentRole,
    InteractionKind,
    Label,
    ParticipantRole,
)
from schema.model import Interaction, make_uid

TEST_SCALE = Scale(
    name="test", companies=80, people=1_200, interactions=10_000, deals=80, colleagues=24
)
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data() -> DemoDataset:
    return generate(seed=11, scale=TEST_SCALE)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2
        start = end + 1
    return ranks


def _spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    mean_x, mean_y = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mean_x) * (b - mean_y) for a, b in zip(rx, ry, strict=True))
    var_x = sum((a - mean_x) ** 2 for a in rx)
    var_y = sum((b - mean_y) ** 2 for b in ry)
    return float(cov / math.sqrt(var_x * var_y))


def _pair_counts(interactions: Iterable[Interaction]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for item in interactions:
        people = sorted({p.person_uid for p in item.participants})
        for i, first in enumerate(people):
            for second in people[i + 1 :]:
                counts[(first, second)] += 1
    return counts


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


# --- references and identity -------------------------------------------------------------


def test_every_reference_points_to_a_generated_record(data: DemoDataset) -> None:
    companies = {c.uid for c in data.companies}
    people = {p.uid for p in data.people}
    deals = {d.uid for d in data.deals}
    assert all(j.person_uid in people and j.company_uid in companies for j in data.employments)
    assert all(r.person_uid in people and r.manager_uid in people for r in data.reporting_lines)
    assert all(s.child_uid in companies and s.parent_uid in companies for s in data.subsidiaries)
    assert all(
        o.person_uid in people and o.company_uid in companies for o in data.account_ownerships
    )
    assert all(d.company_uid in companies and d.owner_uid in people for d in data.deals)
    assert all(c.deal_uid in deals and c.person_uid in people for c in data.deal_contacts)
    for item in data.interactions:
        assert item.deal_uid is None or item.deal_uid in deals
        assert all(p.person_uid in people for p in item.participants)


def test_ground_truth_refers_to_generated_records(data: DemoDataset) -> None:
    truth = data.ground_truth
    companies = {c.uid for c in data.companies}
    people = {p.uid for p in data.people}
    assert truth.home_company_uid in companies
    assert set(truth.true_reports_to) | set(truth.true_reports_to.values()) <= people
    assert set(truth.seniority_rank) <= people and set(truth.empty_seats) <= companies
    assert all({t.person_a, t.person_b} <= people for t in truth.tie_strengths)
    assert all({link.company_a, link.company_b} <= companies for link in truth.hidden_links)
    assert all(
        {i.source_uid, i.target_uid, i.introducer_uid} <= people
        and i.shared_company_uid in companies
        for i in truth.planted_introductions
    )


def test_uids_derive_from_demo_provenance(data: DemoDataset) -> None:
    groups = (
        (Label.COMPANY, data.companies, r"c-\d{5}"),
        (Label.PERSON, data.people, r"p-\d{6}"),
        (Label.DEAL, data.deals, r"d-\d{5}"),
        (Label.INTERACTION, data.interactions, r"i-\d{7}"),
    )
    for label, records, pattern in groups:
        for record in records:
            assert record.provenance.source == "demo"
            assert re.fullmatch(pattern, record.provenance.source_id)
            assert record.uid == make_uid(label, record.provenance)
    assert all(re.fullmatch(r"e-\d{6}", j.provenance.source_id) for j in data.employments)
    assert all(re.fullmatch(r"r-\d{6}", r.provenance.source_id) for r in data.reporting_lines)


def test_emails_are_unique_case_insensitively(data: DemoDataset) -> None:
    emails = [p.email.casefold() for p in data.people if p.email is not None]
    assert len(emails) == len(set(emails))
    assert len(emails) > 0.8 * len(data.people)


def test_phones_are_e164(data: DemoDataset) -> None:
    phones = [c.phone for c in data.companies if c.phone] + [
        p.phone for p in data.people if p.phone
    ]
    assert phones and all(re.fullmatch(r"\+[1-9]\d{7,14}", phone) for phone in phones)


# --- home company, org charts ----------------------------------------------------------


def test_the_home_company_employs_the_colleagues_who_own_accounts_and_deals(
    data: DemoDataset,
) -> None:
    homes = [c for c in data.companies if c.is_home]
    assert len(homes) == 1 and homes[0].uid == data.ground_truth.home_company_uid
    colleagues = {p.uid for p in data.people if p.is_colleague}
    assert len(colleagues) == TEST_SCALE.colleagues
    at_home = {
        j.person_uid for j in data.employments if j.company_uid == homes[0].uid and j.end is None
    }
    assert colleagues <= at_home
    assert data.account_ownerships
    assert all(o.person_uid in colleagues for o in data.account_ownerships)
    assert all(d.owner_uid in colleagues for d in data.deals)


def test_true_reports_to_is_a_tree_inside_each_company(data: DemoDataset) -> None:
    truth = data.ground_truth
    employer = {
        j.person_uid: j.company_uid
        for j in data.employments
        if j.end is None and j.role is EmploymentRole.EMPLOYEE
    }
    for person, manager in truth.true_reports_to.items():
        assert employer[person] == employer[manager]
        assert truth.seniority_rank[person] == truth.seniority_rank[manager] + 1
    tops = [uid for uid, rank in truth.seniority_rank.items() if rank == 0]
    assert all(uid not in truth.true_reports_to for uid in tops)


def test_org_charts_are_between_three_and_six_levels_deep(data: DemoDataset) -> None:
    ranks = data.ground_truth.seniority_rank.values()
    assert max(ranks) <= 5
    assert max(ranks) >= 3


def test_some_reporting_lines_are_withheld_from_the_explicit_export(data: DemoDataset) -> None:
    truth = data.ground_truth
    explicit = {(r.person_uid, r.manager_uid) for r in data.reporting_lines}
    assert explicit <= set(truth.true_reports_to.items())
    assert {person for person, _ in explicit} == {
        person for person, shown in truth.explicit_reports_to.items() if shown
    }
    share = len(explicit) / len(truth.true_reports_to)
    assert 0.4 < share < 0.8
    assert truth.withheld_reports_to()


def test_empty_seats_are_really_empty(data: DemoDataset) -> None:
    chief_titles = {
        "CFO": {"CFO", "Chief Financial Officer", "首席财务官"},
        "CTO": {"CTO", "Chief Technology Officer", "首席技术官"},
    }
    seats = data.ground_truth.empty_seats
    assert seats
    titles: dict[str, set[str]] = {}
    for job in data.employments:
        if job.end is None and job.role is EmploymentRole.EMPLOYEE and job.title:
            titles.setdefault(job.company_uid, set()).add(job.title)
    for company, missing in seats.items():
        for seat in missing:
            assert not chief_titles.get(seat, set()) & titles[company]


def test_chinese_titles_appear(data: DemoDataset) -> None:
    titles = {p.title for p in data.people if p.title}
    assert titles & {"总经理", "总裁", "首席执行官"}
    assert any(t.endswith(("经理", "主管", "总监")) for t in titles)
    assert any(c.name.endswith("有限公司") for c in data.companies)
    assert any(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", p.full_name) for p in data.people)


def test_english_titles_appear(data: DemoDataset) -> None:
    titles = {p.title for p in data.people if p.title}
    assert titles & {"CEO", "Chief Executive Officer", "Founder & CEO", "President & CEO"}
    assert any("Engineer" in t for t in titles)


# --- careers, families, hidden links -----------------------------------------------------


def test_some_people_changed_jobs(data: DemoDataset) -> None:
    movers = {
        j.person_uid
        for j in data.employments
        if j.end is not None and j.role is EmploymentRole.EMPLOYEE
    }
    assert 0.07 < len(movers) / len(data.people) < 0.2


def test_board_seats_are_held_by_people_employed_elsewhere(data: DemoDataset) -> None:
    employer = {
        j.person_uid: j.company_uid
        for j in data.employments
        if j.end is None and j.role is EmploymentRole.EMPLOYEE
    }
    board = [j for j in data.employments if j.role is EmploymentRole.BOARD_MEMBER]
    assert board
    assert all(employer[j.person_uid] != j.company_uid for j in board)


def test_hidden_links_cover_every_planted_kind_with_evidence(data: DemoDataset) -> None:
    links = data.ground_truth.hidden_links
    kinds = {link.kind for link in links}
    assert {
        HiddenLinkKind.CORPORATE_FAMILY,
        HiddenLinkKind.FORMER_EMPLOYEE,
        HiddenLinkKind.SHARED_BOARD_MEMBER,
        HiddenLinkKind.SHARED_ADDRESS,
        HiddenLinkKind.SHARED_PHONE,
        HiddenLinkKind.SHARED_DOMAIN,
    } <= kinds
    companies = {c.uid: c for c in data.companies}
    jobs = {(j.person_uid, j.company_uid) for j in data.employments}
    for link in links:
        a, b = companies[link.company_a], companies[link.company_b]
        assert link.company_a < link.company_b
        if link.kind is HiddenLinkKind.SHARED_PHONE:
            assert a.phone == b.phone == link.evidence
        if link.kind in (HiddenLinkKind.FORMER_EMPLOYEE, HiddenLinkKind.SHARED_BOARD_MEMBER):
            assert (link.evidence, a.uid) in jobs and (link.evidence, b.uid) in jobs


def test_subsidiaries_form_families_of_one_to_four_children(data: DemoDataset) -> None:
    children = Counter(s.parent_uid for s in data.subsidiaries)
    assert children and all(1 <= n <= 4 for n in children.values())
    assert not set(children) & {s.child_uid for s in data.subsidiaries}


# --- duplicates ----------------------------------------------------------------------------


def test_duplicates_in_ground_truth_exist_in_the_data(data: DemoDataset) -> None:
    truth = data.ground_truth
    companies = {c.uid: c for c in data.companies}
    people = {p.uid: p for p in data.people}
    assert truth.duplicate_companies and truth.duplicate_people
    for pair in truth.duplicate_companies:
        assert companies[pair.original_uid].name != companies[pair.duplicate_uid].name
    for pair in truth.duplicate_people:
        person, twin = people[pair.original_uid], people[pair.duplicate_uid]
        assert person.full_name != twin.full_name
        assert (
            twin.email is None
            or person.email is None
            or (twin.email.casefold() != person.email.casefold())
        )


def test_duplicate_people_sometimes_share_a_phone_with_the_original(data: DemoDataset) -> None:
    people = {p.uid: p for p in data.people}
    shared = [
        pair
        for pair in data.ground_truth.duplicate_people
        if people[pair.duplicate_uid].phone is not None
        and people[pair.duplicate_uid].phone == people[pair.original_uid].phone
    ]
    assert shared


# --- deals ---------------------------------------------------------------------------------


def test_won_deals_have_probability_one(data: DemoDataset) -> None:
    for deal in data.deals:
        if deal.stage is DealStage.CLOSED_WON:
            assert deal.probability == 1.0
        elif deal.stage is DealStage.CLOSED_LOST:
            assert deal.probability == 0.0
        else:
            assert deal.probability is not None and 0.0 < deal.probability < 1.0


def test_deals_cover_every_pipeline_stage_in_known_currencies(data: DemoDataset) -> None:
    assert {d.stage for d in data.deals} == set(DealStage)
    assert {d.currency for d in data.deals} <= {"USD", "EUR", "GBP", "CNY"}
    assert all(d.amount is not None and d.amount > 0 for d in data.deals)


def test_closed_deals_closed_before_the_anchor_and_open_ones_after(data: DemoDataset) -> None:
    for deal in data.deals:
        assert deal.close_date is not None
        closed = deal.stage in (DealStage.CLOSED_WON, DealStage.CLOSED_LOST)
        assert (deal.close_date <= ANCHOR) == closed


def test_decision_makers_are_senior(data: DemoDataset) -> None:
    rank = data.ground_truth.seniority_rank
    deciders = [c for c in data.deal_contacts if c.role is DealContactRole.DECISION_MAKER]
    assert len(deciders) == len(data.deals)
    assert all(rank[c.person_uid] <= 2 for c in deciders)


def test_some_interactions_are_about_a_deal_and_involve_its_contacts(data: DemoDataset) -> None:
    committee: dict[str, set[str]] = {}
    for contact in data.deal_contacts:
        committee.setdefault(contact.deal_uid, set()).add(contact.person_uid)
    about = [item for item in data.interactions if item.deal_uid is not None]
    assert about
    involved = [
        item
        for item in about
        if {p.person_uid for p in item.participants} & committee[str(item.deal_uid)]
    ]
    assert len(involved) > 0.8 * len(about)


# --- interactions and ties -----------------------------------------------------------------


def test_interactions_are_utc_within_the_window_and_numbered_chronologically(
    data: DemoDataset,
) -> None:
    start = datetime.combine(
        ANCHOR - timedelta(days=365 * TEST_SCALE.years), datetime.min.time(), tzinfo=UTC
    )
    end = datetime.combine(ANCHOR + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    times = [item.occurred_at for item in data.interactions]
    assert all(t.tzinfo is UTC and start <= t < end for t in times)
    assert times == sorted(times)
    assert {item.kind for item in data.interactions} == set(InteractionKind)


def test_every_interaction_has_a_sender_and_a_recipient(data: DemoDataset) -> None:
    senders = {ParticipantRole.FROM, ParticipantRole.ORGANIZER}
    for item in data.interactions:
        roles = [p.role for p in item.participants]
        assert len(roles) >= 2 and sum(role in senders for role in roles) == 1


def test_interaction_counts_follow_latent_tie_strength(data: DemoDataset) -> None:
    counts = _pair_counts(data.interactions)
    ties = data.ground_truth.tie_strengths
    strengths = [tie.strength for tie in ties]
    observed = [float(counts[(tie.person_a, tie.person_b)]) for tie in ties]
    assert _spearman(strengths, observed) > 0.5


def test_strong_ties_are_reciprocal_and_weak_ones_mostly_one_way(data: DemoDataset) -> None:
    sent: Counter[tuple[str, str]] = Counter()
    for item in data.interactions:
        if item.kind in (InteractionKind.EMAIL, InteractionKind.MESSAGE):
            sender = item.participants[0].person_uid
            for p in item.participants[1:]:
                if p.role is ParticipantRole.TO:
                    sent[(sender, p.person_uid)] += 1

    def reciprocity(low: float, high: float) -> float:
        shares = []
        for tie in data.ground_truth.tie_strengths:
            ab, ba = sent[(tie.person_a, tie.person_b)], sent[(tie.person_b, tie.person_a)]
            if low <= tie.strength <= high and ab + ba >= 1:
                shares.append(min(ab, ba) / (ab + ba))
        return sum(shares) / len(shares)

    assert reciprocity(0.6, 1.0) > reciprocity(0.0, 0.3) + 0.1


def test_ties_that_went_cold_stop_interacting(data: DemoDataset) -> None:
    cold = {
        (t.person_a, t.person_b): t.cold_since
        for t in data.ground_truth.tie_strengths
        if t.cold_since is not None
    }
    assert cold
    for item in data.interactions:
        if len(item.participants) != 2:
            continue
        pair = _pair(item.participants[0].person_uid, item.participants[1].person_uid)
        since = cold.get(pair)
        assert since is None or item.occurred_at.date() <= since


def test_people_interact_with_their_managers(data: DemoDataset) -> None:
    counts = _pair_counts(data.interactions)
    lines = data.ground_truth.true_reports_to.items()
    touched = sum(1 for person, manager in lines if counts[_pair(person, manager)])
    assert touched > 0.6 * len(lines)


def test_planted_introductions_are_the_only_warm_path(data: DemoDataset) -> None:
    truth = data.ground_truth
    strength = {(t.person_a, t.person_b): t.strength for t in truth.tie_strengths}
    colleagues = {p.uid for p in data.people if p.is_colleague}
    counts = _pair_counts(data.interactions)
    assert truth.planted_introductions
    for intro in truth.planted_introductions:
        source, target, introducer = intro.source_uid, intro.target_uid, intro.introducer_uid
        assert source in colleagues and target not in colleagues
        best = min(strength[_pair(source, introducer)], strength[_pair(introducer, target)])
        assert best >= 0.9
        assert _pair(source, target) not in strength
        assert not any(_pair(c, target) in strength for c in colleagues)
        assert counts[_pair(source, target)] == 0
        others = [
            min(strength.get(_pair(source, x), 0.0), strength.get(_pair(x, target), 0.0))
            for x in {p.uid for p in data.people} - {introducer}
        ]
        assert max(others) < best


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
