"""referralPaths through the GraphQL API on a small hand-built world (real Neo4j)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, cast

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.services.result_cache import ResultCache
from graph.driver import GraphClient
from tests.api.crm_data import EVE
from tests.api.referral_data import BETA, DAN, seed_referrals, soft_delete
from tests.graph.records import ACME, ANN, BOB, CAROL, HOME

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]

QUERY = """
query($from: ID, $to: ID!, $k: Int, $hops: Int, $xp: [ID!], $xc: [ID!], $who: IntroducerKind) {
  referralPaths(from: $from, to: $to, k: $k, maxHops: $hops, excludePeople: $xp,
                excludeCompanies: $xc, introducers: $who) {
    __typename
    ... on ReferralPaths {
      nodesSearched edgesSearched truncated sources targets
      paths {
        score targetWeight
        people { fullName }
        firstIntroducer { fullName }
        target { fullName }
        hops { strength from { fullName } to { fullName }
               evidence { kind explanation strength count lastAt start end company { name } } }
      }
    }
    ... on NoPathFound { message maxHops k peopleSearched truncated }
    ... on NotFound { message field }
  }
}
"""


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@pytest.fixture(autouse=True)
async def world(clean_graph: GraphClient) -> None:
    await seed_referrals(clean_graph)


def ask(gql: Gql, **variables: Any) -> dict[str, Any]:
    body = gql(QUERY, variables)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["referralPaths"]
    return result


def names(path: dict[str, Any]) -> list[str]:
    return [p["fullName"] for p in path["people"]]


def test_the_best_way_to_a_person_goes_through_who_worked_with_them(gql: Gql) -> None:
    result = ask(gql, **{"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)})

    assert result["__typename"] == "ReferralPaths"
    best = result["paths"][0]
    assert names(best) == ["Carol Diaz", "Bob Stone", "Ann Lee"]
    assert best["firstIntroducer"]["fullName"] == "Bob Stone"
    assert best["score"] == pytest.approx(best["hops"][0]["strength"] * best["hops"][1]["strength"])
    last = {e["kind"]: e for e in best["hops"][1]["evidence"]}
    assert set(last) == {"KNOWS", "FORMER_COWORKERS"}
    assert last["KNOWS"]["count"] == 8
    assert last["FORMER_COWORKERS"]["company"]["name"] == "Acme Inc"
    assert (last["FORMER_COWORKERS"]["start"], last["FORMER_COWORKERS"]["end"]) == (
        "2020-01-01",
        "2024-12-31",
    )
    assert "worked at the same company" in last["FORMER_COWORKERS"]["explanation"]
    assert result["nodesSearched"] >= 3 and result["truncated"] is False


def test_a_company_target_from_the_whole_team_reaches_its_people_weighted_by_seniority(
    gql: Gql,
) -> None:
    result = ask(gql, to=gid("Company", ACME.uid), k=5)

    assert result["__typename"] == "ReferralPaths"
    assert result["sources"] == 2 and result["targets"] == 2
    targets = {p["target"]["fullName"]: p for p in result["paths"]}
    assert set(targets) == {"Ann Lee", "Eve Park"}
    assert targets["Eve Park"]["targetWeight"] == pytest.approx(0.85)
    assert names(targets["Eve Park"]) == ["Dan Wu", "Eve Park"]
    sources = {names(p)[0] for p in result["paths"]}
    assert sources == {"Carol Diaz", "Dan Wu"}


def test_the_home_company_as_from_means_the_whole_team(gql: Gql) -> None:
    team = ask(gql, to=gid("Person", ANN.uid))
    home = ask(gql, **{"from": gid("Company", HOME.uid), "to": gid("Person", ANN.uid)})

    assert home["paths"] == team["paths"]


def test_no_path_within_the_hop_limit_says_which_limit_was_tried(gql: Gql) -> None:
    result = ask(gql, **{"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)}, hops=1)

    assert result["__typename"] == "NoPathFound"
    assert result["maxHops"] == 1 and result["k"] == 5
    assert "1 hops" in result["message"]


def test_excluded_people_and_companies_are_never_introducers(gql: Gql) -> None:
    target = {"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)}

    by_person = ask(gql, **target, xp=[gid("Person", BOB.uid)])
    by_company = ask(gql, **target, xc=[gid("Company", BETA.uid)])

    for result in (by_person, by_company):
        assert all("Bob Stone" not in names(p) for p in result["paths"])
        # The way left: Dan works with Carol, knows Eve, and Eve works with Ann.
        assert names(result["paths"][0]) == ["Carol Diaz", "Dan Wu", "Eve Park", "Ann Lee"]


@pytest.mark.parametrize(
    ("who", "found"),
    [("CUSTOMER", ["Bob Stone"]), ("COLLEAGUE", []), ("COLLEAGUE_OR_CUSTOMER", ["Bob Stone"])],
)
def test_introducers_can_be_limited_to_colleagues_or_customers(
    gql: Gql, who: str, found: list[str]
) -> None:
    result = ask(gql, **{"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)}, who=who)

    # Bob works at Beta, a customer; Eve (needed after Dan) is neither colleague nor customer.
    introducers = [p["firstIntroducer"]["fullName"] for p in result.get("paths", [])]
    assert introducers == found


async def test_deleted_people_are_never_on_a_path(gql: Gql, clean_graph: GraphClient) -> None:
    await soft_delete(clean_graph, BOB.uid)

    result = ask(gql, **{"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)})

    assert all("Bob Stone" not in names(p) for p in result["paths"])


async def test_the_same_question_again_comes_from_the_result_cache_until_anyone_writes(
    gql: Gql, api: TestClient, clean_graph: GraphClient
) -> None:
    question = {"from": gid("Person", CAROL.uid), "to": gid("Person", ANN.uid)}
    first = ask(gql, **question)
    results: ResultCache = cast(Starlette, api.app).state.results
    hits = results.stats.hits

    assert ask(gql, **question) == first
    assert results.stats.hits == hits + 1

    await soft_delete(clean_graph, BOB.uid)
    after = ask(gql, **question)

    assert results.stats.hits == hits + 1
    assert all("Bob Stone" not in names(p) for p in after["paths"])


def test_an_unknown_target_is_not_found(gql: Gql) -> None:
    result = ask(gql, to=gid("Person", "person:test:nobody"))

    assert result == {"__typename": "NotFound", "message": "no person with this id", "field": "to"}


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"k": 0}, "k"),
        ({"k": 21}, "k"),
        ({"hops": 7}, "maxHops"),
        ({"hops": 0}, "maxHops"),
        ({"from": gid("Company", ACME.uid)}, "from"),
        ({"xp": [gid("Company", ACME.uid)]}, "excludePeople"),
    ],
)
def test_bad_arguments_are_bad_user_input(gql: Gql, variables: dict[str, Any], field: str) -> None:
    body = gql(QUERY, {"to": gid("Person", ANN.uid), **variables})

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}


def test_dan_is_a_direct_tie_of_eve(gql: Gql) -> None:
    result = ask(gql, **{"from": gid("Person", DAN.uid), "to": gid("Person", EVE.uid)})

    direct = result["paths"][0]
    assert names(direct) == ["Dan Wu", "Eve Park"] and direct["firstIntroducer"] is None
