"""The pages the app serves to browsers: the workspace at ``/``, GraphiQL built locally, and
a clear page (never a server error) when the assets have not been built."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app
from api.http.web import DEFAULT_DIST
from graph.config import GraphSettings
from tests.api.web.conftest import missing

NOWHERE = GraphSettings(uri="bolt://127.0.0.1:9", query_timeout=2, retry_time=0)
SETTINGS = ApiSettings(graph=NOWHERE, projection=False)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A folder laid out as ``make web`` lays out api/web/dist."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<script src="/assets/app.js"></script>')
    (tmp_path / "graphiql.html").write_text('<title>GraphiQL</title><div id="graphiql">')
    (tmp_path / "assets" / "app.js").write_text("console.log('workspace')")
    return tmp_path


def client_of(settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def app_with_assets(built: Path) -> Iterator[TestClient]:
    yield from client_of(dataclasses.replace(SETTINGS, web_dist=str(built)))


@pytest.fixture
def app_without_assets(tmp_path: Path) -> Iterator[TestClient]:
    yield from client_of(dataclasses.replace(SETTINGS, web_dist=str(tmp_path / "never-built")))


def test_the_workspace_is_served_at_the_root_without_a_key(app_with_assets: TestClient) -> None:
    page = app_with_assets.get("/")
    script = app_with_assets.get("/assets/app.js")

    assert page.status_code == 200 and "/assets/app.js" in page.text
    assert script.status_code == 200 and "workspace" in script.text


def test_a_browser_asking_for_graphql_gets_the_local_graphiql(app_with_assets: TestClient) -> None:
    for path in ("/graphql", "/graphiql"):
        response = app_with_assets.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200 and "GraphiQL" in response.text


def test_graphql_still_needs_a_key_for_anything_but_the_page(app_with_assets: TestClient) -> None:
    response = app_with_assets.post("/graphql", json={"query": "{ health { ok } }"})

    assert response.status_code == 401


def test_missing_assets_answer_a_page_saying_how_to_build_them(
    app_without_assets: TestClient,
) -> None:
    for path in ("/", "/graphiql"):
        response = app_without_assets.get(path)
        assert response.status_code == 503
        assert "make web" in response.text and "text/html" in response.headers["content-type"]
    assert app_without_assets.get("/assets/app.js").status_code == 404


def test_graphiql_can_be_turned_off(built: Path) -> None:
    settings = dataclasses.replace(SETTINGS, web_dist=str(built), graphiql=False)
    for client in client_of(settings):
        assert client.get("/graphiql").status_code == 404
        assert client.get("/").status_code == 200


def test_the_built_pages_load_nothing_from_another_origin() -> None:
    if not (DEFAULT_DIST / "index.html").is_file():
        missing(f"the web assets are not built in {DEFAULT_DIST} (run `make web`)")
    for name in ("index.html", "graphiql.html"):
        html = (DEFAULT_DIST / name).read_text(encoding="utf-8")
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert sources and all(s.startswith("/assets/") for s in sources), sources
