"""With the resident projection on, the API answers exactly as with per-request reads (on the
demo data: org charts, decision-makers, referral paths, hidden links of a company, buying
committees), and a write made by another client
is in the next answer (read-your-writes through the change feed)."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from ingest.demo import DemoDataset
from tests.api.conftest import GraphQLCall
from tests.graph.records import company, employment, person

pytestmark = pytest.mark.neo4j

CHART = """query($id: ID!, $asOf: Date) { orgChart(companyId: $id, asOf: $asOf) {
  ... on OrgChart { levels inferredLines roots { person { id } }
    people { person { id } level title manager { id } line { kind confidence reason } }
    emptySeats { seat reason } } } }"""
RANKING = """query($id: ID!, $asOf: Date) { decisionMakers(companyId: $id, limit: 10,
  asOf: $asOf) { ... on DecisionMakers { people { rank score person { id } } } } }"""
PATHS = """query($from: ID, $to: ID!) { referralPaths(from: $from, to: $to, k: 5, maxHops: 4) {
  __typename ... on ReferralPaths { truncated paths { score people { id }
  hops { strength evidence { kind } } } } } }"""
LINKS = """query($id: ID!) { hiddenLinks(companyId: $id, minConfidence: 0.0, first: 100) {
  __typename ... on HiddenLinks { totalCount links { kind confidence reason evidenceCount
    company { id } otherCompany { id }
    evidence { description weight value sharedBy scores { name value } person { id }
      company { id } tenures { role title start end company { id } } } } } } }"""
COMMITTEE = """query($id: ID!) { deal(id: $id) { buyingCommittee {
  roles { role expected covered }
  members { roles person { id } }
  missing { role reason fit nextPerson { id } } } } }"""


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


def wait_for_projection(api: TestClient) -> None:
    """Poll /readyz until the projection is built (bounded: two minutes)."""
    deadline = time.monotonic() + 120
    while api.get("/readyz").json().get("projection") != "ready":
        assert time.monotonic() < deadline, "the projection was not built in two minutes"
        time.sleep(0.2)


@pytest.fixture
def resident_api(demo_settings: GraphSettings, demo_admin_key: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(graph=demo_settings))) as client:
        client.headers["Authorization"] = f"Bearer {demo_admin_key}"
        wait_for_projection(client)
        yield client


def post(api: TestClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = api.post(
        "/graphql", json={"query": query, "variables": variables}
    ).json()
    assert "errors" not in body, body
    return body


def test_org_charts_rankings_and_paths_from_memory_are_the_ones_read_per_request(
    resident_api: TestClient, demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    day = demo_dataset.ground_truth.anchor.isoformat()
    accounts = sorted({c.uid for c in demo_dataset.companies})[:12]
    for uid in accounts:
        for query in (CHART, RANKING):
            variables = {"id": gid("Company", uid), "asOf": day}
            assert post(resident_api, query, variables) == demo_gql(query, variables), uid
    for intro in demo_dataset.ground_truth.planted_introductions[:4]:
        variables = {"from": gid("Person", intro.source_uid), "to": gid("Person", intro.target_uid)}
        assert post(resident_api, PATHS, variables) == demo_gql(PATHS, variables)


def test_hidden_links_and_buying_committees_from_memory_are_the_ones_read_per_request(
    resident_api: TestClient, demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    accounts = sorted({c.uid for c in demo_dataset.companies})
    for uid in accounts[:10] + accounts[-5:]:
        variables = {"id": gid("Company", uid)}
        assert post(resident_api, LINKS, variables) == demo_gql(LINKS, variables), uid
    for deal in sorted(demo_dataset.deals, key=lambda d: d.uid)[:8]:
        variables = {"id": gid("Deal", deal.uid)}
        assert post(resident_api, COMMITTEE, variables) == demo_gql(COMMITTEE, variables), deal


async def test_a_write_by_another_client_is_in_the_next_answer(
    clean_graph: GraphClient, api_settings: ApiSettings, admin_key: str
) -> None:
    acme, ann = company("c1", "Acme"), person("p1", "Ann Lee", title="CFO")
    settings = ApiSettings(graph=api_settings.graph)  # the projection on
    with TestClient(create_app(settings)) as api:
        api.headers["Authorization"] = f"Bearer {admin_key}"
        wait_for_projection(api)
        writer = GraphWriter(clean_graph)
        await writer.companies([acme])
        await writer.people([ann])
        await writer.employments([employment("e1", ann, acme, title="CFO")])

        chart = post(api, CHART, {"id": gid("Company", acme.uid), "asOf": "2026-06-01"})

        people = chart["data"]["orgChart"]["people"]
        assert [p["person"]["id"] for p in people] == [gid("Person", ann.uid)]
        assert api.get("/readyz").json()["appliedChange"] > 0
