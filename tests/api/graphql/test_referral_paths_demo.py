"""Referral paths and tie flags end to end on the shared demo database (read only)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest

from api.cli.quality.paths import score_going_cold
from graph.driver import GraphClient
from ingest.demo import DemoDataset

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]

QUERY = """query($from: ID, $to: ID!) {
  referralPaths(from: $from, to: $to, k: 5, maxHops: 4) {
    __typename
    ... on ReferralPaths { truncated paths { score firstIntroducer { id }
                           hops { strength evidence { kind } } } }
    ... on NoPathFound { message }
  }
}"""


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


def test_the_planted_best_introducer_is_among_the_top_five_paths(
    demo_gql: Gql, demo_dataset: DemoDataset
) -> None:
    planted = demo_dataset.ground_truth.planted_introductions
    hits = 0
    for intro in planted:
        body = demo_gql(
            QUERY, {"from": gid("Person", intro.source_uid), "to": gid("Person", intro.target_uid)}
        )
        result = body["data"]["referralPaths"]
        if result["__typename"] != "ReferralPaths":
            continue
        introducers = [p["firstIntroducer"]["id"] for p in result["paths"] if p["firstIntroducer"]]
        hits += gid("Person", intro.introducer_uid) in introducers
        assert all(h["evidence"] for p in result["paths"] for h in p["hops"])

    assert len(planted) >= 5
    assert hits / len(planted) >= 0.8, f"{hits} of {len(planted)}"


def test_a_company_target_from_the_whole_team_answers_on_the_demo_data(demo_gql: Gql) -> None:
    companies = demo_gql("{ companies(first: 1, orderBy: [{field: NAME}]) { nodes { id } } }")
    target = companies["data"]["companies"]["nodes"][0]["id"]

    result = demo_gql(QUERY, {"to": target})["data"]["referralPaths"]

    assert result["__typename"] == "ReferralPaths"
    scores = [p["score"] for p in result["paths"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 5
    firsts = [p["firstIntroducer"]["id"] for p in result["paths"] if p["firstIntroducer"]]
    assert len(set(firsts)) == len(firsts)


async def test_going_cold_flags_find_most_ties_that_went_cold(
    demo_client: GraphClient, demo_dataset: DemoDataset
) -> None:
    precision, recall = await score_going_cold(demo_client, demo_dataset.ground_truth)

    print(precision, recall)
    assert precision.value is not None and precision.value >= 0.3
    assert recall.value is not None and recall.value >= 0.35
