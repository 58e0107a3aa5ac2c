"""Print the GraphQL schema's SDL: ``python -m api.graphql.sdl > schema.graphql``.

``schema.graphql`` is committed; tests/api/graphql/test_schema_sdl.py fails when the code drifts
from it, so every change to the public API shows up in review.
"""

from __future__ import annotations

from api.config import ApiSettings
from api.graphql.schema import build_schema
from graph.config import GraphSettings

__all__ = ["current_sdl", "main"]


def current_sdl() -> str:
    """The SDL of the schema the app serves (building it needs no database)."""
    settings = ApiSettings(graph=GraphSettings(uri="bolt://127.0.0.1:7687"))
    return str(build_schema(settings)) + "\n"


def main() -> None:
    """Write the SDL to standard output."""
    print(current_sdl(), end="")


if __name__ == "__main__":
    main()
