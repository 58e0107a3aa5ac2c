"""Hidden links of people, shared identifiers and corporate families on hand-built company
graphs, each confidence worked out by hand from the published rules."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from schema.enums import EmploymentRole, HiddenLinkKind, Label
from tests.algorithms.hidden_links.link_graphs import AS_OF, LinkGraph, links_of, only

K = HiddenLinkKind
BOARD, ADVISOR, INVESTOR = (
    EmploymentRole.BOARD_MEMBER,
    EmploymentRole.ADVISOR,
    EmploymentRole.INVESTOR,
)


# -- people ------------------------------------------------------------------------------


def test_a_person_employed_at_both_companies_now_is_a_shared_current_person() -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech", start=date(2024, 3, 1))

    link = only(build, K.SHARED_CURRENT_PEOPLE)

    assert (link.company_a, link.company_b) == ("acme", "initech")
    assert link.confidence == pytest.approx(0.6)
    [evidence] = link.evidence
    assert evidence.person_uid == "ann"
    assert [(t.company_uid, t.start) for t in evidence.tenures] == [
        ("acme", date(2020, 1, 1)),
        ("initech", date(2024, 3, 1)),
    ]
    assert link.reason == (
        "Ann works at Acme (since 2020-01-01) and works at Initech (since 2024-03-01)"
    )


def test_each_further_person_adds_a_chance_by_noisy_or() -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech")
    build.job("bob", "acme").job("bob", "initech")

    link = only(build, K.SHARED_CURRENT_PEOPLE)

    assert link.confidence == pytest.approx(1 - 0.4 * 0.4)
    assert link.evidence_count == 2
    assert link.reason.endswith("(and 1 more)")


@pytest.mark.parametrize(
    ("role", "kind", "confidence", "verb"),
    [
        (BOARD, K.SHARED_BOARD_MEMBER, 0.7, "sits on the board of"),
        (ADVISOR, K.SHARED_ADVISOR, 0.55, "advises"),
        (INVESTOR, K.SHARED_INVESTOR, 0.6, "invests in"),
    ],
)
def test_a_current_seat_at_one_company_types_the_link_by_the_seat(
    role: EmploymentRole, kind: HiddenLinkKind, confidence: float, verb: str
) -> None:
    build = LinkGraph().job("ann", "acme").job("ann", "initech", role=role)

    link = only(build, kind)

    assert link.confidence == pytest.approx(confidence)
    assert f"{verb} Initech" in link.reason
    assert not [x for x in links_of(build) if x.kind is K.SHARED_CURRENT_PEOPLE]


def test_a_board_seat_outranks_an_advisory_seat_on_the_other_side() -> None:
    build = LinkGraph().job("ann", "acme", role=ADVISOR).job("ann", "initech", role=BOARD)

    assert only(build, K.SHARED_BOARD_MEMBER).confidence == pytest.approx(0.7)


@pytest.mark.parametrize("left", [date(2026, 6, 29), date(2024, 6, 29), date(2020, 6, 29)])
def test_a_former_employee_counts_less_the_longer_ago_they_moved(left: date) -> None:
    build = LinkGraph().job("bob", "acme", start=date(2015, 1, 1), end=left)
    build.job("bob", "initech", start=left + timedelta(days=1))

    link = only(build, K.FORMER_EMPLOYEE)

    years = (AS_OF - left).days / 365.25
    assert link.confidence == pytest.approx(0.35 + 0.25 * 0.5 ** (years / 2))
    assert link.reason == (
        f"Bob worked at Acme (2015-01-01 to {left.isoformat()}) and now works at Initech "
        f"(since {(left + timedelta(days=1)).isoformat()})"
    )


def test_overlapping_jobs_add_to_a_former_employee_link_and_are_noted() -> None:
    build = LinkGraph().job("bob", "acme", start=date(2015, 1, 1), end=date(2024, 6, 30))
    build.job("bob", "initech", start=date(2024, 1, 1))

    link = only(build, K.FORMER_EMPLOYEE)

    years = (AS_OF - date(2024, 6, 30)).days / 365.25
    assert link.confidence == pytest.approx(0.35 + 0.25 * 0.5 ** (years / 2) + 0.1)
    assert link.reason.endswith("the two jobs overlapped")


@pytest.mark.parametrize(
    "jobs",
    [
        # an ended board seat and a current job
        [("acme", BOARD, date(2020, 1, 1), date(2023, 1, 1)), ("initech", None, None, None)],
        # two ended jobs
        [("acme", None, None, date(2022, 1, 1)), ("initech", None, None, date(2024, 1, 1))],
        # a former employee who now only sits on the other's board
        [("acme", None, None, date(2022, 1, 1)), ("initech", BOARD, None, None)],
        # a job that has not started yet
        [("acme", None, None, None), ("initech", None, date(2027, 1, 1), None)],
    ],
)
def test_people_who_are_not_at_both_now_and_did_not_move_link_nothing(
    jobs: list[tuple[str, EmploymentRole | None, date | None, date | None]],
) -> None:
    build = LinkGraph()
    for company, role, start, end in jobs:
        build.job(
            "cat",
            company,
            role=role or EmploymentRole.EMPLOYEE,
            start=start or date(2019, 1, 1),
            end=end,
        )

    assert links_of(build) == []


# -- shared identifiers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind", "base"),
    [
        (Label.DOMAIN, K.SHARED_DOMAIN, 0.8),
        (Label.PHONE, K.SHARED_PHONE, 0.7),
        (Label.ADDRESS, K.SHARED_ADDRESS, 0.6),
    ],
)
def test_two_companies_sharing_an_identifier_get_its_full_weight(
    label: Label, kind: HiddenLinkKind, base: float
) -> None:
    build = LinkGraph().company("acme").company("zenith")
    build.identifier(label, "x-1", "acme", "zenith")

    link = only(build, kind)

    assert link.confidence == pytest.approx(base)
    assert (link.evidence[0].value, link.evidence[0].shared_by) == ("x-1", 2)


def test_an_identifier_shared_by_many_companies_is_discounted() -> None:
    build = LinkGraph().identifier(Label.ADDRESS, "1 Hub Sq", "a", "b", "c")

    found = [link for link in links_of(build) if link.kind is K.SHARED_ADDRESS]

    assert len(found) == 3
    assert {round(link.confidence, 4) for link in found} == {round(0.6 / math.sqrt(2), 4)}
    assert "(3 companies share it)" in found[0].reason


def test_the_projection_s_count_of_holders_wins_over_the_holders_it_loaded() -> None:
    build = LinkGraph().identifier(Label.ADDRESS, "1 Hub Sq", "a", "b", shared_by=10)

    assert only(build, K.SHARED_ADDRESS).confidence == pytest.approx(0.6 / 3)


def test_free_mail_domains_count_a_tenth_and_very_common_values_nothing() -> None:
    build = LinkGraph().identifier(Label.DOMAIN, "gmail.com", "a", "b", common=True)
    build.identifier(Label.PHONE, "+1 555", "a", "b", shared_by=51)

    [link] = links_of(build)

    assert link.kind is K.SHARED_DOMAIN
    assert link.confidence == pytest.approx(0.08)
    assert "free-mail" in link.reason


def test_two_shared_phones_combine_by_noisy_or() -> None:
    build = (
        LinkGraph().identifier(Label.PHONE, "+1", "a", "b").identifier(Label.PHONE, "+2", "a", "b")
    )

    link = only(build, K.SHARED_PHONE)

    assert link.confidence == pytest.approx(1 - 0.3 * 0.3)
    assert {e.value for e in link.evidence} == {"+1", "+2"}


# -- corporate families -------------------------------------------------------------------


def test_a_family_chain_links_every_relative_by_its_distance() -> None:
    build = LinkGraph().parent("mid", "top").parent("leaf", "mid").parent("side", "top")

    found = {
        (link.company_a, link.company_b): link
        for link in links_of(build)
        if link.kind is K.CORPORATE_FAMILY
    }

    expected = {
        ("mid", "top"): (0.95, "top"),
        ("side", "top"): (0.95, "top"),
        ("leaf", "mid"): (0.95, "mid"),
        ("leaf", "top"): (0.95 * 0.9, "top"),
        ("mid", "side"): (0.95 * 0.9, "top"),
        ("leaf", "side"): (0.95 * 0.9**2, "top"),
    }
    assert {
        pair: (round(link.confidence, 6), link.evidence[0].company_uid)
        for pair, link in found.items()
    } == {pair: (round(c, 6), parent) for pair, (c, parent) in expected.items()}
    assert found[("mid", "side")].reason == "Mid and Side are both subsidiaries of Top"
    assert found[("leaf", "top")].reason == "Leaf is 2 levels below of Top"


def test_a_company_sharing_an_address_with_a_subsidiary_is_linked_to_the_family_top() -> None:
    build = LinkGraph().parent("sub", "top").identifier(Label.ADDRESS, "1 Main", "sub", "outsider")

    family = [link for link in links_of(build) if link.kind is K.CORPORATE_FAMILY]

    to_top = next(link for link in family if "outsider" in (link.company_a, link.company_b))
    assert (to_top.company_a, to_top.company_b) == ("outsider", "top")
    assert to_top.confidence == pytest.approx(0.5 * 0.6)
    assert to_top.evidence[0].company_uid == "sub"
    assert only(build, K.SHARED_ADDRESS).confidence == pytest.approx(0.6)


def test_a_subsidiary_cycle_in_bad_data_ends() -> None:
    build = LinkGraph().parent("a", "b").parent("b", "a")

    link = only(build, K.CORPORATE_FAMILY)

    assert link.confidence == pytest.approx(0.95)
