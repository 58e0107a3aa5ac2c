"""The workspace in a real headless Chromium against the real app on the demo data: sign in,
search, the account page and its org chart, ways in, hidden links, the person page, the
pipeline, GraphiQL, and the messages a person gets for what the API refuses.

Each test saves a screenshot of its page (see ``screenshots`` in the conftest)."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ingest.demo import DemoDataset
from schema.enums import EmploymentRole
from tests.api.web.conftest import sign_in

pytestmark = pytest.mark.neo4j


def gid(type_name: str, uid: str) -> str:
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@dataclass(frozen=True)
class Planted:
    """A planted introduction: colleague -> introducer -> target, and the target's account."""

    source: str
    source_name: str
    target: str
    introducer: str
    account: str
    account_name: str


@pytest.fixture(scope="module")
def planted(demo_dataset: DemoDataset) -> Planted:
    names = {p.uid: p.full_name for p in demo_dataset.people}
    companies = {c.uid: c.name for c in demo_dataset.companies}
    for intro in demo_dataset.ground_truth.planted_introductions:
        jobs = [
            e.company_uid
            for e in demo_dataset.employments
            if e.person_uid == intro.target_uid
            and e.end is None
            and e.role is EmploymentRole.EMPLOYEE
        ]
        if jobs:
            return Planted(
                source=gid("Person", intro.source_uid),
                source_name=names[intro.source_uid],
                target=gid("Person", intro.target_uid),
                introducer=gid("Person", intro.introducer_uid),
                account=gid("Company", jobs[0]),
                account_name=companies[jobs[0]],
            )
    raise AssertionError("no planted introduction to someone employed")


def api(page: Page, query: str, variables: dict[str, Any]) -> Any:
    """Ask the API directly from the page (with the signed-in key), not through the UI."""
    return page.evaluate(
        """async ([query, variables]) => {
            const key = sessionStorage.getItem("relgraph.apiKey");
            const r = await fetch("/graphql", {method: "POST", headers: {
                "Content-Type": "application/json", Authorization: `Bearer ${key}`},
                body: JSON.stringify({query, variables})});
            return (await r.json()).data;
        }""",
        [query, variables],
    )


def pick(page: Page, box: str, text: str, name: str, kind: str) -> None:
    """Type into a search box and choose the hit named exactly ``name``."""
    page.fill(f"input[name={box}]", text)
    exact = page.locator(".hit-name", has_text=re.compile(f"^{re.escape(name)}$"))
    page.locator(f".search-hit[data-kind={kind}]", has=exact).first.click()


def test_signing_in_and_searching_opens_the_account_page(
    page: Page, demo_admin_key: str, planted: Planted, screenshots: Path
) -> None:
    page.goto("/")
    expect(page.locator("form.signin")).to_be_visible()
    page.screenshot(path=screenshots / "sign-in.png")
    sign_in(page, demo_admin_key)

    page.fill("input[name=search]", planted.account_name[:-1])  # a typo: the last letter lost
    expect(page.locator(".search-hit").first).to_be_visible()
    page.screenshot(path=screenshots / "search.png")
    pick(page, "search", planted.account_name[:-1], planted.account_name, "company")

    expect(page.locator("h1 .title-name")).to_have_text(planted.account_name)
    expect(page.locator("section.card h2", has_text="People now")).to_be_visible()
    expect(page.locator("section.card h2", has_text="Deals")).to_be_visible()
    page.screenshot(path=screenshots / "account.png", full_page=True)
    page.goto("/#/")
    expect(page.locator("ul.recent")).to_contain_text(planted.account_name)


