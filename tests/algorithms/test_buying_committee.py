"""Buying-committee coverage and the best introducer, on committees checked by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from algorithms.buying_committee import (
    CommitteeCandidate,
    Introduction,
    best_introducer,
    buying_committee,
)
from schema.enums import DealContactRole, Department, Seniority

S, D, R = Seniority, Department, DealContactRole


def person(uid: str, score: float, seniority: Seniority, dept: Department) -> CommitteeCandidate:
    return CommitteeCandidate(person=uid, score=score, seniority=seniority, department=dept)


ACCOUNT = [
    person("ceo", 0.95, S.C_LEVEL, D.EXECUTIVE),
    person("cfo", 0.80, S.C_LEVEL, D.FINANCE),
    person("fin_dir", 0.60, S.DIRECTOR, D.FINANCE),
    person("cto", 0.78, S.C_LEVEL, D.ENGINEERING),
    person("eng_mgr", 0.45, S.MANAGER, D.ENGINEERING),
    person("sales_mgr", 0.40, S.MANAGER, D.SALES),
    person("dev", 0.10, S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
]


def ties(*edges: tuple[str, str, float], colleagues: tuple[str, ...] = ("me", "you")) -> nx.Graph:
    G = nx.Graph()
    G.add_nodes_from(colleagues, colleague=True)
    for a, b, s in edges:
        G.add_edge(a, b, strength=s)
    return G


def test_the_missing_economic_buyer_is_found_with_a_two_hop_introducer() -> None:
    G = ties(("me", "ceo", 0.7), ("ceo", "cfo", 0.6), ("you", "cfo", 0.2), ("me", "eng_mgr", 0.5))
    members = [("ceo", R.DECISION_MAKER), ("eng_mgr", R.CHAMPION), ("cto", R.TECHNICAL_BUYER)]

    report = buying_committee(
        G, members=members, candidates=ACCOUNT, amount=120_000, currency="EUR"
    )

    [missing] = report.missing
    assert (missing.role, missing.next_person) == (R.ECONOMIC_BUYER, "cfo")
    assert missing.reason == "someone owns the budget of 120,000 EUR"
    assert missing.fit == "finance at director level or above"
    assert missing.introduction == Introduction(colleague="me", via="ceo", strength=0.42)


def test_roles_say_which_are_expected_why_and_who_covers_them() -> None:
    members = [("ceo", R.DECISION_MAKER), ("sales_mgr", R.CHAMPION), ("dev", R.USER)]

    report = buying_committee(ties(), members=members, candidates=ACCOUNT)

    roles = {r.role: r for r in report.roles}
    assert roles[R.DECISION_MAKER].covered_by == ("ceo",) and roles[R.DECISION_MAKER].expected
    assert roles[R.TECHNICAL_BUYER].expected
    assert "3 people in engineering or IT" in roles[R.TECHNICAL_BUYER].reason
    assert not roles[R.USER].expected and roles[R.USER].covered_by == ("dev",)
    assert [m.role for m in report.missing] == [R.ECONOMIC_BUYER, R.TECHNICAL_BUYER]
    assert report.missing[1].next_person == "cto"


def test_no_technical_buyer_is_expected_without_engineering_or_it() -> None:
    sales_only = [c for c in ACCOUNT if c.department not in (D.ENGINEERING,)]

    report = buying_committee(ties(), members=[], candidates=sales_only)

    technical = next(r for r in report.roles if r.role is R.TECHNICAL_BUYER)
    assert not technical.expected
    assert technical.reason == "the account has nobody in engineering or IT"
    assert R.TECHNICAL_BUYER not in [m.role for m in report.missing]


def test_each_member_shows_our_strongest_direct_tie() -> None:
    G = ties(("me", "cfo", 0.3), ("you", "cfo", 0.55), ("me", "x", 0.9), ("x", "cfo", 0.9))

    report = buying_committee(G, members=[("cfo", R.ECONOMIC_BUYER)], candidates=ACCOUNT)

    [member] = report.members
    assert member.roles == (R.ECONOMIC_BUYER,)
    assert member.tie == Introduction(colleague="you", via=None, strength=0.55)


def test_a_champion_is_picked_among_middle_managers_with_our_path_counting() -> None:
    G = ties(("me", "sales_mgr", 0.9))

    report = buying_committee(G, members=[("ceo", R.DECISION_MAKER)], candidates=ACCOUNT)

    champion = next(m for m in report.missing if m.role is R.CHAMPION)
    assert champion.next_person == "sales_mgr"  # 0.40 + 0.9 beats fin_dir's 0.60
    assert champion.introduction == Introduction(colleague="me", via=None, strength=0.9)


def test_in_a_small_account_a_member_may_hold_a_missing_role_too() -> None:
    tiny = [
        person("owner", 0.9, S.C_LEVEL, D.EXECUTIVE),
        person("rep", 0.1, S.INDIVIDUAL_CONTRIBUTOR, D.SALES),
    ]

    report = buying_committee(ties(), members=[("owner", R.DECISION_MAKER)], candidates=tiny)

    buyer = next(m for m in report.missing if m.role is R.ECONOMIC_BUYER)
    assert buyer.next_person == "owner"
    assert buyer.fit.endswith("already on the committee as decision maker")
    assert buyer.introduction is None


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([("me", "t", 0.5)], Introduction(colleague="me", via=None, strength=0.5)),
        (
            [("me", "t", 0.3), ("you", "x", 0.9), ("x", "t", 0.8)],
            Introduction(colleague="you", via="x", strength=0.72),
        ),
        ([("me", "x", 0.9), ("x", "y", 0.9), ("y", "t", 0.9)], None),  # three hops: too far
        ([("x", "t", 0.9)], None),
    ],
)
def test_best_introducer_takes_the_strongest_path_of_at_most_two_hops(
    edges: list[tuple[str, str, float]], expected: Introduction | None
) -> None:
    assert best_introducer(ties(*edges), "t") == expected


def test_best_introducer_with_cutoff_one_only_takes_direct_ties() -> None:
    G = ties(("me", "t", 0.3), ("you", "x", 0.9), ("x", "t", 0.8))

    assert best_introducer(G, "t", cutoff=1) == Introduction(colleague="me", via=None, strength=0.3)


def test_best_introducer_can_be_told_who_the_colleagues_are() -> None:
    G = ties(("me", "t", 0.3), ("friend", "t", 0.9), colleagues=())

    assert best_introducer(G, "t", colleagues=["me"]) == Introduction(
        colleague="me", via=None, strength=0.3
    )


def test_best_introducer_rejects_bad_input() -> None:
    G = ties(("me", "t", 0.3))
    with pytest.raises(nx.NodeNotFound):
        best_introducer(G, "nobody")
    with pytest.raises(ValueError, match="cutoff"):
        best_introducer(G, "t", cutoff=3)
