"""Hidden links on the demo data, scored against what the generator planted."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from ingest.demo import DemoDataset
from tests.api.conftest import GraphQLCall
from tests.api.mutation_calls import gid

pytestmark = pytest.mark.neo4j

LINKS = """
query($id: ID!, $kinds: [HiddenLinkKind!]) {
  hiddenLinks(companyId: $id, kinds: $kinds, first: 100) {
    ... on HiddenLinks {
      links { kind confidence reason otherCompany { id } evidence { description } }
      community { id }
    }
  }
}
"""
PER_KIND = 8


def ask(demo_gql: GraphQLCall, uid: str, kinds: list[str] | None = None) -> dict[str, Any]:
    body = demo_gql(LINKS, {"id": gid("Company", uid), "kinds": kinds})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["hiddenLinks"]
    return result


def test_every_planted_kind_of_link_is_found_from_its_first_company(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    samples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for link in demo_dataset.ground_truth.hidden_links:
        pair = (link.company_a, link.company_b)
        if len(samples[link.kind.value]) < PER_KIND and pair not in samples[link.kind.value]:
            samples[link.kind.value].append(pair)
    assert len(samples) == 8

    recall = {}
    for kind, pairs in samples.items():
        found = 0
        for a, b in pairs:
            result = ask(demo_gql, a, [kind.upper()])
            found += any(x["otherCompany"]["id"] == gid("Company", b) for x in result["links"])
        recall[kind] = found / len(pairs)

    assert min(recall.values()) >= 0.85, recall


def test_planted_company_duplicates_are_likely_duplicates_of_their_originals(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    pairs = demo_dataset.ground_truth.duplicate_companies

    found = 0
    for pair in pairs:
        result = ask(demo_gql, pair.duplicate_uid, ["LIKELY_DUPLICATE"])
        others = {x["otherCompany"]["id"] for x in result["links"]}
        found += gid("Company", pair.original_uid) in others

    assert found / len(pairs) >= 0.8


def test_the_strongest_links_across_accounts_are_planted_ones(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    truth = demo_dataset.ground_truth
    planted = {
        (x.kind.value, gid("Company", x.company_a), gid("Company", x.company_b))
        for x in truth.hidden_links
    }
    twins = {
        frozenset((gid("Company", d.original_uid), gid("Company", d.duplicate_uid)))
        for d in truth.duplicate_companies
    }
    body = demo_gql(
        "{ topHiddenLinks(first: 100) { totalCount links { kind confidence company { id } "
        "otherCompany { id } } } }"
    )

    top = body["data"]["topHiddenLinks"]
    hits = sum(
        1
        for x in top["links"]
        if (x["kind"].lower(), x["company"]["id"], x["otherCompany"]["id"]) in planted
        or (
            x["kind"] == "LIKELY_DUPLICATE"
            and frozenset((x["company"]["id"], x["otherCompany"]["id"])) in twins
        )
    )
    assert len(top["links"]) == 100 and top["totalCount"] >= 100
    assert hits / len(top["links"]) >= 0.9
    assert all(x["confidence"] >= 0.5 for x in top["links"])


def test_a_subsidiary_usually_shares_its_parent_s_community(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    families = [
        link
        for link in demo_dataset.ground_truth.hidden_links
        if link.kind.value == "corporate_family"
        and link.evidence in (link.company_a, link.company_b)
    ][:10]
    query = (
        "query($a: ID!, $b: ID!) { a: company(id: $a) { community { id size } } "
        "b: company(id: $b) { community { id } } }"
    )

    together = 0
    for link in families:
        body = demo_gql(
            query, {"a": gid("Company", link.company_a), "b": gid("Company", link.company_b)}
        )
        a, b = body["data"]["a"]["community"], body["data"]["b"]["community"]
        assert a is not None and a["size"] >= 2
        together += b is not None and a["id"] == b["id"]

    assert together / len(families) >= 0.8
