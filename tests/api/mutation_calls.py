"""Helpers of the mutation tests: a signed-in GraphQL caller of the real app, global ids,
and the shapes every result union shares."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from starlette.testclient import TestClient

from api.config import ApiSettings
from api.http.app import create_app

Gql = Callable[..., dict[str, Any]]

# Every error member of every result union implements MutationError.
ERROR = "... on MutationError { __typename message field }"
STALE = "... on StaleVersion { expectedVersion actualVersion }"


def gid(type_name: str, uid: str) -> str:
    """The global id of a record."""
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


@contextmanager
def signed_in(settings: ApiSettings, key: str) -> Iterator[Gql]:
    """``gql(query, variables)`` posting with ``key`` through the app; asserts HTTP 200."""
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {key}"

        def run(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
            response = client.post("/graphql", json={"query": query, "variables": variables})
            assert response.status_code == 200, response.text
            body: dict[str, Any] = response.json()
            return body

        yield run


def result(body: dict[str, Any], name: str) -> dict[str, Any]:
    """The result of mutation (or query) ``name``, asserting no GraphQL error."""
    assert "errors" not in body, body["errors"]
    found: dict[str, Any] = body["data"][name]
    return found


def refusal(body: dict[str, Any], name: str) -> tuple[str, str]:
    """``(typename, field)`` of a typed error result."""
    found = result(body, name)
    assert found["__typename"] != "" and found["message"], found
    return found["__typename"], found["field"]
