"""Fixtures of the ``relgraph ingest`` command tests: the command's environment and where it
writes its rejects report."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.config import GraphSettings
from graph.driver import GraphClient
from tests.api.ingest_files import cli_env


@pytest.fixture
def env(neo4j_settings: GraphSettings, clean_graph: GraphClient) -> dict[str, str]:
    """The command's environment, over the session's emptied database."""
    return cli_env(neo4j_settings)


@pytest.fixture
def rejects(tmp_path: Path) -> Path:
    """Where the command writes its rejects report."""
    return tmp_path / "rejects.csv"
