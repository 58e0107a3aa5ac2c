"""CRM queries over HTTP through the ASGI app, against the real Neo4j."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.crm_data import EVE, seed
from tests.api.query_count import queries_sent
from tests.graph.records import ACME, ACME_EU, ANN, BOB, CAROL, DEAL, MAIL

pytestmark = pytest.mark.neo4j
Gql = Callable[..., dict[str, Any]]


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@pytest.fixture(autouse=True)
async def crm(clean_graph: GraphClient) -> None:
    await seed(GraphWriter(clean_graph))


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


def test_a_company_shows_its_360_view(gql: Gql) -> None:
    body = gql(
        """query($id: ID!) { company(id: $id) {
        name source sourceId parent { name } subsidiaries { name } owners { fullName }
        current: employments { title role person { fullName } }
        former: employments(status: FORMER) { title end person { fullName } }
        deals { name stage contacts { role person { fullName } } } } }""",
        {"id": gid("Company", ACME.uid)},
    )

    company = data(body)["company"]
    assert company["name"] == "Acme Inc" and company["sourceId"] == "c1"
    assert company["parent"] is None
    assert company["subsidiaries"] == [{"name": "Acme Europe GmbH"}]
    assert company["owners"] == [{"fullName": "Carol Diaz"}]
    assert {e["person"]["fullName"] for e in company["current"]} == {"Ann Lee", "Eve Park"}
    assert company["former"] == [
        {"title": "Buyer", "end": "2024-12-31", "person": {"fullName": "Bob Stone"}}
    ]
    assert company["deals"] == [
        {
            "name": "Acme renewal",
            "stage": "PROPOSAL",
            "contacts": [{"role": "DECISION_MAKER", "person": {"fullName": "Ann Lee"}}],
        }
    ]


def test_a_person_shows_jobs_manager_reports_and_deal_roles(gql: Gql) -> None:
    body = gql(
        """query($ann: ID!, $eve: ID!) {
        ann: person(id: $ann) { fullName directReports { fullName }
          employments { title role isCurrent company { name parent { name } } }
          currentEmployment { company { name } }
          dealRoles(openOnly: true) { role deal { name owner { fullName } } } }
        eve: person(id: $eve) { manager { fullName } managerLine { kind confidence } } }""",
        {"ann": gid("Person", ANN.uid), "eve": gid("Person", EVE.uid)},
    )

    ann, eve = data(body)["ann"], data(body)["eve"]
    assert ann["directReports"] == [{"fullName": "Eve Park"}]
    assert ann["currentEmployment"] == {"company": {"name": "Acme Inc"}}
    assert {(e["company"]["name"], e["role"]) for e in ann["employments"]} == {
        ("Acme Inc", "EMPLOYEE"),
        ("Acme Europe GmbH", "BOARD_MEMBER"),
    }
    assert ann["dealRoles"] == [
        {
            "role": "DECISION_MAKER",
            "deal": {"name": "Acme renewal", "owner": {"fullName": "Carol Diaz"}},
        }
    ]
    assert eve == {
        "manager": {"fullName": "Ann Lee"},
        "managerLine": {"kind": "EXPLICIT", "confidence": 1.0},
    }


@pytest.mark.parametrize(
    ("type_name", "uid", "field", "value"),
    [
        ("Company", ACME_EU.uid, "name", "Acme Europe GmbH"),
        ("Person", BOB.uid, "fullName", "Bob Stone"),
        ("Deal", DEAL.uid, "name", "Acme renewal"),
        ("Interaction", MAIL.uid, "subject", "mail i1"),
    ],
)
def test_node_resolves_every_global_id(
    gql: Gql, type_name: str, uid: str, field: str, value: str
) -> None:
    body = gql(
        f"""query($id: ID!) {{ node(id: $id) {{ __typename id
        ... on {type_name} {{ {field} source sourceId }} }} }}""",
        {"id": gid(type_name, uid)},
    )

    node = data(body)["node"]
    assert node["__typename"] == type_name and node[field] == value
    assert node["id"] == gid(type_name, uid) and node["source"] == "test"


@pytest.mark.parametrize(
    "id_", [gid("Person", ACME.uid), gid("Company", "nope"), gid("Nonsense", "x")]
)
def test_an_unknown_id_or_one_of_another_type_gives_null(gql: Gql, id_: str) -> None:
    body = gql("query($id: ID!) { company(id: $id) { name } node(id: $id) { id } }", {"id": id_})
    assert data(body) == {"company": None, "node": None}


def _names(body: dict[str, Any], root: str, field: str = "fullName") -> list[str]:
    return [n[field] for n in data(body)[root]["nodes"]]


def test_people_at_companies_of_an_industry_and_former_staff(gql: Gql) -> None:
    body = gql("""{ now: people(filter: {currentEmployment: {company: {industry: {eq: "Manufacturing"}}}}) { nodes { fullName } }
        past: people(filter: {pastEmployment: {company: {name: {startsWith: "acme"}}}}) { nodes { fullName } } }""")  # noqa: E501
    assert _names(body, "now") == ["Ann Lee", "Eve Park"]
    assert _names(body, "past") == ["Bob Stone"]


def test_deals_where_some_contact_is_a_decision_maker(gql: Gql) -> None:
    body = gql("""{ yes: deals(filter: {contact: {role: {eq: DECISION_MAKER}}}) { nodes { name } }
        no: deals(filter: {contact: {role: {eq: BLOCKER}}}) { totalCount } }""")
    assert _names(body, "yes", "name") == ["Acme renewal"]
    assert data(body)["no"]["totalCount"] == 0


def test_and_or_not_combine(gql: Gql) -> None:
    body = gql("""{ people(filter: {or: [{title: {eq: "CFO"}}, {isColleague: {eq: true}}],
                               not: {fullName: {contains: "carol"}}}) { nodes { fullName } } }""")
    assert _names(body, "people") == ["Ann Lee"]


def test_order_by_several_fields_with_null_placement(gql: Gql) -> None:
    body = gql("""{ people(orderBy: [{field: TITLE, direction: DESC, nulls: FIRST},
                                     {field: FULL_NAME}]) { nodes { fullName } } }""")
    # Carol has no title; then VP Finance, CFO, Buyer (descending).
    assert _names(body, "people") == ["Carol Diaz", "Eve Park", "Ann Lee", "Bob Stone"]


def test_pages_forward_and_backward_with_cursors(gql: Gql) -> None:
    page = (
        "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
        "edges { cursor node { fullName } }"
    )
    first = data(gql("{ people(first: 2) { " + page + " } }"))["people"]
    second = data(
        gql(
            "query($a: String) { people(first: 2, after: $a) { " + page + " } }",
            {"a": first["pageInfo"]["endCursor"]},
        )
    )["people"]
    back = data(
        gql(
            "query($b: String) { people(last: 1, before: $b) { " + page + " } }",
            {"b": second["pageInfo"]["startCursor"]},
        )
    )["people"]
    tail = data(gql("{ people(last: 3) { " + page + " } }"))["people"]

    def names(conn: dict[str, Any]) -> list[str]:
        return [e["node"]["fullName"] for e in conn["edges"]]

    assert first["totalCount"] == 4 and names(first) == ["Ann Lee", "Bob Stone"]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    assert names(second) == ["Carol Diaz", "Eve Park"]
    assert not second["pageInfo"]["hasNextPage"] and second["pageInfo"]["hasPreviousPage"]
    assert names(back) == ["Bob Stone"]
    assert names(tail) == ["Bob Stone", "Carol Diaz", "Eve Park"]
    assert tail["pageInfo"]["hasPreviousPage"] and not tail["pageInfo"]["hasNextPage"]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ("first: 101", "first"),
        ("last: -1", "last"),
        ('after: "not-a-cursor"', "after"),
    ],
)
def test_bad_page_arguments_are_typed_errors_naming_the_argument(
    gql: Gql, arguments: str, field: str
) -> None:
    body = gql("{ people(" + arguments + ") { totalCount } }")

    error = body["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert field in error["message"]


def test_a_persons_timeline_by_kind_and_time_newest_first(gql: Gql) -> None:
    body = gql(
        """query($carol: ID!, $acme: ID!) {
        all: interactions(personId: $carol) { totalCount nodes { subject kind } }
        mail: interactions(personId: $carol, kinds: [EMAIL], from: "2026-02-01T00:00:00+00:00")
          { nodes { subject participants { role person { fullName } } } }
        acme: interactions(companyId: $acme, to: "2026-01-10T00:00:00+00:00")
          { nodes { subject } } }""",
        {"carol": gid("Person", CAROL.uid), "acme": gid("Company", ACME.uid)},
    )

    result = data(body)
    assert [n["subject"] for n in result["all"]["nodes"]] == ["mail i3", "meeting i2", "mail i1"]
    assert result["mail"]["nodes"] == [
        {
            "subject": "mail i3",
            "participants": [
                {"role": "FROM", "person": {"fullName": "Eve Park"}},
                {"role": "TO", "person": {"fullName": "Carol Diaz"}},
            ],
        }
    ]
    assert [n["subject"] for n in result["acme"]["nodes"]] == ["mail i1"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ('{title: {eq: "CFO"}}', ["Ann Lee"]),
        ('{title: {neq: "CFO"}}', ["Bob Stone", "Carol Diaz", "Eve Park"]),
        ('{email: {in: ["eve@acme.com", "bob@acme.com"]}}', ["Bob Stone", "Eve Park"]),
        ('{fullName: {contains: "PARK"}}', ["Eve Park"]),
        ('{fullName: {startsWith: "b"}}', ["Bob Stone"]),
        ("{title: {isNull: true}}", ["Carol Diaz"]),
        ('{fullName: {gt: "Carol Diaz"}}', ["Eve Park"]),
        ('{fullName: {gte: "Carol Diaz"}}', ["Carol Diaz", "Eve Park"]),
        ('{fullName: {lt: "Bob Stone"}}', ["Ann Lee"]),
        ('{fullName: {lte: "Bob Stone"}}', ["Ann Lee", "Bob Stone"]),
        ("{seniority: {eq: VP}}", ["Eve Park"]),
        ("{isColleague: {eq: true}}", ["Carol Diaz"]),
        (
            '{anyEmployment: {role: {eq: BOARD_MEMBER}, company: {name: {contains: "europe"}}}}',
            ["Ann Lee"],
        ),
        (
            '{and: [{email: {contains: "acme"}}, {not: {title: {eq: "Buyer"}}}]}',
            ["Ann Lee", "Eve Park"],
        ),
    ],
)
def test_every_filter_operator_works_through_graphql(
    gql: Gql, where: str, expected: list[str]
) -> None:
    assert _names(gql("{ people(filter: " + where + ") { nodes { fullName } } }"), "people") == (
        expected
    )


def test_companies_and_deals_filter_on_numbers_dates_and_relations(gql: Gql) -> None:
    body = gql("""{
        families: companies(filter: {parent: {domain: {eq: "acme.com"}}}) { nodes { name } }
        staffed: companies(filter: {currentPeople: {title: {eq: "VP Finance"}}}) { nodes { name } }
        big: deals(filter: {amount: {gte: 50000}, closeDate: {lt: "2027-01-01"},
                            company: {name: {eq: "Acme Inc"}}, owner: {isColleague: {eq: true}}})
          { nodes { name } }
        none: deals(filter: {probability: {gt: 0.9}}) { totalCount } }""")
    assert _names(body, "families", "name") == ["Acme Europe GmbH"]
    assert _names(body, "staffed", "name") == ["Acme Inc"]
    assert _names(body, "big", "name") == ["Acme renewal"]
    assert data(body)["none"]["totalCount"] == 0


def test_a_company_shows_the_newest_interactions_of_its_people(gql: Gql) -> None:
    body = gql(
        """query($id: ID!) { company(id: $id) {
            recentInteractions(limit: 2) { subject occurredAt }
            all: recentInteractions { subject } } }""",
        {"id": gid("Company", ACME.uid)},
    )
    company = data(body)["company"]
    # Eve (Acme) mailed Carol last; Ann (Acme) met Carol before; Bob (formerly Acme) was mailed.
    assert [i["subject"] for i in company["recentInteractions"]] == ["mail i3", "meeting i2"]
    assert [i["subject"] for i in company["all"]] == ["mail i3", "meeting i2", "mail i1"]


def test_recent_interactions_of_a_page_of_companies_cost_two_batched_queries(
    gql: Gql, api: TestClient
) -> None:
    before = queries_sent(api)
    gql("{ companies { nodes { name } } }")
    plain = queries_sent(api) - before

    before = queries_sent(api)
    body = gql("{ companies { nodes { name recentInteractions(limit: 1) { subject } } } }")
    nested = queries_sent(api) - before

    recent = {
        c["name"]: [i["subject"] for i in c["recentInteractions"]]
        for c in data(body)["companies"]["nodes"]
    }
    assert recent == {
        "Acme Europe GmbH": ["meeting i2"],
        "Acme Inc": ["mail i3"],
        "Relgraph Ltd": ["mail i3"],
    }
    assert nested - plain == 2  # one batch of recent uids, one batch of interactions


def test_a_recent_interactions_limit_out_of_range_is_a_typed_error(gql: Gql) -> None:
    body = gql(
        """query($id: ID!) { company(id: $id) { recentInteractions(limit: 51) { subject } } }""",
        {"id": gid("Company", ACME.uid)},
    )
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "limit"}


def test_node_reports_a_lost_database_as_an_error_not_as_not_found(
    api_whose_resolvers_lose_the_database: TestClient,
) -> None:
    response = api_whose_resolvers_lose_the_database.post(
        "/graphql",
        json={
            "query": "query($id: ID!) { node(id: $id) { id } }",
            "variables": {"id": gid("Person", ANN.uid)},
        },
    )

    body = response.json()
    assert body["data"] == {"node": None}
    assert body["errors"][0]["message"] == "Unexpected error."