def test_the_org_chart_draws_a_box_per_person_and_dashes_inferred_lines(
    page: Page, demo_admin_key: str, planted: Planted, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/company/{planted.account}/org")
    page.wait_for_function("window.relgraph && window.relgraph.cy")

    chart = api(
        page,
        "query($id: ID!) { orgChart(companyId: $id) { ... on OrgChart {"
        " people { person { id } line { kind } } emptySeats { seat } } } }",
        {"id": planted.account},
    )["orgChart"]
    boxes = page.evaluate("window.relgraph.cy.nodes('.person').length")
    seats = page.evaluate("window.relgraph.cy.nodes('.seat').length")
    assert boxes == len(chart["people"]) > 0
    assert seats == len(chart["emptySeats"])
    inferred = sum(1 for p in chart["people"] if p["line"] and p["line"]["kind"] == "INFERRED")
    assert inferred > 0
    styles = page.evaluate(
        "['.inferred', '.explicit'].map(c => window.relgraph.cy.edges(c).map("
        "e => e.style('line-style')))"
    )
    assert len(styles[0]) == inferred and set(styles[0]) == {"dashed"}
    assert set(styles[1]) <= {"solid"}
    expect(page.locator(".chart-summary")).to_contain_text(f"{len(chart['people'])} people")

    # Hover an inferred line: its confidence and reason.
    box = page.locator("[data-testid=org-graph]").bounding_box()
    assert box is not None
    point = page.evaluate("window.relgraph.cy.edges('.inferred')[0].renderedMidpoint()")
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    expect(page.locator(".tooltip")).to_contain_text("confidence")
    page.screenshot(path=screenshots / "org-chart.png")


def test_collapsing_a_manager_hides_their_team(
    page: Page, demo_admin_key: str, planted: Planted
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/company/{planted.account}/org")
    page.wait_for_function("window.relgraph && window.relgraph.cy")
    top = "window.relgraph.cy.nodes('.person').roots()[0]"
    page.evaluate(f"{top}.emit('tap')")
    page.click("aside.side button:has-text('Collapse team')")

    visible = page.evaluate("window.relgraph.cy.nodes('.person').filter(n => n.visible()).length")
    assert visible == 1 or visible < page.evaluate("window.relgraph.cy.nodes('.person').length")
    page.click("button:has-text('Expand all')")
    assert page.evaluate("window.relgraph.cy.nodes(':hidden').length") == 0


def test_ways_in_draws_the_planted_introducers_path(
    page: Page, demo_admin_key: str, planted: Planted, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/person/{planted.target}/ways")
    pick(page, "from", planted.source_name, planted.source_name, "person")
    page.click("form.controls button.primary")

    expect(page.locator(".path").first).to_be_visible()
    introducers = page.eval_on_selector_all(
        ".path .chain-person.introducer", "els => els.map(e => e.dataset.personId)"
    )
    assert planted.introducer in introducers
    first_hops = page.locator(".path").first.locator(".chain-hop .strength")
    expect(first_hops.first).to_have_text(re.compile(r"^\d+%$"))
    page.screenshot(path=screenshots / "ways-in.png")


def test_no_path_within_the_hop_limit_is_said_plainly(
    page: Page, demo_admin_key: str, planted: Planted
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/person/{planted.target}/ways")
    pick(page, "from", planted.source_name, planted.source_name, "person")
    page.fill("input[name=maxHops]", "1")
    page.click("form.controls button.primary")

    expect(page.locator(".error[data-kind=no-path]")).to_contain_text("No path within 1 hops")


def test_hidden_links_draw_the_linked_accounts_with_their_evidence(
    page: Page, demo_admin_key: str, planted: Planted, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/company/{planted.account}/links")
    page.wait_for_function("window.relgraph && window.relgraph.cy")

    links = page.evaluate("window.relgraph.links")
    assert links > 0 and page.evaluate("window.relgraph.cy.edges().length") == links
    page.locator("ol.link-list button").first.click()
    expect(page.locator(".evidence h4")).to_contain_text("Evidence")
    page.screenshot(path=screenshots / "hidden-links.png")


def test_the_person_page_shows_jobs_ties_and_interactions(
    page: Page, demo_admin_key: str, planted: Planted, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/person/{planted.target}")

    expect(page.locator("section.card h2", has_text="Jobs")).to_be_visible()
    expect(page.locator("section.card", has_text="Jobs")).to_contain_text(planted.account_name)
    expect(page.locator("section.card", has_text="Strongest relationships")).to_contain_text("%")
    page.screenshot(path=screenshots / "person.png", full_page=True)


def test_the_pipeline_is_drawn_as_charts(
    page: Page, demo_admin_key: str, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto("/#/pipeline")

    expect(page.locator("svg.bars").first).to_be_visible()
    assert page.locator("svg.bars rect.bar-weighted").count() > 3
    page.screenshot(path=screenshots / "pipeline.png", full_page=True)


def test_a_viewer_who_tries_to_act_is_told_the_key_can_only_read(
    page: Page, demo_viewer_key: str, planted: Planted, screenshots: Path
) -> None:
    sign_in(page, demo_viewer_key)
    page.goto(f"/#/company/{planted.account}")
    page.fill("input[name=noteSubject]", "Met at the trade fair")
    page.click("form.note button[type=submit]")

    message = page.locator("form.note .error[data-kind=forbidden]")
    expect(message).to_contain_text("editor")
    message.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "forbidden.png")


def test_an_unknown_id_shows_a_clear_message(
    page: Page, demo_admin_key: str, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto(f"/#/company/{gid('Company', 'company:demo:no-such')}")

    expect(page.locator(".error[data-kind=not-found]")).to_contain_text("No account has the id")
    page.screenshot(path=screenshots / "not-found.png")


def test_a_wrong_key_is_refused_at_sign_in(page: Page) -> None:
    page.goto("/")
    page.fill("input[name=apiKey]", "rg_nope_nope")
    page.click("form.signin button[type=submit]")

    expect(page.locator(".error[data-kind=unauthenticated]")).to_be_visible()


def test_graphiql_opens_offline_with_the_signed_in_key(
    page: Page, demo_admin_key: str, screenshots: Path
) -> None:
    sign_in(page, demo_admin_key)
    page.goto("/graphiql")

    expect(page.locator(".graphiql-container")).to_be_visible()
    expect(page.locator(".graphiql-editor-tool")).to_contain_text("Bearer")
    page.screenshot(path=screenshots / "graphiql.png")
