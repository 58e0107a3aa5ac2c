"""Every GraphQL example in the README and in docs/ runs on the demo data and returns something."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.services.knows import derive_knows
from graph.driver import GraphClient
from graph.writing.writers import GraphWriter
from ingest.dataset_loader import load_records
from ingest.demo import SMALL, generate

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
Gql = Callable[..., dict[str, Any]]


def _documents() -> list[Path]:
    """The README, then every chapter under docs/, in a stable order."""
    return [README, *sorted(DOCS.rglob("*.md"))]


def _examples() -> list[tuple[str, str]]:
    """(document, example) for every ```graphql block of the documents."""
    return [
        (path.relative_to(ROOT).as_posix(), example)
        for path in _documents()
        for example in re.findall(
            r"```graphql\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL
        )
    ]


def _non_empty(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_non_empty(v) for v in value.values())
    if isinstance(value, list):
        return bool(value) and any(_non_empty(v) for v in value)
    return value not in (None, 0, "")


@pytest.fixture
async def demo(clean_graph: GraphClient) -> None:
    dataset = generate(seed=7, scale=SMALL)
    await load_records(GraphWriter(clean_graph), dataset)
    await derive_knows(clean_graph, as_of=max(i.occurred_at for i in dataset.interactions))


def test_the_readme_has_examples() -> None:
    documents = {document for document, _ in _examples()}
    assert len(_examples()) >= 5
    assert "README.md" in documents
    assert any(document.startswith("docs/") for document in documents), documents


def test_every_readme_example_runs_on_the_demo_data(demo: None, gql: Gql) -> None:
    for document, example in _examples():
        body = gql(example)
        assert "errors" not in body, (document, example, body.get("errors"))
        for root, value in body["data"].items():
            assert _non_empty(value), f"{root} came back empty in {document}:\n{example}"
