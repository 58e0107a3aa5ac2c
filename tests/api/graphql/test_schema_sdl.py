"""The committed schema.graphql is exactly the schema the code serves."""

from __future__ import annotations

from pathlib import Path

from api.graphql.sdl import current_sdl

COMMITTED = Path(__file__).resolve().parents[3] / "schema.graphql"


def test_the_committed_sdl_matches_the_code() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == current_sdl(), (
        "The GraphQL schema changed: review it, then run "
        "`.venv/bin/python -m api.graphql.sdl > schema.graphql` and commit the file."
    )


def test_the_public_root_fields_of_the_contract_are_present() -> None:
    sdl = current_sdl()
    for field in (
        "company(",
        "companies(",
        "person(",
        "people(",
        "deal(",
        "deals(",
        "interactions(",
        "node(",
    ):
        assert f"  {field}" in sdl, field
