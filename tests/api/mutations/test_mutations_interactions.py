"""Interaction mutations over HTTP against the real Neo4j: logging, changing, hiding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.crm_data import seed
from tests.api.mutation_calls import ERROR, STALE, Gql, gid, refusal, result, signed_in
from tests.graph.records import ANN, BOB, CAROL, DEAL

pytestmark = pytest.mark.neo4j

FIELDS = """id kind occurredAt subject source version deletedAt deal { name }
  participants { role person { fullName } }"""
LOG = f"""mutation($kind: InteractionKind!, $at: DateTime!, $parts: [ParticipantInput!]!,
  $subject: String, $deal: ID) {{
  logInteraction(kind: $kind, occurredAt: $at, participants: $parts, subject: $subject,
    dealId: $deal) {{
  __typename ... on CreateInteractionSuccess {{ interaction {{ {FIELDS} }} }} {ERROR} }} }}"""
CREATE = f"""mutation($input: CreateInteractionInput!) {{ createInteraction(input: $input) {{
  __typename ... on CreateInteractionSuccess {{ interaction {{ {FIELDS} }} }} {ERROR} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: InteractionChangesInput!, $v: Int) {{
  updateInteraction(id: $id, input: $input, expectedVersion: $v) {{
  __typename ... on UpdateInteractionSuccess {{ interaction {{ {FIELDS} }} }}
  {ERROR} {STALE} }} }}"""
DELETE = f"""mutation($id: ID!) {{ softDeleteInteraction(id: $id) {{
  __typename ... on SoftDeleteInteractionSuccess {{ interaction {{ {FIELDS} }} }} {ERROR} }} }}"""
RESTORE = f"""mutation($id: ID!) {{ restoreInteraction(id: $id) {{
  __typename ... on RestoreInteractionSuccess {{ interaction {{ {FIELDS} }} }} {ERROR} }} }}"""
TIMELINE = "query($id: ID!) { interactions(dealId: $id) { totalCount nodes { subject } } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"


@pytest.fixture
async def seeded(clean_graph: GraphClient) -> None:
    await seed(GraphWriter(clean_graph))


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str, seeded: None) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


def _parts(*people: tuple[str, str]) -> list[dict[str, str]]:
    return [{"personId": gid("Person", uid), "role": role} for uid, role in people]


def _log(gql: Gql, **overrides: object) -> dict[str, Any]:
    variables = {
        "kind": "MEETING",
        "at": "2026-03-02T10:30:00+01:00",
        "parts": _parts((CAROL.uid, "ORGANIZER"), (ANN.uid, "ATTENDEE")),
        "subject": "Renewal review",
        "deal": gid("Deal", DEAL.uid),
        **overrides,
    }
    return gql(LOG, variables)


def test_logging_an_interaction_links_its_participants_and_deal(gql: Gql) -> None:
    logged = result(_log(gql), "logInteraction")["interaction"]

    assert (logged["kind"], logged["subject"], logged["deal"]) == (
        "MEETING",
        "Renewal review",
        {"name": "Acme renewal"},
    )
    assert logged["occurredAt"] == "2026-03-02T10:30:00+01:00"
    assert sorted(logged["participants"], key=lambda p: p["role"]) == [
        {"role": "ATTENDEE", "person": {"fullName": "Ann Lee"}},
        {"role": "ORGANIZER", "person": {"fullName": "Carol Diaz"}},
    ]
    assert (logged["source"], logged["version"]) == ("api", 1)
    subjects = result(gql(TIMELINE, {"id": gid("Deal", DEAL.uid)}), "interactions")["nodes"]
    assert {"subject": "Renewal review"} in subjects


def test_create_interaction_takes_one_input_and_reads_a_time_without_offset_as_utc(
    gql: Gql,
) -> None:
    body = gql(
        CREATE,
        {
            "input": {
                "kind": "CALL",
                "occurredAt": "2026-03-02T08:00:00",
                "participants": _parts((BOB.uid, "TO")),
            }
        },
    )

    created = result(body, "createInteraction")["interaction"]
    assert (created["kind"], created["occurredAt"], created["deal"]) == (
        "CALL",
        "2026-03-02T08:00:00+00:00",
        None,
    )


def test_an_interaction_without_participants_or_with_a_long_subject_is_invalid(
    gql: Gql,
) -> None:
    nobody = _log(gql, parts=[])
    long_subject = _log(gql, subject="s" * 501)

    assert refusal(nobody, "logInteraction") == ("ValidationError", "participants")
    assert refusal(long_subject, "logInteraction") == ("ValidationError", "subject")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"parts": _parts((ANN.uid, "FROM"), ("person:x:none", "TO"))}, "participants[1].personId"),
        (
            {"parts": [{"personId": gid("Deal", ANN.uid), "role": "FROM"}]},
            "participants[0].personId",
        ),
        ({"deal": gid("Deal", "deal:x:none")}, "dealId"),
    ],
)
def test_an_interaction_referencing_nothing_is_not_found_naming_the_field(
    gql: Gql, overrides: dict[str, object], field: str
) -> None:
    assert refusal(_log(gql, **overrides), "logInteraction") == ("NotFound", field)


def test_an_update_changes_fields_replaces_participants_and_may_drop_the_deal(gql: Gql) -> None:
    logged = result(_log(gql), "logInteraction")["interaction"]

    body = gql(
        UPDATE,
        {
            "id": logged["id"],
            "v": 1,
            "input": {
                "subject": "Moved",
                "dealId": None,
                "participants": _parts((BOB.uid, "FROM")),
            },
        },
    )

    updated = result(body, "updateInteraction")["interaction"]
    assert (updated["subject"], updated["deal"], updated["kind"]) == ("Moved", None, "MEETING")
    assert updated["participants"] == [{"role": "FROM", "person": {"fullName": "Bob Stone"}}]
    assert updated["version"] == 2


def test_an_update_is_refused_when_stale_unknown_or_invalid(gql: Gql) -> None:
    logged = result(_log(gql), "logInteraction")["interaction"]

    stale = gql(UPDATE, {"id": logged["id"], "v": 3, "input": {"subject": "x"}})
    missing = gql(UPDATE, {"id": gid("Interaction", "i:x"), "input": {"subject": "x"}})
    emptied = gql(UPDATE, {"id": logged["id"], "input": {"participants": []}})
    kindless = gql(UPDATE, {"id": logged["id"], "input": {"kind": None}})

    assert result(stale, "updateInteraction")["actualVersion"] == 1
    assert refusal(missing, "updateInteraction") == ("NotFound", "id")
    assert refusal(emptied, "updateInteraction") == ("ValidationError", "participants")
    assert refusal(kindless, "updateInteraction") == ("ValidationError", "kind")


def test_a_soft_deleted_interaction_leaves_the_timeline_and_comes_back(gql: Gql) -> None:
    logged = result(_log(gql), "logInteraction")["interaction"]
    deal = {"id": gid("Deal", DEAL.uid)}
    before = result(gql(TIMELINE, deal), "interactions")["totalCount"]

    deleted = result(gql(DELETE, {"id": logged["id"]}), "softDeleteInteraction")["interaction"]
    during = result(gql(TIMELINE, deal), "interactions")["totalCount"]
    hidden = gql(NODE, {"id": logged["id"]})
    result(gql(RESTORE, {"id": logged["id"]}), "restoreInteraction")

    assert deleted["deletedAt"] is not None and during == before - 1
    assert hidden["data"] == {"node": None}
    assert result(gql(TIMELINE, deal), "interactions")["totalCount"] == before
    assert result(gql(NODE, {"id": logged["id"]}), "node") == {"id": logged["id"]}
