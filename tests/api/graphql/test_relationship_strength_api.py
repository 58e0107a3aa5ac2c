"""relationshipStrength and Person.relationships through the GraphQL API (real Neo4j)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from algorithms.relationship_strength import Direction, Touch, tie_strength
from graph.driver import GraphClient
from schema.enums import InteractionKind
from tests.api.referral_data import AS_OF, seed_referrals, state_connection
from tests.graph.records import ACME, ANN, BOB, CAROL, T0

pytestmark = pytest.mark.neo4j


def _days(n: int) -> timedelta:
    return timedelta(days=n)


Gql = Callable[..., dict[str, Any]]

STRENGTH = """
query($a: ID!, $b: ID!, $at: DateTime) {
  relationshipStrength(personA: $a, personB: $b, asOf: $at) {
    __typename
    ... on RelationshipStrength {
      personA { fullName } personB { fullName }
      strength interactionStrength count firstInteractionAt lastInteractionAt reciprocity
      breakdown { name value explanation }
      channels { kind count volume share }
      trend { direction recentVolume previousVolume recentCount previousCount windowDays }
      goingCold coldReason
      signals { kind label weight since } signalStrength
      formula { halfLifeDays saturation coldAfterDays channelWeights { kind weight } }
    }
    ... on NotFound { message field }
  }
}
"""


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@pytest.fixture(autouse=True)
async def world(clean_graph: GraphClient) -> None:
    await seed_referrals(clean_graph)


def strength(gql: Gql, a: str, b: str, at: str | None = AS_OF.isoformat()) -> dict[str, Any]:
    body = gql(STRENGTH, {"a": gid("Person", a), "b": gid("Person", b), "at": at})
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["relationshipStrength"]
    return result


def test_the_strength_of_a_pair_follows_the_published_formula(gql: Gql) -> None:
    result = strength(gql, CAROL.uid, BOB.uid)

    touches = [
        Touch(kind=InteractionKind.MEETING, at=T0 + _days(5 * i), direction=Direction.MUTUAL)
        for i in range(8)
    ]
    expected = tie_strength(touches, as_of=AS_OF)
    assert result["strength"] == pytest.approx(expected.strength)
    assert result["count"] == 8 and result["reciprocity"] == 1.0
    assert [t["name"] for t in result["breakdown"]] == [
        "frequency",
        "recency",
        "reciprocity",
        "interaction strength",
        "explicit signals",
        "strength",
    ]
    assert result["channels"] == [
        {
            "kind": "MEETING",
            "count": 8,
            "volume": pytest.approx(expected.volume),
            "share": pytest.approx(1.0),
        }
    ]
    assert result["trend"]["direction"] == "NEW"
    assert result["goingCold"] is False
    assert result["formula"]["halfLifeDays"] == 365.0
    assert result["personA"]["fullName"] == "Carol Diaz"


def test_months_later_the_same_tie_is_going_cold(gql: Gql) -> None:
    later = (AS_OF + _days(200)).isoformat()

    result = strength(gql, CAROL.uid, BOB.uid, at=later)

    assert result["goingCold"] is True and "no touch for" in result["coldReason"]
    assert result["trend"]["direction"] == "DORMANT"


async def test_a_stated_connection_adds_to_the_strength_by_noisy_or(
    gql: Gql, clean_graph: GraphClient
) -> None:
    before = strength(gql, CAROL.uid, ANN.uid)
    await state_connection(clean_graph, CAROL.uid, ANN.uid)
    await state_connection(clean_graph, ANN.uid, CAROL.uid, kind="former colleague")

    after = strength(gql, CAROL.uid, ANN.uid)

    assert before["strength"] == 0.0 and before["count"] == 0
    assert {s["kind"] for s in after["signals"]} == {"CONNECTION", "RELATIONSHIP"}
    assert after["signalStrength"] == pytest.approx(1 - 0.8 * 0.5)
    assert after["strength"] == pytest.approx(0.6)


def test_an_unknown_person_is_not_found_and_a_company_id_is_bad_input(gql: Gql) -> None:
    missing = strength(gql, CAROL.uid, "person:test:nobody")
    body = gql(STRENGTH, {"a": gid("Company", ACME.uid), "b": gid("Person", ANN.uid)})

    assert missing == {
        "__typename": "NotFound",
        "message": "no person with the id of personB",
        "field": "personB",
    }
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "personA"}


def test_a_person_lists_their_strongest_ties_with_trend_and_cold_flag(gql: Gql) -> None:
    body = gql(
        """query($id: ID!) { person(id: $id) {
             all: relationships { person { fullName } strength count lastAt trend goingCold }
             ours: relationships(colleaguesOnly: true) { person { fullName } }
             strong: relationships(minStrength: 0.9) { person { fullName } }
             one: relationships(first: 1) { person { fullName } } } }""",
        {"id": gid("Person", BOB.uid)},
    )

    person = body["data"]["person"]
    assert [t["person"]["fullName"] for t in person["all"]] == ["Ann Lee", "Carol Diaz"] or [
        t["person"]["fullName"] for t in person["all"]
    ] == ["Carol Diaz", "Ann Lee"]
    strengths = [t["strength"] for t in person["all"]]
    assert strengths == sorted(strengths, reverse=True)
    assert all(
        t["count"] == 8 and t["trend"] == "NEW" and t["goingCold"] is False for t in person["all"]
    )
    assert [t["person"]["fullName"] for t in person["ours"]] == ["Carol Diaz"]
    assert person["strong"] == []
    assert len(person["one"]) == 1


def test_a_page_of_ties_is_bounded(gql: Gql) -> None:
    body = gql(
        "query($id: ID!) { person(id: $id) { relationships(first: 101) { strength } } }",
        {"id": gid("Person", BOB.uid)},
    )

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}


STATE = """
mutation($a: ID!, $b: ID!, $kind: String!) {
  stateRelationship(personA: $a, personB: $b, kind: $kind, since: "2023-04-01") {
    __typename
    ... on StateRelationshipSuccess { strength { strength signals { kind label since } } }
    ... on NotFound { field }
    ... on ValidationError { field }
  }
}
"""


def test_a_stated_relationship_is_written_once_and_counts_as_a_signal(gql: Gql) -> None:
    ids = {"a": gid("Person", CAROL.uid), "b": gid("Person", ANN.uid)}

    first = gql(STATE, {**ids, "kind": "former colleague"})["data"]["stateRelationship"]
    again = gql(STATE, {**ids, "kind": "friend"})["data"]["stateRelationship"]

    assert first["__typename"] == "StateRelationshipSuccess"
    assert first["strength"]["strength"] == pytest.approx(0.5)
    assert again["strength"]["signals"] == [
        {"kind": "RELATIONSHIP", "label": "friend", "since": "2023-04-01"}
    ]


@pytest.mark.parametrize(
    ("b", "kind", "expected"),
    [
        ("person:test:nobody", "friend", ("NotFound", "personB")),
        (CAROL.uid, "friend", ("ValidationError", "personB")),
        (ANN.uid, "  ", ("ValidationError", "kind")),
    ],
)
def test_stating_a_relationship_refuses_what_it_cannot_record(
    gql: Gql, b: str, kind: str, expected: tuple[str, str]
) -> None:
    body = gql(STATE, {"a": gid("Person", CAROL.uid), "b": gid("Person", b), "kind": kind})

    result = body["data"]["stateRelationship"]
    assert (result["__typename"], result["field"]) == expected
