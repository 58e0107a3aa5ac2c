"""Deal mutations over HTTP against the real Neo4j: fields, stage history, buying committee."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.crm_data import seed
from tests.api.mutation_calls import ERROR, STALE, Gql, gid, refusal, result, signed_in
from tests.graph.records import ACME, ANN, BOB, CAROL, DEAL

pytestmark = pytest.mark.neo4j

FIELDS = """id name amount currency stage probability closeDate version deletedAt source
  company { name } owner { fullName } stageHistory { stage fromStage changedAt }"""
CREATE = f"""mutation($input: CreateDealInput!) {{ createDeal(input: $input) {{
  __typename ... on CreateDealSuccess {{ deal {{ {FIELDS} }} }} {ERROR} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: DealChangesInput!, $v: Int) {{
  updateDeal(id: $id, input: $input, expectedVersion: $v) {{
  __typename ... on UpdateDealSuccess {{ deal {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
MOVE = f"""mutation($id: ID!, $stage: DealStage!, $p: Float, $v: Int) {{
  moveDealStage(dealId: $id, stage: $stage, probability: $p, expectedVersion: $v) {{
  __typename ... on MoveDealStageSuccess {{ deal {{ {FIELDS} }} }} {ERROR} {STALE} }} }}"""
DELETE = f"""mutation($id: ID!) {{ softDeleteDeal(id: $id) {{
  __typename ... on SoftDeleteDealSuccess {{ deal {{ {FIELDS} }} }} {ERROR} }} }}"""
RESTORE = f"""mutation($id: ID!) {{ restoreDeal(id: $id) {{
  __typename ... on RestoreDealSuccess {{ deal {{ {FIELDS} }} }} {ERROR} }} }}"""
CONTACT_ARGS = "$deal: ID!, $person: ID!"
ADD = f"""mutation({CONTACT_ARGS}, $role: DealContactRole!) {{
  addDealContact(dealId: $deal, personId: $person, role: $role) {{ __typename
  ... on AddDealContactSuccess {{ created contact {{ role person {{ fullName }} }}
      deal {{ contacts {{ role person {{ fullName }} }} }} }} {ERROR} }} }}"""
CHANGE = f"""mutation({CONTACT_ARGS}, $from: DealContactRole!, $to: DealContactRole!) {{
  changeDealContactRole(dealId: $deal, personId: $person, fromRole: $from, toRole: $to) {{
  __typename ... on ChangeDealContactRoleSuccess {{ contact {{ role }}
      deal {{ contacts {{ role person {{ fullName }} }} }} }} {ERROR} }} }}"""
REMOVE = f"""mutation({CONTACT_ARGS}, $role: DealContactRole!) {{
  removeDealContact(dealId: $deal, personId: $person, role: $role) {{ __typename
  ... on RemoveDealContactSuccess {{ deal {{ contacts {{ role person {{ fullName }} }} }} }}
  {ERROR} }} }}"""
LIST = "{ deals { totalCount nodes { name } } }"


@pytest.fixture
async def seeded(clean_graph: GraphClient) -> None:
    await seed(GraphWriter(clean_graph))


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str, seeded: None) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


def _create(gql: Gql, **fields: object) -> dict[str, Any]:
    body = gql(CREATE, {"input": {"name": "Initech pilot", **fields}})
    deal: dict[str, Any] = result(body, "createDeal")["deal"]
    return deal


def test_a_new_deal_links_company_and_owner_and_starts_its_stage_history(gql: Gql) -> None:
    deal = _create(
        gql,
        companyId=gid("Company", ACME.uid),
        ownerId=gid("Person", CAROL.uid),
        amount=12000.5,
        currency="eur",
        closeDate="2027-03-31",
    )

    assert (deal["company"], deal["owner"]) == ({"name": "Acme Inc"}, {"fullName": "Carol Diaz"})
    assert (deal["currency"], deal["amount"], deal["closeDate"]) == ("EUR", 12000.5, "2027-03-31")
    assert (deal["stage"], deal["version"], deal["source"]) == ("PROSPECTING", 1, "api")
    [first] = deal["stageHistory"]
    assert (first["stage"], first["fromStage"]) == ("PROSPECTING", None)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "US"}, "currency"),
        ({"amount": -1.0}, "amount"),
        ({"probability": 1.5}, "probability"),
        ({"probability": -0.1}, "probability"),
        ({"name": "n" * 201}, "name"),
        ({"stage": "CLOSED_WON", "probability": 0.5}, "probability"),
    ],
)
def test_an_invalid_deal_is_a_validation_error_naming_the_field(
    gql: Gql, fields: dict[str, object], field: str
) -> None:
    body = gql(CREATE, {"input": {"name": "X", **fields}})

    assert refusal(body, "createDeal") == ("ValidationError", field)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"companyId": gid("Company", "company:x:none")}, "companyId"),
        ({"ownerId": gid("Company", CAROL.uid)}, "ownerId"),
        ({"ownerId": gid("Person", "person:x:none")}, "ownerId"),
    ],
)
def test_a_deal_referencing_nothing_is_not_found_naming_the_field(
    gql: Gql, fields: dict[str, object], field: str
) -> None:
    body = gql(CREATE, {"input": {"name": "X", **fields}})

    assert refusal(body, "createDeal") == ("NotFound", field)


def test_moving_a_deal_keeps_its_stage_history_with_timestamps_in_order(gql: Gql) -> None:
    deal = _create(gql)

    gql(MOVE, {"id": deal["id"], "stage": "QUALIFICATION", "p": 0.2})
    gql(MOVE, {"id": deal["id"], "stage": "PROPOSAL", "v": 2})
    won = result(gql(MOVE, {"id": deal["id"], "stage": "CLOSED_WON"}), "moveDealStage")["deal"]

    history = won["stageHistory"]
    assert [(h["fromStage"], h["stage"]) for h in history] == [
        (None, "PROSPECTING"),
        ("PROSPECTING", "QUALIFICATION"),
        ("QUALIFICATION", "PROPOSAL"),
        ("PROPOSAL", "CLOSED_WON"),
    ]
    times = [datetime.fromisoformat(h["changedAt"]) for h in history]
    assert times == sorted(times) and len(set(times)) == 4
    assert (won["stage"], won["probability"], won["version"]) == ("CLOSED_WON", 1.0, 4)


def test_losing_a_deal_sets_its_probability_to_zero(gql: Gql) -> None:
    deal = _create(gql, probability=0.6)

    lost = result(gql(MOVE, {"id": deal["id"], "stage": "CLOSED_LOST"}), "moveDealStage")

    assert (lost["deal"]["stage"], lost["deal"]["probability"]) == ("CLOSED_LOST", 0.0)


def test_moving_an_imported_deal_starts_its_history_with_its_stage_then(gql: Gql) -> None:
    body = gql(MOVE, {"id": gid("Deal", DEAL.uid), "stage": "NEGOTIATION", "p": 0.7})

    deal = result(body, "moveDealStage")["deal"]
    assert [h["stage"] for h in deal["stageHistory"]] == ["PROPOSAL", "NEGOTIATION"]
    assert (deal["probability"], deal["version"]) == (0.7, 2)


def test_a_stage_move_may_be_stale_not_found_or_out_of_range(gql: Gql) -> None:
    deal = _create(gql)

    stale = result(gql(MOVE, {"id": deal["id"], "stage": "PROPOSAL", "v": 5}), "moveDealStage")
    missing = gql(MOVE, {"id": gid("Deal", "deal:x:none"), "stage": "PROPOSAL"})
    wrong = gql(MOVE, {"id": deal["id"], "stage": "PROPOSAL", "p": 2.0})

    assert (stale["__typename"], stale["expectedVersion"], stale["actualVersion"]) == (
        "StaleVersion",
        5,
        1,
    )
    assert refusal(missing, "moveDealStage") == ("NotFound", "dealId")
    assert refusal(wrong, "moveDealStage") == ("ValidationError", "probability")


def test_an_update_changes_the_given_fields_and_can_unlink_the_company(gql: Gql) -> None:
    deal = _create(gql, companyId=gid("Company", ACME.uid), closeDate="2027-01-31")

    body = gql(
        UPDATE,
        {"id": deal["id"], "input": {"amount": 5.0, "closeDate": None, "companyId": None}},
    )

    updated = result(body, "updateDeal")["deal"]
    assert (updated["amount"], updated["closeDate"], updated["company"]) == (5.0, None, None)
    assert (updated["name"], updated["version"]) == ("Initech pilot", 2)


def test_an_update_is_refused_when_stale_unknown_or_invalid(gql: Gql) -> None:
    deal = _create(gql)

    stale = result(gql(UPDATE, {"id": deal["id"], "input": {"amount": 1.0}, "v": 9}), "updateDeal")
    missing = gql(UPDATE, {"id": gid("Deal", "deal:x:none"), "input": {"amount": 1.0}})
    invalid = gql(UPDATE, {"id": deal["id"], "input": {"currency": "EURO"}})

    assert stale["__typename"] == "StaleVersion"
    assert refusal(missing, "updateDeal") == ("NotFound", "id")
    assert refusal(invalid, "updateDeal") == ("ValidationError", "currency")


def test_a_soft_deleted_deal_disappears_and_comes_back_on_restore(gql: Gql) -> None:
    node = "query($id: ID!) { node(id: $id) { id } deal(id: $id) { name } }"
    id_ = gid("Deal", DEAL.uid)

    deleted = result(gql(DELETE, {"id": id_}), "softDeleteDeal")["deal"]
    hidden = gql(LIST), gql(node, {"id": id_})
    restored = result(gql(RESTORE, {"id": id_}), "restoreDeal")["deal"]

    assert deleted["deletedAt"] is not None and restored["deletedAt"] is None
    assert result(hidden[0], "deals")["totalCount"] == 0
    assert hidden[1]["data"] == {"node": None, "deal": None}
    assert result(gql(LIST), "deals")["nodes"] == [{"name": "Acme renewal"}]
    assert result(gql(node, {"id": id_}), "deal") == {"name": "Acme renewal"}


def test_deal_contacts_are_added_once_re_roled_and_removed(gql: Gql) -> None:
    ids = {"deal": gid("Deal", DEAL.uid), "person": gid("Person", BOB.uid)}

    added = result(gql(ADD, {**ids, "role": "CHAMPION"}), "addDealContact")
    again = result(gql(ADD, {**ids, "role": "CHAMPION"}), "addDealContact")
    changed = result(
        gql(CHANGE, {**ids, "from": "CHAMPION", "to": "BLOCKER"}), "changeDealContactRole"
    )
    removed = result(gql(REMOVE, {**ids, "role": "BLOCKER"}), "removeDealContact")

    assert (added["created"], again["created"]) == (True, False)
    assert added["contact"] == {"role": "CHAMPION", "person": {"fullName": "Bob Stone"}}
    assert {"role": "CHAMPION", "person": {"fullName": "Bob Stone"}} in again["deal"]["contacts"]
    assert changed["contact"] == {"role": "BLOCKER"}
    assert {"role": "BLOCKER", "person": {"fullName": "Bob Stone"}} in changed["deal"]["contacts"]
    assert removed["deal"]["contacts"] == [
        {"role": "DECISION_MAKER", "person": {"fullName": "Ann Lee"}}
    ]


def test_deal_contact_changes_report_typed_errors(gql: Gql) -> None:
    deal, ann, bob = gid("Deal", DEAL.uid), gid("Person", ANN.uid), gid("Person", BOB.uid)
    gql(ADD, {"deal": deal, "person": ann, "role": "CHAMPION"})

    taken = gql(CHANGE, {"deal": deal, "person": ann, "from": "CHAMPION", "to": "DECISION_MAKER"})
    same = gql(CHANGE, {"deal": deal, "person": ann, "from": "CHAMPION", "to": "CHAMPION"})
    no_role = gql(CHANGE, {"deal": deal, "person": bob, "from": "USER", "to": "CHAMPION"})
    no_deal = gql(ADD, {"deal": gid("Deal", "deal:x:none"), "person": bob, "role": "USER"})
    no_person = gql(REMOVE, {"deal": deal, "person": gid("Person", "p:x"), "role": "USER"})
    not_held = gql(REMOVE, {"deal": deal, "person": bob, "role": "USER"})

    assert refusal(taken, "changeDealContactRole") == ("Conflict", "toRole")
    assert refusal(same, "changeDealContactRole") == ("ValidationError", "toRole")
    assert refusal(no_role, "changeDealContactRole") == ("NotFound", "fromRole")
    assert refusal(no_deal, "addDealContact") == ("NotFound", "dealId")
    assert refusal(no_person, "removeDealContact") == ("NotFound", "personId")
    assert refusal(not_held, "removeDealContact") == ("NotFound", "role")
