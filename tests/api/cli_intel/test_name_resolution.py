"""A COMPANY, FROM or TO argument names a record by uid, GraphQL global id or name (with the
search field's typo tolerance); an ambiguous or unknown one is refused with exit status 2,
an unreachable database with the one-line error every command gives."""

from __future__ import annotations

import pytest
from strawberry import relay
from typer.testing import CliRunner

from api.cli import app
from tests.api.cli_intel.conftest import Intel

HORIZON = "company:demo:c-00012"  # Horizon Shipping PLC; eight other companies are Horizon ...


def _title(output: str) -> str:
    return output.splitlines()[0]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "argument",
    [
        "Horizon Shipping PLC",
        "horizon  shipping plc",
        "Horizon Shiping",  # a typo
        "Horizon Shipping",  # no legal form
        HORIZON,
        str(relay.GlobalID("Company", HORIZON)),
    ],
)
def test_an_exact_name_a_typo_a_prefix_a_uid_and_a_global_id_all_name_the_account(
    intel: Intel, argument: str
) -> None:
    result = intel("org", argument)

    assert result.exit_code == 0, result.output
    assert _title(result.output).startswith("Horizon Shipping PLC  org chart on")


@pytest.mark.neo4j
def test_an_ambiguous_name_lists_the_candidates_with_their_ids_and_exits_2(intel: Intel) -> None:
    result = intel("links", "Horizon")

    assert result.exit_code == 2
    assert "'Horizon' could be any of" in result.output
    assert HORIZON in result.output and "Horizon Shipping PLC" in result.output
    assert "company:demo:c-00022" in result.output  # Horizon Materials LLC
    assert "Traceback" not in result.output


@pytest.mark.neo4j
def test_two_people_of_the_same_name_are_ambiguous_even_though_the_name_is_exact(
    intel: Intel,
) -> None:
    result = intel("paths", "team", "Amanda Weber")

    assert result.exit_code == 2
    assert "person:demo:p-000056" in result.output and "person:demo:p-002726" in result.output


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["org", "Zzyzx Qqqq"], "error: No company matches 'Zzyzx Qqqq'."),
        (["org", "company:demo:c-99999"], "error: No company has the id 'company:demo:c-99999'."),
        (["decision-makers", "person:demo:p-000001"], "COMPANY takes a company"),
        (["paths", "team", "Nobody Atall Xyzzy"], "error: No person or company matches"),
    ],
)
def test_an_unknown_name_or_id_says_so_and_exits_2(
    intel: Intel, args: list[str], message: str
) -> None:
    result = intel(*args)

    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["org", "Acme"],
        ["decision-makers", "Acme"],
        ["paths", "team", "Ann Lee"],
        ["links", "company:demo:c-00001"],
    ],
)
def test_an_unreachable_database_gives_the_one_line_error_of_every_command(
    unused_port: int, args: list[str]
) -> None:
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{unused_port}", "RELGRAPH_RETRY_TIME": "0"}

    result = CliRunner().invoke(app, args, env=env)

    assert result.exit_code == 1
    assert "error: Neo4j is unreachable" in result.output
    assert "Traceback" not in result.output


@pytest.mark.neo4j
def test_a_legal_form_written_with_dots_still_names_the_company(intel: Intel) -> None:
    result = intel("links", "Prairie Capital S.A.")  # the index keeps "s.a" as one word

    assert result.exit_code == 0, result.output
    assert "Hidden links of Prairie Capital S.A." in result.output
