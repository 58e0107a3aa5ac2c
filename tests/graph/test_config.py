"""Settings come from the environment: NEO4J_URI selects an external server."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import DEFAULT_NEO4J_VERSION, GraphSettings, LocalServerSettings


def test_without_neo4j_uri_the_managed_local_server_is_used(tmp_path: Path) -> None:
    env = {"RELGRAPH_HOME": str(tmp_path), "RELGRAPH_NEO4J_PORT": "7799"}

    settings = GraphSettings.from_env(env)

    assert settings.uri == "bolt://127.0.0.1:7799"
    assert settings.auth is None and not settings.external
    assert LocalServerSettings.from_env(env).home == tmp_path.resolve()
    assert LocalServerSettings.from_env(env).version == DEFAULT_NEO4J_VERSION


@pytest.mark.parametrize(
    "uri", ["bolt://db:7687", "neo4j://cluster:7687", "neo4j+s://abc.databases.neo4j.io"]
)
def test_neo4j_uri_points_everything_at_that_server(uri: str) -> None:
    env = {
        "NEO4J_URI": uri,
        "NEO4J_USER": "alice",
        "NEO4J_PASSWORD": "secret123",
        "NEO4J_DATABASE": "crm",
    }

    settings = GraphSettings.from_env(env)

    assert (settings.uri, settings.auth, settings.database, settings.external) == (
        uri,
        ("alice", "secret123"),
        "crm",
        True,
    )


def test_an_unknown_uri_scheme_is_rejected_up_front() -> None:
    with pytest.raises(ValueError, match="scheme"):
        GraphSettings(uri="http://localhost:7474")


@pytest.mark.parametrize("port", [0, 70000])
def test_a_port_out_of_range_is_rejected(port: int, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="port"):
        LocalServerSettings(home=tmp_path, port=port)
