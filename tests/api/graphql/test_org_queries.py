"""orgChart, decisionMakers and buyingCommittee over HTTP through the ASGI app."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, cast

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.services.result_cache import ResultCache
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from schema.model import ReportingLine
from tests.graph.org_data import (
    ANN,
    BEA,
    BERT,
    CAROL,
    DEAL,
    DEV,
    EVA,
    FRANK,
    GRACE,
    INITECH,
    LEO,
    RAJ,
    seed,
)
from tests.graph.records import provenance

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@pytest.fixture(autouse=True)
async def org(clean_graph: GraphClient) -> None:
    await seed(clean_graph)


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


CHART = """query($id: ID!, $asOf: Date, $subs: Boolean! = false, $min: Float! = 0) {
  orgChart(companyId: $id, asOf: $asOf, includeSubsidiaries: $subs, minConfidence: $min) {
    __typename
    ... on NotFound { message field }
    ... on OrgChart {
      asOf levels inferredLines truncated company { name } companies { name }
      roots { person { fullName } }
      emptySeats { seat department chief reason company { name } }
      affiliates { role person { fullName } }
      levelSizes { level people }
      people {
        person { fullName } company { name } title department departmentKey seniority level
        directReports teamSize manager { fullName }
        line { kind confidence reason validFrom validTo manager { fullName } }
      }
    }
  }
}"""


def chart(gql: Gql, **variables: Any) -> dict[str, Any]:
    found: dict[str, Any] = data(gql(CHART, {"id": gid("Company", INITECH.uid), **variables}))[
        "orgChart"
    ]
    return found


def by_name(people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["person"]["fullName"]: p for p in people}


def test_the_org_chart_keeps_explicit_lines_and_infers_the_missing_ones(gql: Gql) -> None:
    found = chart(gql, asOf="2026-06-01")

    assert found["__typename"] == "OrgChart" and found["asOf"] == "2026-06-01"
    assert found["roots"] == [{"person": {"fullName": GRACE.full_name}}]
    people = by_name(found["people"])
    ann = people[ANN.full_name]
    assert ann["line"]["kind"] == "EXPLICIT" and ann["manager"] == {"fullName": FRANK.full_name}
    assert (ann["line"]["confidence"], ann["line"]["validFrom"]) == (1.0, "2022-01-01")
    dev = people[DEV.full_name]
    assert dev["manager"] == {"fullName": RAJ.full_name}
    assert dev["line"]["kind"] == "INFERRED" and 0 < dev["line"]["confidence"] <= 1
    assert dev["line"]["reason"].startswith("same department (Engineering), one level up")
    assert "organises 1 meeting Dev attends" in dev["line"]["reason"]
    assert (dev["departmentKey"], dev["seniority"]) == ("ENGINEERING", "INDIVIDUAL_CONTRIBUTOR")
    grace = people[GRACE.full_name]
    assert (grace["level"], grace["teamSize"], grace["line"]) == (0, 4, None)
    assert found["levels"] == 3 and found["inferredLines"] == 2
    assert found["affiliates"] == [{"role": "BOARD_MEMBER", "person": {"fullName": BEA.full_name}}]
    assert found["levelSizes"] == [
        {"level": 0, "people": 1},
        {"level": 1, "people": 2},
        {"level": 2, "people": 2},
    ]


def test_as_of_answers_with_the_organisation_of_that_day(gql: Gql) -> None:
    then = by_name(chart(gql, asOf="2021-06-01")["people"])
    now = by_name(chart(gql, asOf="2026-06-01")["people"])

    assert LEO.full_name in then and LEO.full_name not in now
    assert DEV.full_name in now and DEV.full_name not in then
    assert then[ANN.full_name]["manager"] == {"fullName": GRACE.full_name}
    assert now[ANN.full_name]["manager"] == {"fullName": FRANK.full_name}


def test_subsidiaries_join_the_chart_when_asked(gql: Gql) -> None:
    found = chart(gql, asOf="2026-06-01", subs=True)

    assert [c["name"] for c in found["companies"]] == [
        "Initech",
        "Initech Europe",
        "Initech Berlin",
    ]
    assert by_name(found["people"])[EVA.full_name]["company"] == {"name": "Initech Europe"}


def test_with_subsidiaries_the_group_is_one_chart_under_the_parents_top(gql: Gql) -> None:
    found = chart(gql, asOf="2026-06-01", subs=True)

    assert found["roots"] == [{"person": {"fullName": GRACE.full_name}}]
    people = by_name(found["people"])
    eva, bert = people[EVA.full_name], people[BERT.full_name]
    assert eva["manager"] == {"fullName": GRACE.full_name}
    assert (eva["line"]["kind"], eva["line"]["confidence"]) == ("INFERRED", 0.6)
    assert eva["line"]["reason"] == (
        "heads Initech Europe, a subsidiary of Initech; reports to its top by the group structure"
    )
    assert bert["manager"] == {"fullName": EVA.full_name}
    assert bert["line"]["reason"].startswith("heads Initech Berlin, a subsidiary of Initech Europe")
    grace = people[GRACE.full_name]
    assert (grace["directReports"], grace["teamSize"]) == (3, 4 + 2)
    assert (eva["level"], bert["level"]) == (1, 2)
    assert found["levels"] == 3 and found["inferredLines"] == 2 + 2


def test_the_group_chart_keeps_the_companies_own_lines(gql: Gql) -> None:
    alone = by_name(chart(gql, asOf="2026-06-01")["people"])
    group = by_name(chart(gql, asOf="2026-06-01", subs=True)["people"])

    for name in (FRANK.full_name, ANN.full_name, RAJ.full_name, DEV.full_name):
        assert group[name]["line"] == alone[name]["line"]


@pytest.fixture
async def eva_reports_to_frank(org: None, clean_graph: GraphClient) -> None:
    line = ReportingLine(person_uid=EVA.uid, manager_uid=FRANK.uid, provenance=provenance("ox"))
    await GraphWriter(clean_graph).reporting_lines([line])


@pytest.mark.usefixtures("eva_reports_to_frank")
def test_an_explicit_line_into_the_parent_company_wins_over_the_group_structure(
    gql: Gql,
) -> None:
    people = by_name(chart(gql, asOf="2026-06-01", subs=True)["people"])

    eva = people[EVA.full_name]
    assert eva["manager"] == {"fullName": FRANK.full_name}
    assert (eva["line"]["kind"], eva["line"]["confidence"]) == ("EXPLICIT", 1.0)
    assert people[BERT.full_name]["manager"] == {"fullName": EVA.full_name}


def test_min_confidence_above_the_group_lines_leaves_each_subsidiarys_top_a_root(
    gql: Gql,
) -> None:
    found = chart(gql, asOf="2026-06-01", subs=True, min=0.7)

    roots = [r["person"]["fullName"] for r in found["roots"]]
    assert roots[:3] == [GRACE.full_name, EVA.full_name, BERT.full_name]


def test_min_confidence_drops_weak_inferred_lines(gql: Gql) -> None:
    everything = chart(gql, asOf="2026-06-01")
    confident = chart(gql, asOf="2026-06-01", min=0.999)

    assert everything["inferredLines"] == 2
    assert confident["inferredLines"] < 2
    assert len(confident["roots"]) > 1


def test_an_unknown_or_wrong_id_is_not_found(gql: Gql) -> None:
    unknown = data(gql(CHART, {"id": gid("Company", "company:test:nope")}))["orgChart"]
    wrong = data(gql(CHART, {"id": gid("Person", ANN.uid)}))["orgChart"]

    assert unknown == {
        "__typename": "NotFound",
        "message": "No company has this id.",
        "field": "companyId",
    }
    assert wrong["__typename"] == "NotFound" and "does not name a Company" in wrong["message"]


def test_a_min_confidence_out_of_range_is_bad_input(gql: Gql) -> None:
    body = gql(CHART, {"id": gid("Company", INITECH.uid), "min": 2.0})

    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "minConfidence"}


DECIDERS = """query($id: ID!, $limit: Int! = 10) {
  decisionMakers(companyId: $id, limit: $limit, asOf: "2026-06-01") {
    __typename
    ... on DecisionMakers {
      asOf company { name }
      people { rank score title seniority departmentKey summary person { fullName }
               breakdown { name value weight contribution explanation } }
    }
  }
}"""


def test_decision_makers_are_ranked_with_a_breakdown_that_adds_up(gql: Gql) -> None:
    found = data(gql(DECIDERS, {"id": gid("Company", INITECH.uid), "limit": 3}))["decisionMakers"]

    people = found["people"]
    assert [p["rank"] for p in people] == [1, 2, 3]
    assert people[0]["person"] == {"fullName": GRACE.full_name}
    assert people[0]["seniority"] == "C_LEVEL"
    for person in people:
        total = sum(term["contribution"] for term in person["breakdown"])
        assert total == pytest.approx(person["score"], abs=1e-5)
    roles = next(t for t in people[0]["breakdown"] if t["name"] == "deal roles")
    assert roles["explanation"] == "decision maker on 1 deal (1 open)"
    assert people[0]["summary"].startswith("CEO; ")


def test_a_repeated_ranking_comes_from_the_cache_until_someone_writes(
    api: TestClient, gql: Gql
) -> None:
    variables = {"id": gid("Company", INITECH.uid), "limit": 3}
    results: ResultCache = cast(Starlette, api.app).state.results
    first = data(gql(DECIDERS, variables))["decisionMakers"]
    hits = results.stats.hits

    again = data(gql(DECIDERS, variables))["decisionMakers"]

    assert again == first
    assert results.stats.hits == hits + 1
    deleted = gql(
        "mutation($id: ID!) { softDeletePerson(id: $id) { __typename } }",
        {"id": gid("Person", GRACE.uid)},
    )
    assert deleted["data"]["softDeletePerson"]["__typename"] == "SoftDeletePersonSuccess"
    after = data(gql(DECIDERS, variables))["decisionMakers"]
    assert first["people"][0]["person"] == {"fullName": GRACE.full_name}
    assert GRACE.full_name not in [p["person"]["fullName"] for p in after["people"]]


def test_decision_makers_limit_is_checked(gql: Gql) -> None:
    body = gql(DECIDERS, {"id": gid("Company", INITECH.uid), "limit": 0})

    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "limit"}


COMMITTEE_FIELDS = """
  members { roles person { fullName } tie { strength hops colleague { fullName } } }
  roles { role expected covered reason coveredBy { fullName } }
  missing { role reason fit nextPerson { fullName }
            introduction { strength hops colleague { fullName } via { fullName } } }
