"""hiddenLinks, topHiddenLinks and Company.community through the real app and Neo4j."""

from __future__ import annotations

from typing import Any

import pytest

from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.conftest import GraphQLCall
from tests.api.mutation_calls import gid
from tests.graph.link_data import (
    ACME,
    ACME_EU,
    ACME_TWIN,
    ANN,
    BOB,
    HOME,
    INITECH,
    ZENITH,
    seed_links,
)

pytestmark = pytest.mark.neo4j

LINKS = """
query Links($id: ID!, $min: Float! = 0.3, $kinds: [HiddenLinkKind!], $first: Int! = 20) {
  hiddenLinks(companyId: $id, minConfidence: $min, kinds: $kinds, first: $first) {
    __typename
    ... on HiddenLinks {
      totalCount
      company { name }
      links {
        kind confidence reason evidenceCount
        company { name } otherCompany { name }
        evidence {
          description weight value sharedBy scores { name value }
          person { fullName } company { name }
          tenures { role title start end isCurrent company { name } }
        }
      }
    }
    ... on NotFound { message field }
  }
}
"""


@pytest.fixture
async def linked(clean_graph: GraphClient) -> GraphClient:
    await seed_links(GraphWriter(clean_graph))
    return clean_graph


def links_of(gql: GraphQLCall, uid: str, **variables: Any) -> dict[str, Any]:
    body = gql(LINKS, {"id": gid("Company", uid), **variables})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["hiddenLinks"]
    return result


