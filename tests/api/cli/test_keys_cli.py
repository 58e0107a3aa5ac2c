"""``relgraph keys create | list | revoke``, invoked as a user would, against the session DB."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from api.config import ApiSettings
from api.http.app import create_app
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import hash_secret, parse_key

runner = CliRunner()
KEY = re.compile(r"rg_[0-9a-f]{12}_[A-Za-z0-9_-]+")
WHEN = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")
HEALTH = {"query": "{ health { ok } }"}


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The environment that points the CLI at the session's (emptied) database."""
    return {
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user or "",
        "NEO4J_PASSWORD": neo4j_settings.password or "",
    }


def _create(env: dict[str, str], *args: str) -> str:
    result = runner.invoke(app, ["keys", "create", *args], env=env)
    assert result.exit_code == 0, result.output
    [key] = KEY.findall(result.output.split("Send it as")[0])
    return str(key)


def _parts(key: str) -> tuple[str, str]:
    parsed = parse_key(key)
    assert parsed is not None, key
    return parsed


def _status(settings: GraphSettings, key: str) -> int:
    with TestClient(create_app(ApiSettings(graph=settings))) as client:
        return client.post("/graphql", json=HEALTH, headers={"X-API-Key": key}).status_code


@pytest.mark.neo4j
def test_create_prints_a_working_key_once_with_a_warning(
    env: dict[str, str], neo4j_settings: GraphSettings
) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "viewer", "--name", "ci"], env=env)

    assert result.exit_code == 0, result.output
    assert "shown only this once" in result.output and "stores only its hash" in result.output
    assert "name 'ci', role viewer" in result.output
    key = KEY.findall(result.output)[0]
    assert f"Authorization: Bearer {key}" in result.output
    assert _status(neo4j_settings, key) == 200


@pytest.mark.neo4j
def test_list_shows_each_key_and_whether_it_is_revoked_but_never_a_secret(
    env: dict[str, str],
) -> None:
    kept = _create(env, "--role", "editor", "--name", "importer")
    gone = _create(env, "--role", "admin")
    kept_id, gone_id = _parts(kept)[0], _parts(gone)[0]
    assert runner.invoke(app, ["keys", "revoke", gone_id], env=env).exit_code == 0

    result = runner.invoke(app, ["keys", "list"], env=env)

    assert result.exit_code == 0, result.output
    rows = {line.split()[1]: line for line in result.output.splitlines() if "│" in line[:2]}
    assert "importer" in rows[kept_id] and "editor" in rows[kept_id]
    assert "admin key" in rows[gone_id] and len(WHEN.findall(rows[gone_id])) == 2
    assert len(WHEN.findall(rows[kept_id])) == 1 and rows[kept_id].rstrip(" │").endswith("-")
    for key in (kept, gone):
        secret = _parts(key)[1]
        assert secret not in result.output and hash_secret(secret) not in result.output


@pytest.mark.neo4j
def test_a_revoked_key_is_refused_from_then_on(
    env: dict[str, str], neo4j_settings: GraphSettings
) -> None:
    key = _create(env, "--role", "admin", "--name", "laptop")
    key_id = _parts(key)[0]

    result = runner.invoke(app, ["keys", "revoke", key_id], env=env)

    assert result.exit_code == 0 and f"Revoked API key {key_id}" in result.output
    assert _status(neo4j_settings, key) == 401


@pytest.mark.neo4j
def test_revoking_an_unknown_or_revoked_key_is_a_one_line_error(env: dict[str, str]) -> None:
    key_id = _parts(_create(env, "--role", "viewer"))[0]
    runner.invoke(app, ["keys", "revoke", key_id], env=env)

    for target in ("0123456789ab", key_id):
        result = runner.invoke(app, ["keys", "revoke", target], env=env)
        assert result.exit_code == 1
        assert f"error: no active API key has the id '{target}'" in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--role", "owner"],
        [],
        ["--role", "viewer", "--name", ""],
        ["--role", "viewer", "--name", "x" * 101],
    ],
)
def test_create_refuses_an_unknown_role_or_a_bad_name_before_touching_the_database(
    args: list[str], unused_port: int
) -> None:
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{unused_port}", "RELGRAPH_RETRY_TIME": "0"}

    result = runner.invoke(app, ["keys", "create", *args], env=env)

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_an_unreachable_database_gives_a_one_line_error(unused_port: int) -> None:
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{unused_port}", "RELGRAPH_RETRY_TIME": "0"}

    result = runner.invoke(app, ["keys", "list"], env=env)

    assert result.exit_code == 1
    assert "error: Neo4j is unreachable" in result.output
    assert "Traceback" not in result.output
