"""Decision-maker scores on small accounts: who ranks first, and the breakdown adds up."""

from __future__ import annotations

import random
from datetime import date, timedelta

import networkx as nx
import pytest

from algorithms.betweenness import betweenness
from algorithms.decision_makers import (
    DealInvolvement,
    DecisionMakerWeights,
    rank_decision_makers,
)
from algorithms.org_chart import infer_org_chart
from schema.enums import DealContactRole, DealStage, Department, Seniority

S, D, R = Seniority, Department, DealContactRole
TODAY = date(2026, 6, 1)


def account() -> nx.DiGraph:
    G = nx.DiGraph()
    for uid, seniority, department in (
        ("ceo", S.C_LEVEL, D.EXECUTIVE),
        ("cfo", S.C_LEVEL, D.FINANCE),
        ("cto", S.C_LEVEL, D.ENGINEERING),
        ("eng_mgr", S.MANAGER, D.ENGINEERING),
        ("dev_1", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
        ("dev_2", S.INDIVIDUAL_CONTRIBUTOR, D.ENGINEERING),
        ("analyst", S.INDIVIDUAL_CONTRIBUTOR, D.FINANCE),
    ):
        G.add_node(uid, company="acme", seniority=seniority, department=department, title=uid)
    for person, manager in (
        ("cfo", "ceo"),
        ("cto", "ceo"),
        ("eng_mgr", "cto"),
        ("dev_1", "eng_mgr"),
        ("dev_2", "eng_mgr"),
        ("analyst", "cfo"),
    ):
        G.add_edge(person, manager, reports_to=True)
    return G


def rank(G: nx.DiGraph, **kwargs: object) -> list[str]:
    ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=TODAY, **kwargs)  # type: ignore[arg-type]
    return [d.person for d in ranked]


def test_the_top_ranks_first_and_individual_contributors_last() -> None:
    order = rank(account())

    assert order[0] == "ceo"
    assert set(order[-3:]) == {"dev_1", "dev_2", "analyst"}


@pytest.mark.parametrize("person", ["ceo", "cto", "eng_mgr", "dev_1"])
def test_the_breakdown_sums_to_the_score(person: str) -> None:
    G = account()
    roles = {"cto": [DealInvolvement(deal="d1", role=R.TECHNICAL_BUYER, stage=DealStage.PROPOSAL)]}
    ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=TODAY, deal_roles=roles)

    found = next(d for d in ranked if d.person == person)
    assert [t.name for t in found.terms] == [
        "seniority",
        "org level",
        "span of control",
        "influence",
        "deal roles",
    ]
    assert sum(t.contribution for t in found.terms) == pytest.approx(found.score, abs=1e-6)
    for term in found.terms:
        assert term.contribution == pytest.approx(term.weight * term.value, abs=1e-6)
        assert 0.0 <= term.value <= 1.0 and term.explanation


def test_the_terms_explain_themselves_in_words() -> None:
    G = account()
    roles = {"cfo": [DealInvolvement(deal="d1", role=R.ECONOMIC_BUYER, stage=DealStage.PROPOSAL)]}
    ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=TODAY, deal_roles=roles)

    cfo = {t.name: t.explanation for t in next(d for d in ranked if d.person == "cfo").terms}
    assert cfo["seniority"] == "C-level title (cfo)"
    assert cfo["org level"] == "1 level below the top"
    assert cfo["span of control"] == "1 person below, 1 of them directly"
    assert cfo["deal roles"] == "economic buyer on 1 deal (1 open)"


def test_an_open_decision_maker_role_lifts_a_person_above_an_equal_peer() -> None:
    roles = {"cfo": [DealInvolvement(deal="d1", role=R.DECISION_MAKER, stage=DealStage.PROPOSAL)]}
    assert rank(account())[1:3] == ["cto", "cfo"]  # the CTO leads the larger team

    assert rank(account(), deal_roles=roles)[1:3] == ["cfo", "cto"]


def test_old_closed_deals_count_less_than_recent_ones() -> None:
    G = account()
    chart = infer_org_chart(G)

    def deal_value(closed_days_ago: int) -> float:
        roles = {
            "cfo": [
                DealInvolvement(
                    deal="d1",
                    role=R.DECISION_MAKER,
                    stage=DealStage.CLOSED_WON,
                    close_date=TODAY - timedelta(days=closed_days_ago),
                )
            ]
        }
        ranked = rank_decision_makers(G, chart=chart, as_of=TODAY, deal_roles=roles)
        cfo = next(d for d in ranked if d.person == "cfo")
        return next(t.value for t in cfo.terms if t.name == "deal roles")

    assert deal_value(0) > deal_value(365) > deal_value(1500) > 0


def test_weights_are_parameters() -> None:
    roles = {"dev_2": [DealInvolvement(deal="d1", role=R.CHAMPION, stage=DealStage.PROPOSAL)]}
    only_deals = DecisionMakerWeights(
        seniority=0, org_level=0, span_of_control=0, influence=0, deal_roles=1
    )

    assert rank(account(), deal_roles=roles, weights=only_deals)[0] == "dev_2"


def test_a_broker_between_two_groups_is_the_most_influential() -> None:
    G = nx.DiGraph()
    for uid in ("a1", "a2", "bridge", "b1", "b2"):
        G.add_node(uid, company="acme", seniority=S.MANAGER, department=D.SALES)
    for u, v in (
        ("a1", "a2"),
        ("a1", "bridge"),
        ("a2", "bridge"),
        ("bridge", "b1"),
        ("bridge", "b2"),
        ("b1", "b2"),
    ):
        G.add_edge(u, v, strength=0.5)
        G.add_edge(v, u, strength=0.5)
    ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=TODAY)

    influence = {d.person: next(t.value for t in d.terms if t.name == "influence") for d in ranked}
    assert influence["bridge"] == 1.0
    assert all(influence[p] < 1.0 for p in ("a1", "a2", "b1", "b2"))


def test_limit_keeps_the_best() -> None:
    G = account()
    ranked = rank_decision_makers(G, chart=infer_org_chart(G), as_of=TODAY, limit=2)

    assert [(d.rank, d.person) for d in ranked] == [(1, "ceo"), (2, "cto")]


def test_bad_input_raises() -> None:
    G = account()
    chart = infer_org_chart(G)
    with pytest.raises(ValueError, match="limit"):
        rank_decision_makers(G, chart=chart, as_of=TODAY, limit=0)
    G.add_node("newcomer", company="acme", seniority=S.MANAGER)
    with pytest.raises(ValueError, match="newcomer"):
        rank_decision_makers(G, chart=chart, as_of=TODAY)
    with pytest.raises(ValueError):
        DecisionMakerWeights(seniority=-1)


@pytest.mark.parametrize("pivots", [1000, 40])
def test_influence_betweenness_is_networkx_betweenness_up_to_a_common_factor(
    pivots: int,
) -> None:
    H = nx.connected_watts_strogatz_graph(120, 4, 0.3, seed=5)
    H = nx.relabel_nodes(H, {v: f"p{v:03d}" for v in H})
    draw = random.Random(7)
    for _, _, d in H.edges(data=True):
        d["distance"] = draw.uniform(0.1, 1.0)  # strengths are continuous: no equal sums
    ours = betweenness(H, pivots=pivots, seed=3)
    sample = pivots if len(H) > pivots else None
    theirs = nx.betweenness_centrality(H, k=sample, weight="distance", seed=3)
    top = max(theirs, key=lambda v: theirs[v])
    assert ours[top] > 0
    for v in H:
        assert ours[v] / ours[top] == pytest.approx(theirs[v] / theirs[top], abs=1e-9)
