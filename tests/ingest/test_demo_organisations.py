"""The demo world the generator builds: records that refer to one another, org charts,
careers, families of companies, planted hidden links and duplicates, all in its ground truth."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from ingest.demo import DemoDataset, HiddenLinkKind
from schema.enums import EmploymentRole, Label
from schema.model import make_uid
from tests.ingest.demo_data import TEST_SCALE, seeded_dataset


@pytest.fixture(scope="module")
def data() -> DemoDataset:
    return seeded_dataset()


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
