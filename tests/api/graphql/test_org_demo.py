"""Org charts, decision-makers and buying committees on the demo data, scored against the
generator's ground truth (thresholds on quality figures, never on time)."""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

import pytest

from api.cli.quality.orgchart import score_org_chart
from graph.driver import GraphClient
from ingest.demo import DemoDataset
from schema.enums import EmploymentRole
from tests.api.conftest import GraphQLCall

pytestmark = pytest.mark.neo4j


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


def largest_accounts(dataset: DemoDataset, n: int) -> list[str]:
    home = {c.uid for c in dataset.companies if c.is_home}
    staff = Counter(
        e.company_uid
        for e in dataset.employments
        if e.role is EmploymentRole.EMPLOYEE and e.end is None and e.company_uid not in home
    )
    return [uid for uid, _ in staff.most_common(n)]


@pytest.fixture(scope="module")
async def figures(demo_client: GraphClient, demo_dataset: DemoDataset) -> dict[str, float]:
    found = await score_org_chart(demo_client, demo_dataset.ground_truth)
    values = {f.name: f.value for f in found}
    assert all(v is not None for v in values.values()), values
    return {name: float(v) for name, v in values.items() if v is not None}


def test_inferred_reports_to_lines_match_the_withheld_true_lines(figures: dict[str, float]) -> None:
    assert figures["inferred lines precision (all)"] >= 0.9
    assert figures["inferred lines recall (all)"] >= 0.9
    assert figures["inferred lines precision (confidence >= 0.5)"] >= 0.95
    assert figures["inferred lines recall (confidence >= 0.5)"] >= 0.8


def test_empty_c_level_seats_match_the_seats_left_empty(figures: dict[str, float]) -> None:
    assert figures["empty C-level seats precision"] >= 0.75
    assert figures["empty C-level seats recall"] >= 0.85


def test_decision_maker_scores_follow_true_seniority(figures: dict[str, float]) -> None:
    assert figures["Spearman: score vs true seniority, mean per company"] >= 0.8
    assert figures["Spearman: score vs true seniority, pooled"] >= 0.7


CHART = """query($id: ID!, $asOf: Date) {
  orgChart(companyId: $id, asOf: $asOf) {
    ... on OrgChart {
      levels roots { person { id } }
      people { person { id } level line { kind confidence reason manager { id } } }
    }
  }
}"""


def node_uid(global_id: str) -> str:
    return base64.b64decode(global_id).decode().split(":", 1)[1]


