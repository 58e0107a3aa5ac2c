"""The ``relgraph`` command line, invoked as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner

from api.cli import app
from graph.config import GraphSettings
from graph.driver import GraphClient

runner = CliRunner()


def _local_env(home: Path, port: int) -> dict[str, str]:
    return {
        "RELGRAPH_HOME": str(home),
        "RELGRAPH_NEO4J_PORT": str(port),
        "RELGRAPH_NEO4J_HEAP": "512m",
        "RELGRAPH_NEO4J_PAGECACHE": "128m",
        "NEO4J_URI": "",
    }


def test_status_of_a_server_never_started_says_stopped_with_exit_status_3(
    tmp_path: Path, unused_port: int
) -> None:
    result = runner.invoke(app, ["db", "status"], env=_local_env(tmp_path, unused_port))

    assert result.exit_code == 3
    assert "stopped" in result.output and str(tmp_path / "neo4j" / "data") in result.output


@pytest.mark.parametrize("command", ["start", "stop", "status"])
def test_with_neo4j_uri_there_is_no_local_server_to_manage(command: str) -> None:
    result = runner.invoke(app, ["db", command], env={"NEO4J_URI": "neo4j://db.example:7687"})

    assert result.exit_code == 0
    assert "external Neo4j at neo4j://db.example:7687" in result.output


@pytest.mark.neo4j
def test_migrate_against_a_server_named_by_neo4j_uri(
    neo4j_settings: GraphSettings, graph_client: GraphClient
) -> None:
    # graph_client has migrated the session database already, whatever ran before.
    result = runner.invoke(
        app,
        ["db", "migrate"],
        env={"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "", "NEO4J_PASSWORD": ""},
    )

    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())  # rich wraps long lines at the terminal width
    assert (
        "already applied: 0001_constraints, 0002_indexes, 0003_api_keys, 0004_merges, 0005_ingest"
        in output
    )


@pytest.mark.neo4j
def test_a_neo4j_routing_uri_works_against_a_single_server(neo4j_settings: GraphSettings) -> None:
    routing = neo4j_settings.uri.replace("bolt://", "neo4j://")
    with GraphDatabase.driver(routing, auth=None) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS x", database_="neo4j")
    assert records[0]["x"] == 1


def test_an_unreachable_database_gives_a_one_line_error_not_a_traceback(unused_port: int) -> None:
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{unused_port}", "RELGRAPH_RETRY_TIME": "0"}

    result = runner.invoke(app, ["db", "migrate"], env=env)

    assert result.exit_code == 1
    assert "error: Neo4j is unreachable" in result.output
    assert "Traceback" not in result.output


@pytest.mark.neo4j
@pytest.mark.slow
def test_start_status_query_and_stop_from_the_command_line(
    tmp_path: Path, unused_port: int
) -> None:
    env = _local_env(tmp_path, unused_port)
    try:
        started = runner.invoke(app, ["db", "start"], env=env)
        assert started.exit_code == 0, started.output
        assert "running" in started.output and f"bolt://127.0.0.1:{unused_port}" in started.output

        status = runner.invoke(app, ["db", "status"], env=env)
        assert status.exit_code == 0 and "5.26.30" in status.output and "pid:" in status.output

        with GraphDatabase.driver(f"bolt://127.0.0.1:{unused_port}", auth=None) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS x", database_="neo4j")
        assert records[0]["x"] == 1

        again = runner.invoke(app, ["db", "start"], env=env)
        assert again.exit_code == 1 and "already runs on" in again.output
    finally:
        stopped = runner.invoke(app, ["db", "stop"], env=env)
    assert stopped.exit_code == 0 and "stopped" in stopped.output
    assert runner.invoke(app, ["db", "status"], env=env).exit_code == 3


def test_generate_writes_the_six_templates_and_the_ground_truth(tmp_path: Path) -> None:
    result = runner.invoke(app, ["generate", str(tmp_path / "out"), "--seed", "3"])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "companies.csv",
        "deal_contacts.csv",
        "deals.csv",
        "employments.csv",
        "ground_truth.json",
        "interactions.csv",
        "people.csv",
    ]


@pytest.mark.neo4j
def test_demo_loads_the_small_data_set_and_derives_knows(
    neo4j_settings: GraphSettings, tmp_path: Path
) -> None:
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": "", "RELGRAPH_HOME": str(tmp_path)}

    result = runner.invoke(app, ["demo", "--no-serve"], env=env)

    assert result.exit_code == 0, result.output
    written = dict(re.findall(r"^\s+(.+?)\s+([\d,]+) written$", result.output, re.MULTILINE))
    assert written["people"] == "3,500" and written["interactions"] == "35,000"
    assert int(written["KNOWS (derived)"].replace(",", "")) > 5_000
    assert (tmp_path / "demo" / "ground_truth.json").is_file()
