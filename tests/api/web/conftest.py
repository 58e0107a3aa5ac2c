"""Browser fixtures: the real app on the demo database under uvicorn, and Debian's Chromium
driven by Playwright (its own browser download is never used).

Under ``CI=true`` a missing Chromium or unbuilt web assets fail the run; elsewhere the browser
tests are skipped with the reason. Screenshots go to ``RELGRAPH_SCREENSHOTS`` when it is set
(``docs/screenshots`` to refresh the README's pictures), else to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Playwright, Route, expect, sync_playwright

from api.config import ApiSettings
from api.http.app import create_app
from api.http.web import DEFAULT_DIST
from graph.config import GraphSettings
from graph.driver import GraphClient
from graph.reading.api_keys import ApiKeyStore
from schema.auth import Role
from tests.conftest import free_port

# A first answer of the demo database may take seconds on a busy machine (a cold cache, no
# resident projection here): the UI shows progress meanwhile; the assertions wait for it.
expect.set_options(timeout=30_000)


def missing(reason: str) -> None:
    """Fail under ``CI=true``, else skip: what the browser tests need is not here."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_executable() -> str | None:
    """Debian's Chromium (or ``RELGRAPH_CHROMIUM``), if there is one."""
    named = os.environ.get("RELGRAPH_CHROMIUM")
    if named:
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def web_url(demo_settings: GraphSettings) -> Iterator[str]:
    """The app over the demo database, served by uvicorn in a thread on a free port."""
    if not (DEFAULT_DIST / "index.html").is_file():
        missing(f"the web assets are not built in {DEFAULT_DIST} (run `make web`)")
    port = free_port()
    app = create_app(ApiSettings(graph=demo_settings, port=port, projection=False))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="web-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start under uvicorn", pytrace=False)
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="session")
async def demo_viewer_key(demo_client: GraphClient) -> str:
    """A viewer key of the demo database (plaintext)."""
    return (await ApiKeyStore(demo_client).create("test viewer (demo)", Role.VIEWER))[1]


@pytest.fixture(scope="module")
def served(web_url: str, demo_admin_key: str, demo_viewer_key: str) -> str:
    """Everything that runs asyncio, made before Playwright starts: while its sync API is in
    use, the main thread counts as inside a running event loop (``asyncio.run`` refuses)."""
    return web_url


@pytest.fixture(scope="module")
def playwright(served: str) -> Iterator[Playwright]:
    """Playwright for one module at a time, so that the asyncio tests after it run as usual."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Chromium from the Debian package."""
    executable = chromium_executable()
    if executable is None:
        missing("no Chromium: apt-get install chromium (or set RELGRAPH_CHROMIUM)")
    assert executable is not None
    launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser, served: str) -> Iterator[Page]:
    """A fresh tab (its own sessionStorage) that fails the test on any request leaving the
    app's origin: nothing may come from the internet."""
    web_url = served
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=web_url)
    context.set_default_timeout(30_000)
    outside: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(web_url) or url.startswith("data:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    yield tab
    context.close()
    assert not outside, f"requests left the origin: {outside}"


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests put their screenshots."""
    named = os.environ.get("RELGRAPH_SCREENSHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sign_in(page: Page, key: str) -> None:
    """Open the workspace and sign in with ``key``."""
    page.goto("/")
    page.fill("input[name=apiKey]", key)
    page.click("form.signin button[type=submit]")
    page.wait_for_selector("header.top")
