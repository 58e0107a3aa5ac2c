"""Job changes and reporting lines over HTTP against the real Neo4j: history is kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.config import ApiSettings
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from tests.api.crm_data import EVE, seed
from tests.api.mutation_calls import ERROR, Gql, gid, refusal, result, signed_in
from tests.graph.records import ANN, BOB, CAROL, HOME

pytestmark = pytest.mark.neo4j

JOB = "title department role start end isCurrent company { name }"
CHANGE_JOB = f"""mutation($person: ID!, $company: ID!, $title: String, $role: EmploymentRole,
  $start: Date) {{
  changeJob(personId: $person, companyId: $company, title: $title, department: "Ops",
    role: $role, startDate: $start) {{ __typename
  ... on ChangeJobSuccess {{ person {{ title department version }} employment {{ {JOB} }}
      endedEmployments {{ {JOB} }} }} {ERROR} }} }}"""
JOBS = f"""query($id: ID!) {{ person(id: $id) {{ title currentEmployment {{ {JOB} }}
  former: employments(status: FORMER) {{ {JOB} }} all: employments {{ company {{ name }} }} }} }}"""
LINE = "kind validFrom validTo source manager { fullName }"
SET = f"""mutation($person: ID!, $manager: ID!, $from: Date) {{
  setReportsTo(personId: $person, managerId: $manager, validFrom: $from) {{ __typename
  ... on SetReportsToSuccess {{ changed line {{ {LINE} }} closedLines {{ {LINE} }} }}
  {ERROR} }} }}"""
CLEAR = f"""mutation($person: ID!, $to: Date) {{
  clearReportsTo(personId: $person, validTo: $to) {{ __typename
  ... on ClearReportsToSuccess {{ person {{ manager {{ fullName }} }} closedLines {{ {LINE} }} }}
  {ERROR} }} }}"""


@pytest.fixture
async def seeded(clean_graph: GraphClient) -> None:
    await seed(GraphWriter(clean_graph))


@pytest.fixture
def gql(api_settings: ApiSettings, editor_key: str, seeded: None) -> Iterator[Gql]:
    with signed_in(api_settings, editor_key) as run:
        yield run


def _person(uid: str) -> str:
    return gid("Person", uid)


def test_a_job_change_ends_the_old_job_the_day_before_and_keeps_it_as_former(gql: Gql) -> None:
    variables = {
        "person": _person(ANN.uid),
        "company": gid("Company", HOME.uid),
        "title": "COO",
        "start": "2026-04-01",
    }

    change = result(gql(CHANGE_JOB, variables), "changeJob")
    after = result(gql(JOBS, {"id": _person(ANN.uid)}), "person")

    assert change["person"] == {"title": "COO", "department": "Ops", "version": 2}
    assert change["employment"]["company"] == {"name": "Relgraph Ltd"}
    assert (change["employment"]["start"], change["employment"]["isCurrent"]) == (
        "2026-04-01",
        True,
    )
    [ended] = change["endedEmployments"]
    assert (ended["company"], ended["title"], ended["end"]) == (
        {"name": "Acme Inc"},
        "CFO",
        "2026-03-31",
    )
    assert after["currentEmployment"]["company"] == {"name": "Relgraph Ltd"}
    assert [(f["company"]["name"], f["end"]) for f in after["former"]] == [
        ("Acme Inc", "2026-03-31")
    ]
    assert len(after["all"]) == 3  # the board seat at Acme Europe stays current


def test_a_board_seat_ends_no_job_and_leaves_the_title_alone(gql: Gql) -> None:
    variables = {
        "person": _person(EVE.uid),
        "company": gid("Company", HOME.uid),
        "title": "Advisor",
        "role": "ADVISOR",
        "start": "2026-04-01",
    }

    change = result(gql(CHANGE_JOB, variables), "changeJob")

    assert change["endedEmployments"] == [] and change["person"]["title"] == "VP Finance"
    assert change["employment"]["role"] == "ADVISOR"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"start": "2019-01-01"}, ("ValidationError", "startDate")),
        ({"title": "t" * 201}, ("ValidationError", "title")),
        ({"company": gid("Company", "company:x:none")}, ("NotFound", "companyId")),
        ({"person": gid("Company", ANN.uid)}, ("NotFound", "personId")),
    ],
)
def test_a_job_change_reports_typed_errors(
    gql: Gql, variables: dict[str, str], expected: tuple[str, str]
) -> None:
    base = {"person": _person(ANN.uid), "company": gid("Company", HOME.uid), "start": "2026-04-01"}

    assert refusal(gql(CHANGE_JOB, {**base, **variables}), "changeJob") == expected


def test_a_new_manager_closes_the_current_line_the_day_before(gql: Gql) -> None:
    eve, carol = _person(EVE.uid), _person(CAROL.uid)

    moved = result(
        gql(SET, {"person": eve, "manager": carol, "from": "2026-05-01"}), "setReportsTo"
    )
    again = result(
        gql(SET, {"person": eve, "manager": carol, "from": "2026-06-01"}), "setReportsTo"
    )

    assert moved["changed"] and not again["changed"]
    assert moved["line"] == {
        "kind": "EXPLICIT",
        "validFrom": "2026-05-01",
        "validTo": None,
        "source": "api",
        "manager": {"fullName": "Carol Diaz"},
    }
    [closed] = moved["closedLines"]
    assert (closed["manager"], closed["validTo"]) == ({"fullName": "Ann Lee"}, "2026-04-30")
    assert again["line"] == moved["line"] and again["closedLines"] == []


def test_self_management_cycles_and_unknown_people_are_refused(gql: Gql) -> None:
    ann, eve, bob = _person(ANN.uid), _person(EVE.uid), _person(BOB.uid)

    itself = gql(SET, {"person": ann, "manager": ann})
    cycle = gql(SET, {"person": ann, "manager": eve})  # Eve reports to Ann
    unknown = gql(SET, {"person": bob, "manager": _person("person:x:none")})
    early = gql(SET, {"person": bob, "manager": ann, "from": "2026-01-01"})
    before_that = gql(SET, {"person": bob, "manager": eve, "from": "2025-01-01"})

    assert refusal(itself, "setReportsTo") == ("ValidationError", "managerId")
    assert refusal(cycle, "setReportsTo") == ("ValidationError", "managerId")
    assert refusal(unknown, "setReportsTo") == ("NotFound", "managerId")
    assert result(early, "setReportsTo")["changed"]
    assert refusal(before_that, "setReportsTo") == ("ValidationError", "validFrom")


def test_clearing_the_manager_ends_the_line_on_the_date_given(gql: Gql) -> None:
    cleared = result(gql(CLEAR, {"person": _person(EVE.uid), "to": "2026-06-30"}), "clearReportsTo")
    early = gql(CLEAR, {"person": _person(BOB.uid), "to": "2026-06-30"})
    missing = gql(CLEAR, {"person": _person("person:x:none")})
    gql(SET, {"person": _person(BOB.uid), "manager": _person(ANN.uid), "from": "2026-01-01"})
    before_start = gql(CLEAR, {"person": _person(BOB.uid), "to": "2025-12-01"})

    assert cleared["person"] == {"manager": None}
    assert [(c["manager"], c["validTo"]) for c in cleared["closedLines"]] == [
        ({"fullName": "Ann Lee"}, "2026-06-30")
    ]
    assert result(early, "clearReportsTo")["closedLines"] == []
    assert refusal(missing, "clearReportsTo") == ("NotFound", "personId")
    assert refusal(before_start, "clearReportsTo") == ("ValidationError", "validTo")
