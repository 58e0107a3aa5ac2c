"""Every GraphQL example in the README runs on the demo data and returns something."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.services.knows import derive_knows
from graph.driver import GraphClient
from graph.writers import GraphWriter
from ingest.dataset_loader import load_records
from ingest.demo import SMALL, generate

pytestmark = pytest.mark.neo4j
README = Path(__file__).resolve().parents[2] / "README.md"
Gql = Callable[..., dict[str, Any]]


def _examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return re.findall(r"```graphql\n(.*?)```", text, re.DOTALL)


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
    assert len(_examples()) >= 5


def test_every_readme_example_runs_on_the_demo_data(demo: None, gql: Gql) -> None:
    for example in _examples():
        body = gql(example)
        assert "errors" not in body, (example, body.get("errors"))
        for root, value in body["data"].items():
            assert _non_empty(value), f"{root} came back empty in:\n{example}"
