"""Migrations create every constraint and index, and running them again changes nothing."""

from __future__ import annotations

import pytest

from graph.driver import GraphClient
from graph.migrations import MIGRATIONS, migrate
from graph.reading.stats import StatsReader

pytestmark = pytest.mark.neo4j


async def test_migrating_again_reports_everything_as_already_applied(
    graph_client: GraphClient,
) -> None:
    reader = StatsReader(graph_client)
    constraints_before = await reader.constraint_names()
    indexes_before = await reader.index_states()

    report = await migrate(graph_client)

    assert report.applied == ()
    assert report.already_applied == tuple(m.id for m in MIGRATIONS)
    assert report.already_applied == (
        "0001_constraints",
        "0002_indexes",
        "0003_api_keys",
        "0004_merges",
        "0005_ingest",
        "0006_change_feed",
    )
    assert await reader.constraint_names() == constraints_before
    assert await reader.index_states() == indexes_before


async def test_every_key_is_constrained_and_every_index_is_online(
    graph_client: GraphClient,
) -> None:
    reader = StatsReader(graph_client)
    constraints = set(await reader.constraint_names())
    states = await reader.index_states()

    assert {
        "company_uid",
        "company_source_key",
        "person_uid",
        "person_source_key",
        "person_email",
        "deal_uid",
        "deal_source_key",
        "interaction_uid",
        "interaction_source_key",
        "domain_name",
        "address_key",
        "phone_number",
        "works_at_uid",
        "reports_to_uid",
        "api_key_id",
        "merge_record_id",
        "change_seq",
        "change_counter_name",
    } <= constraints
    assert {"entity_text", "company_name", "person_name", "interaction_time"} <= set(states)
    assert set(states.values()) == {"ONLINE"}