"""


def test_the_buying_committee_finds_the_missing_economic_buyer_and_an_introducer(
    gql: Gql,
) -> None:
    body = gql(
        "query($id: ID!) { buyingCommittee(dealId: $id) { __typename ... on BuyingCommittee {"
        + COMMITTEE_FIELDS
        + " deal { name } } } }",
        {"id": gid("Deal", DEAL.uid)},
    )

    found = data(body)["buyingCommittee"]
    assert found["deal"] == {"name": "Initech platform"}
    members = {m["person"]["fullName"]: m for m in found["members"]}
    assert members[GRACE.full_name]["roles"] == ["DECISION_MAKER"]
    assert members[GRACE.full_name]["tie"] == {
        "strength": 0.8,
        "hops": 1,
        "colleague": {"fullName": CAROL.full_name},
    }
    missing = {m["role"]: m for m in found["missing"]}
    assert set(missing) == {"ECONOMIC_BUYER", "CHAMPION"}
    buyer = missing["ECONOMIC_BUYER"]
    assert buyer["nextPerson"] == {"fullName": FRANK.full_name}
    assert buyer["introduction"] == {
        "strength": pytest.approx(0.4),
        "hops": 2,
        "colleague": {"fullName": CAROL.full_name},
        "via": {"fullName": GRACE.full_name},
    }
    technical = next(r for r in found["roles"] if r["role"] == "TECHNICAL_BUYER")
    assert technical["covered"] and technical["coveredBy"] == [{"fullName": RAJ.full_name}]


def test_a_deal_answers_its_buying_committee_as_a_nested_field(gql: Gql) -> None:
    body = gql(
        "query($id: ID!) { deal(id: $id) { name buyingCommittee {" + COMMITTEE_FIELDS + " } } }",
        {"id": gid("Deal", DEAL.uid)},
    )

    nested = data(body)["deal"]["buyingCommittee"]
    assert {m["role"] for m in nested["missing"]} == {"ECONOMIC_BUYER", "CHAMPION"}


def test_an_unknown_deal_has_no_committee(gql: Gql) -> None:
    body = gql(
        "query($id: ID!) { buyingCommittee(dealId: $id) { __typename ... on NotFound { field } } }",
        {"id": gid("Deal", "deal:test:nope")},
    )

    assert data(body)["buyingCommittee"] == {"__typename": "NotFound", "field": "dealId"}
