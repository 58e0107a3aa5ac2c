"""The intelligence commands invoked as a user would, against the shared demo database.

``intel(*args)`` runs ``relgraph *args`` with the environment pointing at the demo database
and returns the result; the terminal is wide, so that no table cell or tree line wraps and a
test can read one record per line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from api.cli import app
from api.cli.console import console, errors
from graph.config import GraphSettings

Intel = Callable[..., Result]
WIDTH = 240


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands print on a terminal WIDTH columns wide."""
    monkeypatch.setattr(console, "_width", WIDTH)  # restored to None (sized by the terminal)
    monkeypatch.setattr(errors, "_width", WIDTH)


@pytest.fixture
def intel(demo_settings: GraphSettings, wide_terminal: None) -> Intel:
    """Run a ``relgraph`` command against the demo database."""
    env = {
        "NEO4J_URI": demo_settings.uri,
        "NEO4J_USER": demo_settings.user or "",
        "NEO4J_PASSWORD": demo_settings.password or "",
    }

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(app, list(args), env=env)

    return invoke