def test_the_largest_account_chart_infers_its_withheld_lines(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    truth = demo_dataset.ground_truth
    [account] = largest_accounts(demo_dataset, 1)

    body = demo_gql(CHART, {"id": gid("Company", account), "asOf": truth.anchor.isoformat()})

    chart: dict[str, Any] = body["data"]["orgChart"]
    withheld = set(truth.withheld_reports_to())
    right = wrong = 0
    for node in chart["people"]:
        person, line = node_uid(node["person"]["id"]), node["line"]
        if line is None or line["kind"] != "INFERRED":
            continue
        assert 0 <= line["confidence"] <= 1 and line["reason"]
        if person in withheld:
            if node_uid(line["manager"]["id"]) == truth.true_reports_to[person]:
                right += 1
            else:
                wrong += 1
    assert right >= 20 and right / (right + wrong) >= 0.9
    assert len(chart["roots"]) == 1
    top = node_uid(chart["roots"][0]["person"]["id"])
    assert truth.seniority_rank[top] == 0


def test_the_top_of_each_large_account_is_its_first_decision_maker(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    truth = demo_dataset.ground_truth
    for account in largest_accounts(demo_dataset, 5):
        body = demo_gql(
            """query($id: ID!, $asOf: Date) { decisionMakers(companyId: $id, limit: 3,
                 asOf: $asOf) { ... on DecisionMakers { people { rank score person { id }
                 breakdown { contribution } } } } }""",
            {"id": gid("Company", account), "asOf": truth.anchor.isoformat()},
        )
        people = body["data"]["decisionMakers"]["people"]
        assert truth.seniority_rank[node_uid(people[0]["person"]["id"])] == 0, account
        for p in people:
            assert sum(t["contribution"] for t in p["breakdown"]) == pytest.approx(
                p["score"], abs=1e-5
            )


def test_buying_committees_of_a_large_account_name_whom_to_engage(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    accounts = largest_accounts(demo_dataset, 10)
    with_deals = [d for d in demo_dataset.deals if d.company_uid in accounts]

    body = demo_gql(
        """query($id: ID!) { deal(id: $id) { buyingCommittee {
             roles { role expected covered }
             members { roles person { id } }
             missing { role reason fit nextPerson { id } } } } }""",
        {"id": gid("Deal", with_deals[0].uid)},
    )

    committee = body["data"]["deal"]["buyingCommittee"]
    expected = {r["role"] for r in committee["roles"] if r["expected"]}
    assert {"DECISION_MAKER", "ECONOMIC_BUYER", "CHAMPION"} <= expected
    covered = {r["role"] for r in committee["roles"] if r["covered"]}
    assert {m["role"] for m in committee["missing"]} == expected - covered
    assert all(m["nextPerson"] is not None and m["reason"] for m in committee["missing"])


GROUP_CHART = """query($id: ID!, $asOf: Date, $subs: Boolean!) {
  orgChart(companyId: $id, asOf: $asOf, includeSubsidiaries: $subs) {
    ... on OrgChart {
      levels companies { id name } roots { person { id } }
      people {
        person { id } company { id } level teamSize
        line { kind confidence reason manager { id } }
      }
    }
  }
}"""


def staffed_family(dataset: DemoDataset) -> tuple[str, list[str]]:
    """The parent with the most subsidiaries, all of them with people on the anchor day."""
    day = dataset.ground_truth.anchor
    staffed = {
        e.company_uid
        for e in dataset.employments
        if e.role is EmploymentRole.EMPLOYEE
        and (e.start is None or e.start <= day)
        and (e.end is None or e.end >= day)
    }
    children: dict[str, list[str]] = {}
    for s in dataset.subsidiaries:
        children.setdefault(s.parent_uid, []).append(s.child_uid)
    families = [
        (parent, subs)
        for parent, subs in children.items()
        if parent in staffed and all(c in staffed and c not in children for c in subs)
    ]
    return max(families, key=lambda f: (len(f[1]), f[0]))


def test_a_demo_group_is_one_chart_under_the_parents_top(
    demo_gql: GraphQLCall, demo_dataset: DemoDataset
) -> None:
    parent, subsidiaries = staffed_family(demo_dataset)
    asked = {"id": gid("Company", parent), "asOf": demo_dataset.ground_truth.anchor.isoformat()}

    alone = demo_gql(GROUP_CHART, {**asked, "subs": False})["data"]["orgChart"]
    group = demo_gql(GROUP_CHART, {**asked, "subs": True})["data"]["orgChart"]

    names = {node_uid(c["id"]): c["name"] for c in group["companies"]}
    assert set(names) == {parent, *subsidiaries}
    assert group["roots"] == alone["roots"]
    top = node_uid(group["roots"][0]["person"]["id"])
    heads = [
        p
        for p in group["people"]
        if node_uid(p["company"]["id"]) != parent
        and p["line"] is not None
        and node_uid(p["line"]["manager"]["id"]) == top
    ]
    assert {node_uid(p["company"]["id"]) for p in heads} == set(subsidiaries)
    for head in heads:
        sub = names[node_uid(head["company"]["id"])]
        assert (head["line"]["kind"], head["line"]["confidence"]) == ("INFERRED", 0.6)
        assert head["line"]["reason"].startswith(f"heads {sub}, a subsidiary of {names[parent]};")
    [root] = [p for p in group["people"] if p["level"] == 0]
    assert root["teamSize"] == len(group["people"]) - 1
    assert group["levels"] >= alone["levels"]