def by_kind(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {link["kind"]: link for link in result["links"]}


async def test_a_company_s_links_come_typed_best_first_with_their_evidence(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    result = links_of(gql, ACME.uid)

    links = by_kind(result)
    assert set(links) == {
        "CORPORATE_FAMILY",
        "SHARED_DOMAIN",
        "SHARED_BOARD_MEMBER",
        "LIKELY_DUPLICATE",
        "FORMER_EMPLOYEE",
    }
    confidences = [link["confidence"] for link in result["links"]]
    assert confidences == sorted(confidences, reverse=True)
    family = links["CORPORATE_FAMILY"]
    assert (family["confidence"], family["otherCompany"]["name"]) == (0.95, "Acme Europe GmbH")
    assert family["reason"] == "Acme Europe GmbH is a subsidiary of Acme Inc"
    assert family["evidence"][0]["company"] == {"name": "Acme Inc"}  # the common parent
    board = links["SHARED_BOARD_MEMBER"]
    assert board["confidence"] == pytest.approx(0.7)
    [seat] = board["evidence"]
    assert seat["person"] == {"fullName": ANN.full_name}
    assert {
        (t["company"]["name"], t["role"], t["start"], t["isCurrent"]) for t in seat["tenures"]
    } == {
        ("Acme Inc", "EMPLOYEE", "2019-01-01", True),
        ("Initech LLC", "BOARD_MEMBER", "2022-03-01", True),
    }


async def test_a_likely_duplicate_folds_the_identifier_it_shares(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    twin = by_kind(links_of(gql, ACME_TWIN.uid))

    assert set(twin) == {"LIKELY_DUPLICATE"}  # the shared phone is evidence of it
    duplicate = twin["LIKELY_DUPLICATE"]
    assert duplicate["confidence"] == pytest.approx(1 - (1 - 0.8 * 0.5) * (1 - 0.5))
    assert duplicate["otherCompany"] == {"name": "Acme Inc"}
    assert [e["value"] for e in duplicate["evidence"] if e["value"]] == ["+14155550100"]
    assert {s["name"] for e in duplicate["evidence"] for s in e["scores"]} == {"nameSimilarity"}


async def test_a_former_employee_link_carries_the_dates_of_both_jobs(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    former = by_kind(links_of(gql, ZENITH.uid))["FORMER_EMPLOYEE"]

    assert 0.35 < former["confidence"] <= 0.6
    assert former["reason"].startswith(
        f"{BOB.full_name} worked at Acme Inc (2018-01-01 to 2025-06-30) and now works at "
        "Zenith Ltd (since 2025-07-01)"
    )
    assert [(t["end"], t["isCurrent"]) for t in former["evidence"][0]["tenures"]] == [
        ("2025-06-30", False),
        (None, True),
    ]


async def test_kinds_min_confidence_and_first_filter_the_links(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    only_people = links_of(gql, ACME.uid, kinds=["SHARED_BOARD_MEMBER", "FORMER_EMPLOYEE"])
    strong = links_of(gql, ACME.uid, min=0.9)
    first_two = links_of(gql, ACME.uid, first=2)

    assert set(by_kind(only_people)) == {"SHARED_BOARD_MEMBER", "FORMER_EMPLOYEE"}
    assert [link["kind"] for link in strong["links"]] == ["CORPORATE_FAMILY"]
    assert (len(first_two["links"]), first_two["totalCount"]) == (2, 5)


async def test_neighbourhoods_and_shared_phones_link_accounts_that_share_a_contact(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    links = by_kind(links_of(gql, INITECH.uid, min=0.0))

    similar = links["SIMILAR_NEIGHBOURHOOD"]
    assert similar["otherCompany"] == {"name": "Zenith Ltd"}
    assert similar["confidence"] == pytest.approx(0.6 * 1.0 * 0.5)
    assert similar["evidence"][1]["company"] == {"name": "Umbrella Corp"}
    assert links["SHARED_PHONE"]["evidence"][0]["sharedBy"] == 2


@pytest.mark.parametrize(
    "global_id", [gid("Company", "company:test:nobody"), gid("Person", ANN.uid)]
)
async def test_an_unknown_company_or_another_type_s_id_is_not_found(
    linked: GraphClient, gql: GraphQLCall, global_id: str
) -> None:
    body = gql(LINKS, {"id": global_id})

    assert body["data"]["hiddenLinks"] == {
        "__typename": "NotFound",
        "message": "No company has this id.",
        "field": "companyId",
    }


@pytest.mark.parametrize(
    ("variables", "field"),
    [({"min": 1.5}, "minConfidence"), ({"first": 0}, "first"), ({"first": 101}, "first")],
)
async def test_bad_arguments_are_bad_user_input(
    linked: GraphClient, gql: GraphQLCall, variables: dict[str, Any], field: str
) -> None:
    body = gql(LINKS, {"id": gid("Company", ACME.uid), **variables})

    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}


TOP = """
query Top($first: Int! = 20, $min: Float! = 0.5, $kinds: [HiddenLinkKind!]) {
  topHiddenLinks(first: $first, minConfidence: $min, kinds: $kinds) {
    totalCount
    links { kind confidence company { name } otherCompany { name } }
  }
}
"""


async def test_the_strongest_links_across_accounts_name_both_companies(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    body = gql(TOP, {"first": 3, "min": 0.6})

    top = body["data"]["topHiddenLinks"]
    assert top["totalCount"] == 5  # family, domain, board seat, duplicate, phone
    assert top["links"][0] == {
        "kind": "CORPORATE_FAMILY",
        "confidence": 0.95,
        "company": {"name": "Acme Inc"},
        "otherCompany": {"name": "Acme Europe GmbH"},
    }
    assert len(top["links"]) == 3
    phones = gql(TOP, {"kinds": ["SHARED_PHONE"]})["data"]["topHiddenLinks"]["links"]
    assert [(x["company"]["name"], x["otherCompany"]["name"]) for x in phones] == [
        ("Initech LLC", "Zenith Ltd")
    ]


COMMUNITY = """
query Community($id: ID!) {
  company(id: $id) {
    community { id size modularity members(first: 10) { name } links(first: 1) { kind } }
  }
  hiddenLinks(companyId: $id) { ... on HiddenLinks { community { id size } } }
}
"""


async def test_a_company_s_community_holds_the_accounts_it_is_most_linked_to(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    body = gql(COMMUNITY, {"id": gid("Company", ACME_EU.uid)})

    community = body["data"]["company"]["community"]
    members = {m["name"] for m in community["members"]}
    assert {"Acme Inc", "Acme Europe GmbH"} <= members
    assert community["size"] == len(members)
    assert community["links"] == [{"kind": "CORPORATE_FAMILY"}]
    assert 0.0 <= community["modularity"] <= 1.0
    assert body["data"]["hiddenLinks"]["community"] == {
        "id": community["id"],
        "size": community["size"],
    }


async def test_our_own_company_belongs_to_no_community(
    linked: GraphClient, gql: GraphQLCall
) -> None:
    body = gql(COMMUNITY, {"id": gid("Company", HOME.uid)})

    assert body["data"]["company"]["community"] is None
